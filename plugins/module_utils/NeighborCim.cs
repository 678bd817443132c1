// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

//AssemblyReference -Type Microsoft.Management.Infrastructure.CimSession
using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Management.Infrastructure;
using Microsoft.Management.Infrastructure.Options;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborPersistentRow;

// The persistent store through the CIM class behind the NetTCPIP cmdlets:
// MSFT_NetNeighbor in root/StandardCimv2, with the custom operation option
// PolicyStore = PersistentStore that New-/Get-/Set-/Remove-NetNeighbor
// -PolicyStore send. MI .NET (Microsoft.Management.Infrastructure), which both
// Windows PowerShell 5.1 and PowerShell 7 load, passes it the way public code
// does for the MSFT_Net* classes; followed here:
// HotCakeX/Harden-Windows-Security, FirewallHelper.cs (CimOperationOptions
// .SetCustomOption("PolicyStore", ...), then EnumerateInstances, CreateInstance
// and DeleteInstance with those options on root/StandardCimv2).
// The only code that talks CIM: no logic here, so that everything else runs in
// the tests against a model of this class (tests/cim/MsftNetNeighborModel.cs).
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCim
{
    public static class MsftNetNeighbor
    {
        const string Namespace = "root/StandardCimv2";
        const string ClassName = "MSFT_NetNeighbor";

        static CimOperationOptions Options()
        {
            CimOperationOptions options = new CimOperationOptions();
            // A custom option goes with mustComply false, so a provider may ignore
            // it: NeighborPersistent checks the Store of every row it reads.
            options.SetCustomOption("PolicyStore", "PersistentStore", false);
            return options;
        }

        static PersistentStoreException Failed(string operation, CimException e)
        {
            return new PersistentStoreException(operation, (uint)e.NativeErrorCode, e.Message);
        }

        static object Value(CimInstance instance, string property)
        {
            CimProperty p = instance.CimInstanceProperties[property];
            return p == null ? null : p.Value;
        }

        // Every instance the store holds; each keeps its CimInstance as the handle.
        public static List<PersistentRow> Enumerate()
        {
            List<PersistentRow> rows = new List<PersistentRow>();
            try
            {
                using (CimSession session = CimSession.Create(null))
                using (CimOperationOptions options = Options())
                {
                    foreach (CimInstance instance in session.EnumerateInstances(Namespace, ClassName, options))
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
            }
            catch (CimException e)
            {
                throw Failed("EnumerateInstances", e);
            }
            return rows;
        }

        // MSFT_NetNeighbor's static Create, the method New-NetNeighbor calls.
        public static void Create(PersistentRow row)
        {
            try
            {
                using (CimSession session = CimSession.Create(null))
                using (CimOperationOptions options = Options())
                using (CimMethodParametersCollection parameters = new CimMethodParametersCollection())
                {
                    parameters.Add(CimMethodParameter.Create("IPAddress", row.Address, CimType.String, CimFlags.In));
                    parameters.Add(CimMethodParameter.Create("InterfaceIndex", row.InterfaceIndex, CimType.UInt32, CimFlags.In));
                    parameters.Add(CimMethodParameter.Create("LinkLayerAddress", row.Mac, CimType.String, CimFlags.In));
                    using (CimMethodResult result = session.InvokeMethod(Namespace, ClassName, "Create", parameters, options))
                    {
                        object code = result.ReturnValue == null ? null : result.ReturnValue.Value;
                        uint returned = code == null ? 0u : Convert.ToUInt32(code, CultureInfo.InvariantCulture);
                        if (returned != 0)
                            throw new PersistentStoreException("Create", returned, "the method returned " + returned);
                    }
                }
            }
            catch (CimException e)
            {
                throw Failed("Create", e);
            }
        }

        // The LinkLayerAddress of an instance Enumerate returned, as Set-NetNeighbor changes it.
        public static void Modify(PersistentRow found, string mac)
        {
            try
            {
                using (CimSession session = CimSession.Create(null))
                using (CimOperationOptions options = Options())
                {
                    CimInstance instance = (CimInstance)found.Handle;
                    instance.CimInstanceProperties["LinkLayerAddress"].Value = mac;
                    CimInstance changed = session.ModifyInstance(Namespace, instance, options);
                    if (changed != null)
                        changed.Dispose();
                }
            }
            catch (CimException e)
            {
                throw Failed("ModifyInstance", e);
            }
        }

        public static void Delete(PersistentRow found)
        {
            try
            {
                using (CimSession session = CimSession.Create(null))
                using (CimOperationOptions options = Options())
                {
                    session.DeleteInstance(Namespace, (CimInstance)found.Handle, options);
                }
            }
            catch (CimException e)
            {
                throw Failed("DeleteInstance", e);
            }
        }
    }
}
