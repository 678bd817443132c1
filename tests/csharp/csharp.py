# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The modules run as a Windows host runs them, on real PowerShell 7 in this
process (pythonnet on pwsh's own .NET runtime): ansible-core's exec_wrapper.ps1
and module_wrapper.ps1 handed the payload ansible-core builds for the task
(payload.py, on the lab build of the collection), Add-CSharpType compiling
Ansible.Basic.cs and the helper, the module's .ps1 as written, the helper
calling the IP Helper double. One process serves every run, so the C# utils are
compiled by the first run only: a host process runs one module, and the exec
wrapper loads utils process-wide.

With framework=True the runtime is Mono instead (for .NET Framework, which runs
Windows PowerShell 5.1), where no PowerShell runs: only NeighborNative.cs is
loaded, for what the runtime decides (marshalling, layout)."""
from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import build
import host_compile

HERE = Path(__file__).resolve().parent
POWERSHELL = host_compile.TOOLS / "powershell"
PWSH_HOME = POWERSHELL / "pwsh"
MODULES = ("win_neighbor", "win_neighbor_info", "win_neighbor_flush")
# The file CoreCLR's DllImport("iphlpapi.dll") finds on Linux (as its soname,
# once loaded) and Mono's dllmap names.
DOUBLE_NAME = "libiphlpapi.dll.so"

# The conftest fixtures: run(*defaults, check_mode=False, module="win_neighbor", **params)
# gives (result, failure message); calls(*functions) gives the native calls made.
Run = Callable[..., tuple[dict[str, Any], str | None]]
Calls = Callable[..., dict[str, int]]

_state: dict[str, Any] = {}


def entry(address: str, mac: str | None, state: str | None = "Permanent", *, alias: str = "Ethernet", index: int = 4,
          stores: Iterable[str] = ("active",), persistent: str | None = None,
          is_router: bool = False) -> dict[str, Any]:
    """An entry as the modules report it (before, after, entries, neighbors); by
    default one the active store alone holds, static, on Ethernet."""
    return {"address": address, "mac": mac, "interface_alias": alias, "interface_index": index, "state": state,
            "is_router": is_router, "stores": list(stores), "persistent_mac": persistent}


def _start_powershell() -> Any:
    """CoreCLR as pwsh starts it, with pwsh's assemblies; returns the PowerShell type."""
    # pwsh's native helper and OMI's libmi (MI .NET's data types), found by
    # their sonames as a library path set before the process started would find them.
    ctypes.CDLL(str(PWSH_HOME / "runtimes" / "linux-x64" / "native" / "libpsl-native.so"))
    ctypes.CDLL(str(host_compile.LIBMI))
    if "libicuuc" not in subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=False).stdout:
        os.environ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1"  # as pwsh.sh does
    from pythonnet import load as load_runtime

    load_runtime("coreclr", runtime_config=str(PWSH_HOME / "pwsh.runtimeconfig.json"),
                 dotnet_root=str(POWERSHELL / "dotnet"))
    import clr
    from System import AppDomain  # type: ignore[import-not-found]
    from System.Reflection import Assembly  # type: ignore[import-not-found]

    # pwsh.deps.json's probing, for an app host that is not pwsh's.
    folders = (PWSH_HOME, PWSH_HOME / "runtimes" / "unix" / "lib" / "netstandard1.6")

    def resolve(sender: Any, args: Any) -> Any:
        for folder in folders:
            path = folder / (str(args.Name).split(",", maxsplit=1)[0] + ".dll")
            if path.exists():
                return Assembly.LoadFrom(str(path))
        return None

    AppDomain.CurrentDomain.AssemblyResolve += resolve
    clr.AddReference(str(PWSH_HOME / "System.Management.Automation.dll"))
    from System.Management.Automation import PowerShell  # type: ignore[import-not-found]

    return PowerShell


def payloads(collections: Path) -> dict[str, Any]:
    """What ansible-core sends a host for each module (payload.py)."""
    out = subprocess.run([sys.executable, str(HERE / "payload.py"), str(collections), *MODULES],
                         capture_output=True, text=True, check=True)
    loaded: dict[str, Any] = json.loads(out.stdout)
    return loaded


def start(double_library: Path, collections: Path | None = None, *, framework: bool = False,
          work: Path | None = None) -> Any:
    """Loads the double, then the runtime, once per process; returns the helper's
    C# namespace. collections: the lab build (pwsh); work: where Mono's build goes."""
    if "utils" in _state:
        return _state["utils"]
    ctypes.CDLL(str(double_library))
    if framework:
        assert work is not None
        native = build.build_native(work, double_library)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pythonnet on Debian's Mono 6.8 warns; harmless
            from pythonnet import load as load_runtime
            load_runtime("mono")
        import clr
        clr.AddReference(str(native))
    else:
        assert collections is not None
        _state["PowerShell"] = _start_powershell()
        _state["payloads"] = payloads(collections)
        # The first run compiles Ansible.Basic.cs and every util, as a host's
        # exec wrapper does; {} fails Ansible.Basic's validation before any call.
        result = run_wrapper("win_neighbor", {})
        assert "one of the following is required" in str(result.get("msg")), result
    import ansible_collections.ipneighbor.windows.plugins.module_utils as utils  # type: ignore

    _state["utils"] = utils
    return utils


def run_wrapper(module: str, complex_args: dict[str, Any]) -> dict[str, Any]:
    """One task: ansible-core's bootstrap script (exec_wrapper.ps1) with its
    parameters, fed the manifest with this task's complex_args; the JSON the
    module printed."""
    from System import Object  # type: ignore[import-not-found]
    from System.Collections.Generic import List  # type: ignore[import-not-found]

    sent = _state["payloads"][module]
    manifest = json.loads(json.dumps(sent["exec"]))
    wrapper = manifest["actions"][-1]["params"]
    wrapper["Variables"][0]["Value"] = complex_args
    if _state.get("compiled"):
        wrapper["CSharpModules"] = []  # loaded in this process already
    _state["compiled"] = True
    shell = _state["PowerShell"].Create()
    try:
        shell.AddScript(sent["bootstrap"]["script"])
        for name, value in sent["bootstrap"]["params"].items():
            shell.AddParameter(name, value)
        feed = List[Object]()
        feed.Add(json.dumps(manifest))
        out = [str(line) for line in shell.Invoke(feed)]
        errors = [str(e) for e in shell.Streams.Error]
    finally:
        shell.Dispose()
    assert not errors and len(out) == 1, (out, errors)
    result: dict[str, Any] = json.loads(out[0])
    return result


def run_script(script: str, **params: Any) -> list[str]:
    """PowerShell in the process the modules run in (Ansible.Basic and the utils loaded by a
    first module run); each output line as text."""
    shell = _state["PowerShell"].Create()
    try:
        shell.AddScript(script)
        for name, value in params.items():
            shell.AddParameter(name, value)
        out = [str(line) for line in shell.Invoke()]
        errors = [str(e) for e in shell.Streams.Error]
    finally:
        shell.Dispose()
    assert not errors, errors
    return out


def run_module(module: str, args: dict[str, Any], check_mode: bool = False) -> tuple[dict[str, Any], str | None]:
    """The module's JSON result without `failed`, `msg` and `invocation`, and
    the failure message (None when it passed)."""
    result = run_wrapper(module, dict(args, _ansible_check_mode=check_mode, _ansible_module_name=module))
    result.pop("invocation", None)
    failed = result.pop("failed", False)
    message = result.pop("msg", None)
    assert "Unhandled exception while executing module" not in str(message), result
    return result, message if failed else None
