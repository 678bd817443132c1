# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The C# helper on Mono (for Windows PowerShell 5.1's .NET Framework) through
pythonnet, run as a Windows host runs it: ansible-core's real Ansible.Basic
validates the arguments and prints the result, the module's glue is played as
its .ps1 writes it (tests/powershell/PowerShellGlue.cs, tests/tools/ps_glue.py)."""
from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import ps_glue

ROOT = Path(__file__).resolve().parents[2]
# Loaded in this order: each names the ones before it.
ASSEMBLIES = ("System.Management.Automation.dll", "Ansible.Basic.dll", "Neighbor.dll", "PowerShellGlue.dll")
# Mono's name for the IP Helper library it loads for iphlpapi.dll, beside the assembly.
DOUBLE_NAME = "libiphlpapi.so"

# The conftest fixtures: run(*defaults, check_mode=False, module="win_neighbor", **params)
# gives (result, failure message); calls(*functions) gives the native calls made.
Run = Callable[..., tuple[dict[str, Any], str | None]]
Calls = Callable[..., dict[str, int]]

_loaded: dict[str, Any] = {}


def entry(address: str, mac: str | None, state: str | None = "Permanent", *, alias: str = "Ethernet", index: int = 4,
          stores: Iterable[str] = ("active",), persistent: str | None = None,
          is_router: bool = False) -> dict[str, Any]:
    """An entry as the modules report it (before, after, entries, neighbors); by
    default one the active store alone holds, static, on Ethernet."""
    return {"address": address, "mac": mac, "interface_alias": alias, "interface_index": index, "state": state,
            "is_router": is_router, "stores": list(stores), "persistent_mac": persistent}


def load(directory: Path) -> Any:
    """Starts Mono and loads the assemblies in directory, once; returns the clr module."""
    if "clr" not in _loaded:
        with warnings.catch_warnings():
            # pythonnet warns about Mono before 6.12 (Debian ships 6.8); harmless here.
            warnings.simplefilter("ignore")
            from pythonnet import load as load_runtime
            load_runtime("mono")
            import clr
        for name in ASSEMBLIES:
            clr.AddReference(str(directory / name))
        _loaded["clr"] = clr
    return _loaded["clr"]


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


def create_module(module: str, args: dict[str, Any]) -> Any:
    """The AnsibleModule as the module's first statements create it (the helper not yet called)."""
    from IPNeighborTests.PowerShell import ModuleGlue  # type: ignore[import-not-found]

    return ModuleGlue.Create(json.dumps(glue(module).spec), json.dumps(args))


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
