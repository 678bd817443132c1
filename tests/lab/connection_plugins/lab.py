# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Test-only connection that plays a Windows host: it takes ansible-core's
PowerShell module payload and runs the module under Mono, ansible-core's own
Ansible.Basic from the payload included, against the IP Helper test double,
the host's neighbor table kept in a JSON file."""

from __future__ import annotations

DOCUMENTATION = r"""
name: lab
short_description: A simulated Windows host for ipneighbor.windows tests (not a Windows substitute)
description:
  - Runs the C# helper that ansible-core packages for a win_neighbor task under Mono against a native
    test double of the IP Helper neighbor API. Test-only; never shipped in the collection.
author:
  - ipneighbor.windows maintainers (@ipneighbor)
options:
  lab_state:
    description: The JSON file that holds the simulated host (interfaces, neighbors, faults, calls).
    type: path
    required: true
    vars:
      - name: lab_state
"""

import json
import sys
from pathlib import Path

from ansible.errors import AnsibleConnectionFailure
from ansible.plugins.connection import ConnectionBase
from ansible.release import __version__ as ansible_version

LAB = Path(__file__).resolve().parents[1]
for _path in (LAB, LAB.parent / "tools"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import lab_host  # noqa: E402  pylint: disable=wrong-import-position
import lab_payload  # noqa: E402  pylint: disable=wrong-import-position
import ps_glue  # noqa: E402  pylint: disable=wrong-import-position

# Modules the lab has an entry point for, and the collection they belong to.
LAB_MODULES = {"ipneighbor.windows.win_neighbor", "ipneighbor.windows.win_neighbor_info"}
MIN_ANSIBLE = (2, 19)


def _failed(msg: str) -> tuple[int, bytes, bytes]:
    """A module result for a module run; the message on stderr for raw and the like."""
    return 1, json.dumps({"failed": True, "msg": msg}).encode(), msg.encode()


class Connection(ConnectionBase):
    transport = "lab"
    has_pipelining = True
    always_pipeline_modules = True
    allow_executable = False
    module_implementation_preferences = (".ps1", ".exe", "")
    _shell_type = "powershell"

    def _connect(self) -> Connection:
        if tuple(int(p) for p in ansible_version.split(".")[:2]) < MIN_ANSIBLE:
            raise AnsibleConnectionFailure(
                f"the lab supports ansible-core 2.19 and later, not {ansible_version}")
        self._connected = True
        return self

    def is_pipelining_enabled(self, wrap_async: bool = False) -> bool:
        return True

    def exec_command(self, cmd: str, in_data: bytes | None = None, sudoable: bool = True) -> tuple[int, bytes, bytes]:
        super().exec_command(cmd, in_data=in_data, sudoable=sudoable)
        self._connect()
        try:
            run = lab_payload.read(in_data)
        except lab_payload.LabUnsupported as e:
            return _failed(str(e))
        if run.fqcn not in LAB_MODULES:
            return _failed(f"the lab has no entry point for {run.fqcn}; it plays {', '.join(sorted(LAB_MODULES))}")

        state_path = Path(self.get_option("lab_state"))
        state = lab_host.load_state(state_path)
        try:
            output, new_state = lab_host.run(run, state)
        except ps_glue.NotGlue as e:
            return _failed(f"the lab plays a module's .ps1 only when it is the glue it knows: {e}")
        lab_host.save_state(state_path, new_state)
        return 0, output.encode(), b""

    def put_file(self, in_path: str, out_path: str) -> None:
        raise AnsibleConnectionFailure("the lab host takes no file transfers; it plays single module runs only")

    def fetch_file(self, in_path: str, out_path: str) -> None:
        raise AnsibleConnectionFailure("the lab host takes no file transfers; it plays single module runs only")

    def close(self) -> None:
        self._connected = False
