using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.Neighbor;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborBulk;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborSnapshot;

// The entry points of the modules: each takes the parameters as Ansible.Basic
// hands them over and returns the result keys and the failure message, so the
// PowerShell modules make one call and no decision.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules
{
    public sealed class NeighborOutcome
    {
        public Dictionary<string, object> Result { get; private set; }
        public string Error { get; set; }

        public NeighborOutcome()
        {
            Result = new Dictionary<string, object>();
            Result["changed"] = false;
        }

        // Runs work on the result; a refused input or a failed call becomes Error.
        public static NeighborOutcome Of(Action<Dictionary<string, object>> work)
        {
            NeighborOutcome outcome = new NeighborOutcome();
            try
            {
                work(outcome.Result);
            }
            catch (NeighborInputException e)
            {
                outcome.Error = e.Message;
            }
            catch (NeighborException e)
            {
                outcome.Error = e.Message;
            }
            return outcome;
        }
    }

    static class Parameters
    {
        public static bool Flag(IDictionary<string, object> parameters, string key)
        {
            object value;
            return parameters.TryGetValue(key, out value) && value != null && Convert.ToBoolean(value, CultureInfo.InvariantCulture);
        }

        public static bool Has(IDictionary<string, object> parameters, string key)
        {
            object value;
            return parameters.TryGetValue(key, out value) && value != null;
        }
    }

    // win_neighbor: one entry (address, mac, interface, state) or many (neighbors, purge).
    public static class NeighborModule
    {
        public static NeighborOutcome Run(IDictionary<string, object> parameters, bool checkMode)
        {
            return NeighborOutcome.Of(delegate(Dictionary<string, object> result)
            {
                bool purge = Parameters.Flag(parameters, "purge");
                if (Parameters.Has(parameters, "neighbors"))
                {
                    if (Parameters.Has(parameters, "address") || Parameters.Has(parameters, "mac"))
                        throw new NeighborInputException(
                            "address and mac are for a single entry; with neighbors, give them in each entry");
                    string purgeFamily = NeighborRequest.Text(parameters, "purge_family") ?? BulkReconcile.PurgeAll;
                    BulkReconcile.Run(parameters, purge, purgeFamily, checkMode, result);
                }
                else
                {
                    if (purge)
                        throw new NeighborInputException("purge needs neighbors, the entries to keep");
                    Single(parameters, checkMode, result);
                }
            });
        }

        static object Entry(NeighborEntry entry)
        {
            return entry == null ? null : entry.ToResult();
        }

        static void Single(IDictionary<string, object> parameters, bool checkMode, Dictionary<string, object> result)
        {
            NeighborRequest request = NeighborRequest.FromParameters(parameters, "", null);
            NeighborInterface iface = NeighborInterface.Resolve("interface", request.Interface);
            NeighborEntry before = NeighborTable.Read(request.Address, iface);
            result["before"] = Entry(before);
            result["after"] = result["before"];
            if (NeighborReconcile.Plan(request, before) == NeighborChange.None)
                return;
            if (checkMode)
            {
                result["changed"] = true;
                result["after"] = Entry(NeighborReconcile.Predict(request, iface));
                return;
            }

            // Until it is read back, what Windows holds is unknown.
            result.Remove("after");
            bool applied = false;
            NeighborEntry after;
            try
            {
                after = NeighborReconcile.Apply(request, iface, before, ref applied);
            }
            finally
            {
                result["changed"] = applied;
            }
            result["after"] = Entry(after);
            string problem = NeighborReconcile.Mismatch(request, iface, after);
            if (problem != null)
                throw new NeighborException(problem);
        }
    }

    // win_neighbor_info: the neighbor table, filtered; reads only.
    public static class NeighborInfoModule
    {
        public static NeighborOutcome Run(IDictionary<string, object> parameters)
        {
            return NeighborOutcome.Of(delegate(Dictionary<string, object> result)
            {
                result["neighbors"] = List(parameters);
            });
        }

        static List<object> List(IDictionary<string, object> parameters)
        {
            string addressText = NeighborRequest.Text(parameters, "address");
            IPAddress address = addressText == null ? null : NeighborParse.Address("address", addressText);
            string ifaceText = NeighborRequest.Text(parameters, "interface");
            NeighborInterface iface = ifaceText == null
                ? null : NeighborInterface.Resolve("interface", NeighborParse.Interface("interface", ifaceText));
            string family = NeighborRequest.Text(parameters, "family");
            if (family != null && family != "ipv4" && family != "ipv6")
                throw new NeighborInputException("family", family, "is not one of ipv4, ipv6");
            HashSet<NeighborState> states = States(parameters);

            // Read only the families asked about; a family whose stack is not installed lists nothing.
            List<ushort> families = new List<ushort>();
            if (family != "ipv6" && (address == null || NeighborRow.Family(address) == NativeMethods.AF_INET))
                families.Add(NativeMethods.AF_INET);
            if (family != "ipv4" && (address == null || NeighborRow.Family(address) == NativeMethods.AF_INET6))
                families.Add(NativeMethods.AF_INET6);
            Snapshot snapshot = Snapshot.Read(families, families);

            Dictionary<ulong, NeighborInterface> interfaces = new Dictionary<ulong, NeighborInterface>();
            List<object> rows = new List<object>();
            foreach (MIB_IPNET_ROW2 row in snapshot.Rows)
            {
                IPAddress rowAddress = NeighborRow.Address(row);
                if ((address != null && !address.Equals(rowAddress)) || (iface != null && iface.Index != row.InterfaceIndex)
                    || (states != null && !states.Contains(row.State)))
                    continue;
                NeighborInterface rowIface;
                if (!interfaces.TryGetValue(row.InterfaceLuid, out rowIface))
                {
                    rowIface = NeighborInterface.FromLuid(row.InterfaceLuid, row.InterfaceIndex);
                    interfaces[row.InterfaceLuid] = rowIface;
                }
                Dictionary<string, object> entry = new NeighborEntry(rowAddress, NeighborRow.Mac(row), rowIface, row.State)
                    .ToResult();
                entry["family"] = NeighborErrors.FamilyName(NeighborRow.AddressFamilyOf(NeighborRow.Family(row)));
                entry["is_router"] = (row.Flags & 1) != 0;
                rows.Add(entry);
            }
            return rows;
        }

        // The state filter as NL_NEIGHBOR_STATE names, or null for all.
        static HashSet<NeighborState> States(IDictionary<string, object> parameters)
        {
            object value;
            if (!parameters.TryGetValue("state", out value) || value == null)
                return null;
            IEnumerable names = value as IEnumerable;
            if (names == null || value is string)
                names = new object[] { value };
            HashSet<NeighborState> states = new HashSet<NeighborState>();
            foreach (object name in names)
            {
                string text = Convert.ToString(name, CultureInfo.InvariantCulture);
                if (text == null || !Enum.IsDefined(typeof(NeighborState), text))
                    throw new NeighborInputException("state", text, "is not a neighbor state: "
                        + String.Join(", ", Enum.GetNames(typeof(NeighborState))));
                states.Add((NeighborState)Enum.Parse(typeof(NeighborState), text));
            }
            return states;
        }
    }
}
