# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The win_neighbor action plugin with ansible-core's own objects (see
action_harness.py); the whole path through ansible-core's packaging is proven
by the lab playbooks."""
from __future__ import annotations

from typing import Any

import pytest
from ansible.errors import AnsibleActionFail
from ansible.plugins.callback import CallbackBase

from action_harness import AFTER, BEFORE, MAC, Recorder, run


def test_arguments_reach_the_module_normalised(action_class: Any) -> None:
    result, recorder = run(action_class, {"address": "2001:DB8:0::10", "mac": "0015.5d01.0203", "interface": 12})
    # Only what the task gave: the module applies its own defaults.
    assert recorder.sent == [{"address": "2001:db8::10", "mac": MAC, "interface": "12"}]
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
    ({"address": "10.0.0.1", "interface": "Ethernet"}, "mac is required when state is present"),
    ({"mac": MAC, "interface": "Ethernet"}, "one of the following is required: address, neighbors"),
    ({"address": "10.0.0.1", "mac": MAC}, "interface is required"),
    ({"address": "10.0.0.1", "neighbors": []}, "parameters are mutually exclusive: address, neighbors"),
    ({"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet", "purge": True},
     "purge needs neighbors, the entries to keep"),
    ({"neighbors": [{"address": "10.0.0.1", "interface": "Ethernet"}]},
     "neighbors[0]: state is present but all of the following are missing: mac"),
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
    assert recorder.sent == [{"address": "10.0.0.1", "interface": "Ethernet", "state": "absent"}]
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


# ---- many entries ----

def test_entries_are_normalised_with_the_task_interface_as_default(action_class: Any) -> None:
    args = {"interface": 7, "purge": True, "neighbors": [
        {"address": "10.0.0.1", "mac": "0015.5d01.0203"},
        {"address": "2001:DB8::1", "mac": "00:15:5d:01:02:03", "interface": "Ethernet"},
        {"address": "10.0.0.2", "state": "absent"},
    ]}
    result, recorder = run(action_class, args, module_result={"changed": False, "entries": []})
    assert recorder.sent[0]["interface"] == "7"
    assert recorder.entries() == [
        {"address": "10.0.0.1", "mac": MAC, "interface": "7", "state": "present"},
        {"address": "2001:db8::1", "mac": MAC, "interface": "Ethernet", "state": "present"},
        {"address": "10.0.0.2", "interface": "7", "state": "absent"},
    ]
    assert recorder.sent[0]["purge"] is True and result["changed"] is False


@pytest.mark.parametrize("neighbors,message", [
    ([{"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet"},
      {"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet"}],
     "neighbors[1].address '10.0.0.1' is listed twice for interface 'Ethernet': neighbors[0] names it too"),
    ([{"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet"},
      {"address": "10.0.0.300", "mac": MAC, "interface": "Ethernet"}],
     "neighbors[1].address '10.0.0.300' has a part above 255"),
    ([{"address": "10.0.0.1", "mac": MAC}], "neighbors[0].interface is required when the task sets no interface"),
    ([{"address": "10.0.0.1", "mac": "00-15-5D-01-02", "interface": "-3"}],
     "neighbors[0].interface '-3' is not a valid interface index: an index is a positive number"),
])
def test_one_bad_entry_fails_the_task_before_the_host(action_class: Any, neighbors: list[dict[str, Any]],
                                                      message: str) -> None:
    recorder = Recorder({})
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, {"neighbors": neighbors}, recorder=recorder)
    assert str(failure.value.message) == message
    assert recorder.sent == []


def _entry(address: str, status: str, before: Any, after: Any = None, **more: Any) -> dict[str, Any]:
    return {"address": address, "interface_alias": "Ethernet", "status": status, "purged": False, "before": before,
            "after": after, **more}


def test_bulk_diff_is_one_diff_per_touched_entry(action_class: Any) -> None:
    entries = [_entry("10.0.0.1", "added", None, AFTER), _entry("10.0.0.2", "unchanged", AFTER, AFTER),
               _entry("10.0.0.3", "removed", BEFORE, None, purged=True)]
    args = {"neighbors": [{"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet"}]}
    result = run(action_class, args, diff=True, module_result={"changed": True, "entries": entries})[0]
    assert result["diff"] == [
        {"before_header": "10.0.0.1 on Ethernet (before)", "after_header": "10.0.0.1 on Ethernet (after)",
         "before": "(no entry)\n", "after": "mac: 00-15-5D-01-02-03; state: Permanent\n"},
        {"before_header": "10.0.0.3 on Ethernet (before)", "after_header": "10.0.0.3 on Ethernet (after)",
         "before": "mac: 00-15-5D-0A-0B-0C; state: Stale\n", "after": "(no entry)\n"},
    ]


def test_bulk_diff_never_lines_a_removal_up_with_an_addition(action_class: Any) -> None:
    """As ansible-core's callbacks print it: the removed entry and the added one
    with the same MAC each under their own address, never one as an edit of the other."""
    held = {"mac": MAC, "state": "Permanent", "stores": ["active", "persistent"], "persistent_mac": MAC}
    entries = [_entry("192.0.2.100", "removed", held), _entry("192.0.2.200", "added", None, held)]
    args = {"neighbors": [{"address": "192.0.2.200", "mac": MAC, "interface": "Ethernet"}]}
    diff = run(action_class, args, diff=True, module_result={"changed": True, "entries": entries})[0]["diff"]
    shown = CallbackBase()._get_diff(diff)  # pylint: disable=protected-access
    held_line = ("mac: 00-15-5D-01-02-03; state: Permanent; stores: active, persistent; "
                 "persistent_mac: 00-15-5D-01-02-03")
    assert shown.splitlines() == [
        "--- before: 192.0.2.100 on Ethernet (before)", "+++ after: 192.0.2.100 on Ethernet (after)",
        "@@ -1 +1 @@", "-" + held_line, "+(no entry)", "",
        "--- before: 192.0.2.200 on Ethernet (before)", "+++ after: 192.0.2.200 on Ethernet (after)",
        "@@ -1 +1 @@", "-(no entry)", "+" + held_line, "",
    ]


def test_bulk_diff_of_a_failed_run_shows_what_it_changed(action_class: Any) -> None:
    """An entry changed before a later call failed is held differently now; one
    whose read-back failed (no after) cannot be shown, and one not attempted is not."""
    entries = [
        _entry("10.0.0.1", "updated", BEFORE, AFTER),
        _entry("10.0.0.2", "failed after a change", BEFORE, None),
        {k: v for k, v in _entry("10.0.0.3", "failed after a change", BEFORE).items() if k != "after"},
        _entry("10.0.0.4", "not attempted", BEFORE, BEFORE),
    ]
    failed = {"changed": True, "failed": True, "msg": "neighbors[1]: ...", "entries": entries}
    args = {"neighbors": [{"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet"}]}
    result = run(action_class, args, diff=True, module_result=failed)[0]
    assert [(d["before_header"], d["after"]) for d in result["diff"]] == [
        ("10.0.0.1 on Ethernet (before)", "mac: 00-15-5D-01-02-03; state: Permanent\n"),
        ("10.0.0.2 on Ethernet (before)", "(no entry)\n"),
    ]


def test_bulk_diff_of_nothing_touched_is_empty(action_class: Any) -> None:
    args = {"neighbors": [{"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet"}]}
    result = run(action_class, args, diff=True, module_result={"changed": False, "entries": []})[0]
    assert result["diff"] == []


def test_diff_of_an_unresolved_entry_says_none(action_class: Any) -> None:
    unresolved = dict(BEFORE, mac=None, state="Incomplete")
    args = {"address": "192.168.1.10", "mac": MAC, "interface": "Ethernet"}
    result = run(action_class, args, diff=True,
                 module_result={"changed": True, "before": unresolved, "after": AFTER})[0]
    assert "mac: (none)\n" in result["diff"]["before"] and "None" not in result["diff"]["before"]


def test_single_diff_of_a_failure_after_a_change(action_class: Any) -> None:
    args = {"address": "192.168.1.10", "mac": MAC, "interface": "Ethernet"}
    failed = {"changed": True, "failed": True, "msg": "...: the learned entry was removed", "before": BEFORE,
              "after": None}
    result = run(action_class, args, diff=True, module_result=failed)[0]
    assert result["diff"]["before"].startswith("address: 192.168.1.10\n") and result["diff"]["after"] == ""


def test_diff_shows_which_stores_hold_the_entry(action_class: Any) -> None:
    """A change only of stores (made persistent) still shows in the diff."""
    active = dict(AFTER, stores=["active"], persistent_mac=None)
    both = dict(AFTER, stores=["active", "persistent"], persistent_mac=AFTER["mac"])
    args = {"address": "192.168.1.10", "mac": MAC, "interface": "Ethernet"}
    diff = run(action_class, args, diff=True,
               module_result={"changed": True, "before": active, "after": both})[0]["diff"]
    assert diff["before"].endswith("state: Permanent\nstores: active\npersistent_mac: (none)\n")
    assert diff["after"].endswith(f"state: Permanent\nstores: active, persistent\npersistent_mac: {AFTER['mac']}\n")


def test_store_is_checked_against_its_choices_before_the_host(action_class: Any) -> None:
    args = {"address": "192.168.1.10", "mac": MAC, "interface": "Ethernet", "store": "both"}
    with pytest.raises(AnsibleActionFail, match="store must be one of: active, persistent"):
        run(action_class, args)


@pytest.mark.parametrize("args,message", [
    ({"adress": "10.0.0.1", "mac": MAC, "interface": "Ethernet"},
     "unsupported option adress (did you mean address?); win_neighbor takes: address, interface, mac, mac_mismatch, "
     "neighbors, purge, purge_family, report, state, store"),
    ({"interface": "Ethernet", "neighbors": [{"address": "10.0.0.1", "mac": MAC},
                                             {"address": "10.0.0.2", "mack": MAC}]},
     "neighbors[1]: unsupported option mack (did you mean mac?); an entry takes: address, interface, mac, state, "
     "store"),
    ({"address": "10.0.0.1", "mac": MAC, "interface": "Ethernet", "zzz": 1},
     "unsupported option zzz; win_neighbor takes: address, interface, mac, mac_mismatch, neighbors, purge, "
     "purge_family, report, state, store"),
])
def test_an_unknown_option_is_named_first_with_the_closest_one(
        action_class: Any, args: dict[str, Any], message: str) -> None:
    """Before any other rule (here, a missing address would be reported otherwise), and
    without the action plugin's Python name."""
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, args)
    assert str(failure.value.message) == message


def test_choices_are_taken_in_any_letter_case(action_class: Any) -> None:
    """As Ansible.Basic takes them on the host, and win_neighbor_info on both sides."""
    args = {"interface": "Ethernet", "store": "Active", "purge": True, "purge_family": "IPv4",
            "mac_mismatch": "Fail", "neighbors": [{"address": "10.0.0.1", "mac": MAC, "state": "PRESENT",
                                                   "store": "Persistent"},
                                                  {"address": "10.0.0.2", "state": "Absent"}]}
    recorder = run(action_class, args)[1]
    sent = recorder.sent[0]
    assert (sent["store"], sent["purge_family"], sent["mac_mismatch"]) == ("active", "ipv4", "fail")
    assert [(e["state"], e.get("store")) for e in recorder.entries()] == [("present", "persistent"), ("absent", None)]
    single = run(action_class, {"address": "10.0.0.1", "interface": "Ethernet", "state": "Absent"})[1].sent[0]
    assert single["state"] == "absent"


@pytest.mark.parametrize("entry,message", [
    ({"address": "10.0.0.2"}, "neighbors[1]: state is present but all of the following are missing: mac"),
    ({"address": "10.0.0.2", "mac": MAC, "state": "pinned"},
     "neighbors[1]: value of state must be one of: absent, present, got: pinned"),
    ({"mac": MAC}, "neighbors[1]: missing required arguments: address"),
    ({"address": "10.0.0.2", "mac": MAC, "store": ["active"]},
     "neighbors[1]: value of store must be one of: active, persistent, got: ['active']"),
    ("just text", "neighbors[1] is not a dict of options: dictionary requested, could not parse JSON or key=value"),
])
def test_every_entry_message_names_the_entry(action_class: Any, entry: Any, message: str) -> None:
    args = {"interface": "Ethernet", "neighbors": [{"address": "10.0.0.1", "mac": MAC}, entry]}
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, args)
    assert str(failure.value.message) == message
