// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCimSession;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborLateBound;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow;

// The persistent store through the CIM class behind the NetTCPIP cmdlets,
// MSFT_NetNeighbor in root/StandardCimv2, as Microsoft documents it (MicrosoftDocs
// win32, NetTCPIPProv: "MSFT_NetNeighbor class", "Create method of the
// MSFT_NetNeighbor class"; docs/windows-api.md has the MOF):
// - reads, changes and deletions select the store with the custom operation
//   option PolicyStore = PersistentStore, as Get-/Set-/Remove-NetNeighbor
//   -PolicyStore send it (MI .NET's CimOperationOptions.SetCustomOption, as
//   public code does for the MSFT_Net* classes: HotCakeX/Harden-Windows-Security,
//   FirewallHelper.cs);
// - the static method Create takes PolicyStore as a method parameter, and is
//   called without it: "If you do not specify this parameter, the default entries
//   are created in both the ActiveStore and the PersistentStore" (New-NetNeighbor),
//   the one documented way to write the persistent store (the cmdlet documents
//   PolicyStore as "Specify ActiveStore only").
// MI .NET is bound when the module runs (NeighborLateBound.cs), not when it compiles: PowerShell 7 on
// Windows loads MI's netstandard1.6 build, which references System.Runtime
// 4.1.0.0, and any use of its types compiled against the host's newer
// System.Runtime raises CS1701, an error where Add-CSharpType makes warnings
// errors. Its only cure, a NoWarn directive for CS1701 on Core, cannot be
// stated here: Ansible.Basic.cs up to ansible-core 2.20 states it too, and
// Add-CSharpType then fails on the duplicate key; 2.21 dropped it. (Add-CSharpType
// reads directives anywhere in the text, comments included: never spell one out.)
// This file builds MI .NET's objects and reads what comes back; the session's
// calls are NeighborCimSession.cs, which the tests replace with a provider model.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCim
{
    public static class MsftNetNeighbor
    {
        const string Namespace = "root/StandardCimv2";
        const string ClassName = "MSFT_NetNeighbor";
        const string Mi = "Microsoft.Management.Infrastructure";

        static Assembly mi;

        // A type of MI .NET as this host's PowerShell binds it (its
        // System.Management.Automation references the assembly by full name),
        // the assembly found once a run.
        static Type MiType(string name)
        {
            if (mi == null)
            {
                AssemblyName found = new AssemblyName(Mi);
                foreach (AssemblyName reference in typeof(PSObject).Assembly.GetReferencedAssemblies())
                {
                    if (reference.Name == Mi)
                        found = reference;
                }
                mi = Assembly.Load(found);
            }
            return mi.GetType(Mi + "." + name, true);
        }

        static IDisposable NewSession()
        {
            return CimCalls.Open(MiType("CimSession"));
        }

        // The options of a read, change or deletion: the persistent store.
        static IDisposable PersistentStoreOptions()
        {
            IDisposable options = (IDisposable)Activator.CreateInstance(MiType("Options.CimOperationOptions"));
            // A custom option goes with mustComply false, so a provider may ignore
            // it: NeighborPersistent checks the Store of every row it reads.
            LateBound.Call(options, "SetCustomOption", "PolicyStore", "PersistentStore", false);
            return options;
        }

        static object Parameter(string name, object value, string cimType)
        {
            Type type = MiType("CimType");
            Type flags = MiType("CimFlags");
            return LateBound.CallStatic(MiType("CimMethodParameter"), "Create", new Type[] { typeof(string), typeof(object), type, flags },
                name, value, Enum.Parse(type, cimType), Enum.Parse(flags, "In"));
        }

        // One CIM operation: a CimException becomes its failure; any other
        // exception is not the provider's answer and goes on as it is.
        static void Call(string operation, Action body)
        {
            try
            {
                body();
            }
            catch (Exception e)
            {
                if (e.GetType().FullName != Mi + ".CimException")
                    throw;
                throw new PersistentStoreException(operation,
                    Convert.ToUInt32(LateBound.Get(e, "NativeErrorCode"), CultureInfo.InvariantCulture),
                    e.Message, Win32Code(LateBound.Get(e, "ErrorData")));
            }
        }

        static object Value(object instance, string property)
        {
            if (instance == null)
                return null;
            object p = LateBound.Item(LateBound.Get(instance, "CimInstanceProperties"), property);
            return p == null ? null : LateBound.Get(p, "Value");
        }

        // The Windows System Error the provider's MSFT_WmiError carries
        // (error_Type Win32, error_Code), or 0.
        static uint Win32Code(object error)
        {
            string type = Convert.ToString(Value(error, "error_Type"), CultureInfo.InvariantCulture);
            object code = Value(error, "error_Code");
            if (code == null || !String.Equals(type, "Win32", StringComparison.OrdinalIgnoreCase))
                return 0;
            return Convert.ToUInt32(code, CultureInfo.InvariantCulture);
        }

        // Every instance the store holds; each keeps its CimInstance as the handle.
        public static List<PersistentRow> Enumerate()
        {
            List<PersistentRow> rows = new List<PersistentRow>();
            Call("EnumerateInstances", delegate
            {
                using (IDisposable session = NewSession())
                using (IDisposable options = PersistentStoreOptions())
                {
                    foreach (object instance in CimCalls.EnumerateInstances(session, Namespace, ClassName, options))
                    {
                        object store = Value(instance, "Store");
                        rows.Add(new PersistentRow(
                            Convert.ToString(Value(instance, "IPAddress"), CultureInfo.InvariantCulture),
                            Convert.ToUInt32(Value(instance, "InterfaceIndex") ?? 0u, CultureInfo.InvariantCulture),
                            Convert.ToString(Value(instance, "LinkLayerAddress"), CultureInfo.InvariantCulture),
                            store == null ? Byte.MaxValue : Convert.ToByte(store, CultureInfo.InvariantCulture),
                            instance));
                    }
                }
            });
            return rows;
        }

        // MSFT_NetNeighbor's static Create, the method New-NetNeighbor calls, with
        // its documented parameters and no PolicyStore: the entry goes to both stores.
        public static void Create(PersistentRow row)
        {
            Call("Create", delegate
            {
                using (IDisposable session = NewSession())
                using (IDisposable options = (IDisposable)Activator.CreateInstance(MiType("Options.CimOperationOptions")))
                using (IDisposable parameters = (IDisposable)Activator.CreateInstance(MiType("CimMethodParametersCollection")))
                {
                    LateBound.Call(parameters, "Add", Parameter("IPAddress", row.Address, "String"));
                    LateBound.Call(parameters, "Add", Parameter("InterfaceIndex", row.InterfaceIndex, "UInt32"));
                    LateBound.Call(parameters, "Add", Parameter("LinkLayerAddress", row.Mac, "String"));
                    using (IDisposable result = CimCalls.InvokeMethod(session, Namespace, ClassName, "Create", parameters, options))
                    {
                        object answer = LateBound.Get(result, "ReturnValue");
                        object code = answer == null ? null : LateBound.Get(answer, "Value");
                        uint returned = code == null ? 0u : Convert.ToUInt32(code, CultureInfo.InvariantCulture);
                        if (returned != 0)
                            throw new PersistentStoreException("Create", returned, "the method returned " + returned, 0);
                    }
                }
            });
        }

        // The LinkLayerAddress of an instance Enumerate returned, as Set-NetNeighbor changes it.
        public static void Modify(PersistentRow found, string mac)
        {
            Call("ModifyInstance", delegate
            {
                using (IDisposable session = NewSession())
                using (IDisposable options = PersistentStoreOptions())
                {
                    object instance = found.Handle;
                    LateBound.Set(LateBound.Item(LateBound.Get(instance, "CimInstanceProperties"), "LinkLayerAddress"), "Value", mac);
                    using (CimCalls.ModifyInstance(session, Namespace, instance, options))
                    {
                    }
                }
            });
        }

        public static void Delete(PersistentRow found)
        {
            Call("DeleteInstance", delegate
            {
                using (IDisposable session = NewSession())
                using (IDisposable options = PersistentStoreOptions())
                {
                    CimCalls.DeleteInstance(session, Namespace, found.Handle, options);
                }
            });
        }
    }
}
