// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborLateBound;

// The only lines that reach a CIM session: opening one on this host and the
// operations MSFT_NetNeighbor needs, one line each, taking and returning MI .NET's
// own objects (late-bound, as NeighborCim.cs explains). NeighborCim.cs builds
// every object these calls take. Off Windows no CIM session can open, so the
// tests build the collection with a model of the provider in place of this file
// alone (tests/cim/CimSessionModel.cs), which receives those same objects.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCimSession
{
    public static class CimCalls
    {
        // CimSession.Create(null): the local host. session is MI .NET's CimSession type.
        public static IDisposable Open(Type session)
        {
            return (IDisposable)LateBound.CallStatic(session, "Create", new Type[] { typeof(string) }, new object[] { null });
        }

        public static IEnumerable EnumerateInstances(object session, string space, string className, object options)
        {
            return (IEnumerable)LateBound.Call(session, "EnumerateInstances", space, className, options);
        }

        public static IDisposable InvokeMethod(object session, string space, string className, string method,
            object parameters, object options)
        {
            return (IDisposable)LateBound.Call(session, "InvokeMethod", space, className, method, parameters, options);
        }

        public static IDisposable ModifyInstance(object session, string space, object instance, object options)
        {
            return (IDisposable)LateBound.Call(session, "ModifyInstance", space, instance, options);
        }

        public static void DeleteInstance(object session, string space, object instance, object options)
        {
            LateBound.Call(session, "DeleteInstance", space, instance, options);
        }
    }
}
