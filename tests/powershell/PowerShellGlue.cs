// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using Ansible.Basic;

// Test-only: what a Windows host does with a module of this collection, from
// the exec wrapper's hand-over to the module's JSON, with ansible-core's real
// Ansible.Basic. Only the PowerShell language is stood in for: the values
// PowerShell builds (PSValues), and the module's glue statements, which
// tests/tools/ps_glue.py reads from the .ps1 and checks are exactly these:
//
//   $module = [Ansible.Basic.AnsibleModule]::Create($args, $spec)
//   $failure = [<Type>]::<Method>($module)
//   if ($failure) { $module.FailJson($failure) }
//   $module.ExitJson()
namespace IPNeighborTests.PowerShell
{
    public sealed class GlueRun
    {
        // The exit code and the lines the module printed (its JSON result).
        public int ExitCode;
        public string Output;
        // The module, once Create returned; null when Create failed the task.
        public AnsibleModule Module;
        // An exception nothing caught: PowerShell would end the module with it.
        public string Unhandled;
    }

    public static class ModuleGlue
    {
        // Runs one module: specJson is the .ps1's $spec and argsJson the
        // complex_args of ansible-core's manifest, both as JSON.
        public static GlueRun Run(string specJson, string argsJson, string helperType, string helperMethod)
        {
            GlueRun run = new GlueRun();
            List<string> lines = new List<string>();
            AnsibleModule.WriteLine = delegate(string line) { lines.Add(line); };
            try
            {
                run.Module = Create(specJson, argsJson);
                // PowerShell binds the call when it runs the statement.
                MethodInfo helper = Helper(helperType, helperMethod);
                object failure;
                try
                {
                    failure = helper.Invoke(null, new object[] { run.Module });
                }
                catch (TargetInvocationException e)
                {
                    throw e.InnerException;
                }
                if (IsTrue(failure))
                    run.Module.FailJson((string)failure);
                run.Module.ExitJson();
                throw new InvalidOperationException("ExitJson returned instead of ending the run");
            }
            catch (ExitException e)
            {
                run.ExitCode = Convert.ToInt32(e.Argument, CultureInfo.InvariantCulture);
            }
            catch (Exception e)
            {
                run.ExitCode = 1;
                run.Unhandled = e.ToString();
            }
            run.Output = String.Join("\n", lines.ToArray());
            return run;
        }

        // The module's first two statements, complex_args set as module_wrapper.ps1
        // sets it (Set-Variable, the value Convert-JsonObject made); the script
        // runs with no arguments, so $args is empty.
        public static AnsibleModule Create(string specJson, string argsJson)
        {
            StubSession.Variables["complex_args"] = PSValues.FromJson(argsJson);
            return AnsibleModule.Create(new string[0], (IDictionary)PSValues.FromJson(specJson));
        }

        // `if ($failure)`: PowerShell's truth of a string or null.
        static bool IsTrue(object value)
        {
            if (value == null)
                return false;
            string text = value as string;
            if (text == null)
                throw new InvalidCastException("the helper returned " + value.GetType().FullName + ", not a string");
            return text.Length > 0;
        }

        // [Type]::Method($module): a public static method taking the AnsibleModule.
        static MethodInfo Helper(string typeName, string methodName)
        {
            foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                Type type = assembly.GetType(typeName, false, true);
                if (type == null)
                    continue;
                MethodInfo method = type.GetMethod(methodName,
                    BindingFlags.Public | BindingFlags.Static | BindingFlags.IgnoreCase, null,
                    new Type[] { typeof(AnsibleModule) }, null);
                if (method == null)
                    throw new MissingMethodException(String.Format(
                        "[{0}]::{1}($module) does not bind: no public static {1}(AnsibleModule)", typeName, methodName));
                return method;
            }
            throw new TypeLoadException("[" + typeName + "]: no loaded assembly has this type");
        }
    }

    // Values as PowerShell builds them: from a hashtable literal or the exec
    // wrapper's Convert-JsonObject, a Hashtable with case-insensitive keys; from
    // an array, object[]; numbers as ConvertFrom-Json gives them (Int32, Int64
    // when larger, Double with a fraction or exponent).
    public static class PSValues
    {
        public static object FromJson(string json)
        {
            int at = 0;
            object value = Read(json, ref at);
            SkipSpace(json, ref at);
            if (at != json.Length)
                throw new FormatException("JSON: text after the value at " + at);
            return value;
        }

        public static Hashtable NewHashtable()
        {
            return new Hashtable(StringComparer.CurrentCultureIgnoreCase);
        }

        static void SkipSpace(string json, ref int at)
        {
            while (at < json.Length && Char.IsWhiteSpace(json[at]))
                at++;
        }

        static object Read(string json, ref int at)
        {
            SkipSpace(json, ref at);
            if (at >= json.Length)
                throw new FormatException("JSON: a value was expected at the end");
            char c = json[at];
            if (c == '{')
            {
                Hashtable table = NewHashtable();
                at++;
                SkipSpace(json, ref at);
                if (json[at] == '}')
                {
                    at++;
                    return table;
                }
                while (true)
                {
                    SkipSpace(json, ref at);
                    string key = ReadString(json, ref at);
                    SkipSpace(json, ref at);
                    Expect(json, ref at, ':');
                    table[key] = Read(json, ref at);
                    SkipSpace(json, ref at);
                    if (json[at] == '}')
                    {
                        at++;
                        return table;
                    }
                    Expect(json, ref at, ',');
                }
            }
            if (c == '[')
            {
                List<object> items = new List<object>();
                at++;
                SkipSpace(json, ref at);
                if (json[at] == ']')
                {
                    at++;
                    return items.ToArray();
                }
                while (true)
                {
                    items.Add(Read(json, ref at));
                    SkipSpace(json, ref at);
                    if (json[at] == ']')
                    {
                        at++;
                        return items.ToArray();
                    }
                    Expect(json, ref at, ',');
                }
            }
            if (c == '"')
                return ReadString(json, ref at);
            if (Word(json, ref at, "true"))
                return true;
            if (Word(json, ref at, "false"))
                return false;
            if (Word(json, ref at, "null"))
                return null;
            return ReadNumber(json, ref at);
        }

        static void Expect(string json, ref int at, char c)
        {
            if (at >= json.Length || json[at] != c)
                throw new FormatException(String.Format("JSON: '{0}' expected at {1}", c, at));
            at++;
        }

        static bool Word(string json, ref int at, string word)
        {
            if (String.CompareOrdinal(json, at, word, 0, word.Length) != 0)
                return false;
            at += word.Length;
            return true;
        }

        static object ReadNumber(string json, ref int at)
        {
            int start = at;
            while (at < json.Length && "+-0123456789.eE".IndexOf(json[at]) >= 0)
                at++;
            string text = json.Substring(start, at - start);
            if (text.Length == 0)
                throw new FormatException("JSON: a value was expected at " + start);
            int small;
            if (Int32.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out small))
                return small;
            long large;
            if (Int64.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out large))
                return large;
            return Double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        static string ReadString(string json, ref int at)
        {
            Expect(json, ref at, '"');
            StringBuilder text = new StringBuilder();
            while (json[at] != '"')
            {
                char c = json[at++];
                if (c != '\\')
                {
                    text.Append(c);
                    continue;
                }
                char e = json[at++];
                switch (e)
                {
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        text.Append((char)Int32.Parse(json.Substring(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        at += 4;
                        break;
                    default: text.Append(e); break;
                }
            }
            at++;
            return text.ToString();
        }
    }
}
