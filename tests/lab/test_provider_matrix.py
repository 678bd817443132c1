# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every combination of the CIM provider's answers that Microsoft's documentation
leaves open (tests/lab/README.md, "behaviour"), end to end: one lab host per
combination, all in one inventory, run in parallel by ansible-playbook on the
newest ansible-core (tests/lab/test_playbooks.py runs two of them on every
ansible-core, tests/csharp/test_provider_switches.py all of them in-process).
Under each: the pins converge in both stores, a run after a reboot changes
nothing, removal empties both stores, a reboot brings nothing back. (Each run
here costs a pwsh start and a compile per host: the in-process matrix also runs
each pin and removal a second time.)"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import lab_host
from lab_run import HOST, LAB, Lab

SWITCHES = ("zone_in_address", "duplicate_win32", "create_replaces_active", "create_persistent_accepted",
            "mac_lowercase")
HOSTS = {"lab-" + "".join(map(str, c)): dict(zip(SWITCHES, c, strict=True))
         for c in itertools.product((0, 1), repeat=len(SWITCHES))}
ROUTER = {"address": "fe80::1", "interface_index": 4, "mac": "00-15-5D-32-00-63", "state": "Reachable",
          "is_router": True}
PINNED = {("192.168.50.10", "00-15-5D-32-00-0A"), ("192.168.50.30", "00-15-5D-32-00-1F"),
          ("192.168.50.40", "00-15-5D-32-00-29"), ("fe80::1", "00-15-5D-32-00-03")}


def test_every_provider_answer_converges(lab_vars: str, collections: Path, tmp_path: Path) -> None:
    lab = Lab(Path(sys.prefix), lab_vars, collections, tmp_path, hosts=tuple(HOSTS))
    for host, behaviour in HOSTS.items():
        lab.write(dict(HOST, neighbors=HOST["neighbors"] + [ROUTER], behaviour=behaviour), host)
    playbook = LAB / "playbooks" / "converge.yml"

    def run(tag: str) -> dict[str, tuple[int, int]]:
        proc = lab.play(playbook, "--tags", tag, "--forks", "8")
        assert proc.returncode == 0, proc.stdout[-3000:]
        stats = json.loads(lab.record_file.read_text())["stats"]
        return {h: (s["changed"], s["failures"] + s["unreachable"]) for h, s in stats.items()}

    def holds(host: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        state = lab.state(host)
        wanted = {pin[0] for pin in PINNED}
        return ({(n["address"], n["mac"]) for n in state["neighbors"] if n["address"] in wanted},
                {(n["address"], n["mac"]) for n in state["persistent"] if n["address"] in wanted})

    assert run("pin") == {h: (1, 0) for h in HOSTS}
    assert all(holds(h) == (PINNED, PINNED) for h in HOSTS)
    for host in HOSTS:
        lab.write(lab_host.reboot(lab.state(host)), host)
    assert run("pin") == {h: (0, 0) for h in HOSTS}
    assert run("remove") == {h: (1, 0) for h in HOSTS}
    for host in HOSTS:
        lab.write(lab_host.reboot(lab.state(host)), host)
        assert holds(host) == (set(), set())
