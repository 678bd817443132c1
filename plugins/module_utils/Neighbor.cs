using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// Neighbor entries as Windows holds them, the IP Helper calls that read and
// change one, and the reconcile of one entry with what a task asks for.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.Neighbor
{
    public class NeighborException : Exception
    {
        public NeighborException(string message) : base(message)
        {
        }
    }

    // An interface as Windows knows it.
    public sealed class NeighborInterface
    {
        public ulong Luid { get; private set; }
        public uint Index { get; private set; }
        public string Alias { get; private set; }
        // The link-layer address length a MAC on this interface must have; 0 when unknown or none.
        public uint MacLength { get; private set; }

        public NeighborInterface(ulong luid, uint index, string alias, uint macLength = 0)
        {
            Luid = luid;
            Index = index;
            Alias = alias;
            MacLength = macLength;
        }

        // Why a MAC does not fit this interface's link layer (Windows would answer 87), or null.
        public string MacMisfit(byte[] mac)
        {
            if (mac == null || MacLength == 0 || mac.Length == MacLength)
                return null;
            return String.Format(CultureInfo.InvariantCulture, "is {0} bytes long, and {1} has link-layer addresses "
                + "of {2} bytes", mac.Length, this, MacLength);
        }

        public override string ToString()
        {
            return String.Format(CultureInfo.InvariantCulture, "interface '{0}' (index {1})", Alias, Index);
        }

        public static NeighborInterface Resolve(string option, InterfaceName name)
        {
            ulong luid;
            uint code;
            string function;
            if (name.Index != 0)
            {
                function = "ConvertInterfaceIndexToLuid";
                code = NativeMethods.ConvertInterfaceIndexToLuid(name.Index, out luid);
            }
            else
            {
                function = "ConvertInterfaceAliasToLuid";
                code = NativeMethods.ConvertInterfaceAliasToLuid(name.Alias, out luid);
            }
            // Windows answers 87 for an unknown alias and 2 or 1168 for an unknown index.
            if (code == Win32Error.InvalidParameter || code == Win32Error.FileNotFound || code == Win32Error.NotFound)
                throw new NeighborException(String.Format(
                    "{0} '{1}': no such interface on this host ({2} returned {3}, {4}); name it by its alias "
                    + "(Get-NetAdapter / Get-NetIPInterface InterfaceAlias) or its index (ifIndex)",
                    option, name, function, code, Win32Error.Name(code)));
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface failed: {2}",
                    option, name, NeighborErrors.Explain(function, code, AddressFamily.Unspecified)));

            uint index = name.Index;
            if (index == 0)
                code = NativeMethods.ConvertInterfaceLuidToIndex(ref luid, out index);
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface index failed: {2}",
                    option, name, NeighborErrors.Explain("ConvertInterfaceLuidToIndex", code, AddressFamily.Unspecified)));
            string alias;
            code = AliasOf(luid, out alias);
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface alias failed: {2}",
                    option, name, NeighborErrors.Explain("ConvertInterfaceLuidToAlias", code, AddressFamily.Unspecified)));
            uint macLength;
            code = InterfaceRow.LinkLength(luid, out macLength);
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface's link layer failed: {2}",
                    option, name, NeighborErrors.Explain("GetIfEntry2", code, AddressFamily.Unspecified)));
            return new NeighborInterface(luid, index, alias, macLength);
        }

        // An interface a table row names; its alias is null if Windows cannot
        // say (the interface went away since the table was read).
        public static NeighborInterface FromLuid(ulong luid, uint index)
        {
            string alias;
            return new NeighborInterface(luid, index, AliasOf(luid, out alias) == Win32Error.Success ? alias : null);
        }

        // An interface the persistent store names by index; its alias is null
        // if Windows has no such interface now.
        public static NeighborInterface FromIndex(uint index)
        {
            ulong luid;
            if (NativeMethods.ConvertInterfaceIndexToLuid(index, out luid) != Win32Error.Success)
                return new NeighborInterface(0, index, null);
            return FromLuid(luid, index);
        }

        static uint AliasOf(ulong luid, out string alias)
        {
            StringBuilder buffer = new StringBuilder(NativeMethods.AliasCapacity);
            uint code = NativeMethods.ConvertInterfaceLuidToAlias(ref luid, buffer, new UIntPtr((uint)NativeMethods.AliasCapacity));
            alias = buffer.ToString();
            return code;
        }
    }

    // One neighbor entry as Windows reports it.
    public sealed class NeighborEntry
    {
        public IPAddress Address { get; private set; }
        public byte[] Mac { get; private set; }
        public NeighborInterface Interface { get; private set; }
        public NeighborState State { get; private set; }
        // IPv6: the neighbor is a router (RFC 4861); a change must keep it.
        public bool IsRouter { get; private set; }

        public NeighborEntry(IPAddress address, byte[] mac, NeighborInterface iface, NeighborState state,
            bool isRouter = false)
        {
            Address = address;
            Mac = mac;
            Interface = iface;
            State = state;
            IsRouter = isRouter;
        }

        public static NeighborEntry FromRow(IPAddress address, NeighborInterface iface, MIB_IPNET_ROW2 row)
        {
            return new NeighborEntry(address, NeighborRow.Mac(row), iface, row.State, (row.Flags & NeighborRow.IsRouterFlag) != 0);
        }

        // A learned entry, which ARP/ND keeps current, that answers with another MAC.
        public bool DisagreesWith(byte[] mac)
        {
            bool learned = State == NeighborState.Reachable || State == NeighborState.Stale
                || State == NeighborState.Delay || State == NeighborState.Probe;
            return learned && Mac != null && Mac.Length > 0 && !SameMac(Mac, mac);
        }

        public bool IsPinnedTo(byte[] mac)
        {
            return State == NeighborState.Permanent && SameMac(Mac, mac);
        }

        public static bool SameMac(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
                return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                    return false;
            }
            return true;
        }

        public Dictionary<string, object> ToResult()
        {
            Dictionary<string, object> result = new Dictionary<string, object>();
            result["address"] = Address.ToString();
            result["mac"] = NeighborParse.FormatMac(Mac);
            result["interface_alias"] = Interface.Alias;
            result["interface_index"] = (long)Interface.Index;
            result["state"] = State.ToString();
            result["is_router"] = IsRouter;
            return result;
        }
    }

    public static class NeighborErrors
    {
        public static string FamilyName(AddressFamily family)
        {
            if (family == AddressFamily.InterNetwork)
                return "IPv4";
            if (family == AddressFamily.InterNetworkV6)
                return "IPv6";
            return "IP";
        }

        // An interface the alias still names, without the family: unbound, disabled or gone.
        static string NoFamily(AddressFamily family)
        {
            return String.Format("the interface has no {0} here (the protocol is unbound or the adapter disabled) "
                + "or is gone", FamilyName(family));
        }

        // What a Win32 code means for a neighbor call, with the code and the function.
        public static string Explain(string function, uint code, AddressFamily family)
        {
            string why;
            switch (code)
            {
                case Win32Error.AccessDenied:
                    why = "access is denied: changing the neighbor table needs administrator rights; "
                        + "run the task elevated (an administrator account, or become)";
                    break;
                case Win32Error.NotSupported:
                    why = String.Format("the {0} stack is not installed or is disabled on this host", FamilyName(family));
                    break;
                case Win32Error.InvalidParameter:
                    why = "Windows rejected the entry as invalid: the address must be unicast, anycast or multicast "
                        + "and not loopback, and the MAC must be valid for this interface";
                    break;
                case Win32Error.NotFound:
                    // Create makes the entry, so its 1168 is about the interface.
                    why = function == "CreateIpNetEntry2"
                        ? NoFamily(family) : "Windows has no such entry on this interface (or the interface is gone)";
                    break;
                case Win32Error.FileNotFound:
                    why = NoFamily(family);
                    break;
                case Win32Error.ObjectAlreadyExists:
                    why = "an entry for this address already exists on this interface";
                    break;
                default:
                    why = new Win32Exception((int)code).Message;
                    break;
            }
            return String.Format(CultureInfo.InvariantCulture, "{0} ({1} returned {2}, {3})",
                why, function, code, Win32Error.Name(code));
        }

        // A refused input or a failed call, which the message says in full.
        public static bool Expected(Exception e)
        {
            return e is NeighborException || e is NeighborInputException;
        }

        // The message of an expected exception; anything else is unexpected and
        // says its type, so that the report names the fault.
        public static string Describe(Exception e)
        {
            if (Expected(e))
                return e.Message;
            return String.Format("unexpected {0}: {1}", e.GetType().FullName, e.Message);
        }

        public static NeighborException Failed(string action, string function, uint code, IPAddress address,
            NeighborInterface iface)
        {
            return new NeighborException(String.Format("{0} the neighbor {1} on {2} failed: {3}",
                action, address, iface, Explain(function, code, address.AddressFamily)));
        }
    }

    public static class NeighborTable
    {
        // The entry for address on iface, or null when Windows has none (also
        // when its family's stack is missing, if the caller says that is none).
        public static NeighborEntry Read(IPAddress address, NeighborInterface iface, bool noStackIsNone = false)
        {
            MIB_IPNET_ROW2 row = NeighborRow.New(address, iface.Luid, iface.Index);
            uint code = NativeMethods.GetIpNetEntry2(ref row);
            if (code == Win32Error.NotFound || (noStackIsNone && code == Win32Error.NotSupported))
                return null;
            if (code != Win32Error.Success)
                throw NeighborErrors.Failed("Reading", "GetIpNetEntry2", code, address, iface);
            return NeighborEntry.FromRow(address, iface, row);
        }

        static MIB_IPNET_ROW2 Row(IPAddress address, byte[] mac, NeighborInterface iface, bool isRouter)
        {
            MIB_IPNET_ROW2 row = NeighborRow.New(address, iface.Luid, iface.Index);
            if (mac != null)
                NeighborRow.SetMac(ref row, mac);
            row.State = NeighborState.Permanent;
            row.Flags = isRouter ? NeighborRow.IsRouterFlag : (byte)0;
            return row;
        }

        public static uint Create(IPAddress address, byte[] mac, NeighborInterface iface, bool isRouter)
        {
            MIB_IPNET_ROW2 row = Row(address, mac, iface, isRouter);
            return NativeMethods.CreateIpNetEntry2(ref row);
        }

        public static uint Set(IPAddress address, byte[] mac, NeighborInterface iface, bool isRouter)
        {
            MIB_IPNET_ROW2 row = Row(address, mac, iface, isRouter);
            return NativeMethods.SetIpNetEntry2(ref row);
        }

        public static uint Delete(IPAddress address, NeighborInterface iface)
        {
            MIB_IPNET_ROW2 row = Row(address, null, iface, false);
            return NativeMethods.DeleteIpNetEntry2(ref row);
        }
    }

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
                    throw NeighborErrors.Failed("Creating the static entry for", "CreateIpNetEntry2", code, address, iface);
            }
            else if (before.State == NeighborState.Permanent)
            {
                code = Applied(NeighborTable.Set(address, request.Mac, iface, router), ref applied);
                if (code != Win32Error.Success)
                    throw NeighborErrors.Failed("Changing the MAC of", "SetIpNetEntry2", code, address, iface);
                return NeighborTable.Read(address, iface);
            }

            // A dynamic entry: SetIpNetEntry2 may or may not make it static (not
            // documented), so read it back and fall back to delete + create.
            code = Applied(NeighborTable.Set(address, request.Mac, iface, router), ref applied);
            if (code == Win32Error.AccessDenied || code == Win32Error.NotSupported)
                throw NeighborErrors.Failed("Making static", "SetIpNetEntry2", code, address, iface);
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
                throw NeighborErrors.Failed("Creating the static entry for", "CreateIpNetEntry2", code, address, iface);
            return NeighborTable.Read(address, iface);
        }

        // Delete (already gone is fine), then create; the create's code.
        static uint Recreate(IPAddress address, byte[] mac, NeighborInterface iface, bool router, ref bool applied)
        {
            uint code = Applied(NeighborTable.Delete(address, iface), ref applied);
            if (code != Win32Error.Success && code != Win32Error.NotFound)
                throw NeighborErrors.Failed("Removing the dynamic entry of", "DeleteIpNetEntry2", code, address, iface);
            return Applied(NeighborTable.Create(address, mac, iface, router), ref applied);
        }

        static NeighborEntry Remove(NeighborRequest request, NeighborInterface iface, ref bool applied)
        {
            uint code = Applied(NeighborTable.Delete(request.Address, iface), ref applied);
            // Already gone is what was asked for.
            if (code != Win32Error.Success && code != Win32Error.NotFound)
                throw NeighborErrors.Failed("Removing", "DeleteIpNetEntry2", code, request.Address, iface);
            return NeighborTable.Read(request.Address, iface);
        }
    }
}
