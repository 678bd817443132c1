# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""mac: learned on the controller: taken in any letter case (single and neighbors entries) and
passed on as learned; a word that is neither a MAC nor learned is still refused; the diff names
where the pinned MAC came from."""
from __future__ import annotations

from typing import Any

import pytest
from ansible.errors import AnsibleActionFail

from action_harness import AFTER, BEFORE, MAC, run

ONE = {"address": "192.0.2.1", "interface": "Ethernet"}


@pytest.mark.parametrize("written", ["learned", "LEARNED", "Learned"])
def test_learned_in_any_case_reaches_the_host_as_learned(action_class: Any, written: str) -> None:
    _result, recorder = run(action_class, dict(ONE, mac=written))
    assert recorder.sent == [dict(ONE, mac="learned")]
    _result, recorder = run(action_class, {"interface": "Ethernet", "neighbors": [
        {"address": "192.0.2.1", "mac": written}, {"address": "192.0.2.2", "mac": MAC}]})
    assert recorder.entries() == [
        {"address": "192.0.2.1", "mac": "learned", "interface": "Ethernet", "state": "present"},
        {"address": "192.0.2.2", "mac": MAC, "interface": "Ethernet", "state": "present"}]


def test_learned_with_state_absent_is_passed_on_and_ignored_by_the_host(action_class: Any) -> None:
    _result, recorder = run(action_class, dict(ONE, mac="Learned", state="absent"))
    assert recorder.sent == [dict(ONE, mac="learned", state="absent")]


@pytest.mark.parametrize("written,message", [
    ("learnt", "mac 'learnt' is not a MAC address: 'l' is not a hex digit"),
    (" learned", "mac ' learned' has leading or trailing white space"),
    ("learned ", "mac 'learned ' has leading or trailing white space"),
])
def test_near_misses_are_refused_naming_the_value(action_class: Any, written: str, message: str) -> None:
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, dict(ONE, mac=written))
    assert str(failure.value.message) == message


def test_the_diff_names_where_the_mac_came_from(action_class: Any) -> None:
    answer = {"changed": True, "before": BEFORE, "after": AFTER, "mac_source": "resolved", "pinned_mac": MAC}
    result, _recorder = run(action_class, dict(ONE, mac="learned"), diff=True, module_result=answer)
    assert result["diff"]["after"] == (f"address: 192.168.1.10\nmac: {MAC}\ninterface_alias: Ethernet\n"
                                       "interface_index: 4\nstate: Permanent\nmac_source: resolved\n")
    assert "mac_source" not in result["diff"]["before"]


def test_an_unchanged_pin_has_no_diff_line(action_class: Any) -> None:
    answer = {"changed": False, "before": AFTER, "after": AFTER, "mac_source": "pinned", "pinned_mac": MAC}
    result, _recorder = run(action_class, dict(ONE, mac="learned"), diff=True, module_result=answer)
    assert result["diff"]["before"] == result["diff"]["after"]


def test_the_bulk_diff_names_each_entrys_source(action_class: Any) -> None:
    entry = {"address": "192.0.2.1", "interface_alias": "Ethernet", "status": "added", "purged": False,
             "before": None, "after": dict(AFTER, stores=["active", "persistent"], persistent_mac=MAC),
             "mac_source": "learned", "pinned_mac": MAC}
    task = {"interface": "Ethernet", "neighbors": [{"address": "192.0.2.1", "mac": "learned"}]}
    result, _recorder = run(action_class, task, diff=True, module_result={"changed": True, "entries": [entry]})
    (diff,) = result["diff"]
    assert diff["before"] == "(no entry)\n"
    assert diff["after"] == (f"mac: {MAC}; state: Permanent; stores: active, persistent; persistent_mac: {MAC}\n"
                             "mac_source: learned\n")
