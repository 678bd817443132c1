// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Net;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// One entry of the active store as Windows reports it.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries
{
    public sealed class NeighborEntry
    {
        public IPAddress Address { get; private set; }
        public byte[] Mac { get; private set; }
        public NeighborInterface Interface { get; private set; }
        public NeighborState State { get; private set; }
        // IPv6: the neighbor is a router (RFC 4861); a change must keep it.
        public bool IsRouter { get; private set; }

        public NeighborEntry(IPAddress address, byte[] mac, NeighborInterface iface, NeighborState state,
            bool isRouter = false)
        {
            Address = address;
            Mac = mac;
            Interface = iface;
            State = state;
            IsRouter = isRouter;
        }

        public static NeighborEntry FromRow(IPAddress address, NeighborInterface iface, MIB_IPNET_ROW2 row)
        {
            return new NeighborEntry(address, NeighborRow.Mac(row), iface, row.State, (row.Flags & NeighborRow.IsRouterFlag) != 0);
        }

        // A learned entry, which ARP/ND keeps current, that answers with another MAC.
        public bool DisagreesWith(byte[] mac)
        {
            bool learned = State == NeighborState.Reachable || State == NeighborState.Stale
                || State == NeighborState.Delay || State == NeighborState.Probe;
            return learned && Mac != null && Mac.Length > 0 && !SameMac(Mac, mac);
        }

        public bool IsPinnedTo(byte[] mac)
        {
            return State == NeighborState.Permanent && SameMac(Mac, mac);
        }

        public static bool SameMac(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
                return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                    return false;
            }
            return true;
        }

        public Dictionary<string, object> ToResult()
        {
            Dictionary<string, object> result = new Dictionary<string, object>();
            result["address"] = Address.ToString();
            result["mac"] = NeighborParse.FormatMac(Mac);
            result["interface_alias"] = Interface.Alias;
            result["interface_index"] = (long)Interface.Index;
            result["state"] = State.ToString();
            result["is_router"] = IsRouter;
            return result;
        }
    }
}
