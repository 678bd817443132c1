# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The simulated Windows host's state: its JSON file, a reboot, and the lines
the IP Helper double loads at the start of a module run and writes at its end."""
from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import sys
import tempfile
import typing as t
from pathlib import Path
from typing import Any

import build

# A NET_LUID keeps the interface type in its top 16 bits.
IF_TYPE_ETHERNET, IF_TYPE_LOOPBACK = 6, 24

DEFAULT_HOST: dict[str, Any] = {
    "interfaces": [
        {"alias": "Loopback Pseudo-Interface 1", "index": 1, "ipv4": True, "ipv6": True, "type": IF_TYPE_LOOPBACK},
        {"alias": "Ethernet", "index": 4, "ipv4": True, "ipv6": True},
        {"alias": "Ethernet 2", "index": 7, "ipv4": True, "ipv6": True},
    ],
    "neighbors": [
        {"address": "192.0.2.1", "interface_index": 4, "mac": "00-00-5E-00-53-01", "state": "Reachable",
         "is_router": True},
        {"address": "192.0.2.20", "interface_index": 4, "mac": "00-00-5E-00-53-14", "state": "Stale"},
        {"address": "2001:db8::1", "interface_index": 4, "mac": "00-00-5E-00-53-01", "state": "Reachable",
         "is_router": True},
        {"address": "198.51.100.1", "interface_index": 7, "mac": "00-00-5E-00-53-81", "state": "Reachable"},
        {"address": "192.0.2.99", "interface_index": 4, "mac": "00-00-5E-00-53-63", "state": "Permanent"},
    ],
    # The persistent store (MSFT_NetNeighbor, PolicyStore PersistentStore): what a boot loads.
    "persistent": [
        {"address": "192.0.2.99", "interface_index": 4, "mac": "00-00-5E-00-53-63"},
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


# NL_NEIGHBOR_STATE, as the double holds it.
STATES = ("Unreachable", "Incomplete", "Probe", "Delay", "Stale", "Reachable", "Permanent")


def _mac_hex(mac: str) -> str:
    return mac.replace("-", "").upper() or "-"


def _mac_text(hexes: str) -> str:
    return "" if hexes == "-" else "-".join(hexes[i:i + 2] for i in range(0, len(hexes), 2))


def _flag(value: t.Any) -> int:
    return int(bool(value)) if isinstance(value, bool) else int(value)


def to_double(state: dict[str, Any]) -> str:
    """The host as the double's state lines (tests/native/lab_state.c reads them)."""
    host = _with_luids(state)
    lines = [f"interface\t{i['index']}\t{i['luid']}\t{_flag(i['ipv4'])}\t{_flag(i['ipv6'])}\t{i['mac_length']}\t"
             f"{i['alias']}" for i in host.get("interfaces", [])]
    lines += [f"neighbor\t{n['address']}\t{n['interface_index']}\t{_mac_hex(n['mac'])}\t"
              f"{STATES.index(n['state'])}\t{_flag(n.get('is_router', False))}" for n in host.get("neighbors", [])]
    lines += [f"persistent\t{n['address']}\t{n['interface_index']}\t{_mac_hex(n['mac'])}"
              for n in host.get("persistent", [])]
    # Who answers ARP/NS (ResolveIpNetEntry2) for which address on which interface.
    lines += [f"answer\t{a['address']}\t{a['interface_index']}\t{_mac_hex(a['mac'])}\t"
              f"{_flag(a.get('is_router', False))}" for a in host.get("answers", [])]
    lines += [f"fault\t{name}\t{code}" for name, code in host.get("faults", {}).items()]
    lines += [f"option\t{name}\t{_flag(value)}" for name, value in host.get("behaviour", {}).items()]
    return "\n".join(lines) + "\n"


def from_double(state: dict[str, Any], written: str) -> dict[str, Any]:
    """The host after a run: the tables the double wrote, its calls added to the host's."""
    host = dict(state, neighbors=[], persistent=[])
    calls = dict(state.get("calls", {}))
    for line in written.splitlines():
        kind, *fields = line.split("\t")
        if kind == "neighbor":
            address, index, mac, number, router = fields
            host["neighbors"].append({"address": address, "interface_index": int(index), "mac": _mac_text(mac),
                                      "state": STATES[int(number)], "is_router": router == "1"})
        elif kind == "persistent":
            address, index, mac = fields
            host["persistent"].append({"address": address, "interface_index": int(index), "mac": _mac_text(mac)})
        elif kind == "calls" and int(fields[1]):
            calls[fields[0]] = calls.get(fields[0], 0) + int(fields[1])
    for table in ("neighbors", "persistent"):
        host[table].sort(key=lambda n: (n["interface_index"], n["address"]))
    host["calls"] = calls
    return host


def double_folder(missing_exports: t.Sequence[str]) -> Path:
    """A folder with the double as pwsh's DllImport finds iphlpapi.dll on Linux
    (libiphlpapi.dll.so), built without the exports named (a Windows that lacks
    them); built once per set, under LAB_HOME (tests/lab/host.sh sets it)."""
    sources = [(p.name, p.read_text()) for p in build.DOUBLE_SOURCES]
    target = Path(os.environ["LAB_HOME"]) / "double" / _digest(sources, sorted(missing_exports))
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=target.parent))
        build.build_double(work, "libiphlpapi.dll.so", hidden=tuple(missing_exports))
        try:
            os.rename(work, target)
        except OSError:  # another host's task built it first
            shutil.rmtree(work, ignore_errors=True)
    return target


def _digest(*parts: t.Any) -> str:
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]


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
