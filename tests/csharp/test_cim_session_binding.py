# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The session's calls as they ship (plugins/module_utils/NeighborCimSession.cs, which
every other test replaces with the provider model) bound to MI .NET's real CimSession
on real pwsh. No session opens off Windows, so each call goes to a CimSession that was
never opened: what it answers is MI .NET's own failure from inside the member the call
chose, never a member not found, an ambiguous overload or a wrong return type."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import build
import host_compile

SCRIPT = r"""
$ErrorActionPreference = 'Stop'
Import-Module $env:ADD_TYPE
Add-CSharpType -References (Get-Content -Raw $env:LATE_BOUND), (Get-Content -Raw $env:CIM_SESSION)
$calls = [ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborCimSession.CimCalls]
$late = [ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborLateBound.LateBound]
$mi = 'Microsoft.Management.Infrastructure'
$session = [Runtime.CompilerServices.RuntimeHelpers]::GetUninitializedObject([type]"$mi.CimSession")
$options = New-Object "$mi.Options.CimOperationOptions"
$null = $late::Call($options, 'SetCustomOption', [object[]]('PolicyStore', 'PersistentStore', $false))
$space = 'root/StandardCimv2'
$instance = New-Object "$mi.CimInstance" 'MSFT_NetNeighbor', $space
$parameters = New-Object "$mi.CimMethodParametersCollection"
$answers = [ordered]@{}
$steps = [ordered]@{
    Open = { $calls::Open([type]"$mi.CimSession") }
    EnumerateInstances = { $calls::EnumerateInstances($session, $space, 'MSFT_NetNeighbor', $options) }
    InvokeMethod = { $calls::InvokeMethod($session, $space, 'MSFT_NetNeighbor', 'Create', $parameters, $options) }
    ModifyInstance = { $calls::ModifyInstance($session, $space, $instance, $options) }
    DeleteInstance = { $calls::DeleteInstance($session, $space, $instance, $options) }
}
foreach ($step in $steps.GetEnumerator()) {
    try { $null = & $step.Value; $answers[$step.Key] = 'returned' }
    catch {
        $e = $_.Exception
        while ($e -is [Management.Automation.MethodInvocationException]) { $e = $e.InnerException }
        $answers[$step.Key] = $e.StackTrace
    }
}
$answers | ConvertTo-Json -Compress
"""


# The member each call must reach, as MI .NET declares it (Open: CimSession.Create(null), the local host).
MEMBERS = {
    "Open": "Create(String computerName)",
    "EnumerateInstances": "EnumerateInstances(String namespaceName, String className, CimOperationOptions options)",
    "InvokeMethod": "InvokeMethod(String namespaceName, String className, String methodName, "
                    "CimMethodParametersCollection methodParameters, CimOperationOptions options)",
    "ModifyInstance": "ModifyInstance(String namespaceName, CimInstance instance, CimOperationOptions options)",
    "DeleteInstance": "DeleteInstance(String namespaceName, CimInstance instance, CimOperationOptions options)",
}


def test_each_session_call_reaches_mi_dotnets_own_member() -> None:
    env = dict(os.environ, LATE_BOUND=str(build.MODULE_UTILS / "NeighborLateBound.cs"),
               CIM_SESSION=str(build.CIM_SOURCE), LD_LIBRARY_PATH=str(host_compile.LIBMI.parent),
               ADD_TYPE=str(host_compile.ansible_core(host_compile.VENVS[0]).addtype))
    out = subprocess.run([str(host_compile.PWSH), "-NoProfile", "-NonInteractive", "-Command", SCRIPT],
                         capture_output=True, text=True, env=env, check=True).stdout
    traces = json.loads(out)
    assert list(traces) == list(MEMBERS)
    for call, trace in traces.items():
        # Thrown from within the member (the session never opened), which the late-bound call chose.
        assert f"at Microsoft.Management.Infrastructure.CimSession.{MEMBERS[call]}\n" in trace + "\n", (call, trace)


# The same calls as Windows PowerShell 5.1 makes them, against MI .NET's Framework build
# (its reference assembly, loaded for reflection only on Mono): the argument types of each
# call select the member above.
SELECT = r"""
using System; using System.Linq; using System.Reflection;
public static class Select {
    public static void Main(string[] args) {
        Assembly mi = Assembly.ReflectionOnlyLoadFrom(args[0]);
        Func<string, Type> t = name => name == "String" ? typeof(string)
            : mi.GetType("Microsoft.Management.Infrastructure." + name, true);
        Type session = t("CimSession");
        foreach (string call in args.Skip(1)) {
            string[] words = call.Split(' ');
            MethodInfo m = session.GetMethod(words[0], words.Skip(1).Select(t).ToArray());
            Console.WriteLine(m == null ? "none" : words[0] + "(" + string.Join(", ",
                m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name)) + ")");
        }
    }
}
"""
ARGUMENTS = {
    "Open": "Create String",
    "EnumerateInstances": "EnumerateInstances String String Options.CimOperationOptions",
    "InvokeMethod": "InvokeMethod String String String CimMethodParametersCollection Options.CimOperationOptions",
    "ModifyInstance": "ModifyInstance String CimInstance Options.CimOperationOptions",
    "DeleteInstance": "DeleteInstance String CimInstance Options.CimOperationOptions",
}


def test_the_framework_build_has_the_same_members(tmp_path: Path) -> None:
    source, program = tmp_path / "select.cs", tmp_path / "select.exe"
    source.write_text(SELECT)
    subprocess.run(["mcs", "-nologo", f"-out:{program}", str(source)], check=True)
    reference = host_compile.GATE / "mi" / "net451" / "Microsoft.Management.Infrastructure.dll"
    out = subprocess.run(["mono", str(program), str(reference), *ARGUMENTS.values()],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == list(MEMBERS.values())
