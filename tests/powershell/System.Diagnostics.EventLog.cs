// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Reflection;

// Test-only, for CoreCLR: the System.Diagnostics.EventLog assembly that
// PowerShell 7 ships and the .NET runtime does not. .NET 8's System.dll
// forwards these types to it; Ansible.Basic names them to log each module run
// to the Windows Application log, which no host here has, so nothing is written.
[assembly: AssemblyVersion("8.0.0.0")]

namespace System.Diagnostics
{
    public enum EventLogEntryType
    {
        Error = 1,
        Warning = 2,
        Information = 4,
        SuccessAudit = 8,
        FailureAudit = 16,
    }

    public class EventLog : IDisposable
    {
        string source;

        public EventLog(string logName)
        {
        }

        public string Source
        {
            get { return source; }
            set { source = value; }
        }

        public static bool SourceExists(string source)
        {
            return true;
        }

        public static void CreateEventSource(string source, string logName)
        {
        }

        public void WriteEntry(string message, EventLogEntryType type, int eventID)
        {
        }

        public void Dispose()
        {
        }
    }
}
