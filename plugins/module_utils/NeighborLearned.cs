// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborEntries;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborStores;

// mac: learned: the MAC to pin is taken from the host, not from the task. A pin
// already in the stores the task asks for is kept; otherwise the MAC of the
// learned entry (Reachable, Stale, Delay, Probe) is pinned; where there is none,
// the host resolves the address once (ResolveIpNetEntry2, ARP or neighbor
// solicitation) and pins the answer. Check mode reads only: it never resolves.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborLearned
{
    static class LearnedNative
    {
        // netioapi.h: ResolveIpNetEntry2(PMIB_IPNET_ROW2 Row, const SOCKADDR_INET *SourceAddress); SourceAddress
        // is optional (NULL: Windows picks the interface; the row names it here).
        // https://learn.microsoft.com/windows/win32/api/netioapi/nf-netioapi-resolveipnetentry2
        [DllImport("iphlpapi.dll")]
        public static extern uint ResolveIpNetEntry2(ref MIB_IPNET_ROW2 row, IntPtr sourceAddress);
    }

    // Where the MAC pinned for mac: learned came from: the result's mac_source.
    public static class MacSource
    {
        // Already static (Permanent) in the stores the task asks for, or in one of them: kept as it is.
        public const string Pinned = "pinned";
        // The learned (ARP/ND) entry's MAC.
        public const string Learned = "learned";
        // The host resolved the address (ResolveIpNetEntry2) and the neighbor answered.
        public const string Resolved = "resolved";
        // Check mode, where nothing is sent: the host would resolve the address.
        public const string WouldResolve = "would resolve";
    }

    // What mac: learned turned into: the request with its MAC (empty when check mode would
    // resolve), what the stores hold now (after a resolution, the answer), and the MAC's source.
    public sealed class LearnedPin
    {
        public NeighborRequest Request { get; private set; }
        public StoredNeighbor Current { get; private set; }
        public string Source { get; private set; }

        public LearnedPin(NeighborRequest request, StoredNeighbor current, string source)
        {
            Request = request;
            Current = current;
            Source = source;
        }

        // mac_source, and pinned_mac: the MAC pinned (or that would be), null when check mode would resolve.
        public void Report(IDictionary<string, object> into)
        {
            into["mac_source"] = Source;
            into["pinned_mac"] = NeighborParse.FormatMac(Request.Mac);
        }
    }

    public static class LearnedMac
    {
        public const uint BadNetName = 67;

        // The MAC for a request whose mac is learned, from what the stores hold (before, read by the
        // caller); resolved on the host when there is none to take, except in check mode. Throws,
        // changing nothing, when the stores and the network disagree or no neighbor answers.
        public static LearnedPin Take(NeighborRequest request, NeighborInterface iface, StoredNeighbor before,
            bool checkMode)
        {
            NeighborEntry active = before.Active;
            byte[] activePin = active != null && active.State == NeighborState.Permanent && HasMac(active.Mac)
                ? active.Mac : null;
            // store: active removes the persistent entry; only store: persistent asks the persistent store.
            byte[] persistentPin = request.Persistent && before.Persistent != null && HasMac(before.Persistent)
                ? before.Persistent : null;
            byte[] answer = Answer(active);
            if (activePin != null && persistentPin != null && !NeighborEntry.SameMac(activePin, persistentPin))
                throw Disagree(request, iface, String.Format("the active store pins {0} and the persistent store {1}",
                    NeighborParse.FormatMac(activePin), NeighborParse.FormatMac(persistentPin)));
            if (activePin == null && persistentPin != null && answer != null && !NeighborEntry.SameMac(answer, persistentPin))
                throw Disagree(request, iface, String.Format("the persistent store pins {0} and the network answers "
                    + "with {1} ({2})", NeighborParse.FormatMac(persistentPin), NeighborParse.FormatMac(answer),
                    active.State));
            // A pin in one store is completed in the other with its MAC: nothing is asked of the network.
            byte[] pinned = activePin ?? persistentPin;
            if (pinned != null)
                return new LearnedPin(request.Learn(pinned), before, MacSource.Pinned);
            if (answer != null)
                return new LearnedPin(request.Learn(answer), before, MacSource.Learned);
            if (checkMode)
                return new LearnedPin(request.Learn(new byte[0]), before, MacSource.WouldResolve);
            NeighborEntry resolved = Resolve(request, iface);
            return new LearnedPin(request.Learn(resolved.Mac),
                new StoredNeighbor(request.Address, iface, resolved, before.PersistentRow), MacSource.Resolved);
        }

        static bool HasMac(byte[] mac)
        {
            if (mac == null)
                return false;
            foreach (byte b in mac)
            {
                if (b != 0)
                    return true;
            }
            return false;
        }

        // The MAC the network answers with: a learned entry's, unless it has none (all zeros is none).
        static byte[] Answer(NeighborEntry entry)
        {
            if (entry == null)
                return null;
            bool learned = entry.State == NeighborState.Reachable || entry.State == NeighborState.Stale
                || entry.State == NeighborState.Delay || entry.State == NeighborState.Probe;
            return learned && HasMac(entry.Mac) ? entry.Mac : null;
        }

        static string Label(NeighborRequest request, NeighborInterface iface)
        {
            return String.Format("{0}{1} on {2}", request.Where.Length > 0 ? request.Where.TrimEnd('.') + ": " : "",
                request.Address, iface);
        }

        static NeighborException Disagree(NeighborRequest request, NeighborInterface iface, string what)
        {
            return new NeighborException(String.Format("{0}: mac is learned, but {1}, so nothing was changed: the "
                + "task cannot tell which MAC is right. Pin the right one with mac: <MAC>",
                Label(request, iface), what));
        }

        // Resolves the address once (ARP for IPv4, neighbor solicitation for IPv6); the entry Windows
        // learned from the answer. Never called where a pin exists: ResolveIpNetEntry2 flushes the
        // address's entry first, a pin included.
        static NeighborEntry Resolve(NeighborRequest request, NeighborInterface iface)
        {
            MIB_IPNET_ROW2 row = NeighborRow.New(request.Address, iface.Luid, iface.Index);
            uint code = LearnedNative.ResolveIpNetEntry2(ref row, IntPtr.Zero);
            NeighborEntry entry = code == Win32Error.Success ? NeighborEntry.FromRow(request.Address, iface, row) : null;
            if (entry != null && HasMac(entry.Mac))
                return entry;
            // Success without a MAC (all zeros) is no answer either.
            throw new NeighborException(String.Format(CultureInfo.InvariantCulture,
                "{0}: mac is learned and the host has no learned entry to take it from, and resolving the address "
                + "failed: {1}; nothing was pinned", Label(request, iface), Explain(code, request.Address)),
                FailedCall.Win32("ResolveIpNetEntry2", code));
        }

        // ResolveIpNetEntry2's codes, as its documentation gives them.
        static string Explain(uint code, IPAddress address)
        {
            string why;
            switch (code)
            {
                case Win32Error.Success:
                    why = "the answer carried no MAC";
                    break;
                case BadNetName:
                    why = String.Format("no neighbor answered {0} (the neighbor is down, or not on this link)",
                        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                            ? "the neighbor solicitation" : "ARP");
                    break;
                case Win32Error.NotFound:
                    why = String.Format("the interface was not found (gone, or without {0})",
                        NeighborErrors.FamilyName(address.AddressFamily));
                    break;
                default:
                    return NeighborErrors.Explain("ResolveIpNetEntry2", code, address.AddressFamily);
            }
            return String.Format(CultureInfo.InvariantCulture, "{0} (ResolveIpNetEntry2 returned {1}, {2})", why, code,
                code == BadNetName ? "ERROR_BAD_NET_NAME" : Win32Error.Name(code));
        }
    }
}
