// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Globalization;

// What crosses the seam between the persistent store's logic (NeighborPersistent.cs)
// and the file that talks CIM (NeighborCim.cs):
// a row of MSFT_NetNeighbor and a failed CIM operation. A file of its own, so
// that no two C# utils name each other (ansible-core's packaging of C# utils
// fails on such a cycle).
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow
{
    // One MSFT_NetNeighbor instance as the CIM class reports it. Handle is what
    // NeighborCim needs to change or delete that instance (its CimInstance).
    public sealed class PersistentRow
    {
        public string Address { get; private set; }
        public uint InterfaceIndex { get; private set; }
        public string Mac { get; private set; }
        public byte Store { get; private set; }
        public object Handle { get; private set; }

        public PersistentRow(string address, uint interfaceIndex, string mac, byte store, object handle)
        {
            Address = address;
            InterfaceIndex = interfaceIndex;
            Mac = mac;
            Store = store;
            Handle = handle;
        }
    }

    // A CIM operation that failed: the operation's name and its MI result
    // (CimException.NativeErrorCode), with the provider's message and the
    // Windows System Error its error data carries (0 when none).
    public class PersistentStoreException : Exception
    {
        public string Operation { get; private set; }
        public uint Code { get; private set; }
        public uint Win32 { get; private set; }

        public PersistentStoreException(string operation, uint code, string message, uint win32) : base(message)
        {
            Operation = operation;
            Code = code;
            Win32 = win32;
        }

        // The entry exists already, however the provider says so: MI's own
        // code, or a failure carrying ERROR_OBJECT_ALREADY_EXISTS (5010).
        public bool AlreadyExists
        {
            get { return Code == 11 || Win32 == 5010; }
        }

        static string Name(uint code)
        {
            switch (code)
            {
                case 1: return "MI_RESULT_FAILED";
                case 2: return "MI_RESULT_ACCESS_DENIED";
                case 3: return "MI_RESULT_INVALID_NAMESPACE";
                case 4: return "MI_RESULT_INVALID_PARAMETER";
                case 5: return "MI_RESULT_INVALID_CLASS";
                case 6: return "MI_RESULT_NOT_FOUND";
                case 7: return "MI_RESULT_NOT_SUPPORTED";
                case 11: return "MI_RESULT_ALREADY_EXISTS";
                default: return "MI result " + code.ToString(CultureInfo.InvariantCulture);
            }
        }

        // The message with what it means for the task, the operation and the code.
        public string Explain()
        {
            // A read refused is not a change refused: say which one the account was denied.
            string denied = Operation == "EnumerateInstances"
                ? "access is denied: reading the persistent store was refused to this account; run the task elevated"
                : "access is denied: changing the persistent store needs administrator rights; run the task elevated";
            string why = Code == 2 ? denied : Message.TrimEnd('.', ' ', '\r', '\n');
            // Create selects no store: without PolicyStore it writes both.
            string how = Operation == "Create" ? "without PolicyStore (both stores)" : "with PolicyStore PersistentStore";
            string win32 = Win32 == 0 ? "" : String.Format(CultureInfo.InvariantCulture, ", Windows System Error {0}", Win32);
            return String.Format(CultureInfo.InvariantCulture, "{0} (MSFT_NetNeighbor {1} {2} returned {3}, {4}{5})",
                why, Operation, how, Code, Name(Code), win32);
        }
    }
}
