# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""win_neighbor_flush on real pwsh through ansible-core's exec wrapper and Ansible.Basic against
the IP Helper double: only the learned (not Permanent) entries of the interfaces and families
named go, each removed with DeleteIpNetEntry2 after a second read; check mode calls nothing that
changes the table; an entry pinned meanwhile stays; one aged out meanwhile is no failure; any
other error fails naming the entry, the interface and the code, keeping what went before it."""
from __future__ import annotations

from typing import Any

import pytest

from csharp import Run
from native_double import MUTATING, Double, Neighbor

PIN, LEARNED = "00-00-5E-00-53-01", "00-00-5E-00-53-02"
# Ethernet (4) holds a pin, an entry of each learned state, Windows' own static entries and a
# learned IPv6 router; Ethernet 2 (7) a learned entry and a pin; the IPv4-only Legacy (9) one learned.
LEARNED_STATES = ["Reachable", "Stale", "Delay", "Probe", "Incomplete", "Unreachable"]
TABLE = [
    Neighbor("192.0.2.1", 4, PIN, "Permanent"),
    *[Neighbor(f"192.0.2.{10 + i}", 4, "" if state == "Incomplete" else LEARNED, state)
      for i, state in enumerate(LEARNED_STATES)],
    Neighbor("224.0.0.22", 4, "01-00-5E-00-00-16", "Permanent"),
    Neighbor("192.0.2.255", 4, "FF-FF-FF-FF-FF-FF", "Permanent"),
    Neighbor("2001:db8::1", 4, PIN, "Permanent"),
    Neighbor("fe80::1", 4, LEARNED, "Stale", is_router=True),
    Neighbor("ff02::1", 4, "33-33-00-00-00-01", "Permanent"),
    Neighbor("198.51.100.1", 7, LEARNED, "Reachable"),
    Neighbor("198.51.100.2", 7, PIN, "Permanent"),
    Neighbor("203.0.113.1", 9, LEARNED, "Stale"),
]
PERSISTENT = [Neighbor("192.0.2.1", 4, PIN, "Permanent"), Neighbor("192.0.2.50", 4, PIN, "Permanent")]


def seed(host: Double) -> None:
    for n in TABLE:
        host.add_neighbor(n.address, n.interface_index, n.mac, n.state, n.is_router)
    for n in PERSISTENT:
        host.add_persistent(n.address, n.interface_index, n.mac)
    host.reset_counters()


def flush(run: Run, check_mode: bool = False, **params: Any) -> tuple[dict[str, Any], str | None]:
    return run(module="win_neighbor_flush", check_mode=check_mode, **params)


def learned(*indexes: int, families: tuple[int, ...] = (4, 6)) -> list[Neighbor]:
    return [n for n in TABLE if n.interface_index in indexes and n.state != "Permanent"
            and (4 if ":" not in n.address else 6) in families]


def keys(entries: list[Any]) -> list[tuple[str, int]]:
    return sorted((e["address"], e["interface_index"]) if isinstance(e, dict) else (e.address, e.interface_index)
                  for e in entries)


def test_only_the_learned_entries_of_the_named_interface_go(host: Double, run: Run) -> None:
    seed(host)
    result, error = flush(run, interface=["Ethernet"])
    assert error is None, error
    assert result["changed"] is True
    assert keys(result["removed"]) == keys(learned(4))
    # As they were: every learned state, the router flag, no MAC for the unresolved entry.
    by_address = {e["address"]: e for e in result["removed"]}
    assert sorted(e["state"] for e in result["removed"]) == sorted(LEARNED_STATES + ["Stale"])
    assert by_address["fe80::1"] == {"address": "fe80::1", "mac": LEARNED, "interface_alias": "Ethernet",
                                     "interface_index": 4, "state": "Stale", "is_router": True}
    assert by_address["192.0.2.14"]["mac"] is None
    assert result["relearned"] == []
    # Every Permanent entry stays, Windows' own too; other interfaces are untouched; one delete per entry.
    remaining = set(host.neighbors())
    assert remaining == {n for n in TABLE if n not in learned(4)}
    assert host.calls("DeleteIpNetEntry2") == len(learned(4))
    assert host.calls("GetIpNetEntry2") == len(learned(4))
    assert host.persistent() == PERSISTENT
    assert host.calls("MSFT_NetNeighbor.EnumerateInstances") == 0, "the persistent store was read"


def test_check_mode_lists_what_would_go_and_calls_nothing_that_changes(host: Double, run: Run) -> None:
    seed(host)
    result, error = flush(run, check_mode=True, interface=["Ethernet", "7"])
    assert error is None, error
    assert result["changed"] is True
    assert keys(result["removed"]) == keys(learned(4, 7))
    assert host.mutations() == 0 and host.calls("DeleteIpNetEntry2") == 0
    assert host.neighbors() == sorted(TABLE, key=lambda n: (n.interface_index, n.address))


def test_a_second_run_finds_nothing_learned_and_is_unchanged(host: Double, run: Run) -> None:
    seed(host)
    assert flush(run, interface=["Ethernet"])[0]["changed"] is True
    host.reset_counters()
    for check_mode in (True, False):
        result, error = flush(run, check_mode=check_mode, interface=["Ethernet"])
        assert (result["changed"], result["removed"], error) == (False, [], None)
    assert host.mutations() == 0


@pytest.mark.parametrize("family,expected", [
    (["ipv4"], (4,)), (["IPv6"], (6,)), (["IPV4", "ipv6"], (4, 6)), (["ipv6", "IPv6"], (6,))])
def test_family_limits_the_flush_in_any_letter_case(host: Double, run: Run, family: list[str],
                                                    expected: tuple[int, ...]) -> None:
    seed(host)
    result, error = flush(run, interface=["Ethernet"], family=family)
    assert error is None, error
    assert keys(result["removed"]) == keys(learned(4, families=expected))


def test_an_interface_named_twice_is_flushed_once(host: Double, run: Run) -> None:
    seed(host)
    result, error = flush(run, interface=["Ethernet 2", "7"])
    assert error is None, error
    assert keys(result["removed"]) == keys(learned(7))
    assert host.calls("DeleteIpNetEntry2") == 1


def test_an_interface_or_host_without_the_family_is_no_error(host: Double, run: Run) -> None:
    """Legacy has no IPv6: nothing of it to remove. A host without the IPv6 stack (GetIpNetTable2
    answers ERROR_NOT_SUPPORTED) neither; an empty table (ERROR_NOT_FOUND) is empty."""
    seed(host)
    result, error = flush(run, interface=["Legacy"], family=["ipv6"])
    assert (result["changed"], result["removed"], error) == (False, [], None)
    host.option("ipv6", 0)
    result, error = flush(run, interface=["Legacy", "Ethernet"])
    assert error is None, error
    assert keys(result["removed"]) == keys(learned(4, 9, families=(4,)))
    host.reset()
    host.add_interface(4, 0x6000000000004, "Ethernet")
    assert flush(run, interface=["Ethernet"]) == ({"changed": False, "removed": [], "relearned": []}, None)


def test_an_entry_pinned_after_the_read_stays_with_a_warning(host: Double, run: Run) -> None:
    seed(host)
    host.option("race_pin", 1)
    result, error = flush(run, interface=["Ethernet 2"])
    assert error is None, error
    assert (result["changed"], result["removed"]) == (False, [])
    assert result["warnings"] == ["the neighbor 198.51.100.1 on interface 'Ethernet 2' (index 7) was Reachable when "
                                  "the table was read and is Permanent now (pinned meanwhile): left as it is"]
    assert Neighbor("198.51.100.1", 7, LEARNED, "Permanent") in host.neighbors()
    assert host.calls("DeleteIpNetEntry2") == 0


def test_an_entry_that_aged_out_before_its_delete_is_no_failure(host: Double, run: Run) -> None:
    """DeleteIpNetEntry2 answers ERROR_NOT_FOUND: the entry is gone, but not by this task."""
    seed(host)
    host.option("race_expire", 1)
    result, error = flush(run, interface=["Ethernet"], family=["ipv6"])
    assert error is None, error
    assert (result["changed"], result["removed"]) == (False, [])
    assert not [n for n in host.neighbors() if n.address == "fe80::1"]


def test_an_entry_gone_before_its_second_read_is_no_failure(host: Double, run: Run) -> None:
    """GetIpNetEntry2 answers ERROR_NOT_FOUND for every entry: none is deleted or reported."""
    seed(host)
    host.fault("GetIpNetEntry2", 1168)
    result, error = flush(run, interface=["Ethernet"])
    assert (result["changed"], result["removed"], error) == (False, [], None)
    assert host.mutations() == 0


def test_access_denied_fails_naming_the_entry_interface_and_code(host: Double, run: Run) -> None:
    seed(host)
    host.fault("DeleteIpNetEntry2", 5)
    result, error = flush(run, interface=["Ethernet"], family=["ipv4"])
    assert error is not None
    assert error.startswith("Removing the neighbor 192.0.2.10 on interface 'Ethernet' (index 4) failed: access is "
                            "denied")
    assert error.endswith("(DeleteIpNetEntry2 returned 5, ERROR_ACCESS_DENIED)")
    assert (result["changed"], result["removed"]) == (False, [])
    assert (result["win32_function"], result["win32_code"]) == ("DeleteIpNetEntry2", 5)
    assert host.neighbors() == sorted(TABLE, key=lambda n: (n.interface_index, n.address))


def test_a_failure_part_way_keeps_what_was_removed(host: Double, run: Run) -> None:
    seed(host)
    host.option("faults_after", 2)
    host.fault("DeleteIpNetEntry2", 5)
    result, error = flush(run, interface=["Ethernet"], family=["ipv4"])
    assert error is not None and "192.0.2.12 on interface 'Ethernet' (index 4) failed" in error
    assert error.endswith("(DeleteIpNetEntry2 returned 5, ERROR_ACCESS_DENIED) (2 learned entries were removed "
                          "before it: see removed)")
    assert result["changed"] is True
    assert [e["address"] for e in result["removed"]] == ["192.0.2.10", "192.0.2.11"]
    assert result["win32_code"] == 5
    assert {n.address for n in host.neighbors()}.isdisjoint({"192.0.2.10", "192.0.2.11"})
    assert {"192.0.2.12", "192.0.2.13"} <= {n.address for n in host.neighbors()}


def test_a_failing_second_read_fails_before_the_delete(host: Double, run: Run) -> None:
    seed(host)
    host.fault("GetIpNetEntry2", 5)
    result, error = flush(run, interface=["Ethernet 2"])
    assert error is not None and error.startswith("Reading the neighbor 198.51.100.1 on interface 'Ethernet 2'")
    assert result["win32_function"] == "GetIpNetEntry2"
    assert host.mutations() == 0


def test_an_unknown_interface_fails_naming_it_before_any_change(host: Double, run: Run) -> None:
    seed(host)
    result, error = flush(run, interface=["Ethernet", "Ethernet 9"])
    assert error is not None and error.startswith("interface 'Ethernet 9': no such interface on this host")
    assert (result["changed"], result["removed"]) == (False, [])
    assert host.mutations() == 0 and host.calls("GetIpNetTable2") == 0


@pytest.mark.parametrize("params,message", [
    ({"interface": []}, "interface is empty: name the interfaces to flush"),
    ({"interface": ["Ethernet"], "family": []}, "family is empty: name ipv4, ipv6 or both"),
    ({"interface": ["0"]}, "interface '0' is not a valid interface index"),
    ({"interface": [" Ethernet"]}, "interface ' Ethernet' has leading or trailing white space"),
    ({}, "missing required arguments: interface"),
    ({"interface": ["Ethernet"], "family": ["ipx"]}, "value of family must be one or more of: ipv4, ipv6"),
])
def test_bad_input_fails_before_any_native_call(host: Double, run: Run, params: dict[str, Any], message: str) -> None:
    seed(host)
    _result, error = flush(run, **params)
    assert error is not None and message in error, error
    assert all(host.calls(f) == 0 for f in ("GetIpNetTable2", "ConvertInterfaceAliasToLuid", *MUTATING))


def test_a_table_read_failure_fails_naming_it(host: Double, run: Run) -> None:
    seed(host)
    host.fault("GetIpNetTable2", 5)
    result, error = flush(run, interface=["Ethernet"])
    assert error is not None and error.startswith("Listing the IPv4 neighbor table failed: access is denied")
    assert (result["removed"], result["win32_function"]) == ([], "GetIpNetTable2")
    assert host.mutations() == 0


def test_the_read_back_reports_an_entry_learned_again_at_once(host: Double, run: Run) -> None:
    """After the deletes the table is read again: what ARP/ND learned again is in relearned, as
    Windows holds it now (here the failed-over router's new MAC)."""
    seed(host)
    host.option("relearn", 1)
    result, error = flush(run, interface=["Ethernet 2"])
    assert error is None, error
    assert [e["mac"] for e in result["removed"]] == [LEARNED]
    assert result["relearned"] == [{"address": "198.51.100.1", "mac": "00-00-5E-00-53-FD", "interface_alias":
                                    "Ethernet 2", "interface_index": 7, "state": "Reachable", "is_router": False}]
    assert host.calls("GetIpNetTable2") == 4  # each family before, and again after


def test_text_for_a_list_is_taken_as_ansible_basic_takes_it(host: Double, run: Run) -> None:
    """The module called without the action plugin: one interface and one family as text."""
    seed(host)
    result, error = flush(run, interface="Ethernet", family="IPv6")
    assert error is None, error
    assert keys(result["removed"]) == keys(learned(4, families=(6,)))


def test_a_failing_read_back_says_what_was_removed(host: Double, run: Run) -> None:
    """The table read after the deletes fails: the task fails, and says the entries went."""
    seed(host)
    host.option("faults_after", 2)  # both families read before; the read-back is the third call
    host.fault("GetIpNetTable2", 5)
    result, error = flush(run, interface=["Ethernet 2"])
    assert error is not None and error.startswith("Listing the IPv4 neighbor table failed: access is denied")
    assert error.endswith("(1 learned entry was removed before it: see removed)")
    assert (result["changed"], [e["address"] for e in result["removed"]]) == (True, ["198.51.100.1"])
