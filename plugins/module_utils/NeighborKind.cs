// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Net;

// What a neighbor entry is for: a neighbor (unicast), or a multicast or
// broadcast address, whose entries Windows keeps static itself (224.0.0.22,
// ff02::16, a subnet's broadcast address with FF-FF-FF-FF-FF-FF). One rule for
// both modules: win_neighbor_info reports and filters by it, and win_neighbor's
// purge removes unicast entries only.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborKind
{
    public static class EntryKind
    {
        public const string Unicast = "unicast";
        public const string Multicast = "multicast";
        public const string Broadcast = "broadcast";

        // The kind of an entry from its address and MAC (null or empty when it
        // has none). The address decides first; a MAC of all FF makes any other
        // address broadcast (a subnet's broadcast address, 192.0.2.255, which
        // only the netmask tells apart). An unresolved entry (Incomplete or
        // Unreachable, its MAC empty or all zeros) is unicast: its address is
        // a neighbor's whose MAC ARP/ND has not learned.
        public static string Of(IPAddress address, byte[] mac)
        {
            byte[] b = address.GetAddressBytes();
            if (b.Length == 4 && b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255)
                return Broadcast;
            // 224.0.0.0/4 and ff00::/8.
            if ((b.Length == 4 && (b[0] & 0xF0) == 224) || (b.Length == 16 && b[0] == 0xFF))
                return Multicast;
            if (mac != null && mac.Length > 0 && Array.TrueForAll(mac, delegate(byte octet) { return octet == 0xFF; }))
                return Broadcast;
            return Unicast;
        }
    }
}
