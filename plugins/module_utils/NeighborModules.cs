// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using Ansible.Basic;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveReconcile;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborBulk;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFlush;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborKind;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborLearned;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistent;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborSnapshot;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborStores;

// The entry points of the modules. Each takes the AnsibleModule itself, so the
// PowerShell glue converts nothing: Params is the exec wrapper's Hashtable
// (nested entries Dictionary<string, object>, lists List<object>), CheckMode a
// bool. Each fills module.Result and returns the failure message for the .ps1
// to hand to FailJson, or null. They never call ExitJson or FailJson, whose
// exit in a real runspace is an exception no catch here may swallow.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules
{
    static class ModuleRun
    {
        // Runs work on the result. Whatever it throws becomes the failure
        // message, and what work put in the result so far stays there.
        public static string Into(Dictionary<string, object> result, Action<Dictionary<string, object>> work)
        {
            try
            {
                work(result);
                return null;
            }
            catch (Exception e)
            {
                if (!NeighborErrors.Expected(e))
                    result["exception"] = e.ToString();
                NeighborException failure = e as NeighborException;
                if (failure != null && failure.Call != null)
                    failure.Call.Report(result);
                return NeighborErrors.Describe(e);
            }
        }

        public static bool Flag(IDictionary parameters, string key)
        {
            object value = parameters[key];
            return value != null && Convert.ToBoolean(value, CultureInfo.InvariantCulture);
        }

        public static bool Has(IDictionary parameters, string key)
        {
            return parameters[key] != null;
        }
    }

    // win_neighbor: one entry (address, mac, interface, state) or many (neighbors, purge).
    public static class NeighborModule
    {
        // The longest message EventLog.WriteEntry takes ("longer than 31,839 bytes" throws), less room
        // for the module's name and the options other than neighbors.
        const int EventMessageLimit = 31839 - 2048;

        // Whether Ansible.Basic's log of the task's arguments would be longer than Windows takes. It
        // writes them to the event log as one text whose cost grows with the square of a long list
        // (built by concatenation, even where there is no event log), and when Windows refuses the
        // text it warns on the task. The .ps1 sets the spec's no_log from this: such a task is not
        // logged, where it could not be. Counted as Ansible.Basic writes an entry, with every option of
        // the entry present (validation fills the missing ones with $null); an entry the action plugin
        // sent as JSON text is read as Ansible.Basic reads it (only until the limit is passed).
        public static bool TooLongToLog(IDictionary arguments, IDictionary spec)
        {
            IList entries = arguments == null ? null : arguments["neighbors"] as IList;
            if (entries == null)
                return false;
            IDictionary options = (IDictionary)((IDictionary)((IDictionary)spec["options"])["neighbors"])["options"];
            long length = 0;
            foreach (object item in entries)
            {
                IDictionary entry = item as IDictionary ?? AsDictionary(item as string);
                foreach (string option in options.Keys)
                {
                    object value = entry == null ? null : entry[option];
                    // "\r\n" and the indent, the name, ": ", the value ($null when none).
                    length += 2 + 6 + option.Length + 2 + (value == null ? 5 : value.ToString().Length);
                }
                if (length > EventMessageLimit)
                    return true;
            }
            return false;
        }

        // The action plugin sends each neighbors entry as its JSON text (ansible-core's exec wrapper turns
        // each JSON object into a hashtable in PowerShell script, 0.2-0.5 ms an entry; a text it passes
        // through), and Ansible.Basic's dict type parses such a text, but only a string: the exec wrapper
        // hands it over wrapped in a PSObject, which Ansible.Basic refuses ("cannot be converted to a
        // dict"). Unwrapped in place, before Ansible.Basic reads the arguments.
        public static void UnwrapEntryTexts(IDictionary arguments)
        {
            IList entries = arguments == null ? null : arguments["neighbors"] as IList;
            if (entries == null || entries.IsReadOnly)
                return;
            for (int i = 0; i < entries.Count; i++)
            {
                PSObject wrapped = entries[i] as PSObject;
                if (wrapped != null && wrapped.BaseObject is string)
                    entries[i] = wrapped.BaseObject;
            }
        }

        // An entry the action plugin sent as its JSON text, as Ansible.Basic will read it; null for other text.
        private static IDictionary AsDictionary(string text)
        {
            if (text == null || !text.StartsWith("{"))
                return null;
            try
            {
                return AnsibleModule.FromJson<Dictionary<string, object>>(text);
            }
            catch (Exception)
            {
                // Not JSON after all: Ansible.Basic refuses it, naming the entry.
                return null;
            }
        }

        public static string Run(AnsibleModule module)
        {
            IDictionary parameters = module.Params;
            bool checkMode = module.CheckMode;
            Action<string> warn = module.Warn;
            return ModuleRun.Into(module.Result, delegate(Dictionary<string, object> result)
            {
                bool purge = ModuleRun.Flag(parameters, "purge");
                // Ansible.Basic has refused address or mac beside neighbors.
                if (ModuleRun.Has(parameters, "neighbors"))
                {
                    string purgeFamily = NeighborRequest.Text(parameters, "purge_family") ?? BulkReconcile.PurgeAll;
                    BulkReconcile.Run(parameters, purge, purgeFamily, checkMode, result, warn);
                }
                else
                {
                    if (purge)
                        throw new NeighborInputException("purge needs neighbors, the entries to keep");
                    Single(parameters, checkMode, result, warn);
                }
            });
        }

        static void Single(IDictionary parameters, bool checkMode, Dictionary<string, object> result,
            Action<string> warn)
        {
            NeighborRequest request = NeighborRequest.FromParameters(parameters, "", null, null);
            NeighborInterface iface = NeighborInterface.Resolve(request.InterfaceOption, request.Interface);
            ZoneCheck.Agree(request, iface, NeighborInterface.Resolve);
            NeighborReconcile.CheckMac(request, iface);
            // A store active pin does without the persistent store if it cannot be read.
            PersistentTable table = PersistentTable.ReadIfNeeded(!request.Present || request.Persistent, warn);
            // Without the family's stack there is no entry to remove.
            StoredNeighbor before = StoredNeighbor.Read(request.Address, iface, table, !request.Present);
            result["before"] = before.ToResult();
            result["after"] = result["before"];
            // mac: learned takes its MAC from the stores or the network; after a resolution, the
            // stores hold the answer, which the change starts from.
            StoredNeighbor current = before;
            if (request.Learned)
            {
                LearnedPin pin = LearnedMac.Take(request, iface, before, checkMode);
                pin.Report(result);
                request = pin.Request;
                current = pin.Current;
            }
            string disagreement = NeighborReconcile.Disagreement(request, current.Active);
            if (disagreement != null)
                NeighborReconcile.Answer(new List<string> { disagreement }, parameters, warn);
            if (StoresReconcile.Plan(request, current) == NeighborChange.None)
                return;
            if (checkMode)
            {
                result["changed"] = true;
                result["after"] = StoresReconcile.Predict(request, iface, current).ToResult();
                return;
            }

            // Until it is read back, what Windows holds is unknown.
            result.Remove("after");
            bool applied = false;
            StoredNeighbor after;
            try
            {
                after = StoresReconcile.Apply(request, iface, current, table.Known, ref applied);
            }
            catch (NeighborChangeException e)
            {
                result["after"] = e.After.ToResult();
                throw;
            }
            finally
            {
                result["changed"] = applied;
            }
            result["after"] = after.ToResult();
            string problem = StoresReconcile.Mismatch(request, iface, after);
            if (problem != null)
                throw new NeighborException(problem);
        }
    }

    // win_neighbor_info: the neighbor table, filtered; reads only.
    public static class NeighborInfoModule
    {
        public static string Run(AnsibleModule module)
        {
            IDictionary parameters = module.Params;
            Action<string> warn = module.Warn;
            return ModuleRun.Into(module.Result, delegate(Dictionary<string, object> result)
            {
                result["neighbors"] = List(parameters, warn);
            });
        }

        static List<object> List(IDictionary parameters, Action<string> warn)
        {
            string addressText = NeighborRequest.Text(parameters, "address");
            // The broadcast address, which win_neighbor refuses to pin, has an entry
            // Windows keeps itself: it can be looked up like any address listed.
            // An IPv6 address's zone id filters by interface, as win_neighbor reads it.
            ScopedAddress scoped = addressText == null || addressText == "255.255.255.255"
                ? null : ScopedAddress.Parse("address", addressText);
            IPAddress address = addressText == null ? null : scoped == null ? IPAddress.Broadcast : scoped.Address;
            string ifaceText = NeighborRequest.Text(parameters, "interface");
            InterfaceName given = ifaceText == null ? null : NeighborParse.Interface("interface", ifaceText);
            bool zoneToResolve = false;
            InterfaceName named = scoped == null ? given : scoped.Interface("interface", given, out zoneToResolve);
            NeighborInterface iface = named == null
                ? null : NeighborInterface.Resolve(given == null ? scoped.ZoneOption : "interface", named);
            if (scoped != null)
                ZoneCheck.Agree(scoped, zoneToResolve, "interface", given, iface, NeighborInterface.Resolve);
            // Ansible.Basic has checked family, state and kind against their
            // choices, without regard to case, and passes them on as written.
            string family = NeighborRequest.Text(parameters, "family");
            HashSet<NeighborState> states = States(parameters);
            HashSet<string> kinds = Kinds(parameters);

            // Ansible.Basic has checked store against its choices.
            string store = NeighborRequest.Text(parameters, "store") ?? "all";

            // Read only the families asked about; a family whose stack is not installed lists nothing.
            List<ushort> families = new List<ushort>();
            if (!NeighborRequest.Is(family, "ipv6") && (address == null || NeighborRow.Family(address) == NativeMethods.AF_INET))
                families.Add(NativeMethods.AF_INET);
            if (!NeighborRequest.Is(family, "ipv4") && (address == null || NeighborRow.Family(address) == NativeMethods.AF_INET6))
                families.Add(NativeMethods.AF_INET6);
            Snapshot snapshot = Snapshot.Read(families, families);
            // A listing of the active store does without the persistent store if it cannot be read.
            PersistentTable table = PersistentTable.ReadIfNeeded(!NeighborRequest.Is(store, "active"), warn);

            // The active table's entries, then those only the persistent store holds.
            Dictionary<uint, NeighborInterface> interfaces = new Dictionary<uint, NeighborInterface>();
            List<StoredNeighbor> found = new List<StoredNeighbor>();
            HashSet<string> listed = new HashSet<string>();
            foreach (MIB_IPNET_ROW2 row in snapshot.Rows)
            {
                IPAddress rowAddress = NeighborRow.Address(row);
                if ((address != null && !address.Equals(rowAddress)) || (iface != null && iface.Index != row.InterfaceIndex))
                    continue;
                NeighborInterface rowIface;
                if (!interfaces.TryGetValue(row.InterfaceIndex, out rowIface))
                {
                    rowIface = NeighborInterface.FromLuid(row.InterfaceLuid, row.InterfaceIndex);
                    interfaces[row.InterfaceIndex] = rowIface;
                }
                listed.Add(Snapshot.Key(row.InterfaceIndex, rowAddress));
                found.Add(new StoredNeighbor(rowAddress, rowIface, NeighborEntry.FromRow(rowAddress, rowIface, row),
                    table.Find(row.InterfaceIndex, rowAddress)));
            }
            foreach (PersistentRow row in table.Rows)
            {
                IPAddress rowAddress = PersistentTable.AddressOf(row);
                if ((address != null && !address.Equals(rowAddress)) || (iface != null && iface.Index != row.InterfaceIndex)
                    || !families.Contains(NeighborRow.Family(rowAddress)) || listed.Contains(Snapshot.Key(row.InterfaceIndex, rowAddress)))
                    continue;
                NeighborInterface rowIface;
                if (!interfaces.TryGetValue(row.InterfaceIndex, out rowIface))
                {
                    rowIface = NeighborInterface.FromIndex(row.InterfaceIndex);
                    interfaces[row.InterfaceIndex] = rowIface;
                }
                found.Add(new StoredNeighbor(rowAddress, rowIface, null, row));
            }

            List<object> rows = new List<object>();
            foreach (StoredNeighbor neighbor in found)
            {
                // A state filter is about the active store: an entry not active now has no state.
                if ((NeighborRequest.Is(store, "active") && neighbor.Active == null)
                    || (NeighborRequest.Is(store, "persistent") && neighbor.Persistent == null)
                    || (states != null && (neighbor.Active == null || !states.Contains(neighbor.Active.State))))
                    continue;
                // By the MAC the entry is listed with: the active store's, else the persistent store's.
                string kind = EntryKind.Of(neighbor.Address,
                    neighbor.Active != null ? neighbor.Active.Mac : neighbor.Persistent);
                if (kinds != null && !kinds.Contains(kind))
                    continue;
                Dictionary<string, object> entry = neighbor.ToResult();
                entry["family"] = NeighborErrors.FamilyName(neighbor.Address.AddressFamily);
                entry["kind"] = kind;
                rows.Add(entry);
            }
            return rows;
        }

        // The state filter as NL_NEIGHBOR_STATE names (any case), or null for all.
        static HashSet<NeighborState> States(IDictionary parameters)
        {
            List<string> names = Names(parameters, "state");
            if (names == null)
                return null;
            HashSet<NeighborState> states = new HashSet<NeighborState>();
            foreach (string name in names)
                states.Add((NeighborState)Enum.Parse(typeof(NeighborState), name, true));
            return states;
        }

        // The kind filter (any case), or null for all.
        static HashSet<string> Kinds(IDictionary parameters)
        {
            List<string> names = Names(parameters, "kind");
            return names == null ? null : new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        }

        // A list option's values as text, or null when it is not set.
        static List<string> Names(IDictionary parameters, string option)
        {
            object value = parameters[option];
            if (value == null)
                return null;
            IEnumerable given = value is string ? new object[] { value } : (IEnumerable)value;
            List<string> names = new List<string>();
            foreach (object name in given)
                names.Add(Convert.ToString(name, CultureInfo.InvariantCulture));
            return names;
        }
    }

    // win_neighbor_flush: the learned entries of the named interfaces removed (NeighborFlush.cs).
    public static class NeighborFlushModule
    {
        public static string Run(AnsibleModule module)
        {
            IDictionary parameters = module.Params;
            bool checkMode = module.CheckMode;
            Action<string> warn = module.Warn;
            return ModuleRun.Into(module.Result, delegate(Dictionary<string, object> result)
            {
                NeighborFlusher.Run(parameters, checkMode, result, warn);
            });
        }
    }
}
