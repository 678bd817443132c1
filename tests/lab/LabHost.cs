// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Runtime.InteropServices;
using Ansible.Basic;
using IPNeighborTests.PowerShell;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// The lab's stand-in for a Windows host running a module of this collection:
// it loads the simulated host into the IP Helper test double, runs the module
// as the host would (ansible-core's real Ansible.Basic from the payload, the
// glue of the module's .ps1 played by PowerShellGlue.cs), and answers with what
// the module printed and the host as it is afterwards.
// stdin:  {"spec": "<$spec as JSON>", "args": "<complex_args as JSON>",
//          "helper_type": "...", "helper_method": "Run", "host": {...}}
// stdout: {"output": "<the module's JSON>", "exit_code": 0, "unhandled": null,
//          "host": {...}, "calls": {"CreateIpNetEntry2": 1, ...}, "runtime": "Mono 6.8..."}
namespace IPNeighborLab
{
    static class Double
    {
        [DllImport("iphlpapi.dll")]
        public static extern void dbl_reset();

        [DllImport("iphlpapi.dll")]
        public static extern int dbl_add_interface(uint index, ulong luid, byte[] aliasUtf8, int ipv4, int ipv6);

        [DllImport("iphlpapi.dll")]
        public static extern uint dbl_add_neighbor(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        public static extern uint dbl_neighbor_count();

        [DllImport("iphlpapi.dll")]
        public static extern int dbl_get_neighbor(uint i, ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        public static extern int dbl_set_fault(string function, uint code);

        [DllImport("iphlpapi.dll")]
        public static extern ulong dbl_calls(string function);

        [DllImport("iphlpapi.dll")]
        public static extern int dbl_set_option(string name, int value);

        [DllImport("iphlpapi.dll")]
        public static extern int dbl_set_link_length(uint index, uint length);

        [DllImport("iphlpapi.dll")]
        public static extern uint dbl_add_persistent(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        public static extern uint dbl_persistent_count();

        [DllImport("iphlpapi.dll")]
        public static extern int dbl_get_persistent(uint i, ref MIB_IPNET_ROW2 row);
    }

    static class LabHost
    {
        static readonly string[] Functions = {
            "GetIpNetEntry2", "GetIpNetTable2", "FreeMibTable", "CreateIpNetEntry2", "SetIpNetEntry2",
            "DeleteIpNetEntry2", "ConvertInterfaceAliasToLuid", "ConvertInterfaceIndexToLuid",
            "ConvertInterfaceLuidToIndex", "ConvertInterfaceLuidToAlias", "GetIfEntry2",
            "MSFT_NetNeighbor.EnumerateInstances", "MSFT_NetNeighbor.Create", "MSFT_NetNeighbor.ModifyInstance",
            "MSFT_NetNeighbor.DeleteInstance",
        };

        static int Main()
        {
            // JSON in and out without System.Web.Extensions, which CoreCLR lacks.
            IDictionary request = (IDictionary)PSValues.FromJson(Console.In.ReadToEnd());
            IDictionary host = (IDictionary)request["host"];
            Load(host);

            GlueRun run = ModuleGlue.Run((string)request["spec"], (string)request["args"],
                (string)request["helper_type"], (string)request["helper_method"]);
            Dictionary<string, object> calls = new Dictionary<string, object>();
            foreach (string function in Functions)
                calls[function] = (long)Double.dbl_calls(function);
            host["neighbors"] = Dump();
            host["persistent"] = DumpPersistent();

            Dictionary<string, object> answer = new Dictionary<string, object>();
            answer["output"] = run.Output;
            answer["exit_code"] = run.ExitCode;
            answer["unhandled"] = run.Unhandled;
            answer["host"] = host;
            answer["calls"] = calls;
            answer["runtime"] = RuntimeInformation.FrameworkDescription;
            Console.Out.Write(AnsibleModule.ToJson(answer));
            return 0;
        }

        static IDictionary Map(object value)
        {
            return value == null ? new Hashtable() : (IDictionary)value;
        }

        static IEnumerable List(IDictionary host, string key)
        {
            return (IEnumerable)host[key] ?? new object[0];
        }

        static void Load(IDictionary host)
        {
            Double.dbl_reset();
            foreach (object item in List(host, "interfaces"))
            {
                IDictionary iface = Map(item);
                uint index = Convert.ToUInt32(iface["index"], CultureInfo.InvariantCulture);
                ulong luid = Convert.ToUInt64(iface["luid"], CultureInfo.InvariantCulture);
                byte[] alias = System.Text.Encoding.UTF8.GetBytes((string)iface["alias"] + "\0");
                if (Double.dbl_add_interface(index, luid, alias, (bool)iface["ipv4"] ? 1 : 0, (bool)iface["ipv6"] ? 1 : 0) != 0
                    || Double.dbl_set_link_length(index, Convert.ToUInt32(iface["mac_length"], CultureInfo.InvariantCulture)) != 0)
                    throw new ArgumentException("the double refused interface " + iface["alias"]);
            }
            foreach (object item in List(host, "neighbors"))
            {
                IDictionary n = Map(item);
                uint index = Convert.ToUInt32(n["interface_index"], CultureInfo.InvariantCulture);
                MIB_IPNET_ROW2 row = NeighborRow.New(IPAddress.Parse((string)n["address"]), 0, index);
                string mac = (string)n["mac"];
                if (!String.IsNullOrEmpty(mac))
                    NeighborRow.SetMac(ref row, NeighborParse.Mac("mac", mac));
                row.State = (NeighborState)Enum.Parse(typeof(NeighborState), (string)n["state"]);
                row.Flags = (byte)(n["is_router"] is bool && (bool)n["is_router"] ? 1 : 0);
                uint code = Double.dbl_add_neighbor(ref row);
                if (code != 0)
                    throw new ArgumentException(String.Format("the double refused neighbor {0}: {1}", n["address"], code));
            }
            foreach (object item in List(host, "persistent"))
            {
                IDictionary n = Map(item);
                MIB_IPNET_ROW2 row = NeighborRow.New(IPAddress.Parse((string)n["address"]), 0,
                    Convert.ToUInt32(n["interface_index"], CultureInfo.InvariantCulture));
                NeighborRow.SetMac(ref row, NeighborParse.Mac("mac", (string)n["mac"]));
                uint code = Double.dbl_add_persistent(ref row);
                if (code != 0)
                    throw new ArgumentException(String.Format("the double refused persistent entry {0}: {1}", n["address"], code));
            }
            foreach (DictionaryEntry fault in Map(host["faults"]))
            {
                if (Double.dbl_set_fault((string)fault.Key, Convert.ToUInt32(fault.Value, CultureInfo.InvariantCulture)) != 0)
                    throw new ArgumentException("faults: neither the IP Helper API nor MSFT_NetNeighbor has " + fault.Key);
            }
            foreach (DictionaryEntry option in Map(host["behaviour"]))
            {
                int value = option.Value is bool ? ((bool)option.Value ? 1 : 0) : Convert.ToInt32(option.Value, CultureInfo.InvariantCulture);
                if (Double.dbl_set_option((string)option.Key, value) != 0)
                    throw new ArgumentException("behaviour: unknown option " + option.Key);
            }
        }

        // The persistent store: address, interface and MAC of each entry.
        static List<object> DumpPersistent()
        {
            List<object> entries = new List<object>();
            uint count = Double.dbl_persistent_count();
            for (uint i = 0; i < count; i++)
            {
                MIB_IPNET_ROW2 row = NeighborRow.New(IPAddress.Any, 0, 0);
                Double.dbl_get_persistent(i, ref row);
                Dictionary<string, object> n = new Dictionary<string, object>();
                n["address"] = NeighborRow.Address(row).ToString();
                n["interface_index"] = (long)row.InterfaceIndex;
                n["mac"] = NeighborParse.FormatMac(NeighborRow.Mac(row)) ?? "";
                entries.Add(n);
            }
            return entries;
        }

        static List<object> Dump()
        {
            List<object> neighbors = new List<object>();
            uint count = Double.dbl_neighbor_count();
            for (uint i = 0; i < count; i++)
            {
                MIB_IPNET_ROW2 row = NeighborRow.New(IPAddress.Any, 0, 0);
                Double.dbl_get_neighbor(i, ref row);
                Dictionary<string, object> n = new Dictionary<string, object>();
                n["address"] = NeighborRow.Address(row).ToString();
                n["interface_index"] = (long)row.InterfaceIndex;
                n["mac"] = NeighborParse.FormatMac(NeighborRow.Mac(row)) ?? "";
                n["state"] = row.State.ToString();
                n["is_router"] = (row.Flags & 1) != 0;
                neighbors.Add(n);
            }
            return neighbors;
        }
    }
}
