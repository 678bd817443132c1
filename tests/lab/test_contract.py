# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The lab's contract (tests/lab/README.md), on a lab of its own (its own
LAB_HOME and port), so that stopping it leaves the tests' lab running."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lab_run import HOST, LAB, host_sh

KEYS = ("ansible_connection", "ansible_host", "ansible_port", "ansible_user", "ansible_shell_type",
        "ansible_ssh_private_key_file", "ansible_ssh_common_args", "ansible_ssh_extra_args", "ansible_control_path")
PIN = """- name: One pin per host, in parallel
  hosts: all
  gather_facts: false
  tasks:
    - name: Pin this host's gateway
      ipneighbor.windows.win_neighbor:
        address: 192.168.50.1
        mac: "{{ gateway_mac }}"
        interface: Ethernet
"""


def processes_naming(text: str) -> list[str]:
    ps = subprocess.run(["ps", "-eww", "-o", "args"], capture_output=True, text=True, check=True).stdout
    return [line for line in ps.splitlines() if text in line and "ps -eww" not in line]


def test_start_twice_two_hosts_in_parallel_then_stop(tmp_path: Path, collections: Path) -> None:
    env = dict(os.environ, LAB_HOME=str(tmp_path / "lab"), LAB_SSH_PORT="22031")
    # Two starts at once, as two pytest-xdist workers make them on a fresh machine, then a third.
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(lambda _: host_sh("start", env=env).splitlines()[-1], range(2))
    try:
        assert second == first, "two starts at once gave different variables"
        assert host_sh("start", env=env).splitlines()[-1] == first, "a second start changed the variables"
        assert len(processes_naming(f"{tmp_path}/lab/sshd_config")) == 1, "a second start started a second sshd"
        words = dict(word.split("=", 1) for word in shlex.split(first))
        assert tuple(words) == KEYS
        assert (words["ansible_connection"], words["ansible_port"]) == ("ssh", "22031")

        # Two hosts in one inventory: one with a state of its own, one whose file does not exist yet.
        (tmp_path / "a.json").write_text(json.dumps(HOST))
        inventory = tmp_path / "inventory.ini"
        inventory.write_text(f"host-a {first} lab_state={tmp_path / 'a.json'} gateway_mac=00-15-5D-00-00-0A\n"
                             f"host-b {first} lab_state={tmp_path / 'b.json'} gateway_mac=00-15-5D-00-00-0B\n")
        (tmp_path / "pin.yml").write_text(PIN)
        play = subprocess.run([Path(sys.prefix) / "bin" / "ansible-playbook", "-i", str(inventory), "--forks", "2",
                               str(tmp_path / "pin.yml")], capture_output=True, text=True, check=False,
                              env=dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections),
                                       ANSIBLE_CONFIG=str(LAB / "ansible.cfg")))
        assert play.returncode == 0, play.stdout[-3000:] + play.stderr[-3000:]
        a, b = (json.loads((tmp_path / f"{h}.json").read_text()) for h in "ab")
        assert {"address": "192.168.50.1", "interface_index": 4, "mac": "00-15-5D-00-00-0A", "state": "Permanent",
                "is_router": False} in a["neighbors"]
        assert [n["address"] for n in a["neighbors"] if n["interface_index"] == 4] == [
            "192.168.50.1", "192.168.50.20", "192.168.50.30", "192.168.50.40", "192.168.50.50"]
        # host-b started as the default host (its learned gateway, Reachable) and now pins its own MAC.
        gateway = [n for n in b["neighbors"] if n["address"] == "192.168.50.1"]
        assert [(n["mac"], n["state"]) for n in gateway] == [("00-15-5D-00-00-0B", "Permanent")]
        assert {n["address"] for n in b["neighbors"]} >= {"192.0.2.1", "192.0.2.99", "198.51.100.1"}
        assert a["calls"]["MSFT_NetNeighbor.Create"] == b["calls"]["MSFT_NetNeighbor.Create"] == 1
    finally:
        host_sh("stop", env=env)
    sockets = words["ansible_control_path"].partition("{{")[0]  # where Ansible's ssh masters listen
    assert processes_naming(str(tmp_path / "lab")) + processes_naming(sockets) == [], "the lab left processes running"
