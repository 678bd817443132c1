// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// An interface as Windows knows it (LUID, index, alias, link-layer address
// length), looked up from the name a task gives.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInterfaces
{
    public sealed class NeighborInterface
    {
        public ulong Luid { get; private set; }
        public uint Index { get; private set; }
        public string Alias { get; private set; }
        // The link-layer address length a MAC on this interface must have; 0 when unknown or none.
        public uint MacLength { get; private set; }

        public NeighborInterface(ulong luid, uint index, string alias, uint macLength = 0)
        {
            Luid = luid;
            Index = index;
            Alias = alias;
            MacLength = macLength;
        }

        // Why a MAC does not fit this interface's link layer (Windows would answer 87), or null.
        public string MacMisfit(byte[] mac)
        {
            if (mac == null || MacLength == 0 || mac.Length == MacLength)
                return null;
            return String.Format(CultureInfo.InvariantCulture, "is {0} bytes long, and {1} has link-layer addresses "
                + "of {2} bytes", mac.Length, this, MacLength);
        }

        public override string ToString()
        {
            return String.Format(CultureInfo.InvariantCulture, "interface '{0}' (index {1})", Alias, Index);
        }

        public static NeighborInterface Resolve(string option, InterfaceName name)
        {
            ulong luid;
            uint code;
            string function;
            if (name.Index != 0)
            {
                function = "ConvertInterfaceIndexToLuid";
                code = NativeMethods.ConvertInterfaceIndexToLuid(name.Index, out luid);
            }
            else
            {
                function = "ConvertInterfaceAliasToLuid";
                code = NativeMethods.ConvertInterfaceAliasToLuid(name.Alias, out luid);
            }
            // Windows answers 87 for an unknown alias and 2 or 1168 for an unknown index.
            if (code == Win32Error.InvalidParameter || code == Win32Error.FileNotFound || code == Win32Error.NotFound)
                throw new NeighborException(String.Format(
                    "{0} '{1}': no such interface on this host ({2} returned {3}, {4}); name it by its alias "
                    + "(Get-NetAdapter / Get-NetIPInterface InterfaceAlias) or its index (ifIndex)",
                    option, name, function, code, Win32Error.Name(code)), FailedCall.Win32(function, code));
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface failed: {2}",
                    option, name, NeighborErrors.Explain(function, code, AddressFamily.Unspecified)),
                    FailedCall.Win32(function, code));

            uint index = name.Index;
            if (index == 0)
                code = NativeMethods.ConvertInterfaceLuidToIndex(ref luid, out index);
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface index failed: {2}",
                    option, name, NeighborErrors.Explain("ConvertInterfaceLuidToIndex", code, AddressFamily.Unspecified)),
                    FailedCall.Win32("ConvertInterfaceLuidToIndex", code));
            string alias;
            code = AliasOf(luid, out alias);
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface alias failed: {2}",
                    option, name, NeighborErrors.Explain("ConvertInterfaceLuidToAlias", code, AddressFamily.Unspecified)),
                    FailedCall.Win32("ConvertInterfaceLuidToAlias", code));
            uint macLength;
            code = InterfaceRow.LinkLength(luid, out macLength);
            if (code != Win32Error.Success)
                throw new NeighborException(String.Format("{0} '{1}': looking up the interface's link layer failed: {2}",
                    option, name, NeighborErrors.Explain("GetIfEntry2", code, AddressFamily.Unspecified)),
                    FailedCall.Win32("GetIfEntry2", code));
            return new NeighborInterface(luid, index, alias, macLength);
        }

        // An interface a table row names; its alias is null if Windows cannot
        // say (the interface went away since the table was read).
        public static NeighborInterface FromLuid(ulong luid, uint index)
        {
            string alias;
            return new NeighborInterface(luid, index, AliasOf(luid, out alias) == Win32Error.Success ? alias : null);
        }

        // An interface the persistent store names by index; its alias is null
        // if Windows has no such interface now.
        public static NeighborInterface FromIndex(uint index)
        {
            ulong luid;
            if (NativeMethods.ConvertInterfaceIndexToLuid(index, out luid) != Win32Error.Success)
                return new NeighborInterface(0, index, null);
            return FromLuid(luid, index);
        }

        static uint AliasOf(ulong luid, out string alias)
        {
            StringBuilder buffer = new StringBuilder(NativeMethods.AliasCapacity);
            uint code = NativeMethods.ConvertInterfaceLuidToAlias(ref luid, buffer, new UIntPtr((uint)NativeMethods.AliasCapacity));
            alias = buffer.ToString();
            return code;
        }
    }

    // An address whose zone id names its interface by index and the interface option by alias, or the
    // other way round: the two are compared once both are resolved, before anything is read or changed.
    public static class ZoneCheck
    {
        public static void Agree(ScopedAddress address, bool toResolve, string interfaceOption, InterfaceName given,
            NeighborInterface iface, Func<string, InterfaceName, NeighborInterface> resolve)
        {
            if (!toResolve)
                return;
            NeighborInterface zone = resolve(address.ZoneOption, address.Zone);
            if (zone.Index != iface.Index)
                throw new NeighborInputException(address.Option, address.Text, address.Disagreement(interfaceOption,
                    given, String.Format(", another one: {0} and {1}", zone, iface)));
        }

        public static void Agree(NeighborRequest request, NeighborInterface iface,
            Func<string, InterfaceName, NeighborInterface> resolve)
        {
            if (request.Scoped != null)
                Agree(request.Scoped, request.ZoneToResolve, request.ComparedOption, request.Interface, iface, resolve);
        }
    }
}
