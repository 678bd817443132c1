// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveStore;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborSnapshot;

// win_neighbor_flush: the learned (dynamic) entries of the named interfaces and
// families removed, as `arp -d *` or `netsh interface ip delete arpcache` do,
// without ever touching a Permanent entry (a pin, or a multicast or broadcast
// entry Windows keeps itself) or the persistent store, which holds no learned
// entries. Each entry is found in one GetIpNetTable2 snapshot per family, read
// again with GetIpNetEntry2 just before it goes (skipped if it became Permanent
// meanwhile), and removed with DeleteIpNetEntry2, one entry at a time:
// FlushIpNetTable2 removes "all entries" of an interface and its documentation
// does not say whether Permanent ones are among them
// (https://learn.microsoft.com/windows/win32/api/netioapi/nf-netioapi-flushipnettable2).
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFlush
{
    public static class NeighborFlusher
    {
        // Fills result: removed (the entries removed, or in check mode those that would be, as
        // Windows reported them), relearned (those ARP/ND learned again by the read-back), changed.
        // Throws on bad input before any native call, on an unknown interface before any change,
        // and on a failed call with what was removed before it left in the result.
        public static void Run(IDictionary parameters, bool checkMode, Dictionary<string, object> result,
            Action<string> warn)
        {
            List<InterfaceName> names = Interfaces(parameters);
            List<ushort> families = Families(parameters);
            List<object> removed = new List<object>();
            result["removed"] = removed;
            result["relearned"] = new List<object>();
            result["changed"] = false;

            Dictionary<uint, NeighborInterface> scope = new Dictionary<uint, NeighborInterface>();
            foreach (InterfaceName name in names)
            {
                NeighborInterface iface = NeighborInterface.Resolve("interface", name);
                scope[iface.Index] = iface;
            }
            // A family whose stack is not installed has nothing learned; an interface without the
            // family simply has no rows of it.
            Snapshot snapshot = Snapshot.Read(families, families);
            List<NeighborEntry> learned = Learned(snapshot, scope);
            if (checkMode)
            {
                foreach (NeighborEntry entry in learned)
                    removed.Add(entry.ToResult());
                result["changed"] = removed.Count > 0;
                return;
            }

            List<NeighborEntry> gone = new List<NeighborEntry>();
            try
            {
                foreach (NeighborEntry entry in learned)
                {
                    NeighborEntry now = RemoveIfLearned(entry, warn);
                    if (now == null)
                        continue;
                    gone.Add(now);
                    removed.Add(now.ToResult());
                    result["changed"] = true;
                }
                result["relearned"] = Relearned(gone, families, scope);
            }
            catch (NeighborException e)
            {
                if (gone.Count == 0)
                    throw;
                throw new NeighborException(String.Format(CultureInfo.InvariantCulture,
                    "{0} ({1} learned {2} removed before it: see removed)", e.Message, gone.Count,
                    gone.Count == 1 ? "entry was" : "entries were"), e.Call);
            }
        }

        // The interfaces named, each checked before any native call; at least one.
        static List<InterfaceName> Interfaces(IDictionary parameters)
        {
            List<string> given = Texts(parameters, "interface");
            if (given.Count == 0)
                throw new NeighborInputException(
                    "interface is empty: name the interfaces to flush (aliases or indexes); a flush never defaults "
                    + "to every interface");
            List<InterfaceName> names = new List<InterfaceName>();
            foreach (string text in given)
                names.Add(NeighborParse.Interface("interface", text));
            return names;
        }

        // The families named (Ansible.Basic has checked the choices, without regard to case).
        static List<ushort> Families(IDictionary parameters)
        {
            List<string> given = Texts(parameters, "family");
            if (given.Count == 0)
                throw new NeighborInputException("family is empty: name ipv4, ipv6 or both (the default)");
            List<ushort> families = new List<ushort>();
            foreach (string name in given)
            {
                ushort family = NeighborRequest.Is(name, "ipv6") ? NativeMethods.AF_INET6 : NativeMethods.AF_INET;
                if (!families.Contains(family))
                    families.Add(family);
            }
            return families;
        }

        static List<string> Texts(IDictionary parameters, string option)
        {
            List<string> texts = new List<string>();
            object value = parameters[option];
            if (value == null)
                return texts;
            IEnumerable given = value is string ? new object[] { value } : (IEnumerable)value;
            foreach (object item in given)
                texts.Add(Convert.ToString(item, CultureInfo.InvariantCulture));
            return texts;
        }

        // The snapshot's entries on the interfaces in scope whose state is not Permanent, in its order.
        static List<NeighborEntry> Learned(Snapshot snapshot, Dictionary<uint, NeighborInterface> scope)
        {
            List<NeighborEntry> learned = new List<NeighborEntry>();
            foreach (MIB_IPNET_ROW2 row in snapshot.Rows)
            {
                NeighborInterface iface;
                if (row.State == NeighborState.Permanent || !scope.TryGetValue(row.InterfaceIndex, out iface))
                    continue;
                learned.Add(NeighborEntry.FromRow(NeighborRow.Address(row), iface, row));
            }
            return learned;
        }

        // Reads the entry again and removes it if it is still learned: the entry as removed, or null
        // when it is gone already (aged out) or became Permanent since the snapshot (another tool
        // pinned it; a window of one call remains between this read and the delete).
        static NeighborEntry RemoveIfLearned(NeighborEntry entry, Action<string> warn)
        {
            NeighborEntry now = NeighborTable.Read(entry.Address, entry.Interface, true);
            if (now == null)
                return null;
            if (now.State == NeighborState.Permanent)
            {
                warn(String.Format(CultureInfo.InvariantCulture,
                    "the neighbor {0} on {1} was {2} when the table was read and is Permanent now (pinned meanwhile): "
                    + "left as it is", entry.Address, entry.Interface, entry.State));
                return null;
            }
            uint code = NeighborTable.Delete(entry.Address, entry.Interface);
            // ERROR_NOT_FOUND: ARP/ND aged the entry out between the read and the delete.
            if (code == Win32Error.NotFound)
                return null;
            if (code != Win32Error.Success)
                throw NeighborTable.Failed("Removing", "DeleteIpNetEntry2", code, entry.Address,
                    entry.Interface);
            return now;
        }

        // The read-back: the removed entries that Windows holds again (ARP/ND learns an address
        // again with the next packet to or from it), as it holds them now.
        static List<object> Relearned(List<NeighborEntry> gone, List<ushort> families,
            Dictionary<uint, NeighborInterface> scope)
        {
            List<object> relearned = new List<object>();
            if (gone.Count == 0)
                return relearned;
            Snapshot after = Snapshot.Read(families, families);
            foreach (NeighborEntry entry in gone)
            {
                NeighborEntry now = after.Find(scope[entry.Interface.Index], entry.Address);
                if (now != null)
                    relearned.Add(now.ToResult());
            }
            return relearned;
        }
    }
}
