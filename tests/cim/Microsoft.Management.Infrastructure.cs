// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

// Compile-only stand-in for MI .NET (Microsoft.Management.Infrastructure.dll),
// which Windows PowerShell 5.1 and PowerShell 7 load and which cannot be had
// here. It declares just the members plugins/module_utils/NeighborCim.cs uses,
// with the signatures of github.com/PowerShell/MMI, so that the C# 5 gate
// compiles that file; nothing in it runs (every member throws).
using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Management.Infrastructure
{
    public enum CimType
    {
        Unknown = 0, Boolean, UInt8, SInt8, UInt16, SInt16, UInt32, SInt32, UInt64, SInt64, Real32, Real64,
        Char16, DateTime, String,
    }

    [Flags]
    public enum CimFlags : long
    {
        None = 0,
        In = 0x2000,
    }

    public enum NativeErrorCode
    {
        Ok = 0, Failed = 1, AccessDenied = 2, InvalidNamespace = 3, InvalidParameter = 4, InvalidClass = 5,
        NotFound = 6, NotSupported = 7, AlreadyExists = 11,
    }

    public class CimException : Exception, IDisposable
    {
        public NativeErrorCode NativeErrorCode { get { throw new NotImplementedException(); } }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public abstract class CimReadOnlyKeyedCollection<T> : IEnumerable<T>
    {
        public abstract T this[string key] { get; }
        public abstract int Count { get; }
        public abstract IEnumerator<T> GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
    }

    public abstract class CimKeyedCollection<T> : CimReadOnlyKeyedCollection<T>
    {
        public abstract void Add(T newItem);
    }

    public abstract class CimProperty
    {
        public abstract string Name { get; }
        public abstract object Value { get; set; }
    }

    public abstract class CimMethodParameter
    {
        public abstract object Value { get; set; }
        public static CimMethodParameter Create(string name, object value, CimType type, CimFlags flags)
        {
            throw new NotImplementedException();
        }
    }

    public class CimMethodParametersCollection : CimKeyedCollection<CimMethodParameter>, IDisposable
    {
        public override void Add(CimMethodParameter newParameter) { throw new NotImplementedException(); }
        public override int Count { get { throw new NotImplementedException(); } }
        public override CimMethodParameter this[string parameterName] { get { throw new NotImplementedException(); } }
        public override IEnumerator<CimMethodParameter> GetEnumerator() { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public class CimMethodResult : IDisposable
    {
        public CimMethodParameter ReturnValue { get { throw new NotImplementedException(); } }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public sealed class CimInstance : IDisposable
    {
        public CimKeyedCollection<CimProperty> CimInstanceProperties { get { throw new NotImplementedException(); } }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public class CimSession : IDisposable
    {
        public static CimSession Create(string computerName) { throw new NotImplementedException(); }

        public IEnumerable<CimInstance> EnumerateInstances(string namespaceName, string className,
            Options.CimOperationOptions options)
        {
            throw new NotImplementedException();
        }

        public CimMethodResult InvokeMethod(string namespaceName, string className, string methodName,
            CimMethodParametersCollection methodParameters, Options.CimOperationOptions options)
        {
            throw new NotImplementedException();
        }

        public CimInstance ModifyInstance(string namespaceName, CimInstance instance, Options.CimOperationOptions options)
        {
            throw new NotImplementedException();
        }

        public void DeleteInstance(string namespaceName, CimInstance instance, Options.CimOperationOptions options)
        {
            throw new NotImplementedException();
        }

        public void Dispose() { throw new NotImplementedException(); }
    }
}

namespace Microsoft.Management.Infrastructure.Options
{
    public class CimOperationOptions : IDisposable
    {
        public void SetCustomOption(string optionName, string optionValue, bool mustComply)
        {
            throw new NotImplementedException();
        }

        public void Dispose() { throw new NotImplementedException(); }
    }
}
