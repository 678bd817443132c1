# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The real per-task cost: one-task plays end to end through ansible-playbook, ssh
and real pwsh on the lab (tests/lab/README.md), of win_neighbor (a pin that
changes the host), win_neighbor_info and a bare Ansible.Basic module, paired in
rounds and printed as ratios to the bare module."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAB = ROOT / "tests" / "lab"
sys.path[:0] = [str(LAB), str(ROOT / "tests" / "tools")]

import lab_collection  # noqa: E402

ROUNDS = 5
TASKS = {
    "bare Ansible.Basic module": "lab_probe:",
    "win_neighbor_info": "ipneighbor.windows.win_neighbor_info:",
    "win_neighbor (a pin)": ("ipneighbor.windows.win_neighbor:\n        address: 192.0.2.60\n"
                             "        mac: 00-00-5E-00-53-3C\n        interface: Ethernet"),
}


def play(work: Path, name: str, task: str) -> Path:
    path = work / f"{len(list(work.glob('*.yml')))}.yml"
    path.write_text(f"- hosts: all\n  gather_facts: false\n  tasks:\n    - name: {name}\n      {task}\n")
    return path


def main() -> int:
    started = subprocess.run(["bash", str(LAB / "host.sh"), "start"], capture_output=True, text=True, check=True)
    lab_vars = started.stdout.strip().splitlines()[-1]
    try:
        with tempfile.TemporaryDirectory(prefix="ipneighbor-bench-") as scratch:
            work = Path(scratch)
            galaxy = Path(sys.executable).parent / "ansible-galaxy"
            collections = lab_collection.install(work / "collections", galaxy)
            (work / "library").symlink_to(LAB / "playbooks" / "library")
            env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections), ANSIBLE_CONFIG=str(LAB / "ansible.cfg"))
            plays = {name: play(work, name, task) for name, task in TASKS.items()}
            seconds: dict[str, list[float]] = {name: [] for name in TASKS}
            # One state file throughout: one ssh master connection serves every play.
            state = work / "state.json"
            (work / "inventory.ini").write_text(f"bench {lab_vars} lab_state={state}\n")
            inventory = work / "inventory.ini"
            for round_ in range(ROUNDS + 1):  # the first round warms ssh and the caches, and is not counted
                state.unlink(missing_ok=True)  # the default host again, so that the pin changes it
                for name, path in plays.items():
                    began = time.perf_counter()
                    proc = subprocess.run([Path(sys.executable).parent / "ansible-playbook", "-i", str(inventory),
                                           str(path)], capture_output=True, text=True, env=env, check=False)
                    took = time.perf_counter() - began
                    if proc.returncode != 0:
                        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
                        return 1
                    if round_:
                        seconds[name].append(took)
                calls = json.loads(state.read_text())["calls"]
                assert calls["CreateIpNetEntry2"] == 1, "the pin did not change the host"
    finally:
        subprocess.run(["bash", str(LAB / "host.sh"), "stop"], check=False)
    bare = seconds["bare Ansible.Basic module"]
    print(f"== one-task plays on the lab (ansible-playbook, ssh, real pwsh), {ROUNDS} paired rounds")
    for name, times in seconds.items():
        ratios = [t / b for t, b in zip(times, bare, strict=True)]
        print(f"{name:28} median {statistics.median(times):5.2f} s   {statistics.median(ratios):.2f}x the bare module "
              f"({min(ratios):.2f}-{max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
