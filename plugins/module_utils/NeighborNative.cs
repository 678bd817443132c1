// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

// The IP Helper neighbor API (iphlpapi.dll, netioapi.h): row layout, P/Invoke
// declarations and the conversions between a row and .NET values. x64 layout,
// pinned by tests against the mingw-w64 headers.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative
{
    // NL_NEIGHBOR_STATE. A static (pinned) entry is Permanent.
    public enum NeighborState
    {
        Unreachable = 0,
        Incomplete = 1,
        Probe = 2,
        Delay = 3,
        Stale = 4,
        Reachable = 5,
        Permanent = 6,
    }

    // MIB_IPNET_ROW2 (88 bytes). Address is the SOCKADDR_INET union kept as raw
    // bytes: family at 0, IPv4 address at 4, IPv6 address at 8.
    [StructLayout(LayoutKind.Sequential)]
    public struct MIB_IPNET_ROW2
    {
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 28)]
        public byte[] Address;
        public uint InterfaceIndex;
        public ulong InterfaceLuid;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 32)]
        public byte[] PhysicalAddress;
        public uint PhysicalAddressLength;
        public NeighborState State;
        public byte Flags;
        public uint ReachabilityTime;
    }

    public static class Win32Error
    {
        public const uint Success = 0;
        public const uint FileNotFound = 2;
        public const uint AccessDenied = 5;
        public const uint NotSupported = 50;
        public const uint InvalidParameter = 87;
        public const uint NotFound = 1168;
        public const uint ObjectAlreadyExists = 5010;

        public static string Name(uint code)
        {
            switch (code)
            {
                case Success: return "NO_ERROR";
                case FileNotFound: return "ERROR_FILE_NOT_FOUND";
                case AccessDenied: return "ERROR_ACCESS_DENIED";
                case NotSupported: return "ERROR_NOT_SUPPORTED";
                case InvalidParameter: return "ERROR_INVALID_PARAMETER";
                case NotFound: return "ERROR_NOT_FOUND";
                case ObjectAlreadyExists: return "ERROR_OBJECT_ALREADY_EXISTS";
                default: return "Win32 error " + code;
            }
        }
    }

    public static class NativeMethods
    {
        public const ushort AF_UNSPEC = 0;
        public const ushort AF_INET = 2;
        public const ushort AF_INET6 = 23;
        // IF_MAX_STRING_SIZE + 1: the longest alias with its terminator.
        public const int AliasCapacity = 257;

        [DllImport("iphlpapi.dll")]
        public static extern uint GetIpNetEntry2(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        public static extern uint GetIpNetTable2(ushort family, out IntPtr table);

        [DllImport("iphlpapi.dll")]
        public static extern void FreeMibTable(IntPtr memory);

        [DllImport("iphlpapi.dll")]
        public static extern uint CreateIpNetEntry2(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        public static extern uint SetIpNetEntry2(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll")]
        public static extern uint DeleteIpNetEntry2(ref MIB_IPNET_ROW2 row);

        [DllImport("iphlpapi.dll", CharSet = CharSet.Unicode)]
        public static extern uint ConvertInterfaceAliasToLuid(string alias, out ulong luid);

        [DllImport("iphlpapi.dll")]
        public static extern uint ConvertInterfaceIndexToLuid(uint index, out ulong luid);

        [DllImport("iphlpapi.dll")]
        public static extern uint ConvertInterfaceLuidToIndex(ref ulong luid, out uint index);

        [DllImport("iphlpapi.dll", CharSet = CharSet.Unicode)]
        public static extern uint ConvertInterfaceLuidToAlias(ref ulong luid, StringBuilder alias, UIntPtr length);

        [DllImport("iphlpapi.dll")]
        public static extern uint GetIfEntry2(IntPtr row);
    }

    // MIB_IF_ROW2 (1352 bytes), of which only the link-layer address length is
    // read; offsets pinned by tests against the mingw-w64 headers.
    public static class InterfaceRow
    {
        public const int Size = 1352;
        public const int PhysicalAddressLengthOffset = 1056;

        // The interface's link-layer address length (6 on Ethernet, 0 when it has none).
        public static uint LinkLength(ulong luid, out uint length)
        {
            length = 0;
            IntPtr row = Marshal.AllocHGlobal(Size);
            try
            {
                Marshal.Copy(new byte[Size], 0, row, Size);
                Marshal.WriteInt64(row, 0, (long)luid);
                uint code = NativeMethods.GetIfEntry2(row);
                if (code == Win32Error.Success)
                    length = (uint)Marshal.ReadInt32(row, PhysicalAddressLengthOffset);
                return code;
            }
            finally
            {
                Marshal.FreeHGlobal(row);
            }
        }
    }

    public static class NeighborRow
    {
        // MIB_IPNET_TABLE2: NumEntries, then rows from offset 8 (the LUID's alignment).
        public const int TableRowsOffset = 8;
        // MIB_IPNET_ROW2.Flags bit 0.
        public const byte IsRouterFlag = 1;

        public static int Size
        {
            get { return Marshal.SizeOf(typeof(MIB_IPNET_ROW2)); }
        }

        // The AF_ value of an address, and the .NET family of an AF_ value.
        public static ushort Family(IPAddress address)
        {
            return address.AddressFamily == AddressFamily.InterNetworkV6 ? NativeMethods.AF_INET6 : NativeMethods.AF_INET;
        }

        public static AddressFamily AddressFamilyOf(ushort family)
        {
            return family == NativeMethods.AF_INET6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        }

        public static MIB_IPNET_ROW2 New(IPAddress address, ulong luid, uint index)
        {
            MIB_IPNET_ROW2 row = new MIB_IPNET_ROW2();
            row.Address = new byte[28];
            row.PhysicalAddress = new byte[32];
            byte[] bytes = address.GetAddressBytes();
            ushort family = Family(address);
            bool v6 = family == NativeMethods.AF_INET6;
            row.Address[0] = (byte)(family & 0xFF);
            row.Address[1] = (byte)(family >> 8);
            Array.Copy(bytes, 0, row.Address, v6 ? 8 : 4, bytes.Length);
            row.InterfaceLuid = luid;
            row.InterfaceIndex = index;
            return row;
        }

        public static void SetMac(ref MIB_IPNET_ROW2 row, byte[] mac)
        {
            Array.Clear(row.PhysicalAddress, 0, row.PhysicalAddress.Length);
            Array.Copy(mac, row.PhysicalAddress, mac.Length);
            row.PhysicalAddressLength = (uint)mac.Length;
        }

        public static ushort Family(MIB_IPNET_ROW2 row)
        {
            return (ushort)(row.Address[0] | (row.Address[1] << 8));
        }

        // Null for a family other than IPv4 and IPv6.
        public static IPAddress Address(MIB_IPNET_ROW2 row)
        {
            ushort family = Family(row);
            byte[] bytes;
            if (family == NativeMethods.AF_INET)
            {
                bytes = new byte[4];
                Array.Copy(row.Address, 4, bytes, 0, 4);
            }
            else if (family == NativeMethods.AF_INET6)
            {
                bytes = new byte[16];
                Array.Copy(row.Address, 8, bytes, 0, 16);
            }
            else
            {
                return null;
            }
            return new IPAddress(bytes);
        }

        public static byte[] Mac(MIB_IPNET_ROW2 row)
        {
            int length = (int)Math.Min(row.PhysicalAddressLength, (uint)row.PhysicalAddress.Length);
            byte[] mac = new byte[length];
            Array.Copy(row.PhysicalAddress, mac, length);
            return mac;
        }

        // GetIpNetTable2 snapshot of one family (or AF_UNSPEC), always freed.
        // ERROR_NOT_FOUND is its answer for a family with no entries: an empty table.
        public static uint ReadTable(ushort family, out List<MIB_IPNET_ROW2> rows)
        {
            rows = new List<MIB_IPNET_ROW2>();
            IntPtr table;
            uint code = NativeMethods.GetIpNetTable2(family, out table);
            if (code == Win32Error.NotFound)
                code = Win32Error.Success;
            if (code != Win32Error.Success || table == IntPtr.Zero)
                return code;
            try
            {
                int count = Marshal.ReadInt32(table);
                int size = Size;
                for (int i = 0; i < count; i++)
                {
                    IntPtr at = new IntPtr(table.ToInt64() + TableRowsOffset + (long)i * size);
                    rows.Add((MIB_IPNET_ROW2)Marshal.PtrToStructure(at, typeof(MIB_IPNET_ROW2)));
                }
            }
            finally
            {
                NativeMethods.FreeMibTable(table);
            }
            return code;
        }
    }
}
