using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.Neighbor;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborSnapshot;

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
        public NeighborEntry Before;
        public NeighborChange Change;
        public bool Purged;
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
            foreach (BulkItem item in items)
            {
                item.Before = snapshot.Find(item.Interface, item.Request.Address);
                item.Change = NeighborReconcile.Plan(item.Request, item.Before);
                string disagreement = NeighborReconcile.Disagreement(item.Request, item.Before);
                if (disagreement != null)
                    warn(item.Request.Where.TrimEnd('.') + ": " + disagreement);
            }
            if (purge)
                items.AddRange(Unlisted(items, scope, snapshot, purged));
            Apply(items, checkMode, result);
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
                NeighborInterface iface = Lookup(request.Where + "interface", request.Interface, interfaces);
                NeighborReconcile.CheckMac(request, iface);
                string key = Snapshot.Key(iface.Index, request.Address);
                NeighborRequest first;
                if (seen.TryGetValue(key, out first))
                    throw new NeighborInputException(String.Format("{0}address '{1}' on {2} is listed twice: {3} names it too",
                        request.Where, request.Address, iface, first.Where.TrimEnd('.')));
                seen[key] = request;
                BulkItem item = new BulkItem();
                item.Request = request;
                item.Interface = iface;
                items.Add(item);
            }
            return items;
        }

        // Static unicast entries on the interfaces in scope that the task does not
        // list. Multicast and broadcast entries, which Windows keeps static itself, stay.
        static List<BulkItem> Unlisted(List<BulkItem> listed, List<NeighborInterface> interfaces, Snapshot snapshot,
            List<ushort> families)
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
                NeighborInterface iface;
                IPAddress address = NeighborRow.Address(row);
                if (row.State != NeighborState.Permanent || !scope.TryGetValue(row.InterfaceIndex, out iface)
                    || !families.Contains(NeighborRow.Family(row)) || keys.Contains(Snapshot.Key(row.InterfaceIndex, address))
                    || !IsUnicast(address, NeighborRow.Mac(row)))
                    continue;
                BulkItem item = new BulkItem();
                item.Request = new NeighborRequest(address, null, new InterfaceName(iface.Index, null), false, "");
                item.Interface = iface;
                item.Before = NeighborEntry.FromRow(address, iface, row);
                item.Change = NeighborChange.Remove;
                item.Purged = true;
                unlisted.Add(item);
            }
            return unlisted;
        }

        static bool IsUnicast(IPAddress address, byte[] mac)
        {
            byte[] b = address.GetAddressBytes();
            if (b.Length == 4 && (b[0] >= 224 || (b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255)))
                return false;
            if (b.Length == 16 && b[0] == 0xFF)
                return false;
            bool broadcastMac = mac.Length > 0;
            foreach (byte octet in mac)
                broadcastMac &= octet == 0xFF;
            return !broadcastMac;
        }

        static object Entry(NeighborEntry entry)
        {
            return entry == null ? null : entry.ToResult();
        }

        static Dictionary<string, object> Describe(BulkItem item, string status, NeighborEntry after, bool afterKnown)
        {
            Dictionary<string, object> d = new Dictionary<string, object>();
            d["address"] = item.Request.Address.ToString();
            d["interface_alias"] = item.Interface.Alias;
            d["interface_index"] = (long)item.Interface.Index;
            d["status"] = status;
            d["purged"] = item.Purged;
            d["before"] = Entry(item.Before);
            if (afterKnown)
                d["after"] = Entry(after);
            return d;
        }

        // Applies (or in check mode predicts) every change in order; on a
        // failure, says what was applied before it and what was not attempted.
        static void Apply(List<BulkItem> items, bool checkMode, Dictionary<string, object> result)
        {
            List<object> entries = new List<object>(), added = new List<object>(), updated = new List<object>(),
                removed = new List<object>();
            result["entries"] = entries;
            result["added"] = added;
            result["updated"] = updated;
            result["removed"] = removed;
            int applied = 0, planned = 0;
            foreach (BulkItem item in items)
                planned += item.Change == NeighborChange.None ? 0 : 1;

            for (int i = 0; i < items.Count; i++)
            {
                BulkItem item = items[i];
                NeighborEntry after = item.Before;
                if (item.Change != NeighborChange.None)
                {
                    if (checkMode)
                    {
                        after = NeighborReconcile.Predict(item.Request, item.Interface, item.Before);
                        result["changed"] = true;
                    }
                    else
                    {
                        bool accepted = false, afterKnown = true;
                        string problem;
                        try
                        {
                            after = NeighborReconcile.Apply(item.Request, item.Interface, item.Before, ref accepted);
                            problem = NeighborReconcile.Mismatch(item.Request, item.Interface, after);
                        }
                        catch (Exception e)
                        {
                            // Any exception, expected or not, still says what was applied.
                            problem = NeighborErrors.Describe(e);
                            if (!NeighborErrors.Expected(e))
                                result["exception"] = e.ToString();
                            NeighborChangeException changed = e as NeighborChangeException;
                            afterKnown = changed != null;
                            after = afterKnown ? changed.After : null;
                        }
                        if (accepted)
                            result["changed"] = true;
                        if (problem != null)
                        {
                            entries.Add(Describe(item, accepted ? "failed after a change" : "failed", after, afterKnown));
                            // What the snapshot showed compliant stays unchanged, whatever failed.
                            for (int j = i + 1; j < items.Count; j++)
                                entries.Add(Describe(items[j], items[j].Change == NeighborChange.None ? "unchanged"
                                    : "not attempted", items[j].Before, true));
                            string label = item.Purged
                                ? String.Format("purge of {0} on {1}", item.Request.Address, item.Interface)
                                : item.Request.Where.TrimEnd('.');
                            throw new NeighborException(String.Format(CultureInfo.InvariantCulture,
                                "{0}: {1} ({2} of {3} changes applied before it; the entries after it were not attempted)",
                                label, problem, applied, planned));
                        }
                        applied++;
                    }
                }
                entries.Add(Describe(item, Done[item.Change], after, true));
                if (item.Change == NeighborChange.Add)
                    added.Add(Entry(after));
                else if (item.Change == NeighborChange.Update)
                    updated.Add(Entry(after));
                else if (item.Change == NeighborChange.Remove)
                    removed.Add(Entry(item.Before));
            }
        }
    }
}
