// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

// Strict parsing of what a task asks for: address, mac and interface. The
// controller validates the same rules first; the target checks again because
// the module can be called without the action plugin (e.g. by ansible.windows
// tooling or another controller).
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput
{
    public class NeighborInputException : Exception
    {
        public NeighborInputException(string option, string value, string problem)
            : base(String.Format("{0} '{1}' {2}", option, value, problem))
        {
            Problem = problem;
        }

        // What is wrong with the value, without the option and the value; null when the message has no value.
        public string Problem { get; private set; }

        public NeighborInputException(string message)
            : base(message)
        {
        }
    }

    // An interface as the task names it: an index, or an alias when Index is 0.
    public sealed class InterfaceName
    {
        public uint Index { get; private set; }
        public string Alias { get; private set; }

        public InterfaceName(uint index, string alias)
        {
            Index = index;
            Alias = alias;
        }

        public override string ToString()
        {
            return Index != 0 ? Index.ToString(CultureInfo.InvariantCulture) : Alias;
        }
    }

    public static class NeighborParse
    {
        public const int MaxMacBytes = 32;
        public const int MaxAliasLength = 256;

        static bool IsAsciiDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        static bool IsHex(char c)
        {
            return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }

        static void RequireText(string option, string value)
        {
            if (value == null)
                throw new NeighborInputException(option + " is required");
            if (value.Length == 0)
                throw new NeighborInputException(option, "", "is empty");
            if (value.Trim().Length != value.Length)
                throw new NeighborInputException(option, value, "has leading or trailing white space");
        }

        public static IPAddress Address(string option, string value)
        {
            RequireText(option, value);
            IPAddress address = value.IndexOf(':') >= 0 ? ParseIPv6(option, value) : ParseIPv4(option, value);
            string reason = Unusable(address);
            if (reason != null)
                throw new NeighborInputException(option, value, reason);
            return address;
        }

        // Dotted quad only: .NET also takes "10.1", "0x0a.1.2.3" and octal parts,
        // which Windows tools read differently; refuse anything but a.b.c.d.
        static IPAddress ParseIPv4(string option, string value)
        {
            string[] parts = value.Split('.');
            if (parts.Length != 4)
                throw new NeighborInputException(option, value, "is not an IPv4 address (a.b.c.d) or an IPv6 address");
            // Shape of every part first, then leading zeros, then range (the controller's order).
            foreach (string part in parts)
            {
                bool digits = part.Length > 0 && part.Length <= 3;
                foreach (char c in part)
                    digits &= IsAsciiDigit(c);
                if (!digits)
                    throw new NeighborInputException(option, value, "is not an IPv4 address (a.b.c.d) or an IPv6 address");
            }
            foreach (string part in parts)
            {
                if (part.Length > 1 && part[0] == '0')
                    throw new NeighborInputException(option, value, "has a leading zero, which some tools read as octal; write it without");
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++)
            {
                int number = Int32.Parse(parts[i], CultureInfo.InvariantCulture);
                if (number > 255)
                    throw new NeighborInputException(option, value, "has a part above 255");
                bytes[i] = (byte)number;
            }
            return new IPAddress(bytes);
        }

        static IPAddress ParseIPv6(string option, string value)
        {
            if (value.IndexOf('%') >= 0)
                throw new NeighborInputException(option, value, "has a zone id; name the interface in 'interface' instead");
            foreach (char c in value)
            {
                if (!(IsHex(c) || c == ':' || c == '.'))
                    throw new NeighborInputException(option, value, "is not an IPv6 address");
            }
            IPAddress address;
            if (!IPAddress.TryParse(value, out address) || address.AddressFamily != AddressFamily.InterNetworkV6)
                throw new NeighborInputException(option, value, "is not an IPv6 address");
            return address;
        }

        // Why Windows would refuse this address in a neighbor entry, or null.
        static string Unusable(IPAddress address)
        {
            byte[] b = address.GetAddressBytes();
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
                    return "is the unspecified address";
                if (b[0] == 127)
                    return "is a loopback address";
                if (b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255)
                    return "is the broadcast address";
                return null;
            }
            bool mapped = b[10] == 0xFF && b[11] == 0xFF;
            for (int i = 0; i < 10; i++)
                mapped &= b[i] == 0;
            if (mapped)
                return "is an IPv4-mapped IPv6 address; use the IPv4 address";
            if (IPAddress.IPv6None.Equals(address))
                return "is the unspecified address";
            if (IPAddress.IPv6Loopback.Equals(address))
                return "is a loopback address";
            return null;
        }

        // Windows (00-15-5D-01-02-03), Linux (00:15:5d:01:02:03), Cisco
        // (0015.5d01.0203) or bare hex (00155D010203); 1 to 32 bytes.
        public static byte[] Mac(string option, string value)
        {
            RequireText(option, value);
            bool dash = value.IndexOf('-') >= 0, colon = value.IndexOf(':') >= 0, dot = value.IndexOf('.') >= 0;
            if ((dash ? 1 : 0) + (colon ? 1 : 0) + (dot ? 1 : 0) > 1)
                throw new NeighborInputException(option, value, "mixes separators; use one of '-', ':' or '.'");
            string hex;
            if (dash || colon || dot)
            {
                int group = dot ? 4 : 2;
                string[] parts = value.Split(dash ? '-' : colon ? ':' : '.');
                StringBuilder all = new StringBuilder();
                foreach (string part in parts)
                {
                    if (part.Length != group)
                        throw new NeighborInputException(option, value, String.Format(
                            "is not a MAC address: every group between separators must have {0} hex digits", group));
                    all.Append(part);
                }
                hex = all.ToString();
            }
            else
            {
                hex = value;
                if (hex.Length % 2 != 0)
                    throw new NeighborInputException(option, value, "is not a MAC address: odd number of hex digits");
            }
            foreach (char c in hex)
            {
                if (!IsHex(c))
                    throw new NeighborInputException(option, value, "is not a MAC address: '" + c + "' is not a hex digit");
            }
            int length = hex.Length / 2;
            if (length > MaxMacBytes)
                throw new NeighborInputException(option, value, String.Format(
                    "is {0} bytes long; a physical address has at most {1}", length, MaxMacBytes));
            byte[] mac = new byte[length];
            bool allZero = true;
            for (int i = 0; i < length; i++)
            {
                mac[i] = Byte.Parse(hex.Substring(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                allZero &= mac[i] == 0;
            }
            if (allZero)
                throw new NeighborInputException(option, value, "is all zeros, which Windows uses for an unresolved entry");
            return mac;
        }

        public static string FormatMac(byte[] mac)
        {
            if (mac == null || mac.Length == 0)
                return null;
            return BitConverter.ToString(mac);
        }

        // Digits are an interface index (ifIndex); anything else is an alias.
        public static InterfaceName Interface(string option, string value)
        {
            RequireText(option, value);
            bool digits = true, signed = value[0] == '-' || value[0] == '+';
            for (int i = signed ? 1 : 0; i < value.Length; i++)
                digits &= IsAsciiDigit(value[i]);
            if (signed && digits && value.Length > 1)
                throw new NeighborInputException(option, value, "is not a valid interface index: an index is a positive number");
            if (!digits || signed)
            {
                if (value.Length > MaxAliasLength)
                    throw new NeighborInputException(option, value, String.Format(
                        "is longer than {0} characters, the longest interface alias", MaxAliasLength));
                return new InterfaceName(0, value);
            }
            uint index;
            if (!UInt32.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out index) || index == 0)
                throw new NeighborInputException(option, value, "is not a valid interface index: an index is a number from 1 to 4294967295");
            return new InterfaceName(index, null);
        }
    }

    // One desired entry, validated. Where prefixes option names in messages:
    // "" for the single-entry options, "neighbors[2]." for a list entry.
    public sealed class NeighborRequest
    {
        public IPAddress Address { get; private set; }
        public byte[] Mac { get; private set; }
        public InterfaceName Interface { get; private set; }
        public bool Present { get; private set; }
        // store: persistent (now and after every reboot) rather than active (until the next one).
        public bool Persistent { get; private set; }
        public string Where { get; private set; }
        // The address as written, with its zone id if it has one; null for an entry purge found.
        public ScopedAddress Scoped { get; private set; }
        // The option a lookup of Interface names in its messages: the address when its zone alone names it.
        public string InterfaceOption
        {
            get { return interfaceOption ?? Where + "interface"; }
        }
        string interfaceOption;
        // The interface option the zone is compared with (the entry's own, else the task's), and whether
        // the zone names the interface one way (an index, say) and that option the other: then the host
        // compares the two once both are resolved, before any change (NeighborInterfaces.cs's ZoneCheck).
        public string ComparedOption { get; private set; }
        public bool ZoneToResolve { get; private set; }
        // mac: learned (NeighborLearned.cs): Mac is null until taken from the host, then set by Learn.
        public bool Learned { get; private set; }

        public const string LearnedMac = "learned";

        // This request with the MAC mac: learned took from the host.
        public NeighborRequest Learn(byte[] mac)
        {
            // A copy of every field (the zone's included), with the MAC.
            NeighborRequest learned = (NeighborRequest)MemberwiseClone();
            learned.Mac = mac;
            learned.Learned = true;
            return learned;
        }

        public NeighborRequest(IPAddress address, byte[] mac, InterfaceName iface, bool present, bool persistent,
            string where)
        {
            Address = address;
            Mac = mac;
            Interface = iface;
            Present = present;
            Persistent = persistent;
            Where = where;
        }

        public const string PersistentStore = "persistent";

        // A value of the parameters as Ansible.Basic hands them over: the top level
        // is the exec wrapper's Hashtable, a neighbors entry a Dictionary; both
        // answer null for a missing key through IDictionary.
        public static string Text(IDictionary parameters, string key)
        {
            object value = parameters[key];
            return value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        // A choice as Ansible.Basic passes it on: matched without regard to case, as written.
        public static bool Is(string value, string choice)
        {
            return String.Equals(value, choice, StringComparison.OrdinalIgnoreCase);
        }

        // One entry from the module's parameters (the spec applied), or from
        // an element of neighbors, which takes the task's interface and store as defaults.
        public static NeighborRequest FromParameters(IDictionary parameters, string where,
            string defaultInterface, string defaultStore)
        {
            // Ansible.Basic has checked state and store against their choices.
            bool present = !Is(Text(parameters, "state"), "absent");
            bool persistent = Is(Text(parameters, "store") ?? defaultStore ?? PersistentStore, PersistentStore);
            ScopedAddress scoped = ScopedAddress.Parse(where + "address", Text(parameters, "address"));
            IPAddress address = scoped.Address;
            string macText = Text(parameters, "mac");
            if (present && macText == null)
                throw new NeighborInputException(where + "mac is required when state is present");
            // learned, in any letter case, takes the MAC from the host; with state absent, mac is not used.
            bool learned = macText != null && Is(macText, LearnedMac);
            byte[] mac = macText == null || learned ? null : NeighborParse.Mac(where + "mac", macText);
            string ownIface = Text(parameters, "interface");
            string ifaceText = ownIface ?? defaultInterface;
            if (ifaceText == null && where.Length > 0 && scoped.Zone == null)
                throw new NeighborInputException(where + "interface is required when the task sets no interface");
            InterfaceName iface = ifaceText == null && scoped.Zone != null
                ? null : NeighborParse.Interface(where + "interface", ifaceText);
            string ifaceOption = ownIface != null || where.Length == 0 ? where + "interface" : "interface";
            bool zoneToResolve;
            InterfaceName named = scoped.Interface(ifaceOption, iface, out zoneToResolve);
            NeighborRequest request = new NeighborRequest(address, mac, named, present, persistent, where);
            request.Scoped = scoped;
            request.interfaceOption = iface == null ? scoped.ZoneOption : null;
            request.ComparedOption = ifaceOption;
            request.ZoneToResolve = zoneToResolve;
            request.Learned = learned && present;
            return request;
        }

        // Every element of neighbors, all validated before anything is read or changed.
        // Ansible.Basic has made neighbors a list of dicts (elements: dict).
        public static List<NeighborRequest> ListFromParameters(IDictionary parameters)
        {
            string defaultInterface = Text(parameters, "interface");
            string defaultStore = Text(parameters, "store");
            List<NeighborRequest> requests = new List<NeighborRequest>();
            foreach (IDictionary entry in (IEnumerable)parameters["neighbors"])
            {
                string where = String.Format(CultureInfo.InvariantCulture, "neighbors[{0}].", requests.Count);
                requests.Add(FromParameters(entry, where, defaultInterface, defaultStore));
            }
            return requests;
        }
    }

    // An address as a task writes it. An IPv6 address may carry its zone id (RFC 4007 section 11:
    // <address>%<zone_id>), which names its interface, by index (digits) or alias as the interface
    // option takes it: fe80::1%12, the spelling ping and ipconfig print, or fe80::1%Ethernet.
    // Windows' own parsers document the %scope form with a number, the scope ID they return a ULONG
    // (RtlIpv6StringToAddressEx, https://learn.microsoft.com/windows/win32/api/ip2string/nf-ip2string-rtlipv6stringtoaddressexw;
    // ParseNetworkString with NET_STRING_IPV6_ADDRESS, example ...%2,
    // https://learn.microsoft.com/windows/win32/api/iphlpapi/nf-iphlpapi-parsenetworkstring); an alias is
    // the other kind RFC 4007 section 11.2 allows, interface names, which this helper looks up itself.
    // The address itself is kept without its zone (ScopeId 0), as Windows reports a neighbor's address.
    public sealed class ScopedAddress
    {
        public IPAddress Address { get; private set; }
        public InterfaceName Zone { get; private set; }
        public string Option { get; private set; }
        public string Text { get; private set; }

        ScopedAddress(string option, string text, IPAddress address, InterfaceName zone)
        {
            Option = option;
            Text = text;
            Address = address;
            Zone = zone;
        }

        // How a lookup of the zone names it: address 'fe80::1%Ethernet', zone id 'Ethernet': ...
        public string ZoneOption
        {
            get { return String.Format("{0} '{1}', zone id", Option, Text); }
        }

        // In the controller's order (neighbor_args.py's address_and_zone), worded as it words them.
        public static ScopedAddress Parse(string option, string value)
        {
            int percent = value == null ? -1 : value.IndexOf('%');
            if (percent < 0)
                return new ScopedAddress(option, value, NeighborParse.Address(option, value), null);
            if (value.Trim().Length != value.Length)
                throw new NeighborInputException(option, value, "has leading or trailing white space");
            string part = value.Substring(0, percent), zone = value.Substring(percent + 1);
            if (part.IndexOf(':') < 0)
                throw new NeighborInputException(option, value, "has a zone id, which only an IPv6 address takes");
            if (zone.Length == 0)
                throw new NeighborInputException(option, value, "has an empty zone id after '%'");
            IPAddress address;
            try
            {
                address = NeighborParse.Address(option, part);
            }
            catch (NeighborInputException e)
            {
                throw new NeighborInputException(option, value, e.Problem);
            }
            try
            {
                return new ScopedAddress(option, value, address, NeighborParse.Interface(option, zone));
            }
            catch (NeighborInputException e)
            {
                throw new NeighborInputException(option, value, "has zone id '" + zone + "', which " + e.Problem);
            }
        }

        // The interface the address and an interface option name together: the option's (given; null
        // when none), else the zone's. The two spelt the same way (two indexes, two aliases) must be
        // the same; an index and an alias set resolve, and the host compares them once both are
        // resolved (ZoneCheck in NeighborInterfaces.cs).
        public InterfaceName Interface(string interfaceOption, InterfaceName given, out bool resolve)
        {
            resolve = false;
            if (Zone == null)
                return given;
            if (given == null)
                return Zone;
            if ((Zone.Index == 0) != (given.Index == 0))
                resolve = true;
            else if (Zone.ToString() != given.ToString())
                throw new NeighborInputException(Option, Text, Disagreement(interfaceOption, given, ""));
            return given;
        }

        public string Disagreement(string interfaceOption, InterfaceName given, string resolved)
        {
            return String.Format("names interface '{0}' in its zone id, and {1} names '{2}'{3}; name the interface "
                + "once, or the same in both", Zone, interfaceOption, given, resolved);
        }
    }
}
