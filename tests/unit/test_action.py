"""The win_neighbor action plugin with ansible-core's own Task, PlayContext,
loader and templar. The module run is the one boundary replaced: it records what
would be sent to the host, so a refused task is seen to send nothing. The
whole path through ansible-core's packaging is proven by the lab playbooks."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ansible.errors import AnsibleActionFail
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


@pytest.fixture()
def action_class(collections_path: Path) -> Any:
    from ansible_collections.ipneighbor.windows.plugins.action.win_neighbor import ActionModule

    return ActionModule


def run(action_class: Any, args: dict[str, Any], *, diff: bool = False, check_mode: bool = False,
        module_result: dict[str, Any] | None = None,
        recorder: Recorder | None = None) -> tuple[dict[str, Any], Recorder]:
    task = Task()
    task.action = "ipneighbor.windows.win_neighbor"
    task.args = args
    task.diff = diff
    task.check_mode = check_mode
    recorder = recorder or Recorder(module_result if module_result is not None
                                    else {"changed": True, "before": BEFORE, "after": AFTER})

    class Recording(action_class):  # type: ignore[misc,valid-type]
        def _execute_module(self, module_name: Any = None, module_args: Any = None, **kwargs: Any) -> Any:
            recorder.sent.append(dict(module_args))
            return dict(recorder.result)

    loader = DataLoader()
    play_context = PlayContext()
    # A WinRM connection object as ansible-core makes it; it connects only when used.
    connection = connection_loader.get("ansible.builtin.winrm", play_context, None)
    action = Recording(task, connection, play_context, loader, Templar(loader=loader), None)
    return action.run(task_vars={}), recorder


def test_arguments_reach_the_module_normalised(action_class: Any) -> None:
    result, recorder = run(action_class, {"address": "2001:DB8:0::10", "mac": "0015.5d01.0203", "interface": 12})
    assert recorder.sent == [{"address": "2001:db8::10", "mac": MAC, "interface": "12", "state": "present"}]
    assert result["changed"] is True and result["after"] == AFTER


@pytest.mark.parametrize("args,message", [
    ({"address": "10.0.0.256", "mac": MAC, "interface": "Ethernet"}, "address '10.0.0.256' has a part above 255"),
    ({"address": "::1", "mac": MAC, "interface": "Ethernet"}, "address '::1' is a loopback address"),
    ({"address": "gateway", "mac": MAC, "interface": "Ethernet"},
     "address 'gateway' is not an IPv4 address (a.b.c.d) or an IPv6 address"),
    ({"address": "10.0.0.1", "mac": "00-15-5D:01-02-03", "interface": "Ethernet"},
     "mac '00-15-5D:01-02-03' mixes separators; use one of '-', ':' or '.'"),
    ({"address": "10.0.0.1", "mac": MAC, "interface": 0},
     "interface '0' is not a valid interface index: an index is a number from 1 to 4294967295"),
    ({"address": "10.0.0.1", "mac": MAC, "interface": ""}, "interface '' is empty"),
])
def test_bad_values_fail_on_the_controller_naming_option_and_value(
        action_class: Any, args: dict[str, Any], message: str) -> None:
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, args)
    assert str(failure.value.message) == message


@pytest.mark.parametrize("args,fragment", [
    ({"address": "10.0.0.1", "interface": "Ethernet"}, "state is present but all of the following are missing: mac"),
    ({"mac": MAC, "interface": "Ethernet"}, "missing required arguments: address"),
    ({"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet", "state": "pinned"}, "state"),
    ({"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet", "macaddress": MAC}, "macaddress"),
])
def test_spec_violations_fail_on_the_controller(action_class: Any, args: dict[str, Any], fragment: str) -> None:
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, args)
    assert fragment in str(failure.value)


def test_nothing_is_sent_when_validation_fails(action_class: Any) -> None:
    recorder = Recorder({})
    with pytest.raises(AnsibleActionFail):
        run(action_class, {"address": "127.0.0.1", "mac": MAC, "interface": "Ethernet"}, recorder=recorder)
    assert recorder.sent == []


def test_absent_needs_no_mac(action_class: Any) -> None:
    result, recorder = run(action_class, {"address": "10.0.0.1", "interface": "Ethernet", "state": "absent"},
                           module_result={"changed": False, "before": None, "after": None})
    assert recorder.sent == [{"address": "10.0.0.1", "interface": "Ethernet", "state": "absent", "mac": None}]
    assert "diff" not in result


def test_diff_shows_before_and_after(action_class: Any) -> None:
    result = run(action_class, {"address": "192.168.1.10", "mac": MAC, "interface": "Ethernet"}, diff=True)[0]
    assert result["diff"] == {
        "before": "address: 192.168.1.10\nmac: 00-15-5D-0A-0B-0C\ninterface_alias: Ethernet\n"
                  "interface_index: 4\nstate: Stale\n",
        "after": "address: 192.168.1.10\nmac: 00-15-5D-01-02-03\ninterface_alias: Ethernet\n"
                 "interface_index: 4\nstate: Permanent\n",
        "before_header": "neighbor 192.168.1.10 on interface Ethernet (before)",
        "after_header": "neighbor 192.168.1.10 on interface Ethernet (after)",
    }


def test_diff_of_a_new_entry_starts_empty(action_class: Any) -> None:
    args = {"address": "192.168.1.10", "mac": MAC, "interface": "Ethernet"}
    result = run(action_class, args, diff=True, module_result={"changed": True, "before": None, "after": AFTER})[0]
    assert result["diff"]["before"] == "" and result["diff"]["after"].startswith("address: 192.168.1.10\n")


def test_no_diff_without_diff_mode_or_without_a_read_back(action_class: Any) -> None:
    args = {"address": "192.168.1.10", "mac": MAC, "interface": "Ethernet"}
    assert "diff" not in run(action_class, args)[0]
    failed = {"changed": True, "before": None, "failed": True, "msg": "Creating ... failed"}
    result = run(action_class, args, diff=True, module_result=failed)[0]
    assert "diff" not in result and result["failed"] is True
