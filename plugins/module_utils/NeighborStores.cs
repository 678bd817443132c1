// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveReconcile;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveStore;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistent;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow;

// One neighbor across Windows' two stores, and its reconcile. The active store
// (what the host uses now, through the IP Helper API) and the persistent store
// (what it loads at every boot, through CIM) are read, changed and read back
// separately: store persistent wants the entry in both, store active in the
// active store only, state absent in neither.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborStores
{
    // A failure after Windows accepted a change: After is the entry as read
    // back then from both stores.
    public class NeighborChangeException : NeighborException
    {
        public StoredNeighbor After { get; private set; }

        public NeighborChangeException(string message, StoredNeighbor after, FailedCall call) : base(message, call)
        {
            After = after;
        }
    }

    public sealed class StoredNeighbor
    {
        public IPAddress Address { get; private set; }
        public NeighborInterface Interface { get; private set; }
        // The active store's entry, static or learned; null when it has none.
        public NeighborEntry Active { get; private set; }
        // The MAC the persistent store holds (empty when it holds one this code
        // cannot read); null when it has no entry.
        public byte[] Persistent { get; private set; }
        // The persistent store's row, to change or delete it; null when none.
        public PersistentRow PersistentRow { get; private set; }

        public StoredNeighbor(IPAddress address, NeighborInterface iface, NeighborEntry active, PersistentRow row)
        {
            Address = address;
            Interface = iface;
            Active = active;
            PersistentRow = row;
            Persistent = row == null ? null : (PersistentTable.MacOf(row) ?? new byte[0]);
        }

        // Check mode's view: a persistent MAC without a row behind it yet.
        public StoredNeighbor(IPAddress address, NeighborInterface iface, NeighborEntry active, byte[] persistent)
        {
            Address = address;
            Interface = iface;
            Active = active;
            Persistent = persistent;
        }

        public bool Holds
        {
            get { return Active != null || Persistent != null; }
        }

        public static StoredNeighbor Read(IPAddress address, NeighborInterface iface, PersistentTable table,
            bool noStackIsNone = false)
        {
            return new StoredNeighbor(address, iface, NeighborTable.Read(address, iface, noStackIsNone),
                table.Find(iface.Index, address));
        }

        // The entry as results show it: the active store's fields (mac and
        // state null when only the persistent store holds it), the stores that
        // hold it and the persistent store's MAC; null when neither does.
        public Dictionary<string, object> ToResult()
        {
            if (!Holds)
                return null;
            Dictionary<string, object> result;
            if (Active != null)
            {
                result = Active.ToResult();
            }
            else
            {
                result = new Dictionary<string, object>();
                result["address"] = Address.ToString();
                result["mac"] = NeighborParse.FormatMac(Persistent);
                result["interface_alias"] = Interface.Alias;
                result["interface_index"] = (long)Interface.Index;
                result["state"] = null;
                result["is_router"] = false;
            }
            List<object> stores = new List<object>();
            if (Active != null)
                stores.Add("active");
            if (Persistent != null)
                stores.Add("persistent");
            result["stores"] = stores;
            result["persistent_mac"] = NeighborParse.FormatMac(Persistent);
            return result;
        }
    }

    public static class StoresReconcile
    {
        // The MAC the persistent store should hold, or null for none.
        static byte[] PersistentWanted(NeighborRequest request)
        {
            return request.Present && request.Persistent ? request.Mac : null;
        }

        public static NeighborChange PlanActive(NeighborRequest request, StoredNeighbor before)
        {
            return NeighborReconcile.Plan(request, before.Active);
        }

        public static NeighborChange PlanPersistent(NeighborRequest request, StoredNeighbor before)
        {
            byte[] wanted = PersistentWanted(request);
            if (wanted == null)
                return before.Persistent != null ? NeighborChange.Remove : NeighborChange.None;
            if (before.Persistent == null)
                return NeighborChange.Add;
            return NeighborEntry.SameMac(before.Persistent, wanted) ? NeighborChange.None : NeighborChange.Update;
        }

        // The change as a whole: an entry no store held is added, one the task
        // removes is removed, any other change updates it.
        public static NeighborChange Plan(NeighborRequest request, StoredNeighbor before)
        {
            if (PlanActive(request, before) == NeighborChange.None && PlanPersistent(request, before) == NeighborChange.None)
                return NeighborChange.None;
            if (!request.Present)
                return NeighborChange.Remove;
            return before.Holds ? NeighborChange.Update : NeighborChange.Add;
        }

        public static StoredNeighbor Predict(NeighborRequest request, NeighborInterface iface, StoredNeighbor before)
        {
            NeighborEntry active = PlanActive(request, before) == NeighborChange.None
                ? before.Active : NeighborReconcile.Predict(request, iface, before.Active);
            return new StoredNeighbor(request.Address, iface, active, PersistentWanted(request));
        }

        // Makes the changes and returns the entry read back from both stores:
        // a new persistent pin by one Create that writes both, anything else in
        // the active store first, then in the persistent one. readPersistentBack
        // false leaves the persistent store's read-back to the caller (a bulk
        // run reads it once), and the persistent side is what was written.
        // applied turns true once Windows accepted a change.
        public static StoredNeighbor Apply(NeighborRequest request, NeighborInterface iface, StoredNeighbor before,
            bool readPersistentBack, ref bool applied)
        {
            NeighborEntry active = before.Active;
            try
            {
                if (PlanPersistent(request, before) == NeighborChange.Add)
                {
                    active = PinBothStores(request, iface, before.Active, ref applied);
                }
                else
                {
                    if (PlanActive(request, before) != NeighborChange.None)
                        active = NeighborReconcile.Apply(request, iface, before.Active, ref applied);
                    WritePersistent(request, iface, before, ref applied);
                }
            }
            catch (NeighborException e)
            {
                if (!applied)
                    throw;
                // A later call failed after Windows accepted one: say what it holds now.
                StoredNeighbor now;
                try
                {
                    now = StoredNeighbor.Read(request.Address, iface, PersistentTable.Read());
                }
                catch (NeighborException)
                {
                    throw e;
                }
                throw new NeighborChangeException(e.Message + "; " + NowHolds(before, now), now, e.Call);
            }
            if (readPersistentBack)
                return new StoredNeighbor(request.Address, iface, active,
                    PersistentTable.Read().Find(iface.Index, request.Address));
            return new StoredNeighbor(request.Address, iface, active, PersistentWanted(request));
        }

        // What Windows holds after a failed change, in both stores.
        static string NowHolds(StoredNeighbor before, StoredNeighbor now)
        {
            string active = now.Active == null && before.Active != null && before.Active.State != NeighborState.Permanent
                ? "Windows now reports no entry: the learned entry was removed"
                : "Windows now reports " + NeighborReconcile.Describe(now.Active);
            return active + "; the persistent store holds " + PersistentText(now.Persistent);
        }

        static string PersistentText(byte[] mac)
        {
            return mac == null ? "no entry" : NeighborParse.FormatMac(mac) ?? "an entry without a MAC";
        }

        // A pin the persistent store lacks: MSFT_NetNeighbor.Create without
        // PolicyStore, documented to write both stores. What it does where the
        // active store holds the address already is not documented (refused as a
        // duplicate, or replaced), so that entry is removed first; a static one
        // is put back if the Create fails. Create has no IsRouter: a router's
        // flag is set again in the active store (SetIpNetEntry2), the only store
        // that keeps it. Returns the active entry read back.
        static NeighborEntry PinBothStores(NeighborRequest request, NeighborInterface iface, NeighborEntry before,
            ref bool applied)
        {
            IPAddress address = request.Address;
            bool cleared = false;
            Action clearActive = delegate
            {
                uint code = NeighborTable.Delete(address, iface);
                if (code == Win32Error.Success)
                    cleared = true;
                else if (code != Win32Error.NotFound)
                    throw NeighborTable.Failed("Removing the active entry of", "DeleteIpNetEntry2", code, address, iface);
            };
            try
            {
                if (before != null)
                    clearActive();
                PersistentStore.Create(address, request.Mac, iface, clearActive);
            }
            catch (NeighborException)
            {
                bool restored = cleared && before.State == NeighborState.Permanent
                    && NeighborTable.Create(address, before.Mac, iface, before.IsRouter) == Win32Error.Success;
                if (cleared && !restored)
                    applied = true;
                throw;
            }
            applied = true;
            if (before != null && before.IsRouter)
            {
                uint code = NeighborTable.Set(address, request.Mac, iface, true);
                if (code != Win32Error.Success)
                    throw NeighborTable.Failed("Keeping the router flag of", "SetIpNetEntry2", code, address, iface);
            }
            return NeighborTable.Read(address, iface);
        }

        static void WritePersistent(NeighborRequest request, NeighborInterface iface, StoredNeighbor before,
            ref bool applied)
        {
            switch (PlanPersistent(request, before))
            {
                case NeighborChange.Update:
                    PersistentStore.Modify(before.PersistentRow, request.Mac, iface);
                    break;
                case NeighborChange.Remove:
                    PersistentStore.Delete(before.PersistentRow, iface);
                    break;
                default:
                    return;
            }
            applied = true;
        }

        // Why the entry read back is not what was asked for, or null.
        public static string Mismatch(NeighborRequest request, NeighborInterface iface, StoredNeighbor after)
        {
            string active = NeighborReconcile.Mismatch(request, iface, after.Active);
            if (active != null)
                return active;
            byte[] wanted = PersistentWanted(request);
            if (wanted != null && !NeighborEntry.SameMac(after.Persistent, wanted))
                return String.Format("Windows did not keep the neighbor {0} -> {1} on {2} in the persistent store: it "
                    + "holds {3} there, so the entry would not survive a reboot", request.Address,
                    NeighborParse.FormatMac(wanted), iface, PersistentText(after.Persistent));
            if (wanted == null && after.Persistent != null)
                return String.Format("Windows still holds the neighbor {0} on {1} in the persistent store after "
                    + "removing it from there", request.Address, iface);
            return null;
        }
    }
}
