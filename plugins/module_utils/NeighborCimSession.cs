// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections;
using System.Reflection;
using System.Runtime.ExceptionServices;

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
            try
            {
                return (IDisposable)session.GetMethod("Create", new Type[] { typeof(string) }).Invoke(null, new object[] { null });
            }
            catch (TargetInvocationException e)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        public static IEnumerable EnumerateInstances(dynamic session, string space, string className, object options)
        {
            return session.EnumerateInstances(space, className, (dynamic)options);
        }

        public static IDisposable InvokeMethod(dynamic session, string space, string className, string method,
            object parameters, object options)
        {
            return session.InvokeMethod(space, className, method, (dynamic)parameters, (dynamic)options);
        }

        public static IDisposable ModifyInstance(dynamic session, string space, object instance, object options)
        {
            return session.ModifyInstance(space, (dynamic)instance, (dynamic)options);
        }

        public static void DeleteInstance(dynamic session, string space, object instance, object options)
        {
            session.DeleteInstance(space, (dynamic)instance, (dynamic)options);
        }
    }
}
