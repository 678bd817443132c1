// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveReconcile;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborKind;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborLearned;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistent;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborSnapshot;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborStores;

// Many entries in one task: every entry validated first, one table snapshot per
// family, compared in memory, then only the calls the changes need, each read
// back. With purge, static entries on the named interfaces that the task does
// not list are removed; dynamic entries are never touched.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborBulk
{
    // One entry of the run: asked for, or found by purge.
    sealed class BulkItem
    {
        public NeighborRequest Request;
        public NeighborInterface Interface;
        public StoredNeighbor Before;
        public NeighborChange Change;
        public bool Purged;
        // What the run did: its status and the entry after it (unknown when a
        // failure left it so).
        public string Status;
        public StoredNeighbor After;
        public bool AfterKnown = true;
        // mac: learned: where the MAC came from, and the entry as the snapshot found it when a
        // resolution changed what Before (the change's starting point) holds.
        public LearnedPin Pin;
        public StoredNeighbor Found;
    }

    public static class BulkReconcile
    {
        public const string PurgeAll = "both";

        static readonly Dictionary<NeighborChange, string> Done = new Dictionary<NeighborChange, string>
        {
            { NeighborChange.None, "unchanged" },
            { NeighborChange.Add, "added" },
            { NeighborChange.Update, "updated" },
            { NeighborChange.Remove, "removed" },
        };

        static readonly string[] Statuses =
        {
            "unchanged", "added", "updated", "removed", "failed", "failed after a change", "not attempted",
        };

        public static void Run(IDictionary parameters, bool purge, string purgeFamily, bool checkMode,
            Dictionary<string, object> result, Action<string> warn)
        {
            // All input is checked before the first native call.
            List<NeighborRequest> requests = NeighborRequest.ListFromParameters(parameters);
            string taskInterface = NeighborRequest.Text(parameters, "interface");
            InterfaceName taskName = taskInterface == null ? null : NeighborParse.Interface("interface", taskInterface);
            List<ushort> purged = purge ? PurgeFamilies(purgeFamily) : new List<ushort>();

            Dictionary<string, NeighborInterface> interfaces = new Dictionary<string, NeighborInterface>();
            List<BulkItem> items = Resolve(requests, interfaces);
            // Purge covers the interfaces the entries name and the task's own interface.
            List<NeighborInterface> scope = new List<NeighborInterface>(interfaces.Values);
            if (purge && taskName != null)
                scope.Add(Lookup("interface", taskName, interfaces));
            // A family only absent entries or purge need may lack its stack: it then has no entries.
            HashSet<ushort> families = new HashSet<ushort>(), required = new HashSet<ushort>();
            foreach (BulkItem item in items)
            {
                families.Add(NeighborRow.Family(item.Request.Address));
                if (item.Request.Present)
                    required.Add(NeighborRow.Family(item.Request.Address));
            }
            // With nothing in purge's scope there is nothing of its families to read.
            if (scope.Count == 0)
                purged.Clear();
            families.UnionWith(purged);
            HashSet<ushort> optional = new HashSet<ushort>(families);
            optional.ExceptWith(required);

            Snapshot snapshot = Snapshot.Read(families, optional);
            // Entries that all pin with store active do without the persistent store if it cannot be read.
            bool needed = purge;
            foreach (BulkItem item in items)
                needed |= !item.Request.Present || item.Request.Persistent;
            PersistentTable table = PersistentTable.ReadIfNeeded(needed, warn);
            List<string> disagreements = new List<string>();
            foreach (BulkItem item in items)
            {
                IPAddress address = item.Request.Address;
                item.Before = new StoredNeighbor(address, item.Interface, snapshot.Find(item.Interface, address),
                    table.Find(item.Interface.Index, address));
                if (item.Request.Learned)
                {
                    // Resolutions, each entry's own, all come before the first change.
                    item.Pin = LearnedMac.Take(item.Request, item.Interface, item.Before, checkMode);
                    item.Request = item.Pin.Request;
                    item.Found = item.Before;
                    item.Before = item.Pin.Current;
                }
                item.Change = StoresReconcile.Plan(item.Request, item.Before);
                // An address no store held before its resolution is added, as the report's before shows.
                if (item.Found != null && !item.Found.Holds && item.Change == NeighborChange.Update)
                    item.Change = NeighborChange.Add;
                string disagreement = NeighborReconcile.Disagreement(item.Request, item.Before.Active);
                if (disagreement != null)
                    disagreements.Add(item.Request.Where.TrimEnd('.') + ": " + disagreement);
            }
            NeighborReconcile.Answer(disagreements, parameters, warn);
            if (purge)
                items.AddRange(Unlisted(items, scope, snapshot, table, purged));
            Apply(items, checkMode, ReportsAll(parameters), result);
        }

        // report: all lists every entry; changes (the default) only those not unchanged, with counts
        // of all, so that a fleet run stores what happened rather than the whole table.
        static bool ReportsAll(IDictionary parameters)
        {
            return NeighborRequest.Is(NeighborRequest.Text(parameters, "report"), "all");
        }

        static List<ushort> PurgeFamilies(string purgeFamily)
        {
            List<ushort> families = new List<ushort>();
            bool all = NeighborRequest.Is(purgeFamily, PurgeAll);
            if (all || NeighborRequest.Is(purgeFamily, "ipv4"))
                families.Add(NativeMethods.AF_INET);
            if (all || NeighborRequest.Is(purgeFamily, "ipv6"))
                families.Add(NativeMethods.AF_INET6);
            return families;
        }

        // Each distinct interface name is looked up once.
        static NeighborInterface Lookup(string option, InterfaceName name, Dictionary<string, NeighborInterface> interfaces)
        {
            NeighborInterface iface;
            if (!interfaces.TryGetValue(name.ToString(), out iface))
            {
                iface = NeighborInterface.Resolve(option, name);
                interfaces[name.ToString()] = iface;
            }
            return iface;
        }

        // The entries' interfaces; an address twice on one interface is refused.
        static List<BulkItem> Resolve(List<NeighborRequest> requests, Dictionary<string, NeighborInterface> interfaces)
        {
            Dictionary<string, NeighborRequest> seen = new Dictionary<string, NeighborRequest>();
            List<BulkItem> items = new List<BulkItem>();
            foreach (NeighborRequest request in requests)
            {
                NeighborInterface iface = Lookup(request.InterfaceOption, request.Interface, interfaces);
                ZoneCheck.Agree(request, iface, delegate(string option, InterfaceName name)
                {
                    return Lookup(option, name, interfaces);
                });
                NeighborReconcile.CheckMac(request, iface);
                string key = Snapshot.Key(iface.Index, request.Address);
                NeighborRequest first;
                // Worded as the controller words it, with the interface as the entry
                // names it; only the host can tell that an alias and an index are one.
                if (seen.TryGetValue(key, out first))
                    throw new NeighborInputException(request.Where + "address", request.Address.ToString(),
                        String.Format("is listed twice for interface '{0}': {1} names it too{2}", request.Interface,
                            first.Where.TrimEnd('.'), first.Interface.ToString() == request.Interface.ToString()
                                ? "" : String.Format(" (as '{0}'; both are {1})", first.Interface, iface)));
                seen[key] = request;
                BulkItem item = new BulkItem();
                item.Request = request;
                item.Interface = iface;
                items.Add(item);
            }
            return items;
        }

        // Static unicast entries on the interfaces in scope that the task does not
        // list, in either store. Multicast and broadcast entries, which Windows
        // keeps static itself, stay.
        static List<BulkItem> Unlisted(List<BulkItem> listed, List<NeighborInterface> interfaces, Snapshot snapshot,
            PersistentTable table, List<ushort> families)
        {
            Dictionary<uint, NeighborInterface> scope = new Dictionary<uint, NeighborInterface>();
            foreach (NeighborInterface iface in interfaces)
                scope[iface.Index] = iface;
            HashSet<string> keys = new HashSet<string>();
            foreach (BulkItem item in listed)
                keys.Add(Snapshot.Key(item.Interface.Index, item.Request.Address));
            List<BulkItem> unlisted = new List<BulkItem>();
            foreach (MIB_IPNET_ROW2 row in snapshot.Rows)
            {
                if (row.State == NeighborState.Permanent
                    && EntryKind.Of(NeighborRow.Address(row), NeighborRow.Mac(row)) == EntryKind.Unicast)
                    Purge(row.InterfaceIndex, NeighborRow.Address(row), scope, keys, families, snapshot, table, unlisted);
            }
            foreach (PersistentRow row in table.Rows)
            {
                IPAddress address = PersistentTable.AddressOf(row);
                if (EntryKind.Of(address, PersistentTable.MacOf(row)) == EntryKind.Unicast)
                    Purge(row.InterfaceIndex, address, scope, keys, families, snapshot, table, unlisted);
            }
            return unlisted;
        }

        // Adds the entry to purge, once, if it is in scope and not listed.
        static void Purge(uint index, IPAddress address, Dictionary<uint, NeighborInterface> scope, HashSet<string> keys,
            List<ushort> families, Snapshot snapshot, PersistentTable table, List<BulkItem> unlisted)
        {
            NeighborInterface iface;
            if (!scope.TryGetValue(index, out iface) || !families.Contains(NeighborRow.Family(address))
                || !keys.Add(Snapshot.Key(index, address)))
                return;
            BulkItem item = new BulkItem();
            item.Request = new NeighborRequest(address, null, new InterfaceName(iface.Index, null), false, false, "");
            item.Interface = iface;
            item.Before = new StoredNeighbor(address, iface, snapshot.Find(iface, address), table.Find(index, address));
            item.Change = StoresReconcile.Plan(item.Request, item.Before);
            item.Purged = true;
            unlisted.Add(item);
        }

        static object Entry(StoredNeighbor entry)
        {
            return entry == null ? null : entry.ToResult();
        }

        static Dictionary<string, object> Describe(BulkItem item)
        {
            Dictionary<string, object> d = new Dictionary<string, object>();
            d["address"] = item.Request.Address.ToString();
            d["interface_alias"] = item.Interface.Alias;
            d["interface_index"] = (long)item.Interface.Index;
            d["status"] = item.Status;
            d["purged"] = item.Purged;
            d["before"] = Entry(item.Found ?? item.Before);
            if (item.AfterKnown)
                d["after"] = Entry(item.After);
            if (item.Pin != null)
                item.Pin.Report(d);
            return d;
        }

        // Applies (or in check mode predicts) every change in order, reads the
        // persistent store back once at the end, then reports. On a failure,
        // says what was applied before it and what was not attempted.
        static void Apply(List<BulkItem> items, bool checkMode, bool all, Dictionary<string, object> result)
        {
            int applied = 0, planned = 0;
            foreach (BulkItem item in items)
            {
                planned += item.Change == NeighborChange.None ? 0 : 1;
                item.Status = item.Change == NeighborChange.None ? "unchanged" : "not attempted";
                item.After = item.Before;
            }
            bool persistentWritten = false;
            try
            {
                foreach (BulkItem item in items)
                {
                    if (item.Change == NeighborChange.None)
                        continue;
                    if (checkMode)
                    {
                        item.After = StoresReconcile.Predict(item.Request, item.Interface, item.Before);
                        item.Status = Done[item.Change];
                        result["changed"] = true;
                        continue;
                    }
                    ApplyOne(item, result, applied, planned);
                    applied++;
                    persistentWritten |= StoresReconcile.PlanPersistent(item.Request, item.Before) != NeighborChange.None;
                }
                if (persistentWritten)
                    Verify(items, applied, planned);
            }
            finally
            {
                Report(items, all, result);
            }
        }

        // One change, read back from the active store; a failure marks the item and ends the run.
        static void ApplyOne(BulkItem item, Dictionary<string, object> result, int applied, int planned)
        {
            bool accepted = false;
            string problem;
            FailedCall call = null;
            try
            {
                item.After = StoresReconcile.Apply(item.Request, item.Interface, item.Before, false, ref accepted);
                problem = StoresReconcile.Mismatch(item.Request, item.Interface, item.After);
            }
            catch (Exception e)
            {
                // Any exception, expected or not, still says what was applied.
                problem = NeighborErrors.Describe(e);
                if (!NeighborErrors.Expected(e))
                    result["exception"] = e.ToString();
                NeighborException failure = e as NeighborException;
                call = failure == null ? null : failure.Call;
                NeighborChangeException changed = e as NeighborChangeException;
                item.AfterKnown = changed != null;
                item.After = item.AfterKnown ? changed.After : null;
            }
            if (accepted)
                result["changed"] = true;
            if (problem == null)
            {
                item.Status = Done[item.Change];
                return;
            }
            item.Status = accepted ? "failed after a change" : "failed";
            throw Failure(item, problem, String.Format(CultureInfo.InvariantCulture,
                "{0} of {1} changes applied before it; the entries after it were not attempted", applied, planned), call);
        }

        // The persistent store read back once: each entry written there must be as asked.
        static void Verify(List<BulkItem> items, int applied, int planned)
        {
            PersistentTable table = PersistentTable.Read();
            BulkItem wrong = null;
            string problem = null;
            foreach (BulkItem item in items)
            {
                if (item.Change == NeighborChange.None)
                    continue;
                item.After = new StoredNeighbor(item.Request.Address, item.Interface, item.After.Active,
                    table.Find(item.Interface.Index, item.Request.Address));
                string mismatch = StoresReconcile.Mismatch(item.Request, item.Interface, item.After);
                if (mismatch != null && wrong == null)
                {
                    wrong = item;
                    problem = mismatch;
                }
            }
            if (wrong == null)
                return;
            wrong.Status = "failed after a change";
            throw Failure(wrong, problem, String.Format(CultureInfo.InvariantCulture,
                "{0} of {1} changes applied; the persistent store was read back after the last", applied, planned), null);
        }

        static NeighborException Failure(BulkItem item, string problem, string progress, FailedCall call)
        {
            string label = item.Purged
                ? String.Format("purge of {0} on {1}", item.Request.Address, item.Interface)
                : item.Request.Where.TrimEnd('.');
            return new NeighborException(String.Format("{0}: {1} ({2})", label, problem, progress), call);
        }

        static void Report(List<BulkItem> items, bool all, Dictionary<string, object> result)
        {
            List<object> entries = new List<object>(), added = new List<object>(), updated = new List<object>(),
                removed = new List<object>();
            // Every status, counted even when none has it, so that a playbook can read any of them.
            Dictionary<string, object> counts = new Dictionary<string, object>();
            foreach (string status in Statuses)
                counts[status] = 0L;
            foreach (BulkItem item in items)
            {
                counts[item.Status] = (long)counts[item.Status] + 1;
                if (all || item.Status != Done[NeighborChange.None])
                    entries.Add(Describe(item));
                if (item.Status == Done[NeighborChange.Add])
                    added.Add(Entry(item.After));
                else if (item.Status == Done[NeighborChange.Update])
                    updated.Add(Entry(item.After));
                else if (item.Status == Done[NeighborChange.Remove])
                    removed.Add(Entry(item.Before));
            }
            result["entries"] = entries;
            result["counts"] = counts;
            result["added"] = added;
            result["updated"] = updated;
            result["removed"] = removed;
        }
    }
}
