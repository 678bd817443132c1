// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

//AssemblyReference -Type Microsoft.Management.Infrastructure.CimInstance
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Management.Infrastructure;
using Microsoft.Management.Infrastructure.Options;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborInput;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborNative;

// Test-only: the provider of MSFT_NetNeighbor in place of a CIM session, which
// cannot open off Windows. It takes the place of
// plugins/module_utils/NeighborCimSession.cs alone (same class and members) and
// receives the MI .NET objects NeighborCim.cs built (MI's data types run under
// Linux pwsh with OMI's libmi): the PolicyStore it finds as an operation option
// or a method parameter, the method parameters by name and CIM type, the
// instance's properties. It answers as the class is documented (the semantics,
// and a switch for each thing the documentation leaves open, are in
// tests/native/persistent_double.c) with MI .NET objects again: CimInstance
// rows, a CimMethodResult, a CimException carrying the MI result and, where the
// provider reports a Windows error, an MSFT_WmiError.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCimSession
{
    public static class CimCalls
    {
        const string ClassName = "MSFT_NetNeighbor";
        const int PolicyAbsent = -1, PolicyPersistent = 0, PolicyActive = 1;
        const BindingFlags Any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_enumerate(int policyStore, out uint count);

        [DllImport("iphlpapi.dll")]
        static extern int dbl_persistent_listed(uint i, ref MIB_IPNET_ROW2 row, out byte store);

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_create(ref MIB_IPNET_ROW2 row, int policyStore, int state);

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_error_win32();

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_modify(ref MIB_IPNET_ROW2 row, int policyStore);

        [DllImport("iphlpapi.dll")]
        static extern uint dbl_persistent_delete(ref MIB_IPNET_ROW2 row, int policyStore);

        [DllImport("iphlpapi.dll")]
        static extern int dbl_persistent_behaviour(string name);

        // The error instances whose native handles thrown CimExceptions hold: kept
        // alive, since the exception does not own the handle it is given.
        static readonly List<CimInstance> errors = new List<CimInstance>();

        sealed class Session : IDisposable
        {
            public void Dispose()
            {
            }
        }

        public static IDisposable Open(Type session)
        {
            if (session != typeof(CimSession))
                throw new ArgumentException("not MI .NET's CimSession: " + session);
            return new Session();
        }

        public static IEnumerable EnumerateInstances(object session, string space, string className, object options)
        {
            CheckClass(className);
            uint count;
            Check(dbl_persistent_enumerate(PolicyStore(options, "EnumerateInstances"), out count));
            List<CimInstance> rows = new List<CimInstance>();
            for (uint i = 0; i < count; i++)
            {
                MIB_IPNET_ROW2 row = NeighborRow.New(IPAddress.Any, 0, 0);
                byte store;
                dbl_persistent_listed(i, ref row, out store);
                rows.Add(Instance(space, row, store));
            }
            return rows;
        }

        public static IDisposable InvokeMethod(object session, string space, string className, string method,
            object parameters, object options)
        {
            CheckClass(className);
            if (method != "Create")
                Throw(17, "The method " + method + " is not found.");  // MI_RESULT_METHOD_NOT_FOUND
            // Create's store is its PolicyStore parameter: an operation option is
            // not part of the method's contract, so the provider does not read it.
            Dictionary<string, CimMethodParameter> given = new Dictionary<string, CimMethodParameter>();
            foreach (CimMethodParameter p in (CimMethodParametersCollection)parameters)
                given[p.Name] = p;
            IPAddress address = Address(Text(given, "IPAddress", true));
            uint index = (uint)Typed(given, "InterfaceIndex", CimType.UInt32, true);
            byte[] mac = LinkLayerAddress(Text(given, "LinkLayerAddress", true));
            string policy = Text(given, "PolicyStore", false);
            object state = Typed(given, "State", CimType.UInt8, false);
            foreach (string name in given.Keys)
                if (Array.IndexOf(new string[] { "IPAddress", "InterfaceIndex", "LinkLayerAddress", "PolicyStore", "State" }, name) < 0)
                    Throw(4, "The parameter " + name + " is not supported by this model.");
            MIB_IPNET_ROW2 row = NeighborRow.New(address, 0, index);
            NeighborRow.SetMac(ref row, mac);
            Check(dbl_persistent_create(ref row, Store(policy), state == null ? -1 : (int)(byte)state));
            CimInstance outcome = new CimInstance("__PARAMETERS");
            outcome.CimInstanceProperties.Add(CimProperty.Create("ReturnValue", 0u, CimType.UInt32, CimFlags.None));
            return (IDisposable)typeof(CimMethodResult).GetConstructors(Any)[0].Invoke(new object[] { outcome });
        }

        public static IDisposable ModifyInstance(object session, string space, object instance, object options)
        {
            MIB_IPNET_ROW2 row = Row((CimInstance)instance);
            NeighborRow.SetMac(ref row, LinkLayerAddress((string)Property((CimInstance)instance, "LinkLayerAddress")));
            Check(dbl_persistent_modify(ref row, PolicyStore(options, "ModifyInstance")));
            return new CimInstance((CimInstance)instance);
        }

        public static void DeleteInstance(object session, string space, object instance, object options)
        {
            MIB_IPNET_ROW2 row = Row((CimInstance)instance);
            Check(dbl_persistent_delete(ref row, PolicyStore(options, "DeleteInstance")));
        }

        // ---- what the provider reads from the objects it is handed ----

        static void CheckClass(string className)
        {
            if (className != ClassName)
                Throw(5, "The class " + className + " is not found.");  // MI_RESULT_INVALID_CLASS
        }

        static int Store(string policy)
        {
            switch (policy)
            {
                case null: return PolicyAbsent;
                case "PersistentStore": return PolicyPersistent;
                case "ActiveStore": return PolicyActive;
                default: Throw(4, "PolicyStore " + policy + " is not a store."); return PolicyAbsent;
            }
        }

        // The custom option PolicyStore, as MI keeps it in the options' native
        // handle (OMI stores a custom option as an instance with a value element).
        static int PolicyStore(object options, string operation)
        {
            if (options == null)
                return PolicyAbsent;
            object handle = typeof(CimOperationOptions).GetProperty("OperationOptionsHandle", Any).GetValue(options, null);
            Assembly mi = typeof(CimInstance).Assembly;
            Type valueType = mi.GetType("Microsoft.Management.Infrastructure.Native.MI_Value", true);
            object[] option = new object[] { "PolicyStore", Activator.CreateInstance(valueType, true), null, 0u, null };
            if (handle == null || handle.GetType().GetMethod("GetOption", Any).Invoke(handle, option).ToString() != "MI_RESULT_OK")
                return PolicyAbsent;
            object wrapped = valueType.GetProperty("Instance", Any).GetValue(option[1], null);
            foreach (MethodInfo get in wrapped.GetType().GetMethods(Any))
            {
                if (get.Name != "GetElement" || get.GetParameters()[0].ParameterType != typeof(string))
                    continue;
                object[] element = new object[get.GetParameters().Length];
                element[0] = "value";
                element[1] = Activator.CreateInstance(valueType, true);
                get.Invoke(wrapped, element);
                return Store((string)valueType.GetProperty("String", Any).GetValue(element[1], null));
            }
            throw new InvalidOperationException("MI_Instance.GetElement not found: the model cannot read the options of " + operation);
        }

        static object Typed(Dictionary<string, CimMethodParameter> given, string name, CimType type, bool required)
        {
            CimMethodParameter p;
            if (!given.TryGetValue(name, out p) || p.Value == null)
            {
                if (required)
                    Throw(4, "The parameter " + name + " is required.");
                return null;
            }
            if (p.CimType != type)
                Throw(4, "The parameter " + name + " is a " + type + ", not a " + p.CimType + ".");
            return p.Value;
        }

        static string Text(Dictionary<string, CimMethodParameter> given, string name, bool required)
        {
            return (string)Typed(given, name, CimType.String, required);
        }

        static IPAddress Address(string text)
        {
            IPAddress address;
            if (!IPAddress.TryParse(text, out address))
                Throw(4, "IPAddress " + text + " is not an IP address.");
            return address;
        }

        // LinkLayerAddress as the documentation spells it (00-00-12-00-00-ff): hex pairs and hyphens.
        static byte[] LinkLayerAddress(string text)
        {
            string[] parts = text.Split('-');
            byte[] mac = new byte[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length != 2 || !Byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out mac[i]))
                    Throw(4, "LinkLayerAddress " + text + " is not a link-layer address.");
            }
            return mac;
        }

        static object Property(CimInstance instance, string name)
        {
            CimProperty p = instance.CimInstanceProperties[name];
            return p == null ? null : p.Value;
        }

        static MIB_IPNET_ROW2 Row(CimInstance instance)
        {
            if (instance.CimSystemProperties.ClassName != ClassName)
                Throw(5, "The class " + instance.CimSystemProperties.ClassName + " is not found.");
            IPAddress address = Address((string)Property(instance, "IPAddress"));
            if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
                address = new IPAddress(address.GetAddressBytes());
            return NeighborRow.New(address, 0, (uint)Property(instance, "InterfaceIndex"));
        }

        // ---- what the provider answers with ----

        static CimInstance Instance(string space, MIB_IPNET_ROW2 row, byte store)
        {
            IPAddress address = NeighborRow.Address(row);
            string text = address.ToString();
            if (address.IsIPv6LinkLocal && dbl_persistent_behaviour("zone_in_address") == 1 && text.IndexOf('%') < 0)
                text += "%" + row.InterfaceIndex.ToString(CultureInfo.InvariantCulture);
            string mac = NeighborParse.FormatMac(NeighborRow.Mac(row)) ?? "";
            if (dbl_persistent_behaviour("mac_lowercase") == 1)
                mac = mac.ToLowerInvariant();
            CimInstance instance = new CimInstance(ClassName, space);
            instance.CimInstanceProperties.Add(CimProperty.Create("IPAddress", text, CimType.String, CimFlags.Key));
            instance.CimInstanceProperties.Add(CimProperty.Create("InterfaceIndex", row.InterfaceIndex, CimType.UInt32, CimFlags.Key));
            instance.CimInstanceProperties.Add(CimProperty.Create("LinkLayerAddress", mac, CimType.String, CimFlags.None));
            instance.CimInstanceProperties.Add(CimProperty.Create("State", (byte)row.State, CimType.UInt8, CimFlags.None));
            instance.CimInstanceProperties.Add(CimProperty.Create("Store", store, CimType.UInt8, CimFlags.None));
            instance.CimInstanceProperties.Add(CimProperty.Create("AddressFamily",
                (ushort)(address.AddressFamily == AddressFamily.InterNetwork ? 2 : 23), CimType.UInt16, CimFlags.None));
            return instance;
        }

        static void Check(uint code)
        {
            if (code == 0)
                return;
            uint win32 = dbl_persistent_error_win32();
            string message;
            switch (code)
            {
                case 2: message = "Access denied."; break;
                case 4: message = "Invalid parameter."; break;
                case 6: message = "No matching MSFT_NetNeighbor objects found."; break;
                case 11: message = "The object already exists."; break;
                default: message = "The operation failed."; break;
            }
            if (win32 != 0)
                message = "Windows System Error " + win32.ToString(CultureInfo.InvariantCulture) + ".";
            Throw(code, message, win32);
        }

        // A CimException as MI .NET makes one from an MI result and the
        // provider's error instance (MSFT_WmiError) where it reports a Windows error.
        static void Throw(uint code, string message, uint win32 = 0)
        {
            Type result = typeof(CimInstance).Assembly.GetType("Microsoft.Management.Infrastructure.Native.MI_Result", true);
            object details = null;
            if (win32 != 0)
            {
                CimInstance error = new CimInstance("MSFT_WmiError", "root/StandardCimv2");
                error.CimInstanceProperties.Add(CimProperty.Create("error_Type", "Win32", CimType.String, CimFlags.None));
                error.CimInstanceProperties.Add(CimProperty.Create("error_Code", win32, CimType.UInt32, CimFlags.None));
                error.CimInstanceProperties.Add(CimProperty.Create("Message", message, CimType.String, CimFlags.None));
                errors.Add(error);
                details = typeof(CimInstance).GetProperty("InstanceHandle", Any).GetValue(error, null);
            }
            foreach (ConstructorInfo ctor in typeof(CimException).GetConstructors(Any))
            {
                if (ctor.GetParameters().Length == 3)
                    throw (CimException)ctor.Invoke(new object[] { Enum.ToObject(result, (int)code), message, details });
            }
            throw new InvalidOperationException("CimException(MI_Result, string, MI_Instance) not found");
        }
    }
}
