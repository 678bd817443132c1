# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Native failures part way through a bulk run: every mutating call (and the
read-back) failed with each Win32 code. The task fails; the result says what was
applied before the failure and what was not attempted; changed is true exactly
when Windows accepted a change; the table holds exactly what was applied. These
runs pin with store active, whose every change is an IP Helper call; a new pin of
store persistent is one CIM Create (tests/csharp/test_persistent.py)."""
from __future__ import annotations

from typing import Any

import pytest

from csharp import Run
from native_double import Double, Neighbor

OLD, NEW = "00-15-5D-00-00-01", "00-15-5D-00-00-02"
CODES = {5: "run the task elevated", 50: "stack is not installed or is disabled", 87: "rejected the entry as invalid",
         1168: "no such entry", 5010: "already exists", 1231: "Win32 error 1231"}

# A run whose entries need, in order: Set (update), Create (add), Delete (remove),
# then Set + Delete + Create (a dynamic entry that Set leaves dynamic).
ENTRIES = [
    {"address": "10.0.0.1", "mac": NEW},
    {"address": "10.0.0.2", "mac": NEW},
    {"address": "10.0.0.3", "state": "absent"},
    {"address": "10.0.0.4", "mac": NEW},
]
# The four entries in one task, on Ethernet.
BULK = {"interface": "Ethernet", "store": "active", "neighbors": ENTRIES}
ACTIVE = {"interface": "Ethernet", "store": "active"}
STARTING = [Neighbor("10.0.0.1", 4, OLD, "Permanent"), Neighbor("10.0.0.3", 4, OLD, "Permanent"),
            Neighbor("10.0.0.4", 4, OLD, "Stale")]
APPLIED = [  # the table after each entry is applied
    Neighbor("10.0.0.1", 4, NEW, "Permanent"),
    Neighbor("10.0.0.2", 4, NEW, "Permanent"),
    None,  # 10.0.0.3 removed
    Neighbor("10.0.0.4", 4, NEW, "Permanent"),
]
# The first entry each call fails on, and whether a change was accepted for that entry first.
FIRST_FAILING = {
    "SetIpNetEntry2": (0, False),
    "CreateIpNetEntry2": (1, False),
    "DeleteIpNetEntry2": (2, False),
    "GetIpNetEntry2": (0, True),  # the read-back after the first change
}


def prepare(host: Double) -> None:
    host.option("set_promotes_dynamic", 0)
    for n in STARTING:
        host.add_neighbor(n.address, n.interface_index, n.mac, n.state)


def expected_table(applied: int, failing_entry_changed: bool, function: str) -> list[Neighbor]:
    table = {n.address: n for n in STARTING}
    for i in range(applied):
        address = ENTRIES[i]["address"]
        now = APPLIED[i]
        if now is None:
            table.pop(address)
        else:
            table[address] = now
    changed = APPLIED[applied]
    if failing_entry_changed and function == "GetIpNetEntry2" and changed is not None:
        table[ENTRIES[applied]["address"]] = changed  # the change went in; its read-back failed
    return sorted(table.values(), key=lambda n: n.address)


@pytest.mark.parametrize("code", sorted(CODES))
@pytest.mark.parametrize("function", sorted(FIRST_FAILING))
def test_failure_matrix(host: Double, run: Run, function: str, code: int) -> None:
    prepare(host)
    host.fault(function, code)
    result, error = run(BULK)
    failing, accepted = FIRST_FAILING[function]
    assert error is not None
    assert error.startswith(f"neighbors[{failing}]: ")
    if (function, code) == ("DeleteIpNetEntry2", 1168):
        # "Not found" on a delete counts as gone; the read-back shows it is not.
        assert "Windows still reports the static neighbor 10.0.0.3" in error
        assert "win32_code" not in result  # no call failed: Windows did not keep what it accepted
    elif (function, code) == ("GetIpNetEntry2", 1168):
        # A read-back that finds nothing is reported as what Windows holds.
        assert "Windows did not keep the static neighbor 10.0.0.1" in error and "it now reports no entry" in error
        assert "win32_code" not in result
    else:
        assert f"{function} returned {code}" in error
        assert (result["win32_function"], result["win32_code"]) == (function, code)
        # Create makes the entry, so its "not found" is about the interface's family.
        expected = "the interface has no IPv4 here" if (function, code) == ("CreateIpNetEntry2", 1168) else CODES[code]
        assert expected in error
    assert error.endswith(f"({failing} of 4 changes applied before it; the entries after it were not attempted)")
    statuses = [e["status"] for e in result["entries"]]
    done = ["updated", "added", "removed", "updated"][:failing]
    assert statuses == done + ["failed after a change" if accepted else "failed"] + ["not attempted"] * (3 - failing)
    assert result["changed"] is (failing > 0 or accepted)
    assert host.neighbors() == expected_table(failing, accepted, function)


@pytest.mark.parametrize("function", ["SetIpNetEntry2", "DeleteIpNetEntry2", "CreateIpNetEntry2"])
def test_fallback_path_failures(host: Double, run: Run, function: str) -> None:
    """The dynamic entry's Set + Delete + Create: each of the fallback's calls failing
    once the first three entries are through."""
    prepare(host)
    host.fault(function, 5)
    result, error = run(ACTIVE, neighbors=[dict(ENTRIES[3])])
    assert error is not None and f"{function} returned 5" in error
    # Set is the first call: nothing applied. Delete fails after Set changed the MAC.
    # Create fails after Set and Delete: the entry is gone, which the result must say.
    accepted = function != "SetIpNetEntry2"
    assert result["changed"] is accepted
    assert result["entries"][0]["status"] == ("failed after a change" if accepted else "failed")
    table = {n.address: n for n in host.neighbors()}
    if function == "CreateIpNetEntry2":
        assert "10.0.0.4" not in table
        # The delete went through: the result reads it back and says so.
        assert error.endswith("; Windows now reports no entry: the learned entry was removed; the persistent store "
                              "holds no entry (0 of 1 changes applied before it; the entries after it were not "
                              "attempted)")
        assert result["entries"][0]["after"] is None
    elif function == "DeleteIpNetEntry2":
        assert table["10.0.0.4"] == Neighbor("10.0.0.4", 4, NEW, "Stale")
    else:
        assert table["10.0.0.4"] == Neighbor("10.0.0.4", 4, OLD, "Stale")


@pytest.mark.parametrize("function", sorted(FIRST_FAILING))
def test_check_mode_makes_no_call_a_fault_could_hit(host: Double, run: Run, function: str) -> None:
    prepare(host)
    host.fault(function, 5)
    result, error = run(BULK, check_mode=True)
    assert error is None and result["changed"] is True
    assert host.mutations() == 0 and host.calls("GetIpNetEntry2") == 0


def test_single_entry_fallback_that_loses_the_learned_entry_says_so(host: Double, run: Run) -> None:
    prepare(host)
    host.fault("CreateIpNetEntry2", 5)
    result, error = run(ACTIVE, address="10.0.0.4", mac=NEW)
    assert error is not None and "CreateIpNetEntry2 returned 5" in error
    assert error.endswith("; Windows now reports no entry: the learned entry was removed; the persistent store "
                          "holds no entry")
    assert result["changed"] is True and result["before"]["state"] == "Stale" and result["after"] is None
    assert "10.0.0.4" not in {n.address for n in host.neighbors()}


def test_a_delete_that_fails_after_set_reports_what_set_left(host: Double, run: Run) -> None:
    prepare(host)
    host.fault("DeleteIpNetEntry2", 5)
    result, error = run(ACTIVE, address="10.0.0.4", mac=NEW)
    assert error is not None and error.endswith(f"; Windows now reports {NEW} in state Stale; the persistent store "
                                                "holds no entry")
    assert result["after"] == {"address": "10.0.0.4", "mac": NEW, "interface_alias": "Ethernet",
                               "interface_index": 4, "state": "Stale", "is_router": False, "stores": ["active"],
                               "persistent_mac": None}


def test_compliant_entries_after_a_failure_are_unchanged(host: Double, run: Run) -> None:
    host.add_neighbor("10.0.0.9", 4, NEW, "Permanent")
    host.fault("CreateIpNetEntry2", 5)
    result, error = run({"interface": "Ethernet", "store": "active", "neighbors": [
        {"address": "10.0.0.2", "mac": NEW}, {"address": "10.0.0.9", "mac": NEW}, {"address": "10.0.0.3", "mac": NEW}]})
    assert error is not None
    assert [e["address"] for e in result["entries"]] == ["10.0.0.2", "10.0.0.3"]
    assert (result["counts"]["failed"], result["counts"]["unchanged"], result["counts"]["not attempted"]) == (1, 1, 1)


def test_create_on_an_interface_without_the_family_names_the_cause(host: Double, run: Run) -> None:
    """Legacy (index 9) has no IPv6: CreateIpNetEntry2 answers 1168 there."""
    result, error = run({"interface": "Legacy", "store": "active", "address": "2001:db8::9", "mac": NEW})
    assert error == ("Creating the static entry for the neighbor 2001:db8::9 on interface 'Legacy' (index 9) failed: "
                     "the interface has no IPv6 here (the protocol is unbound or the adapter disabled) or is gone "
                     "(CreateIpNetEntry2 returned 1168, ERROR_NOT_FOUND)")
    # nothing applied: no read-back; the failed call for a playbook to branch on
    assert result == {"changed": False, "before": None, "win32_function": "CreateIpNetEntry2", "win32_code": 1168}


@pytest.mark.parametrize("args", [
    {"interface": "Ethernet", "address": "2001:db8::5", "state": "absent"},
    {"interface": "Ethernet", "store": "active", "neighbors": [{"address": "2001:db8::5", "state": "absent"},
                                                               {"address": "10.0.0.1", "mac": OLD}]},
])
def test_absent_without_the_family_stack_is_already_absent(host: Double, run: Run, args: dict[str, Any]) -> None:
    host.option("ipv6", 0)
    host.add_neighbor("10.0.0.1", 4, OLD, "Permanent")
    result, error = run(args)
    assert error is None and result["changed"] is False and host.mutations() == 0


def test_present_without_the_family_stack_still_fails(host: Double, run: Run) -> None:
    host.option("ipv6", 0)
    result, error = run({"interface": "Ethernet", "address": "2001:db8::5", "mac": NEW})
    assert error is not None and "the IPv6 stack is not installed or is disabled" in error
