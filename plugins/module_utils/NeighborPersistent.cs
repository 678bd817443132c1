// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCim;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow;

// The persistent store: the neighbor entries Windows loads into the active
// store at every boot. NeighborCim.cs talks to it (CIM, MSFT_NetNeighbor);
// this file checks what it reads, finds entries and words its failures.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistent
{
    // MSFT_NetNeighbor.Store, the store a row comes from.
    public enum NeighborStore
    {
        Persistent = 0,
        Active = 1,
    }

    // The persistent store as read once, indexed by interface and address.
    public sealed class PersistentTable
    {
        readonly Dictionary<string, PersistentRow> byKey = new Dictionary<string, PersistentRow>();
        readonly List<PersistentRow> rows = new List<PersistentRow>();

        public IList<PersistentRow> Rows
        {
            get { return rows.AsReadOnly(); }
        }

        // False for a store that could not be read where the task did not need it.
        public bool Known { get; private set; }

        static string Key(uint interfaceIndex, IPAddress address)
        {
            return interfaceIndex.ToString(CultureInfo.InvariantCulture) + "/" + address;
        }

        // Reads the store. The provider may ignore the PolicyStore option (MI sends
        // custom options with mustComply false): every row must say it comes from
        // the persistent store, or nothing read here means anything.
        public static PersistentTable Read()
        {
            List<PersistentRow> read;
            try
            {
                read = MsftNetNeighbor.Enumerate();
            }
            catch (PersistentStoreException e)
            {
                throw new NeighborException("Reading the persistent store failed: " + e.Explain(),
                    FailedCall.Cim(e.Operation, e.Code));
            }
            PersistentTable table = new PersistentTable();
            table.Known = true;
            foreach (PersistentRow row in read)
            {
                if (row.Store != (byte)NeighborStore.Persistent)
                    throw new NeighborException(String.Format(CultureInfo.InvariantCulture,
                        "The persistent store cannot be trusted on this host: asked for PolicyStore PersistentStore, "
                        + "MSFT_NetNeighbor answered with a row of store {0} ({1} on interface index {2}); the provider "
                        + "ignored the option, so what is persistent cannot be read or changed here",
                        row.Store, row.Address, row.InterfaceIndex));
                IPAddress address = ParseAddress(row.Address);
                if (address == null)
                    continue;
                table.rows.Add(row);
                table.byKey[Key(row.InterfaceIndex, address)] = row;
            }
            return table;
        }

        // Reads the store; where the task does not need it (store active pins, a
        // listing of the active store), a store that cannot be read (WMI broken,
        // a provider that ignores PolicyStore) becomes a warning and an empty,
        // unknown table, so that what needs only the IP Helper API still runs.
        public static PersistentTable ReadIfNeeded(bool needed, Action<string> warn)
        {
            if (needed)
                return Read();
            try
            {
                return Read();
            }
            catch (NeighborException e)
            {
                warn(e.Message.TrimEnd('.') + ". The task needs the active store only and went on without the persistent "
                    + "store: the entries it holds, which Windows restores at every boot, are neither listed nor changed");
                return new PersistentTable();
            }
        }

        // The provider may spell an IPv6 link-local address with its zone (fe80::1%12):
        // the row's InterfaceIndex names the interface, so the address is compared
        // without it, as the active store's twin is.
        static IPAddress ParseAddress(string text)
        {
            IPAddress address;
            if (text == null || !IPAddress.TryParse(text, out address))
                return null;
            return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
                ? new IPAddress(address.GetAddressBytes()) : address;
        }

        // The row's address, or null when Windows reports one this code cannot read.
        public static IPAddress AddressOf(PersistentRow row)
        {
            return ParseAddress(row.Address);
        }

        // The MAC of a row (Windows writes 00-15-5D-01-02-03), or null when it has none.
        public static byte[] MacOf(PersistentRow row)
        {
            if (String.IsNullOrEmpty(row.Mac))
                return null;
            try
            {
                return NeighborParse.Mac("LinkLayerAddress", row.Mac);
            }
            catch (NeighborInputException)
            {
                return null;
            }
        }

        public PersistentRow Find(uint interfaceIndex, IPAddress address)
        {
            PersistentRow row;
            return byKey.TryGetValue(Key(interfaceIndex, address), out row) ? row : null;
        }
    }

    // The changes, each worded with the store, the entry and the interface.
    public static class PersistentStore
    {
        // Writes the entry to both stores (Create without PolicyStore); the caller
        // has cleared the active store, and clearActive clears it again should
        // ARP/ND learn the address before the Create (refused as existing): once more.
        public static void Create(IPAddress address, byte[] mac, NeighborInterface iface, Action clearActive)
        {
            string text = NeighborParse.FormatMac(mac);
            PersistentRow row = new PersistentRow(address.ToString(), iface.Index, text, 0, null);
            Call(delegate
            {
                try
                {
                    MsftNetNeighbor.Create(row);
                }
                catch (PersistentStoreException e)
                {
                    if (!e.AlreadyExists)
                        throw;
                    clearActive();
                    MsftNetNeighbor.Create(row);
                }
            }, "Writing the neighbor {0} -> {1} on {2} to both stores", address, text, iface);
        }

        public static void Modify(PersistentRow found, byte[] mac, NeighborInterface iface)
        {
            string text = NeighborParse.FormatMac(mac);
            Call(delegate { MsftNetNeighbor.Modify(found, text); },
                "Changing the MAC of the neighbor {0} on {2} in the persistent store to {1}", found.Address, text, iface);
        }

        public static void Delete(PersistentRow found, NeighborInterface iface)
        {
            Call(delegate { MsftNetNeighbor.Delete(found); },
                "Removing the neighbor {0} on {2} from the persistent store", found.Address, null, iface);
        }

        static void Call(Action call, string action, object address, string mac, NeighborInterface iface)
        {
            try
            {
                call();
            }
            catch (PersistentStoreException e)
            {
                throw new NeighborException(String.Format(action, address, mac, iface) + " failed: " + e.Explain(),
                    FailedCall.Cim(e.Operation, e.Code));
            }
        }
    }
}
