// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// One GetIpNetTable2 read per address family, indexed by interface and address
// so that a task of many entries compares in memory, one hash lookup each.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborSnapshot
{
    public sealed class Snapshot
    {
        readonly Dictionary<string, MIB_IPNET_ROW2> byKey = new Dictionary<string, MIB_IPNET_ROW2>();
        readonly List<MIB_IPNET_ROW2> rows = new List<MIB_IPNET_ROW2>();

        public IList<MIB_IPNET_ROW2> Rows
        {
            get { return rows.AsReadOnly(); }
        }

        public static string Key(uint interfaceIndex, IPAddress address)
        {
            return interfaceIndex.ToString(CultureInfo.InvariantCulture) + "/" + address;
        }

        // Reads each family once. A family in optional whose stack is not
        // installed (ERROR_NOT_SUPPORTED) reads as empty; any other failure throws.
        public static Snapshot Read(ICollection<ushort> families, ICollection<ushort> optional)
        {
            Snapshot snapshot = new Snapshot();
            foreach (ushort family in families)
            {
                List<MIB_IPNET_ROW2> read;
                uint code = NeighborRow.ReadTable(family, out read);
                if (code == Win32Error.NotSupported && optional.Contains(family))
                    continue;
                if (code != Win32Error.Success)
                {
                    AddressFamily named = NeighborRow.AddressFamilyOf(family);
                    throw new NeighborException(String.Format("Listing the {0} neighbor table failed: {1}",
                        NeighborErrors.FamilyName(named), NeighborErrors.Explain("GetIpNetTable2", code, named)),
                        FailedCall.Win32("GetIpNetTable2", code));
                }
                foreach (MIB_IPNET_ROW2 row in read)
                {
                    IPAddress address = NeighborRow.Address(row);
                    if (address == null)
                        continue;
                    snapshot.rows.Add(row);
                    snapshot.byKey[Key(row.InterfaceIndex, address)] = row;
                }
            }
            return snapshot;
        }

        // The entry for address on iface, or null when the snapshot has none.
        public NeighborEntry Find(NeighborInterface iface, IPAddress address)
        {
            MIB_IPNET_ROW2 row;
            if (!byKey.TryGetValue(Key(iface.Index, address), out row))
                return null;
            return NeighborEntry.FromRow(address, iface, row);
        }
    }
}
