// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

// Test-only stand-in for the few System.Management.Automation types that
// ansible-core's Ansible.Basic.cs names, so that its real code compiles and runs
// here. It plays the runspace a module runs in on a Windows host
// (Runspace.DefaultRunspace is set), which makes Ansible.Basic take its runspace
// paths: it reads $complex_args, serialises with ConvertTo-Json and exits with
// `exit`, which ends the run by an exception as a real runspace does. Any other
// script is refused, so nothing runs here that PowerShell would not.
namespace System.Management.Automation
{
    public class PSObject
    {
        object baseObject;

        public PSObject(object obj)
        {
            baseObject = obj;
        }

        public object BaseObject
        {
            get { return baseObject; }
        }
    }

    // What `exit N` throws inside a runspace; Argument is N.
    public class ExitException : SystemException
    {
        object argument;

        public ExitException(object argument) : base("exit " + argument)
        {
            this.argument = argument;
        }

        public object Argument
        {
            get { return argument; }
        }
    }

    // The session variables of the stand-in runspace, set by the test host the
    // way ansible-core's module_wrapper.ps1 sets them (Set-Variable).
    public static class StubSession
    {
        public static readonly Dictionary<string, object> Variables =
            new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
    }

    public class ScriptBlock
    {
        // The scripts Ansible.Basic.cs runs in a runspace, exactly as it writes them.
        public const string ComplexArgs = "$complex_args";
        public const string ConvertToJson = "ConvertTo-Json -InputObject $args[0] -Depth 99 -Compress";
        public const string Exit = "Set-Variable -Name LASTEXITCODE -Value $args[0] -Scope Global; exit $args[0]";

        readonly string script;

        ScriptBlock(string script)
        {
            this.script = script;
        }

        public static ScriptBlock Create(string script)
        {
            return new ScriptBlock(script);
        }

        public Collection<PSObject> Invoke(params object[] args)
        {
            Collection<PSObject> output = new Collection<PSObject>();
            if (script == ComplexArgs)
            {
                object value;
                StubSession.Variables.TryGetValue("complex_args", out value);
                output.Add(new PSObject(value));
            }
            else if (script == ConvertToJson)
            {
                StringBuilder json = new StringBuilder();
                Json.Write(json, args[0], 0);
                output.Add(new PSObject(json.ToString()));
            }
            else if (script == Exit)
            {
                throw new ExitException(args[0]);
            }
            else
            {
                throw new NotSupportedException("the PowerShell stand-in runs no script but Ansible.Basic's own: " + script);
            }
            return output;
        }
    }

    // ConvertTo-Json -Compress for the values a module result holds:
    // dictionaries, lists, strings, numbers, booleans and null. Anything else
    // is refused rather than serialised differently from PowerShell.
    static class Json
    {
        public static void Write(StringBuilder json, object value, int depth)
        {
            if (depth > 99)
                throw new NotSupportedException("ConvertTo-Json -Depth 99: the value is nested deeper");
            if (value == null)
            {
                json.Append("null");
            }
            else if (value is PSObject)
            {
                Write(json, ((PSObject)value).BaseObject, depth);
            }
            else if (value is string || value is char)
            {
                WriteString(json, value.ToString());
            }
            else if (value is bool)
            {
                json.Append((bool)value ? "true" : "false");
            }
            else if (value is Enum)
            {
                json.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            }
            else if (value is int || value is long || value is uint || value is ulong || value is short
                || value is ushort || value is byte || value is sbyte)
            {
                json.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
            else if (value is double || value is float || value is decimal)
            {
                json.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
            else if (value is IDictionary)
            {
                json.Append('{');
                bool first = true;
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (!first)
                        json.Append(',');
                    first = false;
                    WriteString(json, Convert.ToString(entry.Key, CultureInfo.InvariantCulture));
                    json.Append(':');
                    Write(json, entry.Value, depth + 1);
                }
                json.Append('}');
            }
            else if (value is IEnumerable)
            {
                json.Append('[');
                bool first = true;
                foreach (object item in (IEnumerable)value)
                {
                    if (!first)
                        json.Append(',');
                    first = false;
                    Write(json, item, depth + 1);
                }
                json.Append(']');
            }
            else
            {
                throw new NotSupportedException("the ConvertTo-Json stand-in takes no " + value.GetType().FullName);
            }
        }

        static void WriteString(StringBuilder json, string text)
        {
            json.Append('"');
            foreach (char c in text)
            {
                if (c == '"' || c == '\\')
                    json.Append('\\').Append(c);
                else if (c < ' ')
                    json.AppendFormat(CultureInfo.InvariantCulture, "\\u{0:x4}", (int)c);
                else
                    json.Append(c);
            }
            json.Append('"');
        }
    }

    public class InvocationInfo
    {
        public string PositionMessage
        {
            get { return ""; }
        }
    }

    public class ErrorCategoryInfo
    {
        public override string ToString()
        {
            return "NotSpecified";
        }
    }

    public class ErrorRecord
    {
        public InvocationInfo InvocationInfo
        {
            get { return new InvocationInfo(); }
        }

        public ErrorCategoryInfo CategoryInfo
        {
            get { return new ErrorCategoryInfo(); }
        }

        public string FullyQualifiedErrorId
        {
            get { return ""; }
        }

        public string ScriptStackTrace
        {
            get { return ""; }
        }
    }
}

namespace System.Management.Automation.Runspaces
{
    public class Runspace
    {
        static Runspace defaultRunspace = new Runspace();

        // A module always runs in a runspace on a Windows host.
        public static Runspace DefaultRunspace
        {
            get { return defaultRunspace; }
            set { defaultRunspace = value; }
        }
    }
}
