// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Sockets;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// How the helper fails: the exception that carries a failure's message and,
// when a Windows call failed, that call and its code; and the words for the
// Win32 codes of the IP Helper API.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborFailure
{
    // A Windows call that failed: an IP Helper function and its Win32 code, or
    // a CIM operation on MSFT_NetNeighbor and its MI result.
    public sealed class FailedCall
    {
        public bool IsCim { get; private set; }
        public string Function { get; private set; }
        public uint Code { get; private set; }

        FailedCall(bool isCim, string function, uint code)
        {
            IsCim = isCim;
            Function = function;
            Code = code;
        }

        public static FailedCall Win32(string function, uint code)
        {
            return new FailedCall(false, function, code);
        }

        public static FailedCall Cim(string operation, uint code)
        {
            return new FailedCall(true, operation, code);
        }

        // Into the task's result, so that a playbook can branch on the code
        // without reading the message: win32_function and win32_code, or
        // cim_operation and cim_code.
        public void Report(IDictionary<string, object> result)
        {
            result[IsCim ? "cim_operation" : "win32_function"] = Function;
            result[IsCim ? "cim_code" : "win32_code"] = (long)Code;
        }
    }

    public class NeighborException : Exception
    {
        // The Windows call whose failure this is, or null when none failed
        // (Windows accepted the calls but did not keep what was asked).
        public FailedCall Call { get; private set; }

        public NeighborException(string message) : base(message)
        {
        }

        public NeighborException(string message, FailedCall call) : base(message)
        {
            Call = call;
        }
    }

    public static class NeighborErrors
    {
        public static string FamilyName(AddressFamily family)
        {
            if (family == AddressFamily.InterNetwork)
                return "IPv4";
            if (family == AddressFamily.InterNetworkV6)
                return "IPv6";
            return "IP";
        }

        // An interface the alias still names, without the family: unbound, disabled or gone.
        static string NoFamily(AddressFamily family)
        {
            return String.Format("the interface has no {0} here (the protocol is unbound or the adapter disabled) "
                + "or is gone", FamilyName(family));
        }

        // What a Win32 code means for a neighbor call, with the code and the function.
        public static string Explain(string function, uint code, AddressFamily family)
        {
            string why;
            switch (code)
            {
                case Win32Error.AccessDenied:
                    why = "access is denied: changing the neighbor table needs administrator rights; "
                        + "run the task elevated (an administrator account, or become)";
                    break;
                case Win32Error.NotSupported:
                    why = String.Format("the {0} stack is not installed or is disabled on this host", FamilyName(family));
                    break;
                case Win32Error.InvalidParameter:
                    why = "Windows rejected the entry as invalid: the address must be unicast, anycast or multicast "
                        + "and not loopback, and the MAC must be valid for this interface";
                    break;
                case Win32Error.NotFound:
                    // Create makes the entry, so its 1168 is about the interface.
                    why = function == "CreateIpNetEntry2"
                        ? NoFamily(family) : "Windows has no such entry on this interface (or the interface is gone)";
                    break;
                case Win32Error.FileNotFound:
                    why = NoFamily(family);
                    break;
                case Win32Error.ObjectAlreadyExists:
                    why = "an entry for this address already exists on this interface";
                    break;
                default:
                    why = new Win32Exception((int)code).Message;
                    break;
            }
            return String.Format(CultureInfo.InvariantCulture, "{0} ({1} returned {2}, {3})",
                why, function, code, Win32Error.Name(code));
        }

        // A refused input or a failed call, which the message says in full.
        public static bool Expected(Exception e)
        {
            return e is NeighborException || e is NeighborInputException;
        }

        // The message of an expected exception; anything else is unexpected and
        // says its type, so that the report names the fault.
        public static string Describe(Exception e)
        {
            if (Expected(e))
                return e.Message;
            return String.Format("unexpected {0}: {1}", e.GetType().FullName, e.Message);
        }
    }
}
