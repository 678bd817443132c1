// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// The IP Helper calls that read, create, change and delete one entry of the
// active store.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborActiveStore
{
    public static class NeighborTable
    {
        // A failed call on the entry, worded with its action, and the call itself.
        public static NeighborException Failed(string action, string function, uint code, IPAddress address,
            NeighborInterface iface)
        {
            return new NeighborException(String.Format("{0} the neighbor {1} on {2} failed: {3}",
                action, address, iface, NeighborErrors.Explain(function, code, address.AddressFamily)),
                FailedCall.Win32(function, code));
        }

        // The entry for address on iface, or null when Windows has none (also
        // when its family's stack is missing, if the caller says that is none).
        public static NeighborEntry Read(IPAddress address, NeighborInterface iface, bool noStackIsNone = false)
        {
            MIB_IPNET_ROW2 row = NeighborRow.New(address, iface.Luid, iface.Index);
            uint code = NativeMethods.GetIpNetEntry2(ref row);
            if (code == Win32Error.NotFound || (noStackIsNone && code == Win32Error.NotSupported))
                return null;
            if (code != Win32Error.Success)
                throw Failed("Reading", "GetIpNetEntry2", code, address, iface);
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
}
