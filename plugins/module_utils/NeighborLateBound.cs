// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.ExceptionServices;

// Members of a type this code cannot name when it compiles (MI .NET's, see
// NeighborCim.cs), reached by reflection. Not C#'s dynamic: its runtime binder
// costs every task a cold start of about 100 ms on a .NET Framework runtime
// (measured on Mono: 96 ms for a first dynamic call, 4 ms by reflection), for
// calls whose overloads are known here. A member's own exception goes on as it is,
// not wrapped in reflection's.
namespace ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborLateBound
{
    public static class LateBound
    {
        // Properties by type and name, found once a run: a persistent store of
        // thousands of rows reads each property of each row.
        static readonly Dictionary<Type, Dictionary<string, PropertyInfo>> properties =
            new Dictionary<Type, Dictionary<string, PropertyInfo>>();
        static readonly object[] none = new object[0];
        const string StringIndexer = "[string]";

        // The public instance method of that name that the arguments' types select
        // (none may be null), as reflection's default binder chooses among overloads.
        public static object Call(object target, string method, params object[] args)
        {
            Type[] signature = new Type[args.Length];
            for (int i = 0; i < args.Length; i++)
                signature[i] = args[i].GetType();
            MethodInfo found = target.GetType().GetMethod(method, signature);
            if (found == null)
                throw new MissingMethodException(target.GetType().FullName, method);
            return Invoke(found, target, args);
        }

        public static object CallStatic(Type type, string method, Type[] signature, params object[] args)
        {
            MethodInfo found = type.GetMethod(method, signature);
            if (found == null)
                throw new MissingMethodException(type.FullName, method);
            return Invoke(found, null, args);
        }

        public static object Get(object target, string property)
        {
            return Invoke(Property(target, property).GetGetMethod(), target, none);
        }

        public static void Set(object target, string property, object value)
        {
            Invoke(Property(target, property).GetSetMethod(), target, new object[] { value });
        }

        // target[key], through the type's indexer by a string.
        public static object Item(object target, string key)
        {
            return Invoke(Property(target, StringIndexer).GetGetMethod(), target, new object[] { key });
        }

        static PropertyInfo Property(object target, string name)
        {
            Type type = target.GetType();
            lock (properties)
            {
                Dictionary<string, PropertyInfo> known;
                if (!properties.TryGetValue(type, out known))
                    properties[type] = known = new Dictionary<string, PropertyInfo>();
                PropertyInfo found;
                if (!known.TryGetValue(name, out found))
                {
                    found = name == StringIndexer ? type.GetProperty("Item", new Type[] { typeof(string) }) : type.GetProperty(name);
                    if (found == null)
                        throw new MissingMemberException(type.FullName, name);
                    known[name] = found;
                }
                return found;
            }
        }

        static object Invoke(MethodBase member, object target, object[] args)
        {
            try
            {
                return member.Invoke(target, args);
            }
            catch (TargetInvocationException e)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
