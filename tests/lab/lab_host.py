"""The simulated Windows host: its state file, and the Mono program that runs
the C# helper from the payload against the IP Helper test double."""
from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))

import build  # noqa: E402  pylint: disable=wrong-import-position

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


def _with_luids(state: dict[str, Any]) -> dict[str, Any]:
    host = copy.deepcopy(state)
    for iface in host.get("interfaces", []):
        iface.setdefault("luid", (iface.get("type", IF_TYPE_ETHERNET) << 48) | iface["index"])
        iface.setdefault("ipv4", True)
        iface.setdefault("ipv6", True)
    return host


def _cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ipneighbor-lab"


def build_host(csharp_utils: dict[str, str]) -> Path:
    """lab.exe with the payload's C# utils, and the double beside it; cached by
    the content of everything that goes in, so many tasks compile once."""
    inputs = sorted(csharp_utils.items()) + [
        (p.name, p.read_text()) for p in (LAB_HOST_SOURCE, build.DOUBLE_SOURCE, build.DOUBLE_SOURCE.with_suffix(".h"))
    ]
    digest = hashlib.sha256(json.dumps(inputs).encode()).hexdigest()[:16]
    target = _cache_root() / digest
    if (target / "lab.exe").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent))
    try:
        sources = [LAB_HOST_SOURCE]
        for name, text in csharp_utils.items():
            (work / name).write_text(text)
            sources.append(work / name)
        result = build.compile_csharp(sources, work / "lab.exe", target="exe",
                                      references=("System.Web.Extensions.dll",))
        if result.returncode != 0:
            raise RuntimeError(f"the C# from the payload does not compile as C# 5:\n{result.stdout}{result.stderr}")
        build.build_double(work)
        try:
            os.rename(work, target)
        except OSError:  # another fork built it first
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def run(csharp_utils: dict[str, str], module: str, params: dict[str, Any], check_mode: bool,
        state: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Runs one module call; returns the module result and the new state."""
    directory = build_host(csharp_utils)
    request = {"module": module, "params": params, "check_mode": check_mode, "host": _with_luids(state)}
    env = dict(os.environ, LD_LIBRARY_PATH=str(directory))
    proc = subprocess.run(["mono", str(directory / "lab.exe")], input=json.dumps(request), capture_output=True,
                          text=True, env=env, cwd=directory, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"the lab host failed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}")
    answer = json.loads(proc.stdout)
    new_state = dict(state)
    new_state["neighbors"] = sorted(answer["host"]["neighbors"], key=lambda n: (n["interface_index"], n["address"]))
    calls = dict(state.get("calls", {}))
    for function, count in answer["calls"].items():
        if count:
            calls[function] = calls.get(function, 0) + count
    new_state["calls"] = calls
    return answer["result"], new_state
