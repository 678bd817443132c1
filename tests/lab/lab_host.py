# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The simulated Windows host: its state file, and the Mono program that runs
a module from the payload (ansible-core's Ansible.Basic and the collection's C#)
against the IP Helper test double."""
from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import typing as t
from pathlib import Path
from typing import Any

import build
import lab_payload
import ps_glue

HERE = Path(__file__).resolve().parent

LAB_HOST_SOURCE = HERE / "LabHost.cs"
# A NET_LUID keeps the interface type in its top 16 bits.
IF_TYPE_ETHERNET, IF_TYPE_LOOPBACK = 6, 24

DEFAULT_HOST: dict[str, Any] = {
    "interfaces": [
        {"alias": "Loopback Pseudo-Interface 1", "index": 1, "ipv4": True, "ipv6": True, "type": IF_TYPE_LOOPBACK},
        {"alias": "Ethernet", "index": 4, "ipv4": True, "ipv6": True},
        {"alias": "Ethernet 2", "index": 7, "ipv4": True, "ipv6": True},
    ],
    "neighbors": [
        {"address": "192.168.10.1", "interface_index": 4, "mac": "00-15-5D-00-0A-01", "state": "Reachable",
         "is_router": True},
        {"address": "192.168.10.20", "interface_index": 4, "mac": "00-15-5D-00-0A-14", "state": "Stale"},
        {"address": "fe80::1", "interface_index": 4, "mac": "00-15-5D-00-0A-01", "state": "Reachable",
         "is_router": True},
        {"address": "10.20.0.1", "interface_index": 7, "mac": "00-15-5D-00-14-01", "state": "Reachable"},
        {"address": "192.168.10.99", "interface_index": 4, "mac": "00-15-5D-00-0A-63", "state": "Permanent"},
    ],
    # The persistent store (MSFT_NetNeighbor, PolicyStore PersistentStore): what a boot loads.
    "persistent": [
        {"address": "192.168.10.99", "interface_index": 4, "mac": "00-15-5D-00-0A-63"},
    ],
    "faults": {},
    "calls": {},
}


def load_state(path: Path) -> dict[str, Any]:
    """The host in path; a missing file starts as the default host, written there."""
    if not path.exists():
        save_state(path, copy.deepcopy(DEFAULT_HOST))
    return json.loads(path.read_text())


def save_state(path: Path, state: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(state, indent=2) + "\n")
    os.replace(tmp, path)


def reboot(state: dict[str, Any]) -> dict[str, Any]:
    """The host after a restart: the active store is what the persistent store
    loads (static entries), everything learned or pinned in the active store only is gone."""
    host = copy.deepcopy(state)
    host["neighbors"] = [{"address": n["address"], "interface_index": n["interface_index"], "mac": n["mac"],
                          "state": "Permanent"} for n in host.get("persistent", [])]
    return host


def _with_luids(state: dict[str, Any]) -> dict[str, Any]:
    host = copy.deepcopy(state)
    for iface in host.get("interfaces", []):
        iface.setdefault("luid", (iface.get("type", IF_TYPE_ETHERNET) << 48) | iface["index"])
        iface.setdefault("ipv4", True)
        iface.setdefault("ipv6", True)
        iface.setdefault("mac_length", 0 if iface.get("type") == IF_TYPE_LOOPBACK else 6)
    return host


def _cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ipneighbor-lab"


def _build_once(target: Path, build_into: t.Callable[[Path], None]) -> Path:
    """target built by build_into in a scratch folder, then renamed into place."""
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent))
    try:
        build_into(work)
        try:
            os.rename(work, target)
        except OSError:  # another fork built it first
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def _digest(*parts: t.Any) -> str:
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]


def build_host(run: lab_payload.ModuleRun) -> Path:
    """lab.exe with the payload's Ansible.Basic and C# utils, the module glue and
    the PowerShell stand-in; cached by the content of everything that goes in,
    so many tasks compile once."""
    own = [LAB_HOST_SOURCE, build.SMA_STUB, build.GLUE_SOURCE, build.CIM_MODEL]
    inputs = [run.ansible_basic, sorted(run.csharp_utils.items()), [(p.name, p.read_text()) for p in own]]

    def build_into(work: Path) -> None:
        basic_source = work / lab_payload.ANSIBLE_BASIC
        basic_source.write_text(run.ansible_basic)
        basic = build.build_ansible_basic(work, basic_source)
        utils = []
        for name, text in run.csharp_utils.items():
            (work / name).write_text(text)
            utils.append(work / name)
        # The payload carries the CIM file (the host compiles it); the lab runs the model in its place.
        if not any(build.is_cim_source(u) for u in utils):
            raise RuntimeError(f"the payload lacks {build.CIM_SOURCE.name}: {sorted(run.csharp_utils)}")
        try:
            helper = build.build_helper(work, basic, utils)
        except RuntimeError as e:
            raise RuntimeError(f"the C# from the payload does not compile as C# 5: {e}") from None
        glue = build.build_glue(work, basic)
        build.prepare_coreclr(work, "lab")
        result = build.compile_csharp([LAB_HOST_SOURCE], work / "lab.exe", target="exe",
                                      references=(basic, helper, glue, work / "System.Management.Automation.dll"))
        if result.returncode != 0:
            raise RuntimeError(f"LabHost.cs does not compile:\n{result.stdout}{result.stderr}")

    return _build_once(_cache_root() / _digest(inputs), build_into)


def build_double(missing_exports: t.Sequence[str]) -> Path:
    """The IP Helper double, without the exports named (a Windows that lacks them)."""
    sources = [(p.name, p.read_text()) for p in build.DOUBLE_SOURCES]

    def build_into(work: Path) -> None:
        library = build.build_double(work, hidden=tuple(missing_exports))
        # CoreCLR looks for iphlpapi.dll under this name.
        os.symlink(library.name, work / "libiphlpapi.dll.so")

    return _build_once(_cache_root() / f"double-{_digest(sources, sorted(missing_exports))}", build_into)


def _command(directory: Path) -> list[str]:
    """lab.exe on the runtime $LAB_RUNTIME names: mono (Windows PowerShell 5.1's
    .NET Framework) or coreclr (PowerShell 7.4's .NET 8)."""
    runtime = os.environ.get("LAB_RUNTIME", "mono")
    if runtime == "mono":
        return ["mono", str(directory / "lab.exe")]
    if runtime == "coreclr":
        return [str(build.dotnet_root() / "dotnet"), "exec", "--runtimeconfig",
                str(directory / "lab.runtimeconfig.json"), str(directory / "lab.exe")]
    raise ValueError(f"LAB_RUNTIME {runtime!r} is not one of mono, coreclr")


def _unhandled(error: str) -> str:
    """What ansible-core's module_wrapper.ps1 prints for an exception the module did not catch."""
    message = error.splitlines()[0] if error else "unknown error"
    return json.dumps({"failed": True, "msg": f"Unhandled exception while executing module: {message}",
                       "exception": error})


def run(module_run: lab_payload.ModuleRun, state: dict[str, t.Any]) -> tuple[str, dict[str, t.Any]]:
    """Runs one module; returns what the module printed and the host's new state."""
    glue = ps_glue.read(module_run.script.encode())
    directory = build_host(module_run)
    double = build_double(state.get("missing_exports", []))
    request = {"spec": json.dumps(glue.spec), "args": json.dumps(module_run.complex_args),
               "helper_type": glue.helper_type, "helper_method": glue.helper_method, "host": _with_luids(state)}
    env = dict(os.environ, LD_LIBRARY_PATH=str(double))
    proc = subprocess.run(_command(directory), input=json.dumps(request), capture_output=True,
                          text=True, env=env, cwd=directory, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"the lab host failed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}")
    answer = json.loads(proc.stdout)
    new_state = dict(state)
    new_state["neighbors"] = sorted(answer["host"]["neighbors"], key=lambda n: (n["interface_index"], n["address"]))
    new_state["persistent"] = sorted(answer["host"]["persistent"], key=lambda n: (n["interface_index"], n["address"]))
    calls = dict(state.get("calls", {}))
    for function, count in answer["calls"].items():
        if count:
            calls[function] = calls.get(function, 0) + count
    new_state["calls"] = calls
    new_state["runtime"] = answer["runtime"]
    output = _unhandled(answer["unhandled"]) if answer["unhandled"] else answer["output"]
    return output, new_state


def main(argv: list[str]) -> int:
    """python lab_host.py reboot STATE_FILE...: restarts the simulated hosts."""
    if len(argv) < 2 or argv[0] != "reboot":
        print("usage: lab_host.py reboot STATE_FILE...", file=sys.stderr)
        return 2
    for name in argv[1:]:
        path = Path(name)
        save_state(path, reboot(load_state(path)))
        print(f"rebooted {path.stem}: the active store is now the persistent store's "
              f"{len(load_state(path)['neighbors'])} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
