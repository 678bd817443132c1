# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The real per-task cost on the lab (tests/lab/README.md): ansible-playbook, the action plugin,
ssh, real pwsh, ansible-core's exec wrapper, the module, the IP Helper double. Each case is a
one-task play of what a playbook really sends: the pins are a list in a vars file (loaded and
templated by ansible-core) handed to `neighbors:`, or to a `loop:` of single-entry tasks. Each
host already holds its pins in both stores: the steady state of a scheduled fleet run, where
nothing changes. Cases are paired in rounds; the task's time (its start to its result, from
the lab_record callback) is printed with ratios against the other cases. set_fact of the same
lists gives ansible-core's own share of an entry's cost, so that the collection's share can be
told apart. Run by bench/run.py."""
from __future__ import annotations

import ipaddress
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
LAB = ROOT / "tests" / "lab"
sys.path[:0] = [str(LAB), str(ROOT / "tests" / "tools")]

import lab_collection  # noqa: E402
import lab_host  # noqa: E402

ROUNDS = 3
SIZES = (1, 100, 1_000, 10_000)
LOOP = 100
LOOP_CASE = f"loop of {LOOP} single-entry tasks"
# ansible-core's own cost of a templated list as a task's argument (templating it, handing the
# task back from the worker): the same list to set_fact, which needs no connection.
OWN = (1, 1_000, 10_000)
PIN = "ipneighbor.windows.win_neighbor"


def pin(i: int) -> dict[str, str]:
    return {"address": str(ipaddress.ip_address("10.0.0.0") + i + 1),
            "mac": f"02-00-5E-{i >> 16 & 0xFF:02X}-{i >> 8 & 0xFF:02X}-{i & 0xFF:02X}"}


def host(n: int) -> dict[str, Any]:
    """The lab's default host that already holds n pins on Ethernet (index 4), in both stores."""
    state = json.loads(json.dumps(lab_host.DEFAULT_HOST))
    for i in range(n):
        state["neighbors"].append(dict(pin(i), interface_index=4, state="Permanent"))
        state["persistent"].append(dict(pin(i), interface_index=4))
    return state


def entries(n: int) -> str:
    return "1 entry (neighbors:)" if n == 1 else f"{n} entries (neighbors:)"


def set_fact(n: int) -> str:
    return f"set_fact of {n} {'entry' if n == 1 else 'entries'}"


def cases(work: Path) -> dict[str, tuple[str, int]]:
    """Name: (the play, the pins its host holds)."""
    def write(name: str, task: str, pins: int) -> tuple[str, int]:
        vars_files = f"  vars_files: [pins_{pins}.yml]\n" if pins > 1 else ""
        return (f"- hosts: all\n  gather_facts: false\n{vars_files}  tasks:\n    - name: \"{name}\"\n      {task}\n",
                pins)

    for n in {*SIZES, LOOP}:
        (work / f"pins_{n}.yml").write_text(yaml.safe_dump({"pins": [pin(i) for i in range(n)]}))
    one = pin(0)
    found = {"bare Ansible.Basic module": write("bare", "lab_probe:", 0),
             "1 entry (address:)": write("one", f"{PIN}:\n        address: {one['address']}\n"
                                                f"        mac: {one['mac']}\n        interface: Ethernet", 1)}
    for n in OWN:
        found[set_fact(n)] = write(f"set_fact {n}", 'ansible.builtin.set_fact:\n        listed: "{{ pins }}"'
                                   if n > 1 else f"ansible.builtin.set_fact:\n        listed: [{one}]", n)
    for n in SIZES:
        listed = f"\n          - {{address: {one['address']}, mac: {one['mac']}}}" if n == 1 else ' "{{ pins }}"'
        found[entries(n)] = write(str(n), f"{PIN}:\n        interface: Ethernet\n        neighbors:{listed}", n)
    found[LOOP_CASE] = write(
        "loop", f'{PIN}:\n        address: "{{{{ item.address }}}}"\n        mac: "{{{{ item.mac }}}}"\n'
        f'        interface: Ethernet\n      loop: "{{{{ pins }}}}"', LOOP)
    return found


def main() -> int:
    started = subprocess.run(["bash", str(LAB / "host.sh"), "start"], capture_output=True, text=True, check=True)
    lab_vars = started.stdout.strip().splitlines()[-1]
    seconds: dict[str, list[float]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="ipneighbor-bench-") as scratch:
            work = Path(scratch)
            bin_dir = Path(sys.executable).parent
            collections = lab_collection.install(work / "collections", bin_dir / "ansible-galaxy")
            (work / "library").symlink_to(LAB / "playbooks" / "library")
            env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections), ANSIBLE_CONFIG=str(LAB / "ansible.cfg"),
                       ANSIBLE_CALLBACKS_ENABLED="lab_record", LAB_RECORD=str(work / "record.json"),
                       # One master connection a host for the whole run, however long a round takes.
                       ANSIBLE_SSH_ARGS="-C -o ControlMaster=auto -o ControlPersist=900s")
            runs = {}
            for i, (name, (text, n)) in enumerate(cases(work).items()):
                (work / f"play_{i}.yml").write_text(text)
                runs[name] = (work / f"play_{i}.yml", n)
            seconds = {name: [] for name in runs}
            for round_ in range(ROUNDS + 1):  # the first round warms ssh and the caches, and is not counted
                for name, (path, n) in runs.items():
                    # A loop takes as long as all other cases together many times over: the last round only.
                    if name == LOOP_CASE and round_ < ROUNDS:
                        continue
                    state = work / f"host_{n}.json"
                    lab_host.save_state(state, host(n))
                    (work / "inventory.ini").write_text(f"bench {lab_vars} lab_state={state}\n")
                    proc = subprocess.run([bin_dir / "ansible-playbook", "-i", str(work / "inventory.ini"), str(path)],
                                          capture_output=True, text=True, env=env, check=False)
                    record = json.loads((work / "record.json").read_text())
                    if proc.returncode != 0 or record["stats"]["bench"]["changed"]:
                        print(name, proc.stdout[-3000:], proc.stderr[-2000:], file=sys.stderr)
                        return 1
                    if round_:
                        seconds[name].append(record["results"][-1]["seconds"])
    finally:
        subprocess.run(["bash", str(LAB / "host.sh"), "stop"], check=False)
    report(seconds)
    return 0


def flat(of: list[float], to: list[float]) -> str:
    """The median of the rounds' ratios (paired: each round's two runs were close in time), and their range;
    a case of the last round only is paired with that round's run of the other."""
    ratios = [a / b for a, b in zip(of[::-1], to[::-1], strict=False)]
    return f"{statistics.median(ratios):6.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"


def ratio(seconds: dict[str, list[float]], case: str, to: str) -> str:
    return flat(seconds[case], seconds[to])


def per_entry(seconds: dict[str, list[float]], n: int, case: Callable[[int], str] = entries) -> list[float]:
    """What a task of n entries takes beyond a task of one, per added entry."""
    pairs = zip(seconds[case(n)], seconds[case(1)], strict=True)
    return [(big - one) / (n - 1) for big, one in pairs]


def ours(seconds: dict[str, list[float]], n: int) -> list[float]:
    """The collection's cost an added entry (action plugin, host): win_neighbor's beyond ansible-core's own."""
    return [a - b for a, b in zip(per_entry(seconds, n), per_entry(seconds, n, set_fact), strict=True)]


def report(seconds: dict[str, list[float]]) -> None:
    bare = "bare Ansible.Basic module"
    print(f"== one-task plays on the lab (ansible-playbook, ssh, real pwsh), steady state, {ROUNDS} paired rounds "
          "(the loop: the last); "
          "task time (start to result) and ratios: median of the rounds (range)")
    for name, times in seconds.items():
        print(f"{name:36} {statistics.median(times) * 1e3:8.0f} ms   {ratio(seconds, name, bare)} the bare module")
    print("1 entry (address:) against the bare module (target <= 1.1):       "
          f"{ratio(seconds, '1 entry (address:)', bare)}")
    print("1000 entries against 1 entry (neighbors:) (target <= 1.5):       "
          f"{ratio(seconds, entries(1000), entries(1))}")
    print("10000 entries against 1 entry (neighbors:):                      "
          f"{ratio(seconds, entries(10_000), entries(1))}")
    # An added entry costs far less than the rounds vary at 100 entries: shown, but judged from 1000 up.
    for n in (100, 1_000, 10_000):
        print(f"time an added entry at {n:>5} entries: {statistics.median(per_entry(seconds, n)) * 1e6:8.0f} us")
    print(f"time an added entry, 10000 entries against 1000:                  "
          f"{flat(per_entry(seconds, 10_000), per_entry(seconds, 1_000))}")
    for n in (1_000, 10_000):
        print(f"  of it ansible-core's own (set_fact of the list) at {n:>5} entries: "
              f"{statistics.median(per_entry(seconds, n, set_fact)) * 1e6:8.0f} us; "
              f"the collection's: {statistics.median(ours(seconds, n)) * 1e6:8.0f} us")
    print("ansible-core's own, 10000 entries against 1000:                     "
          f"{flat(per_entry(seconds, 10_000, set_fact), per_entry(seconds, 1_000, set_fact))}")
    print("the collection's time an added entry, 10000 against 1000 (target <= 1.5): "
          f"{flat(ours(seconds, 10_000), ours(seconds, 1_000))}")
    print(f"a loop of {LOOP} single-entry tasks against one task of {LOOP} entries:  "
          f"{ratio(seconds, LOOP_CASE, entries(LOOP))}")


if __name__ == "__main__":
    sys.exit(main())
