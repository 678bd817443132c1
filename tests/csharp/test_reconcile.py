# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The C# helper's reconcile of one entry in the active store (store: active),
against the IP Helper double; test_persistent.py covers the persistent store."""
from __future__ import annotations

from typing import Any

import pytest

from csharp import Calls, Run, entry
from native_double import MUTATING, Double, Neighbor

MAC = "00-15-5D-01-02-03"
OTHER = "00-15-5D-0A-0B-0C"
# One entry on Ethernet, pinned in the active store; test_persistent.py covers both stores.
ACTIVE = {"interface": "Ethernet", "state": "present", "store": "active"}
ENTRY_CALLS = ("GetIpNetEntry2",) + MUTATING


def test_creates_a_missing_entry_and_reports_what_windows_holds(host: Double, run: Run, calls: Calls) -> None:
    result, error = run(ACTIVE, address="192.168.1.10", mac="00:15:5d:01:02:03")
    assert error is None
    assert result == {"changed": True, "before": None, "after": entry("192.168.1.10", MAC)}
    assert host.neighbors() == [Neighbor("192.168.1.10", 4, MAC, "Permanent")]
    assert calls(*ENTRY_CALLS) == {"GetIpNetEntry2": 2, "CreateIpNetEntry2": 1}


def test_entry_already_pinned_is_left_alone(host: Double, run: Run) -> None:
    host.add_neighbor("192.168.1.10", 4, MAC, "Permanent")
    result, error = run(ACTIVE, address="192.168.1.10", mac="0015.5d01.0203")
    assert error is None
    assert result == {"changed": False, "before": entry("192.168.1.10", MAC),
                      "after": entry("192.168.1.10", MAC)}
    assert host.mutations() == 0


def test_static_entry_with_another_mac_is_changed_in_place(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("192.168.1.10", 4, OTHER, "Permanent")
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is None
    assert result["changed"] is True
    assert result["before"] == entry("192.168.1.10", OTHER)
    assert result["after"] == entry("192.168.1.10", MAC)
    assert calls(*ENTRY_CALLS) == {"GetIpNetEntry2": 2, "SetIpNetEntry2": 1}


@pytest.mark.parametrize("state", ["Reachable", "Stale", "Delay", "Probe", "Incomplete", "Unreachable"])
def test_dynamic_entry_made_static_by_set(host: Double, run: Run, calls: Calls, state: str) -> None:
    host.add_neighbor("192.168.1.10", 4, OTHER if state != "Incomplete" else "", state)
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is None
    assert result["before"]["state"] == state
    assert result["after"] == entry("192.168.1.10", MAC)
    assert calls(*ENTRY_CALLS) == {"GetIpNetEntry2": 2, "SetIpNetEntry2": 1}


def test_dynamic_entry_that_set_leaves_dynamic_is_deleted_and_created(host: Double, run: Run, calls: Calls) -> None:
    host.option("set_promotes_dynamic", 0)
    host.add_neighbor("192.168.1.10", 4, OTHER, "Stale")
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is None
    assert result["after"] == entry("192.168.1.10", MAC)
    assert host.neighbors() == [Neighbor("192.168.1.10", 4, MAC, "Permanent")]
    assert calls(*ENTRY_CALLS) == {"GetIpNetEntry2": 3, "SetIpNetEntry2": 1, "DeleteIpNetEntry2": 1,
                                   "CreateIpNetEntry2": 1}


def test_entry_learned_between_read_and_create_is_made_static(host: Double, run: Run, calls: Calls) -> None:
    host.option("race_learn", 1)
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is None
    assert result["before"] is None
    assert result["after"] == entry("192.168.1.10", MAC)
    assert calls(*ENTRY_CALLS) == {"GetIpNetEntry2": 2, "CreateIpNetEntry2": 1, "SetIpNetEntry2": 1}


def test_absent_removes_a_static_entry(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("192.168.1.10", 4, MAC, "Permanent")
    host.add_neighbor("192.168.1.11", 4, MAC, "Permanent")
    result, error = run(ACTIVE, address="192.168.1.10", state="absent")
    assert error is None
    assert result == {"changed": True, "before": entry("192.168.1.10", MAC), "after": None}
    assert host.neighbors() == [Neighbor("192.168.1.11", 4, MAC, "Permanent")]
    assert calls(*ENTRY_CALLS) == {"GetIpNetEntry2": 2, "DeleteIpNetEntry2": 1}


def test_absent_leaves_dynamic_entries_to_windows(host: Double, run: Run) -> None:
    host.add_neighbor("192.168.1.10", 4, MAC, "Reachable")
    result, error = run(ACTIVE, address="192.168.1.10", state="absent")
    assert error is None
    assert result["changed"] is False
    assert result["after"] == entry("192.168.1.10", MAC, "Reachable")
    assert host.mutations() == 0


def test_absent_when_nothing_is_there(host: Double, run: Run) -> None:
    result, error = run(ACTIVE, address="192.168.1.10", state="absent")
    assert (result, error) == ({"changed": False, "before": None, "after": None}, None)
    assert host.mutations() == 0


def test_same_address_on_another_interface_is_a_different_entry(host: Double, run: Run) -> None:
    host.add_neighbor("192.168.1.10", 7, MAC, "Permanent")
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC, interface="Ethernet")
    assert error is None and result["changed"] is True and result["before"] is None
    assert len(host.neighbors()) == 2


@pytest.mark.parametrize("address,shown", [
    ("fe80::1", "fe80::1"),
    ("2001:DB8::0:10", "2001:db8::10"),
])
def test_ipv6_entries(host: Double, run: Run, address: str, shown: str) -> None:
    result, error = run(ACTIVE, address=address, mac=MAC)
    assert error is None
    assert result["after"] == entry(shown, MAC)
    result, error = run(ACTIVE, address=address, mac=OTHER)
    assert result["before"] == entry(shown, MAC) and result["after"] == entry(shown, OTHER)
    result, error = run(ACTIVE, address=address, state="absent")
    assert result["changed"] is True and result["after"] is None and host.neighbors() == []


@pytest.mark.parametrize("interface", ["Ethernet 2", "7"])
def test_interface_by_alias_or_index(host: Double, run: Run, interface: str) -> None:
    result, error = run(ACTIVE, address="10.0.0.1", mac=MAC, interface=interface)
    assert error is None
    assert result["after"] == entry("10.0.0.1", MAC, alias="Ethernet 2", index=7)
    assert host.neighbors() == [Neighbor("10.0.0.1", 7, MAC, "Permanent")]


@pytest.mark.parametrize("interface,function,code", [
    ("Ethernet 9", "ConvertInterfaceAliasToLuid", 87),
    ("42", "ConvertInterfaceIndexToLuid", 2),
])
def test_unknown_interface_is_named(host: Double, run: Run, interface: str, function: str, code: int) -> None:
    result, error = run(ACTIVE, address="10.0.0.1", mac=MAC, interface=interface)
    assert error is not None
    assert error.startswith(f"interface '{interface}': no such interface on this host")
    assert f"{function} returned {code}" in error
    assert result == {"changed": False, "win32_function": function, "win32_code": code}
    assert host.mutations() == 0


# ---- check mode: the same decisions, zero mutating calls ----

@pytest.mark.parametrize("existing,params,after", [
    (None, {"mac": MAC}, entry("192.168.1.10", MAC)),
    (("Permanent", OTHER), {"mac": MAC}, entry("192.168.1.10", MAC)),
    (("Stale", OTHER), {"mac": MAC}, entry("192.168.1.10", MAC)),
    (("Permanent", MAC), {"state": "absent"}, None),
])
def test_check_mode_reports_the_change_without_making_it(
        host: Double, run: Run, existing: tuple[str, str] | None, params: dict[str, str],
        after: dict[str, Any] | None) -> None:
    if existing:
        host.add_neighbor("192.168.1.10", 4, existing[1], existing[0])
    table = host.neighbors()
    result, error = run(ACTIVE, check_mode=True, address="192.168.1.10", **params)
    assert error is None
    assert result["changed"] is True
    assert result["after"] == after
    assert host.mutations() == 0
    assert host.neighbors() == table


def test_check_mode_unchanged_entry(host: Double, run: Run) -> None:
    host.add_neighbor("192.168.1.10", 4, MAC, "Permanent")
    result, error = run(ACTIVE, check_mode=True, address="192.168.1.10", mac=MAC)
    assert error is None
    assert result["changed"] is False and result["after"] == result["before"]


# ---- Win32 errors: each named, with the address and interface ----

def test_access_denied_says_to_run_elevated(host: Double, run: Run) -> None:
    host.fault("CreateIpNetEntry2", 5)
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error == (
        "Creating the static entry for the neighbor 192.168.1.10 on interface 'Ethernet' (index 4) failed: "
        "access is denied: changing the neighbor table needs administrator rights; run the task elevated "
        "(an administrator account, or become) (CreateIpNetEntry2 returned 5, ERROR_ACCESS_DENIED)")
    assert result["changed"] is False and "after" not in result
    assert host.neighbors() == []


def test_changed_is_true_once_windows_accepted_a_change(host: Double, run: Run) -> None:
    host.option("set_promotes_dynamic", 0)
    host.add_neighbor("192.168.1.10", 4, OTHER, "Stale")
    host.fault("DeleteIpNetEntry2", 5)
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is not None and "DeleteIpNetEntry2 returned 5" in error
    assert result["changed"] is True  # SetIpNetEntry2 changed the MAC before the delete failed
    assert host.neighbors() == [Neighbor("192.168.1.10", 4, MAC, "Stale")]


def test_access_denied_on_a_dynamic_entry_stops_before_deleting(host: Double, run: Run) -> None:
    host.add_neighbor("192.168.1.10", 4, OTHER, "Reachable")
    host.fault("SetIpNetEntry2", 5)
    dummy, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is not None and "administrator" in error and "SetIpNetEntry2 returned 5" in error
    assert host.calls("DeleteIpNetEntry2") == 0
    assert host.neighbors() == [Neighbor("192.168.1.10", 4, OTHER, "Reachable")]


def test_missing_ip_stack_is_named(host: Double, run: Run) -> None:
    host.option("ipv6", 0)
    dummy, error = run(ACTIVE, address="2001:db8::1", mac=MAC)
    assert error is not None
    assert "the IPv6 stack is not installed or is disabled on this host" in error
    assert "GetIpNetEntry2 returned 50, ERROR_NOT_SUPPORTED" in error


def test_invalid_parameter_is_explained(host: Double, run: Run) -> None:
    host.fault("CreateIpNetEntry2", 87)
    dummy, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is not None
    assert "Windows rejected the entry as invalid" in error
    assert "192.168.1.10" in error and "interface 'Ethernet' (index 4)" in error
    assert "CreateIpNetEntry2 returned 87, ERROR_INVALID_PARAMETER" in error


def test_entry_gone_before_set_is_not_found(host: Double, run: Run) -> None:
    host.add_neighbor("192.168.1.10", 4, OTHER, "Permanent")
    host.fault("SetIpNetEntry2", 1168)
    dummy, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is not None
    assert error.startswith("Changing the MAC of the neighbor 192.168.1.10 on interface 'Ethernet'")
    assert "SetIpNetEntry2 returned 1168, ERROR_NOT_FOUND" in error


def test_already_exists_is_explained(host: Double, run: Run) -> None:
    host.fault("CreateIpNetEntry2", 5010)
    dummy, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is not None
    assert "an entry for this address already exists on this interface" in error
    assert "CreateIpNetEntry2 returned 5010, ERROR_OBJECT_ALREADY_EXISTS" in error


def test_other_codes_carry_the_system_message(host: Double, run: Run) -> None:
    host.fault("DeleteIpNetEntry2", 1231)
    host.add_neighbor("192.168.1.10", 4, MAC, "Permanent")
    dummy, error = run(ACTIVE, address="192.168.1.10", state="absent")
    assert error is not None
    assert error.startswith("Removing the neighbor 192.168.1.10 on interface 'Ethernet' (index 4) failed: ")
    assert "DeleteIpNetEntry2 returned 1231, Win32 error 1231)" in error


def test_read_failure_is_reported(host: Double, run: Run) -> None:
    host.fault("GetIpNetEntry2", 5)
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error is not None and error.startswith("Reading the neighbor 192.168.1.10")
    assert result == {"changed": False, "win32_function": "GetIpNetEntry2", "win32_code": 5}
    assert host.mutations() == 0


def test_windows_not_keeping_the_entry_fails_with_what_it_holds(host: Double, run: Run) -> None:
    host.option("created_state", 4)  # Stale
    result, error = run(ACTIVE, address="192.168.1.10", mac=MAC)
    assert error == ("Windows did not keep the static neighbor 192.168.1.10 -> 00-15-5D-01-02-03 on "
                     "interface 'Ethernet' (index 4): it now reports 00-15-5D-01-02-03 in state Stale")
    assert result["changed"] is True
    assert result["after"] == entry("192.168.1.10", MAC, "Stale")


@pytest.mark.parametrize("params,message", [
    ({"address": "127.0.0.1", "mac": MAC}, "address '127.0.0.1' is a loopback address"),
    ({"address": "10.0.0.1", "mac": "zz-15-5D-01-02-03"},
     "mac 'zz-15-5D-01-02-03' is not a MAC address: 'z' is not a hex digit"),
    ({"address": "10.0.0.1"}, "mac is required when state is present"),
    ({"address": "10.0.0.1", "mac": MAC, "interface": "0"},
     "interface '0' is not a valid interface index"),
    # Ansible.Basic's own check, before the helper runs.
    ({"address": "10.0.0.1", "mac": MAC, "state": "pinned"},
     "value of state must be one of: absent, present. Got no match for: pinned"),
])
def test_bad_input_is_refused_on_the_target_before_any_call(
        host: Double, run: Run, params: dict[str, str], message: str) -> None:
    result, error = run(ACTIVE, **params)
    assert error is not None and error.startswith(message)
    assert result == {"changed": False}
    assert host.calls("GetIpNetEntry2") == 0 and host.mutations() == 0
