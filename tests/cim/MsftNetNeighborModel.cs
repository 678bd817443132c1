// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow;

// Test-only stand-in for plugins/module_utils/NeighborCim.cs: the same class
// and members, answering from the persistent store of the native test double
// (tests/native/persistent_double.c) instead of CIM. The helper tests and the
// lab build the collection's C# with this file in place of NeighborCim.cs.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCim
{
    public static class MsftNetNeighbor
    {
        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_enumerate(out uint count);

        [DllImport("iphlpapi.dll")]
        static extern int dbl_persistent_listed(uint i, ref MIB_IPNET_ROW2 row, out byte store);

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_create(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_modify(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_delete(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        static extern int dbl_persistent_zone_in_address();

        // What CimException.Message says for the MI results the double returns.
        static void Check(string operation, uint code)
        {
            if (code == 0)
                return;
            string message;
            switch (code)
            {
                case 2: message = "Access denied."; break;
                case 4: message = "Invalid parameter."; break;
                case 6: message = "No matching MSFT_NetNeighbor objects found."; break;
                case 11: message = "The object already exists."; break;
                default: message = "The operation failed."; break;
            }
            throw new PersistentStoreException(operation, code, message);
        }

        static MIB_IPNET_ROW2 Row(string address, uint interfaceIndex, string mac)
        {
            MIB_IPNET_ROW2 row = NeighborRow.New(IPAddress.Parse(address), 0, interfaceIndex);
            if (mac != null)
                NeighborRow.SetMac(ref row, NeighborParse.Mac("LinkLayerAddress", mac));
            return row;
        }

        public static List<PersistentRow> Enumerate()
        {
            uint count;
            Check("EnumerateInstances", dbl_persistent_enumerate(out count));
            List<PersistentRow> rows = new List<PersistentRow>();
            for (uint i = 0; i < count; i++)
            {
                MIB_IPNET_ROW2 row = NeighborRow.New(IPAddress.Any, 0, 0);
                byte store;
                dbl_persistent_listed(i, ref row, out store);
                IPAddress address = NeighborRow.Address(row);
                string text = address.ToString();
                // How the provider spells a link-local IPAddress is not documented: with the
                // zone (fe80::1%12) or without, as the host's switch zone_in_address says.
                if (address.IsIPv6LinkLocal && dbl_persistent_zone_in_address() != 0 && text.IndexOf('%') < 0)
                    text += "%" + row.InterfaceIndex.ToString(CultureInfo.InvariantCulture);
                rows.Add(new PersistentRow(text, row.InterfaceIndex,
                    NeighborParse.FormatMac(NeighborRow.Mac(row)) ?? "", store, null));
            }
            return rows;
        }

        public static void Create(PersistentRow row)
        {
            MIB_IPNET_ROW2 native = Row(row.Address, row.InterfaceIndex, row.Mac);
            Check("Create", dbl_persistent_create(ref native));
        }

        public static void Modify(PersistentRow found, string mac)
        {
            MIB_IPNET_ROW2 native = Row(found.Address, found.InterfaceIndex, mac);
            Check("ModifyInstance", dbl_persistent_modify(ref native));
        }

        public static void Delete(PersistentRow found)
        {
            MIB_IPNET_ROW2 native = Row(found.Address, found.InterfaceIndex, null);
            Check("DeleteInstance", dbl_persistent_delete(ref native));
        }
    }
}
