// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveStore;

// One entry's reconcile in the active store with what a task asks for.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveReconcile
{
    public enum NeighborChange
    {
        None,
        Add,
        Update,
        Remove,
    }

    // One entry's reconcile, shared by single-entry and bulk runs, which differ
    // only in how `before` was read (GetIpNetEntry2 or a table snapshot).
    public static class NeighborReconcile
    {
        // Refuses a MAC the interface's link layer cannot take, before any call.
        public static void CheckMac(NeighborRequest request, NeighborInterface iface)
        {
            string misfit = iface.MacMisfit(request.Mac);
            if (misfit != null)
                throw new NeighborInputException(request.Where + "mac", NeighborParse.FormatMac(request.Mac), misfit);
        }

        // Only a static entry is ours to change; dynamic ones belong to ARP/ND.
        public static NeighborChange Plan(NeighborRequest request, NeighborEntry before)
        {
            if (!request.Present)
                return before != null && before.State == NeighborState.Permanent ? NeighborChange.Remove : NeighborChange.None;
            if (before == null)
                return NeighborChange.Add;
            return before.IsPinnedTo(request.Mac) ? NeighborChange.None : NeighborChange.Update;
        }

        // The entry as check mode predicts it.
        public static NeighborEntry Predict(NeighborRequest request, NeighborInterface iface, NeighborEntry before)
        {
            return request.Present ? new NeighborEntry(request.Address, request.Mac, iface, NeighborState.Permanent,
                before != null && before.IsRouter) : null;
        }

        // The entries' disagreements with the network, before any change: the task's failure when its
        // mac_mismatch is fail, a warning each otherwise.
        public static void Answer(List<string> disagreements, IDictionary parameters, Action<string> warn)
        {
            if (disagreements.Count > 0 && NeighborRequest.Is(NeighborRequest.Text(parameters, "mac_mismatch"), "fail"))
                throw new NeighborException(String.Format(CultureInfo.InvariantCulture,
                    "mac_mismatch is fail, and the network answers with another MAC than the task pins for {0} {1}, so "
                    + "nothing was changed: {2}", disagreements.Count, disagreements.Count == 1 ? "entry" : "entries",
                    String.Join("; ", disagreements.ToArray())));
            foreach (string disagreement in disagreements)
                warn(disagreement);
        }

        // A warning when the task pins a MAC other than the one the network
        // answers with: a mistyped gateway MAC cuts the host off.
        public static string Disagreement(NeighborRequest request, NeighborEntry before)
        {
            if (!request.Present || before == null || !before.DisagreesWith(request.Mac))
                return null;
            return String.Format("{0} on {1}: the network answers with {2} ({3}) and the task pins {4}; if {4} is "
                + "wrong, the host cannot reach this neighbor until the entry is fixed. Check the MAC",
                request.Address, before.Interface, NeighborParse.FormatMac(before.Mac), before.State,
                NeighborParse.FormatMac(request.Mac));
        }

        // Makes the change in the active store and returns the entry read back.
        // applied turns true once Windows accepted a mutating call, and only then.
        public static NeighborEntry Apply(NeighborRequest request, NeighborInterface iface, NeighborEntry before,
            ref bool applied)
        {
            return request.Present ? Pin(request, iface, before, ref applied) : Remove(request, iface, ref applied);
        }

        // Why the entry read back is not what was asked for, or null.
        public static string Mismatch(NeighborRequest request, NeighborInterface iface, NeighborEntry after)
        {
            if (request.Present && (after == null || !after.IsPinnedTo(request.Mac)))
                return String.Format("Windows did not keep the static neighbor {0} -> {1} on {2}: it now reports {3}",
                    request.Address, NeighborParse.FormatMac(request.Mac), iface, Describe(after));
            if (!request.Present && after != null && after.State == NeighborState.Permanent)
                return String.Format("Windows still reports the static neighbor {0} on {1} after removing it",
                    request.Address, iface);
            return null;
        }

        public static string Describe(NeighborEntry entry)
        {
            if (entry == null)
                return "no entry";
            return String.Format("{0} in state {1}", NeighborParse.FormatMac(entry.Mac) ?? "no MAC", entry.State);
        }

        static uint Applied(uint code, ref bool applied)
        {
            if (code == Win32Error.Success)
                applied = true;
            return code;
        }

        // Makes the entry static with the wanted MAC; returns the entry read back.
        static NeighborEntry Pin(NeighborRequest request, NeighborInterface iface, NeighborEntry before, ref bool applied)
        {
            IPAddress address = request.Address;
            bool router = before != null && before.IsRouter;
            uint code;
            if (before == null)
            {
                code = Applied(NeighborTable.Create(address, request.Mac, iface, router), ref applied);
                if (code == Win32Error.Success)
                    return NeighborTable.Read(address, iface);
                // ARP/ND may have learned the address since it was read: change that entry.
                if (code != Win32Error.ObjectAlreadyExists)
                    throw NeighborTable.Failed("Creating the static entry for", "CreateIpNetEntry2", code, address, iface);
            }
            else if (before.State == NeighborState.Permanent)
            {
                code = Applied(NeighborTable.Set(address, request.Mac, iface, router), ref applied);
                if (code != Win32Error.Success)
                    throw NeighborTable.Failed("Changing the MAC of", "SetIpNetEntry2", code, address, iface);
                return NeighborTable.Read(address, iface);
            }

            // A dynamic entry: SetIpNetEntry2 may or may not make it static (not
            // documented), so read it back and fall back to delete + create.
            code = Applied(NeighborTable.Set(address, request.Mac, iface, router), ref applied);
            if (code == Win32Error.AccessDenied || code == Win32Error.NotSupported)
                throw NeighborTable.Failed("Making static", "SetIpNetEntry2", code, address, iface);
            if (code == Win32Error.Success)
            {
                NeighborEntry now = NeighborTable.Read(address, iface);
                if (now != null && now.IsPinnedTo(request.Mac))
                    return now;
            }
            code = Recreate(address, request.Mac, iface, router, ref applied);
            // ARP/ND may learn the address again between the delete and the create: once more.
            if (code == Win32Error.ObjectAlreadyExists)
                code = Recreate(address, request.Mac, iface, router, ref applied);
            if (code != Win32Error.Success)
                throw NeighborTable.Failed("Creating the static entry for", "CreateIpNetEntry2", code, address, iface);
            return NeighborTable.Read(address, iface);
        }

        // Delete (already gone is fine), then create; the create's code.
        static uint Recreate(IPAddress address, byte[] mac, NeighborInterface iface, bool router, ref bool applied)
        {
            uint code = Applied(NeighborTable.Delete(address, iface), ref applied);
            if (code != Win32Error.Success && code != Win32Error.NotFound)
                throw NeighborTable.Failed("Removing the dynamic entry of", "DeleteIpNetEntry2", code, address, iface);
            return Applied(NeighborTable.Create(address, mac, iface, router), ref applied);
        }

        static NeighborEntry Remove(NeighborRequest request, NeighborInterface iface, ref bool applied)
        {
            uint code = Applied(NeighborTable.Delete(request.Address, iface), ref applied);
            // Already gone is what was asked for.
            if (code != Win32Error.Success && code != Win32Error.NotFound)
                throw NeighborTable.Failed("Removing", "DeleteIpNetEntry2", code, request.Address, iface);
            return NeighborTable.Read(request.Address, iface);
        }
    }
}
