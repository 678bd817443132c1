# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The win_neighbor_flush action plugin with ansible-core's own objects (action_harness.py):
its spec is the .ps1's, bad input fails before the host in the host's words, and the diff is
win_neighbor's bulk diff of a removal, one per entry."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ansible.errors import AnsibleActionFail
from test_module_spec import ps1_spec, shapes

from action_harness import Recorder, run

STALE = {"address": "192.0.2.10", "mac": "00-00-5E-00-53-0A", "interface_alias": "Ethernet", "interface_index": 4,
         "state": "Stale", "is_router": False}
INCOMPLETE = {"address": "2001:db8::5", "mac": None, "interface_alias": "Ethernet 2", "interface_index": 7,
              "state": "Incomplete", "is_router": False}


@pytest.fixture()
def flush_class(collections_path: Path) -> Any:
    from ansible_collections.ipneighbor.windows.plugins.action.win_neighbor_flush import ActionModule

    return ActionModule


def test_the_controller_spec_is_the_ps1_spec(collections_path: Path) -> None:
    from ansible_collections.ipneighbor.windows.plugins.action import win_neighbor_flush

    spec = ps1_spec("win_neighbor_flush")
    assert shapes(win_neighbor_flush.ARGUMENT_SPEC) == shapes(spec["options"])
    assert set(spec) - {"options", "supports_check_mode"} == set(), "a rule between options the controller lacks"


def test_arguments_reach_the_host_normalised(flush_class: Any) -> None:
    result, recorder = run(flush_class, {"interface": ["Ethernet", 12], "family": ["IPv4"]},
                           module_result={"changed": False, "removed": [], "relearned": []})
    assert recorder.sent == [{"interface": ["Ethernet", "12"], "family": ["ipv4"]}]
    assert result["changed"] is False


def test_one_interface_as_text_is_a_list_of_one(flush_class: Any) -> None:
    """As Ansible.Basic takes a list option given as text on the host."""
    _result, recorder = run(flush_class, {"interface": "Ethernet 2", "family": "IPv6"},
                            module_result={"changed": False, "removed": []})
    assert recorder.sent == [{"interface": ["Ethernet 2"], "family": ["ipv6"]}]


def test_family_defaults_to_both(flush_class: Any) -> None:
    _result, recorder = run(flush_class, {"interface": ["Ethernet"]}, module_result={"changed": False, "removed": []})
    assert recorder.sent == [{"interface": ["Ethernet"], "family": ["ipv4", "ipv6"]}]


@pytest.mark.parametrize("args,message", [
    ({"interface": []}, "interface is empty: name the interfaces to flush (aliases or indexes); a flush never "
                        "defaults to every interface"),
    ({"interface": ["Ethernet"], "family": []}, "family is empty: name ipv4, ipv6 or both (the default)"),
    ({"interface": ["Ethernet", 0]}, "interface '0' is not a valid interface index: an index is a number from 1 to "
                                     "4294967295"),
    ({"interface": ["Ethernet "]}, "interface 'Ethernet ' has leading or trailing white space"),
])
def test_bad_values_fail_on_the_controller_as_the_host_words_them(
        flush_class: Any, args: dict[str, Any], message: str) -> None:
    recorder = Recorder({})
    with pytest.raises(AnsibleActionFail) as failure:
        run(flush_class, args, recorder=recorder)
    assert str(failure.value.message) == message
    assert recorder.sent == []


@pytest.mark.parametrize("args,fragment", [
    ({}, "missing required arguments: interface"),
    ({"interface": ["Ethernet"], "family": ["ipx"]}, "value of family must be one or more of: ipv4, ipv6"),
    ({"interface": ["Ethernet"], "families": ["ipv4"]},
     "unsupported option families (did you mean family?); win_neighbor_flush takes: family, interface"),
])
def test_spec_violations_fail_on_the_controller(flush_class: Any, args: dict[str, Any], fragment: str) -> None:
    with pytest.raises(AnsibleActionFail) as failure:
        run(flush_class, args)
    assert fragment in str(failure.value)


def test_diff_is_one_removal_per_entry(flush_class: Any) -> None:
    result = run(flush_class, {"interface": ["Ethernet", "Ethernet 2"]}, diff=True,
                 module_result={"changed": True, "removed": [STALE, INCOMPLETE], "relearned": []})[0]
    assert result["diff"] == [
        {"before_header": "192.0.2.10 on Ethernet (before)", "after_header": "192.0.2.10 on Ethernet (after)",
         "before": "mac: 00-00-5E-00-53-0A; state: Stale\n", "after": "(no entry)\n"},
        {"before_header": "2001:db8::5 on Ethernet 2 (before)", "after_header": "2001:db8::5 on Ethernet 2 (after)",
         "before": "mac: (none); state: Incomplete\n", "after": "(no entry)\n"}]


def test_no_diff_without_diff_mode_and_none_when_nothing_went(flush_class: Any) -> None:
    result = run(flush_class, {"interface": ["Ethernet"]}, module_result={"changed": True, "removed": [STALE]})[0]
    assert "diff" not in result
    result = run(flush_class, {"interface": ["Ethernet"]}, diff=True,
                 module_result={"changed": False, "removed": []})[0]
    assert result["diff"] == []
    # A task that failed before the host answered with a list: no diff to tell.
    result = run(flush_class, {"interface": ["Ethernet"]}, diff=True, module_result={"failed": True, "msg": "x"})[0]
    assert "diff" not in result
