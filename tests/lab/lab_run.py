# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Driving lab hosts from a test: a host's state file, its inventory line and
ansible-playbook runs against it (tests/lab/README.md has the contract)."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import lab_host

LAB = Path(__file__).resolve().parent
ROOT = LAB.parents[1]


def host_sh(*args: str, env: dict[str, str] | None = None) -> str:
    """The output of tests/lab/host.sh, which must succeed."""
    done = subprocess.run(["bash", str(LAB / "host.sh"), *args], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


HOST: dict[str, Any] = {
    "interfaces": [
        {"alias": "Loopback Pseudo-Interface 1", "index": 1, "type": 24},
        {"alias": "Ethernet", "index": 4},
        {"alias": "Ethernet 2", "index": 7},
    ],
    "neighbors": [
        {"address": "192.168.50.20", "interface_index": 4, "mac": "00-15-5D-32-00-14", "state": "Permanent"},
        {"address": "192.168.50.30", "interface_index": 4, "mac": "00-15-5D-32-00-1E", "state": "Stale"},
        {"address": "192.168.50.40", "interface_index": 4, "mac": "00-15-5D-32-00-28", "state": "Permanent"},
        {"address": "192.168.50.50", "interface_index": 4, "mac": "00-15-5D-32-00-32", "state": "Reachable"},
    ],
    # The static entries were pinned persistently before, as netsh does by default.
    "persistent": [
        {"address": "192.168.50.20", "interface_index": 4, "mac": "00-15-5D-32-00-14"},
        {"address": "192.168.50.40", "interface_index": 4, "mac": "00-15-5D-32-00-28"},
    ],
    "faults": {},
    "calls": {},
}


class Lab:
    """Lab hosts in one inventory (group windows), each with its state file; the
    first (lab-win01, which every lab playbook but converge.yml names) unless told."""

    def __init__(self, venv: Path, lab_vars: str, collections: Path, state_dir: Path,
                 hosts: tuple[str, ...] = ("lab-win01",)) -> None:
        self.venv, self.collections, self.state_dir, self.hosts = venv, collections, state_dir, hosts
        self.state_file = self.state_path(hosts[0])
        self.inventory = state_dir / "inventory.ini"
        self.inventory.write_text("[windows]\n" + "".join(
            f"{h} {lab_vars} lab_state={self.state_path(h)}\n" for h in hosts))

    def state_path(self, host: str) -> Path:
        return self.state_dir / f"{host}.json"

    def write(self, state: dict[str, Any], host: str | None = None) -> None:
        self.state_path(host or self.hosts[0]).write_text(json.dumps(state))

    def state(self, host: str | None = None) -> dict[str, Any]:
        return json.loads(self.state_path(host or self.hosts[0]).read_text())

    def play(self, playbook: Path, *args: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, ANSIBLE_CONFIG=str(LAB / "ansible.cfg"), ANSIBLE_COLLECTIONS_PATH=str(self.collections),
                   ANSIBLE_ROLES_PATH=str(ROOT / "tests" / "integration" / "targets"), ANSIBLE_NOCOLOR="1",
                   ANSIBLE_FORCE_COLOR="0", ANSIBLE_CALLBACKS_ENABLED="lab_record", LAB_RECORD=str(self.record_file))
        return subprocess.run([self.venv / "bin" / "ansible-playbook", "-i", str(self.inventory), str(playbook), *args],
                              capture_output=True, text=True, env=env, cwd=LAB, check=False)

    def reboot(self) -> None:
        """The host restarts: its active store is rebuilt from the persistent one."""
        self.write(lab_host.reboot(self.state()))

    @property
    def record_file(self) -> Path:
        return self.state_dir / "record.json"

    def stats(self, playbook: Path, *args: str, expect_rc: int = 0) -> dict[str, int]:
        proc = self.play(playbook, *args)
        assert proc.returncode == expect_rc, proc.stdout[-3000:] + proc.stderr[-3000:]
        return json.loads(self.record_file.read_text())["stats"]["lab-win01"]

    def results(self) -> list[dict[str, Any]]:
        """Each task's status (ok, failed, ignored) and result."""
        return json.loads(self.record_file.read_text())["results"]
