# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Both stores: the active one through the IP Helper double, the persistent one
through MSFT_NetNeighbor's provider model (tests/cim/CimSessionModel.cs, handed
the real MI .NET objects, on the double's tables). store persistent (the
default) pins in both, a new pin by one Create without PolicyStore; store active
in the active store only; state absent removes from both."""
from __future__ import annotations

from typing import Any

import pytest

from csharp import Calls, Run, entry
from native_double import CIM, MUTATING, Double, Neighbor

MAC = "00-15-5D-01-02-03"
OTHER = "00-15-5D-0A-0B-0C"
PINNED = Neighbor("10.0.0.1", 4, MAC, "Permanent")
# One entry, 10.0.0.1 on Ethernet; many entries on Ethernet.
ONE = {"interface": "Ethernet", "address": "10.0.0.1"}
ETHERNET = {"interface": "Ethernet"}
STORE_CALLS = MUTATING + CIM


BOTH = entry("10.0.0.1", MAC, "Permanent", stores=["active", "persistent"], persistent=MAC)


def test_default_pins_in_both_stores_and_a_second_run_changes_nothing(host: Double, run: Run, calls: Calls) -> None:
    result, error = run(ONE, mac=MAC)
    assert error is None
    assert result == {"changed": True, "before": None, "after": BOTH}
    assert host.neighbors() == [PINNED] and host.persistent() == [PINNED]
    # One read of the persistent store before, one after the change; one Create writes both stores.
    assert calls(*STORE_CALLS) == {"EnumerateInstances": 2, "Create": 1}
    host.reset_counters()
    result, error = run(ONE, mac=MAC)
    assert error is None and result == {"changed": False, "before": BOTH, "after": BOTH}
    assert host.mutations() == 0


def test_an_entry_pinned_in_the_active_store_only_is_made_persistent(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("10.0.0.1", 4, MAC, "Permanent")
    result, error = run(ONE, mac=MAC)
    assert error is None and result["changed"] is True
    assert result["before"] == entry("10.0.0.1", MAC) and result["after"] == BOTH
    # The active entry goes first: what Create does over it is not documented.
    assert calls(*STORE_CALLS) == {"DeleteIpNetEntry2": 1, "EnumerateInstances": 2, "Create": 1}


def test_an_entry_only_the_persistent_store_holds_is_pinned_now(host: Double, run: Run, calls: Calls) -> None:
    """A persistent entry not active now (its interface was down at boot, say)."""
    host.add_persistent("10.0.0.1", 4, MAC)
    result, error = run(ONE, mac=MAC)
    assert error is None and result["changed"] is True
    assert result["before"] == entry("10.0.0.1", MAC, None, stores=["persistent"], persistent=MAC)
    assert result["after"] == BOTH
    assert calls(*STORE_CALLS) == {"CreateIpNetEntry2": 1, "EnumerateInstances": 2}


def test_another_mac_in_the_persistent_store_is_changed_in_place(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("10.0.0.1", 4, MAC, "Permanent")
    host.add_persistent("10.0.0.1", 4, OTHER)
    result, error = run(ONE, mac=MAC)
    assert error is None and result["after"] == BOTH
    assert result["before"] == entry("10.0.0.1", MAC, "Permanent", stores=["active", "persistent"], persistent=OTHER)
    assert calls(*STORE_CALLS) == {"EnumerateInstances": 2, "ModifyInstance": 1}
    assert host.persistent() == [PINNED]


def test_store_active_pins_until_the_next_reboot_only(host: Double, run: Run) -> None:
    result, error = run(ONE, mac=MAC, store="active")
    assert error is None and result["after"] == entry("10.0.0.1", MAC)
    assert host.neighbors() == [PINNED] and host.persistent() == []


def test_store_active_removes_the_entry_a_reboot_would_bring_back(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("10.0.0.1", 4, MAC, "Permanent")
    host.add_persistent("10.0.0.1", 4, MAC)
    result, error = run(ONE, mac=MAC, store="active")
    assert error is None and result["changed"] is True
    assert result["before"] == BOTH and result["after"] == entry("10.0.0.1", MAC)
    assert calls(*STORE_CALLS) == {"EnumerateInstances": 2, "DeleteInstance": 1}
    assert host.neighbors() == [PINNED] and host.persistent() == []


@pytest.mark.parametrize("active", [None, "Permanent", "Stale"])
def test_absent_removes_the_entry_from_both_stores(host: Double, run: Run, active: str | None) -> None:
    """A learned (dynamic) entry stays: it belongs to ARP/ND."""
    if active:
        host.add_neighbor("10.0.0.1", 4, MAC, active)
    host.add_persistent("10.0.0.1", 4, MAC)
    result, error = run(ONE, state="absent")
    assert error is None and result["changed"] is True
    assert host.persistent() == []
    if active == "Stale":
        assert host.neighbors() == [Neighbor("10.0.0.1", 4, MAC, "Stale")]
        assert result["after"] == entry("10.0.0.1", MAC, "Stale")
    else:
        assert host.neighbors() == [] and result["after"] is None
    result, error = run(ONE, state="absent")
    assert error is None and result["changed"] is False


@pytest.mark.parametrize("params,before,after", [
    ({"mac": MAC}, None, BOTH),
    ({"mac": MAC, "store": "active"}, BOTH, entry("10.0.0.1", MAC)),
    ({"state": "absent"}, BOTH, None),
])
def test_check_mode_predicts_both_stores_and_changes_nothing(
        host: Double, run: Run, params: dict[str, Any], before: Any, after: Any) -> None:
    if before:
        host.add_neighbor("10.0.0.1", 4, MAC, "Permanent")
        host.add_persistent("10.0.0.1", 4, MAC)
    result, error = run(ONE, check_mode=True, **params)
    assert error is None and result == {"changed": True, "before": before, "after": after}
    assert host.mutations() == 0


# Each CIM operation failing with access denied (MI result 2), on a run that
# needs it; when the active store took a change first, what the failure says
# Windows holds now.
CIM_FAULTS = [
    ("EnumerateInstances", None, {"mac": MAC}, None),
    ("Create", None, {"mac": MAC}, None),
    ("ModifyInstance", OTHER, {"mac": MAC}, None),
    ("DeleteInstance", MAC, {"state": "absent"}, ("Removing the neighbor 10.0.0.1 on interface 'Ethernet' (index 4) "
                                                  "from the persistent store failed",
                                                  "; Windows now reports no entry; the persistent store holds "
                                                  "00-15-5D-01-02-03")),
]


@pytest.mark.parametrize("operation,persistent,params,after_a_change", CIM_FAULTS, ids=[f[0] for f in CIM_FAULTS])
def test_a_failing_persistent_store_call_names_the_store(
        host: Double, run: Run, operation: str, persistent: str | None, params: dict[str, Any],
        after_a_change: tuple[str, str] | None) -> None:
    if persistent:
        host.add_neighbor("10.0.0.1", 4, MAC, "Permanent")
        host.add_persistent("10.0.0.1", 4, persistent)
    host.fault(f"MSFT_NetNeighbor.{operation}", 2)
    result, error = run(ONE, **params)
    assert error is not None and "persistent store" in error
    selected = "without PolicyStore (both stores)" if operation == "Create" else "with PolicyStore PersistentStore"
    assert f"(MSFT_NetNeighbor {operation} {selected} returned 2, MI_RESULT_ACCESS_DENIED)" in error
    # A refused read is not called a refused change.
    denied = "reading the persistent store was refused" if operation == "EnumerateInstances" else \
        "changing the persistent store needs administrator rights"
    assert f"access is denied: {denied}" in error
    # The failed call, for a playbook to branch on; also after a change, read back or not.
    assert (result["cim_operation"], result["cim_code"]) == (operation, 2)
    assert "win32_code" not in result
    # changed is true only when the active store took a change first.
    assert result["changed"] is (after_a_change is not None)
    if after_a_change:
        assert error.startswith(after_a_change[0] + ": access is denied: changing the persistent store needs "
                                "administrator rights")
        assert error.endswith(after_a_change[1])
        assert result["after"]["stores"] == (["persistent"] if persistent else ["active"])
    else:
        assert "after" not in result or result["after"] == result["before"]


def test_a_provider_that_ignores_policy_store_fails_before_any_change(host: Double, run: Run) -> None:
    """It answers the persistent read with the active store's rows."""
    host.add_neighbor("10.0.0.9", 4, OTHER, "Reachable")
    host.option("ignore_policy_store", 1)
    result, error = run(ONE, mac=MAC)
    assert error == ("The persistent store cannot be trusted on this host: asked for PolicyStore PersistentStore, "
                     "MSFT_NetNeighbor answered with a row of store 1 (10.0.0.9 on interface index 4); the provider "
                     "ignored the option, so what is persistent cannot be read or changed here")
    assert result == {"changed": False} and host.mutations() == 0


def test_a_provider_that_ignores_policy_store_is_caught_by_the_read_back(host: Double, run: Run) -> None:
    """With nothing to read at first, the change goes through; reading back catches it."""
    host.option("ignore_policy_store", 1)
    result, error = run(ONE, mac=MAC)
    assert error is not None and error.startswith("The persistent store cannot be trusted on this host")
    assert result["changed"] is True
    assert host.neighbors() == [PINNED]


def test_bulk_reads_the_persistent_store_once_before_and_once_after(host: Double, run: Run, calls: Calls) -> None:
    entries = [{"address": f"10.0.1.{i}", "mac": MAC} for i in range(1, 6)]
    result, error = run(ETHERNET, neighbors=entries)
    assert error is None and [e["status"] for e in result["entries"]] == ["added"] * 5
    assert calls(*STORE_CALLS) == {"EnumerateInstances": 2, "Create": 5}
    assert all(e["after"]["stores"] == ["active", "persistent"] for e in result["entries"])
    host.reset_counters()
    result, error = run(ETHERNET, neighbors=entries)
    assert error is None and result["changed"] is False
    assert calls(*STORE_CALLS) == {"EnumerateInstances": 1}


def test_bulk_entry_store_overrides_the_task(host: Double, run: Run) -> None:
    entries = [{"address": "10.0.0.1", "mac": MAC}, {"address": "10.0.0.2", "mac": MAC, "store": "persistent"}]
    result, error = run(ETHERNET, store="active", neighbors=entries)
    assert error is None
    assert [e["after"]["stores"] for e in result["entries"]] == [["active"], ["active", "persistent"]]
    assert host.persistent() == [Neighbor("10.0.0.2", 4, MAC, "Permanent")]


def test_purge_removes_unlisted_entries_of_either_store(host: Double, run: Run) -> None:
    host.add_persistent("10.0.0.7", 4, OTHER)                   # persistent only
    host.add_neighbor("10.0.0.8", 4, OTHER, "Permanent")        # active only
    host.add_neighbor("10.0.0.9", 7, OTHER, "Permanent")        # out of scope
    host.add_persistent("10.0.0.9", 7, OTHER)
    result, error = run(ETHERNET, purge=True, neighbors=[{"address": "10.0.0.1", "mac": MAC}])
    assert error is None
    assert [(e["address"], e["status"], e["purged"]) for e in result["entries"]] == [
        ("10.0.0.1", "added", False), ("10.0.0.8", "removed", True), ("10.0.0.7", "removed", True)]
    assert host.persistent() == [PINNED, Neighbor("10.0.0.9", 7, OTHER, "Permanent")]
    assert host.neighbors() == [PINNED, Neighbor("10.0.0.9", 7, OTHER, "Permanent")]


@pytest.mark.parametrize("state,restored", [("Permanent", True), ("Stale", False)])
def test_a_create_that_fails_after_the_active_entry_went(host: Double, run: Run, state: str, restored: bool) -> None:
    """The active entry is removed before the Create: a static one is put back,
    a learned one stays gone (the network teaches it again), and the result says so."""
    host.add_neighbor("10.0.0.1", 4, OTHER, state)
    host.fault("MSFT_NetNeighbor.Create", 2)
    result, error = run(ETHERNET, neighbors=[{"address": "10.0.0.1", "mac": MAC}, {"address": "10.0.0.2", "mac": MAC}])
    assert error is not None and error.startswith("neighbors[0]: Writing the neighbor 10.0.0.1 -> 00-15-5D-01-02-03 "
                                                  "on interface 'Ethernet' (index 4) to both stores failed")
    assert error.endswith("(0 of 2 changes applied before it; the entries after it were not attempted)")
    assert result["changed"] is not restored
    first = result["entries"][0]
    assert [first["status"], result["entries"][1]["status"]] == [
        "failed" if restored else "failed after a change", "not attempted"]
    if restored:
        assert host.neighbors() == [Neighbor("10.0.0.1", 4, OTHER, "Permanent")]
    else:
        assert "Windows now reports no entry: the learned entry was removed" in error
        assert host.neighbors() == [] and first["after"] is None
    assert host.persistent() == []


def info(run: Run, **params: Any) -> list[dict[str, Any]]:
    result, error = run(module="win_neighbor_info", **params)
    assert error is None
    return list(result["neighbors"])


@pytest.mark.parametrize("store,expected", [
    ("all", [("10.0.0.2", ["active"]), ("10.0.0.1", ["active", "persistent"]), ("10.0.0.3", ["persistent"])]),
    ("active", [("10.0.0.2", ["active"]), ("10.0.0.1", ["active", "persistent"])]),
    ("persistent", [("10.0.0.1", ["active", "persistent"]), ("10.0.0.3", ["persistent"])]),
])
def test_info_says_which_stores_hold_each_entry(
        host: Double, run: Run, store: str, expected: list[tuple[str, list[str]]]) -> None:
    host.add_neighbor("10.0.0.2", 4, OTHER, "Reachable")
    host.add_neighbor("10.0.0.1", 4, MAC, "Permanent")
    host.add_persistent("10.0.0.1", 4, MAC)
    host.add_persistent("10.0.0.3", 4, MAC)
    rows = info(run, store=store)
    assert [(r["address"], r["stores"]) for r in rows] == expected
    if store != "active":
        assert rows[-1] == {"address": "10.0.0.3", "family": "IPv4", "kind": "unicast", "mac": MAC,
                            "interface_alias": "Ethernet",
                            "interface_index": 4, "state": None, "is_router": False, "stores": ["persistent"],
                            "persistent_mac": MAC}


def test_info_state_filter_is_about_the_active_store(host: Double, run: Run) -> None:
    host.add_neighbor("10.0.0.1", 4, MAC, "Permanent")
    host.add_persistent("10.0.0.3", 4, MAC)
    assert [r["address"] for r in info(run, state=["Permanent"])] == ["10.0.0.1"]


@pytest.mark.parametrize("zone", [0, 1], ids=["fe80::5", "fe80::5%4"])
def test_a_link_local_pin_matches_its_persistent_twin_however_the_provider_spells_it(
        host: Double, run: Run, zone: int) -> None:
    """How MSFT_NetNeighbor spells a link-local IPAddress is not documented: with
    its zone or without, the entry is one entry in both stores, and idempotent."""
    host.option("zone_in_address", zone)
    pinned = entry("fe80::5", MAC, "Permanent", stores=["active", "persistent"], persistent=MAC)
    result, error = run(ETHERNET, address="fe80::5", mac=MAC)
    assert error is None and result == {"changed": True, "before": None, "after": pinned}
    result, error = run(ETHERNET, address="fe80::5", mac=MAC)
    assert error is None and result == {"changed": False, "before": pinned, "after": pinned}
    listed, error = run(module="win_neighbor_info", address="fe80::5")
    assert error is None and [n["stores"] for n in listed["neighbors"]] == [["active", "persistent"]]
    result, error = run(ETHERNET, address="fe80::5", state="absent")
    assert error is None and result["changed"] is True and result["after"] is None
    assert host.neighbors() == [] and host.persistent() == []


UNREADABLE = ("Reading the persistent store failed: access is denied")


@pytest.mark.parametrize("module,params", [
    ("win_neighbor", {"interface": "Ethernet", "address": "10.0.0.1", "mac": MAC, "store": "active"}),
    ("win_neighbor", {"interface": "Ethernet", "store": "active", "neighbors": [{"address": "10.0.0.1", "mac": MAC}]}),
    ("win_neighbor_info", {"store": "active"}),
])
def test_what_needs_only_the_active_store_runs_where_cim_fails(
        host: Double, run: Run, module: str, params: dict[str, Any]) -> None:
    """A host whose WMI is broken: store active tasks and listings of the active store still run, and say what they
    could not see."""
    host.add_neighbor("10.0.0.2", 4, OTHER, "Reachable")
    host.fault("MSFT_NetNeighbor.EnumerateInstances", 2)
    result, error = run(module=module, **params)
    assert error is None
    [warning] = [w for w in result.get("warnings", []) if w.startswith(UNREADABLE)]
    assert warning.endswith("The task needs the active store only and went on without the persistent store: the "
                            "entries it holds, which Windows restores at every boot, are neither listed nor changed")
    if module == "win_neighbor":
        assert result["changed"] is True and PINNED in host.neighbors()
    else:
        assert [(n["address"], n["stores"]) for n in result["neighbors"]] == [("10.0.0.2", ["active"])]
    assert host.calls("MSFT_NetNeighbor.EnumerateInstances") == 1


@pytest.mark.parametrize("module,params", [
    ("win_neighbor", {"interface": "Ethernet", "address": "10.0.0.1", "state": "absent", "store": "active"}),
    ("win_neighbor", {"interface": "Ethernet", "store": "active", "purge": True,
                      "neighbors": [{"address": "10.0.0.1", "mac": MAC}]}),
    ("win_neighbor", {"interface": "Ethernet", "store": "active",
                      "neighbors": [{"address": "10.0.0.1", "mac": MAC, "store": "persistent"}]}),
    ("win_neighbor_info", {}),
])
def test_what_needs_the_persistent_store_fails_where_cim_fails(
        host: Double, run: Run, module: str, params: dict[str, Any]) -> None:
    host.fault("MSFT_NetNeighbor.EnumerateInstances", 2)
    result, error = run(module=module, **params)
    assert error is not None and UNREADABLE in error and host.mutations() == 0
