# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Many entries in one task, purge, and failures mid-run: the module on real
pwsh against the IP Helper double."""
from __future__ import annotations

from typing import Any

import pytest

from csharp import Calls, Run
from native_double import LOOKUPS, MUTATING, Double, Neighbor

A, B, C = "00-15-5D-00-00-0A", "00-15-5D-00-00-0B", "00-15-5D-00-00-0C"
# The active store's bulk reconcile; test_persistent.py covers both stores.
ACTIVE = {"store": "active"}
TABLE_CALLS = ("GetIpNetTable2", "GetIpNetEntry2") + MUTATING


def info(run: Run, **params: Any) -> tuple[list[dict[str, Any]], str | None]:
    result, error = run(module="win_neighbor_info", **params)
    return result.get("neighbors", []), error


def statuses(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["address"], e["status"]) for e in result["entries"]]


def mixed_host(host: Double) -> None:
    host.add_neighbor("10.0.0.2", 4, A, "Permanent")   # to update
    host.add_neighbor("10.0.0.3", 4, B, "Stale")       # to make static
    host.add_neighbor("10.0.0.4", 4, C, "Permanent")   # to remove
    host.add_neighbor("10.0.0.5", 4, C, "Permanent")   # already right


MIXED = [
    {"address": "10.0.0.1", "mac": A, "interface": "Ethernet"},
    {"address": "10.0.0.2", "mac": B, "interface": "Ethernet"},
    {"address": "10.0.0.3", "mac": B, "interface": "Ethernet"},
    {"address": "10.0.0.4", "interface": "Ethernet", "state": "absent"},
    {"address": "10.0.0.5", "mac": C, "interface": "4"},
]


def test_one_snapshot_then_only_the_needed_calls(host: Double, run: Run, calls: Calls) -> None:
    mixed_host(host)
    result, error = run(ACTIVE, neighbors=MIXED, report="all")
    assert error is None
    assert result["changed"] is True
    assert statuses(result) == [("10.0.0.1", "added"), ("10.0.0.2", "updated"), ("10.0.0.3", "updated"),
                                ("10.0.0.4", "removed"), ("10.0.0.5", "unchanged")]
    assert [e["mac"] for e in result["added"]] == [A]
    assert [e["address"] for e in result["updated"]] == ["10.0.0.2", "10.0.0.3"]
    assert result["removed"] == [{"address": "10.0.0.4", "mac": C, "interface_alias": "Ethernet",
                                  "interface_index": 4, "state": "Permanent", "is_router": False,
                                  "stores": ["active"], "persistent_mac": None}]
    # One IPv4 snapshot; each change is its call plus one read-back.
    assert calls(*TABLE_CALLS) == {"GetIpNetTable2": 1, "GetIpNetEntry2": 4, "CreateIpNetEntry2": 1,
                                   "SetIpNetEntry2": 2, "DeleteIpNetEntry2": 1}
    assert host.neighbors() == [Neighbor("10.0.0.1", 4, A, "Permanent"), Neighbor("10.0.0.2", 4, B, "Permanent"),
                                Neighbor("10.0.0.3", 4, B, "Permanent"), Neighbor("10.0.0.5", 4, C, "Permanent")]


def test_by_default_only_what_changed_is_listed_and_every_status_counted(host: Double, run: Run) -> None:
    """A fleet run stores the result of every host: an entry already right is counted, not listed."""
    mixed_host(host)
    result, error = run(ACTIVE, neighbors=MIXED)
    assert error is None
    assert statuses(result) == [("10.0.0.1", "added"), ("10.0.0.2", "updated"), ("10.0.0.3", "updated"),
                                ("10.0.0.4", "removed")]
    assert result["counts"] == {"unchanged": 1, "added": 1, "updated": 2, "removed": 1, "failed": 0,
                                "failed after a change": 0, "not attempted": 0}
    again, error = run(ACTIVE, neighbors=MIXED)
    assert error is None and again["changed"] is False and again["entries"] == []
    assert again["counts"]["unchanged"] == 5


def test_steady_state_is_one_snapshot_per_family(host: Double, run: Run, calls: Calls) -> None:
    mixed_host(host)
    entries = MIXED + [{"address": "2001:db8::1", "mac": A, "interface": "Ethernet 2"}]
    run(ACTIVE, neighbors=entries)
    host.reset_counters()
    result, error = run(ACTIVE, neighbors=entries)
    assert error is None and result["changed"] is False
    assert calls(*TABLE_CALLS) == {"GetIpNetTable2": 2}
    # Interfaces are looked up once each: Ethernet by alias, 4 by index, Ethernet 2 by alias.
    assert calls(*LOOKUPS) == {"ConvertInterfaceAliasToLuid": 2, "ConvertInterfaceIndexToLuid": 1,
                               "ConvertInterfaceLuidToIndex": 2, "ConvertInterfaceLuidToAlias": 3,
                               "GetIfEntry2": 3}


def test_check_mode_predicts_without_changing(host: Double, run: Run) -> None:
    mixed_host(host)
    table = host.neighbors()
    result, error = run(ACTIVE, neighbors=MIXED, check_mode=True)
    assert error is None and result["changed"] is True
    assert statuses(result)[:4] == [("10.0.0.1", "added"), ("10.0.0.2", "updated"), ("10.0.0.3", "updated"),
                                    ("10.0.0.4", "removed")]
    assert result["entries"][2]["after"]["state"] == "Permanent"
    assert result["entries"][3]["after"] is None
    assert host.mutations() == 0 and host.neighbors() == table


def test_task_interface_is_the_default(host: Double, run: Run) -> None:
    entries = [{"address": "10.0.0.1", "mac": A}, {"address": "10.0.0.2", "mac": A, "interface": "7"}]
    result, error = run(ACTIVE, neighbors=entries, interface="Ethernet")
    assert error is None
    found = [(e["interface_alias"], e["interface_index"]) for e in result["entries"]]
    assert found == [("Ethernet", 4), ("Ethernet 2", 7)]


@pytest.mark.parametrize("entries,message", [
    ([{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"},
      {"address": "10.0.0.2", "mac": "00-15", "interface": "Ethernet"},
      {"address": "10.0.0.3", "mac": "zz", "interface": "Ethernet"}],
     "neighbors[2].mac 'zz' is not a MAC address: 'z' is not a hex digit"),
    ([{"address": "10.0.0.1", "mac": A}], "neighbors[0].interface is required when the task sets no interface"),
    # Ansible.Basic applies the spec's required_if to each entry before the helper runs.
    ([{"address": "10.0.0.1", "interface": "Ethernet"}],
     "state is present but all of the following are missing: mac found in neighbors"),
    ([{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"}, {"address": "::1", "mac": A, "interface": "4"}],
     "neighbors[1].address '::1' is a loopback address"),
])
def test_every_entry_is_validated_before_any_call(
        host: Double, run: Run, calls: Calls, entries: list[dict[str, Any]], message: str) -> None:
    result, error = run(ACTIVE, neighbors=entries)
    assert error == message
    assert result == {"changed": False}
    assert calls(*(("GetIpNetTable2",) + MUTATING + LOOKUPS)) == {}


def test_unknown_interface_fails_before_the_snapshot(host: Double, run: Run, calls: Calls) -> None:
    result, error = run(ACTIVE, neighbors=[{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"},
                                           {"address": "10.0.0.2", "mac": A, "interface": "Ethernet 9"}])
    assert error is not None and error.startswith("neighbors[1].interface 'Ethernet 9': no such interface")
    assert calls(*TABLE_CALLS) == {}
    assert result == {"changed": False, "win32_function": "ConvertInterfaceAliasToLuid", "win32_code": 87}


def test_same_entry_twice_is_refused(host: Double, run: Run, calls: Calls) -> None:
    result, error = run(ACTIVE, neighbors=[{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"},
                                           {"address": "10.0.0.1", "mac": B, "interface": "4"}])
    assert error == ("neighbors[1].address '10.0.0.1' is listed twice for interface '4': neighbors[0] names it "
                     "too (as 'Ethernet'; both are interface 'Ethernet' (index 4))")
    assert calls(*TABLE_CALLS) == {}


@pytest.mark.parametrize("params,message", [
    ({"address": "10.0.0.1"}, "parameters are mutually exclusive: address, neighbors"),
    ({"mac": A}, "parameters are mutually exclusive: mac, neighbors"),
])
def test_modes_do_not_mix(host: Double, run: Run, params: dict[str, Any], message: str) -> None:
    assert run(ACTIVE, neighbors=[], **params)[1] == message


def test_purge_needs_neighbors(host: Double, run: Run) -> None:
    result, error = run({"address": "10.0.0.1", "mac": A, "interface": "Ethernet", "purge": True})
    assert error == "purge needs neighbors, the entries to keep"


def purge_host(host: Double) -> None:
    host.add_neighbor("10.0.0.1", 4, A, "Permanent")           # listed: kept
    host.add_neighbor("10.0.0.2", 4, B, "Permanent")           # unlisted static: purged
    host.add_neighbor("10.0.0.3", 4, B, "Reachable")           # dynamic: never touched
    host.add_neighbor("224.0.0.22", 4, "01-00-5E-00-00-16", "Permanent")   # multicast, Windows' own
    host.add_neighbor("10.0.0.255", 4, "FF-FF-FF-FF-FF-FF", "Permanent")   # subnet broadcast
    host.add_neighbor("10.0.0.9", 7, C, "Permanent")           # another interface: out of scope
    host.add_neighbor("2001:db8::2", 4, C, "Permanent")        # IPv6 static: purged unless ipv4 only
    host.add_neighbor("ff02::16", 4, "33-33-00-00-00-16", "Permanent")  # IPv6 multicast


def test_purge_removes_unlisted_static_unicast_entries_on_named_interfaces(
        host: Double, run: Run, calls: Calls) -> None:
    purge_host(host)
    result, error = run(ACTIVE, neighbors=[{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"}], purge=True)
    assert error is None and result["changed"] is True
    assert sorted(e["address"] for e in result["removed"]) == ["10.0.0.2", "2001:db8::2"]
    assert [(e["address"], e["purged"]) for e in result["entries"] if e["purged"]] == [
        ("10.0.0.2", True), ("2001:db8::2", True)]
    left = {n.address for n in host.neighbors()}
    assert left == {"10.0.0.1", "10.0.0.3", "224.0.0.22", "10.0.0.255", "10.0.0.9", "ff02::16"}
    assert calls(*TABLE_CALLS) == {"GetIpNetTable2": 2, "DeleteIpNetEntry2": 2, "GetIpNetEntry2": 2}


def test_purge_of_one_family(host: Double, run: Run) -> None:
    purge_host(host)
    result, error = run(ACTIVE, neighbors=[{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"}], purge=True,
                        purge_family="ipv4")
    assert error is None
    assert [e["address"] for e in result["removed"]] == ["10.0.0.2"]
    assert "2001:db8::2" in {n.address for n in host.neighbors()}
    assert host.calls("GetIpNetTable2") == 1


def test_purge_with_an_empty_list_clears_the_interface(host: Double, run: Run) -> None:
    purge_host(host)
    result, error = run(ACTIVE, neighbors=[], interface="Ethernet", purge=True)
    assert error is None and result["changed"] is True
    assert sorted(e["address"] for e in result["removed"]) == ["10.0.0.1", "10.0.0.2", "2001:db8::2"]


def test_purge_with_an_empty_list_and_no_interface_touches_nothing(host: Double, run: Run) -> None:
    purge_host(host)
    result, error = run(ACTIVE, neighbors=[], purge=True)
    assert error is None and result["changed"] is False and result["removed"] == []
    assert host.calls("GetIpNetTable2") == 0


def test_purge_in_check_mode_lists_what_would_go(host: Double, run: Run) -> None:
    purge_host(host)
    table = host.neighbors()
    result, error = run(ACTIVE, neighbors=[{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"}], purge=True,
                        check_mode=True)
    assert error is None and result["changed"] is True
    assert sorted(e["address"] for e in result["removed"]) == ["10.0.0.2", "2001:db8::2"]
    assert host.mutations() == 0 and host.neighbors() == table


def test_purge_ignores_a_missing_ipv6_stack(host: Double, run: Run) -> None:
    purge_host(host)
    host.option("ipv6", 0)
    result, error = run(ACTIVE, neighbors=[{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"}], purge=True)
    assert error is None and [e["address"] for e in result["removed"]] == ["10.0.0.2"]


def test_failure_mid_run_says_what_was_applied(host: Double, run: Run) -> None:
    mixed_host(host)
    host.fault("CreateIpNetEntry2", 5)
    entries = [MIXED[1], MIXED[0], MIXED[3]]  # update (Set), add (Create fails), remove
    result, error = run(ACTIVE, neighbors=entries)
    assert error is not None
    assert error.startswith("neighbors[1]: Creating the static entry for the neighbor 10.0.0.1 on interface "
                            "'Ethernet' (index 4) failed: access is denied")
    assert error.endswith("(1 of 3 changes applied before it; the entries after it were not attempted)")
    assert result["changed"] is True
    assert statuses(result) == [("10.0.0.2", "updated"), ("10.0.0.1", "failed"), ("10.0.0.4", "not attempted")]
    assert "after" not in result["entries"][1]
    assert Neighbor("10.0.0.4", 4, C, "Permanent") in host.neighbors()


def test_failure_on_the_first_change_is_not_a_change(host: Double, run: Run) -> None:
    host.fault("CreateIpNetEntry2", 5)
    result, error = run(ACTIVE, neighbors=[MIXED[0]])
    assert error is not None and result["changed"] is False


def test_snapshot_failure_is_named(host: Double, run: Run) -> None:
    host.fault("GetIpNetTable2", 5)
    result, error = run(ACTIVE, neighbors=[MIXED[0]])
    assert error is not None and error.startswith("Listing the IPv4 neighbor table failed: access is denied")
    assert result == {"changed": False, "win32_function": "GetIpNetTable2", "win32_code": 5}
    assert host.mutations() == 0


# ---- win_neighbor_info ----

@pytest.mark.parametrize("params,addresses", [
    ({}, ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.255", "224.0.0.22", "2001:db8::2", "ff02::16", "10.0.0.9"]),
    ({"interface": "Ethernet 2"}, ["10.0.0.9"]),
    ({"interface": "7"}, ["10.0.0.9"]),
    ({"family": "ipv6"}, ["2001:db8::2", "ff02::16"]),
    ({"address": "10.0.0.3"}, ["10.0.0.3"]),
    ({"state": ["Reachable"]}, ["10.0.0.3"]),
    ({"state": ["Permanent"], "interface": "Ethernet", "family": "ipv4"},
     ["10.0.0.1", "10.0.0.2", "10.0.0.255", "224.0.0.22"]),
])
def test_info_filters(host: Double, run: Run, params: dict[str, Any], addresses: list[str]) -> None:
    purge_host(host)
    rows, error = info(run, **params)
    assert error is None
    assert sorted(r["address"] for r in rows) == sorted(addresses)
    assert host.mutations() == 0


def test_info_row_fields(host: Double, run: Run) -> None:
    host.add_neighbor("fe80::1", 7, A, "Reachable", is_router=True)
    rows, error = info(run)
    assert error is None
    assert rows == [{"address": "fe80::1", "family": "IPv6", "kind": "unicast", "mac": A,
                     "interface_alias": "Ethernet 2", "interface_index": 7, "state": "Reachable", "is_router": True,
                     "stores": ["active"], "persistent_mac": None}]
    # One alias lookup per interface seen, one snapshot per family.
    assert host.calls("ConvertInterfaceLuidToAlias") == 1 and host.calls("GetIpNetTable2") == 2


@pytest.mark.parametrize("params,message", [
    ({"state": ["Pinned"]}, "value of state must be one or more of: Delay, Incomplete, Permanent, Probe, Reachable, "
                            "Stale, Unreachable. Got no match for: Pinned"),
    ({"family": "ipv5"}, "value of family must be one of: ipv4, ipv6. Got no match for: ipv5"),
    ({"interface": "Ethernet 9"}, "interface 'Ethernet 9': no such interface on this host"),
    ({"address": "10.0.0.01"}, "address '10.0.0.01' has a leading zero"),
])
def test_info_bad_filters(host: Double, run: Run, params: dict[str, Any], message: str) -> None:
    rows, error = info(run, **params)
    assert error is not None and error.startswith(message) and rows == []


def test_a_bad_task_interface_is_refused_before_any_lookup(host: Double, run: Run, calls: Calls) -> None:
    result, error = run(ACTIVE, neighbors=[{"address": "10.0.0.1", "mac": A, "interface": "Ethernet"}], interface="-3",
                        purge=True)
    assert error == "interface '-3' is not a valid interface index: an index is a positive number"
    assert calls(*LOOKUPS) == {} and result == {"changed": False}
