# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Runs the win_neighbor action plugin with ansible-core's own Task, PlayContext,
loader, templar and a WinRM connection object (which connects only when used).
The module run is the one boundary replaced: a Recorder keeps what would be
sent to the host and answers with a given result."""
from __future__ import annotations

import json
from typing import Any

from ansible.parsing.dataloader import DataLoader
from ansible.playbook.play_context import PlayContext
from ansible.playbook.task import Task
from ansible.plugins.loader import connection_loader
from ansible.template import Templar

MAC = "00-15-5D-01-02-03"
BEFORE = {"address": "192.168.1.10", "mac": "00-15-5D-0A-0B-0C", "interface_alias": "Ethernet",
          "interface_index": 4, "state": "Stale"}
AFTER = dict(BEFORE, mac=MAC, state="Permanent")


class Recorder:
    def __init__(self, result: dict[str, Any]) -> None:
        self.result = result
        self.sent: list[dict[str, Any]] = []

    def entries(self, call: int = 0) -> list[dict[str, Any]]:
        """The neighbors entries of a module run, each sent as its JSON text (the action plugin's as_sent)."""
        texts = self.sent[call]["neighbors"]
        assert all(isinstance(text, str) and text.startswith("{") for text in texts), texts
        return [json.loads(text) for text in texts]


def run(action_class: Any, args: dict[str, Any], *, diff: bool = False, check_mode: bool = False,
        module_result: dict[str, Any] | None = None,
        recorder: Recorder | None = None) -> tuple[dict[str, Any], Recorder]:
    task = Task()
    task.action = "ipneighbor.windows.win_neighbor"
    task.args = args
    task.diff = diff
    task.check_mode = check_mode
    recording = recorder or Recorder(module_result if module_result is not None
                                     else {"changed": True, "before": BEFORE, "after": AFTER})

    class Recording(action_class):  # type: ignore[misc,valid-type]
        def _execute_module(self, module_name: Any = None, module_args: Any = None, **kwargs: Any) -> Any:
            recording.sent.append(dict(module_args))
            return dict(recording.result)

    loader = DataLoader()
    play_context = PlayContext()
    # A WinRM connection object as ansible-core makes it; it connects only when used.
    connection = connection_loader.get("ansible.builtin.winrm", play_context, None)
    action = Recording(task, connection, play_context, loader, Templar(loader=loader), None)
    return action.run(task_vars={}), recording
