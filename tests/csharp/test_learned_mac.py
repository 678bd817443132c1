# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""mac: learned (NeighborLearned.cs) through the module on real pwsh against the double: a pin
already in the stores the task asks for is kept; one store's pin is completed in the other;
otherwise the learned entry's MAC is pinned; where there is none, ResolveIpNetEntry2 (modelled
from its documentation, with who answers on the wire) resolves it once. Never on a pinned address,
never in check mode; stores that disagree with each other or with the network fail the task."""
from __future__ import annotations

import pytest

from csharp import Calls, Run, entry
from native_double import CIM, MUTATING, Double, Neighbor

MAC = "00-00-5E-00-53-01"
OTHER = "00-00-5E-00-53-02"
ONE = {"interface": "Ethernet", "address": "192.0.2.1", "mac": "learned"}
RESOLVE = "ResolveIpNetEntry2"
PINNED = Neighbor("192.0.2.1", 4, MAC, "Permanent")
BOTH = entry("192.0.2.1", MAC, "Permanent", stores=["active", "persistent"], persistent=MAC)


@pytest.mark.parametrize("state", ["Reachable", "Stale", "Delay", "Probe"])
def test_the_learned_mac_is_pinned_in_both_stores_without_resolving(host: Double, run: Run, calls: Calls,
                                                                    state: str) -> None:
    host.add_neighbor("192.0.2.1", 4, MAC, state)
    host.answer("192.0.2.1", 4, OTHER)  # would give another MAC, were the host to ask
    result, error = run(ONE)
    assert error is None
    assert (result["changed"], result["mac_source"], result["pinned_mac"]) == (True, "learned", MAC)
    assert result["before"] == entry("192.0.2.1", MAC, state) and result["after"] == BOTH
    assert host.neighbors() == [PINNED] and host.persistent() == [PINNED]
    assert calls(RESOLVE) == {}


def test_the_second_run_keeps_the_pin_and_says_which_mac(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("192.0.2.1", 4, MAC, "Stale")
    assert run(ONE)[1] is None
    host.reset_counters()
    result, error = run(ONE)
    assert error is None
    assert result == {"changed": False, "before": BOTH, "after": BOTH, "mac_source": "pinned", "pinned_mac": MAC}
    assert host.mutations() == 0 and calls(RESOLVE) == {}


@pytest.mark.parametrize("written", ["learned", "LEARNED", "Learned"])
def test_learned_is_taken_in_any_letter_case_on_the_host(host: Double, run: Run, written: str) -> None:
    host.add_neighbor("192.0.2.1", 4, MAC, "Reachable")
    result, error = run(ONE, mac=written)
    assert error is None and result["pinned_mac"] == MAC and host.neighbors() == [PINNED]


@pytest.mark.parametrize("found", [None, "Incomplete", "Unreachable", "zeros"])
def test_without_a_learned_entry_the_host_resolves_once_and_pins_the_answer(host: Double, run: Run, calls: Calls,
                                                                            found: str | None) -> None:
    if found == "zeros":  # a learned entry whose MAC is all zeros is no answer
        host.add_neighbor("192.0.2.1", 4, "00-00-00-00-00-00", "Reachable")
    elif found:
        host.add_neighbor("192.0.2.1", 4, "", found)
    host.answer("192.0.2.1", 4, MAC)
    result, error = run(ONE)
    assert error is None
    assert (result["mac_source"], result["pinned_mac"], result["after"]) == ("resolved", MAC, BOTH)
    assert result["before"] == (None if found is None else entry(
        "192.0.2.1", "00-00-00-00-00-00" if found == "zeros" else None, "Reachable" if found == "zeros" else found))
    assert calls(RESOLVE) == {RESOLVE: 1}
    assert host.neighbors() == [PINNED] and host.persistent() == [PINNED]


def test_an_ipv6_router_answering_keeps_its_flag(host: Double, run: Run) -> None:
    host.answer("fe80::1", 4, MAC, is_router=True)
    result, error = run(ONE, address="fe80::1", store="active")
    assert error is None and result["mac_source"] == "resolved"
    assert host.neighbors() == [Neighbor("fe80::1", 4, MAC, "Permanent", is_router=True)]


@pytest.mark.parametrize("leaves", [0, 1])
def test_no_answer_fails_naming_address_and_interface_and_pins_nothing(host: Double, run: Run, leaves: int) -> None:
    """Whether Windows keeps an Unreachable entry after an unanswered resolution is not documented: either way."""
    host.option("resolve_leaves_unreachable", leaves)
    result, error = run(ONE)
    assert error == ("192.0.2.1 on interface 'Ethernet' (index 4): mac is learned and the host has no learned entry "
                     "to take it from, and resolving the address failed: no neighbor answered ARP (the neighbor is "
                     "down, or not on this link) (ResolveIpNetEntry2 returned 67, ERROR_BAD_NET_NAME); nothing was "
                     "pinned")
    assert (result["win32_function"], result["win32_code"]) == (RESOLVE, 67)
    assert result.get("changed", False) is False and host.mutations() == 0 and host.persistent() == []
    assert host.neighbors() == ([Neighbor("192.0.2.1", 4, "", "Unreachable")] if leaves else [])


@pytest.mark.parametrize("code,why", [
    (87, "Windows rejected the entry as invalid"),
    (1168, "the interface was not found (gone, or without IPv4)"),
    (50, "the IPv4 stack is not installed or is disabled on this host"),
])
def test_resolution_failures_are_worded_with_their_code(host: Double, run: Run, code: int, why: str) -> None:
    host.fault(RESOLVE, code)
    result, error = run(ONE)
    assert error is not None and why in error and f"(ResolveIpNetEntry2 returned {code}, " in error
    assert result["win32_code"] == code and host.mutations() == 0


def test_the_double_answers_not_supported_without_the_stack_and_not_found_without_the_family(
        host: Double, run: Run) -> None:
    """Not faults: the double's own answers, as documented (no stack) and as its other calls (no family there)."""
    result, error = run(ONE, address="2001:db8::1", interface="Legacy")
    assert result["win32_code"] == 1168 and "without IPv6" in str(error)
    host.option("ipv6", 0)
    result, error = run(ONE, address="2001:db8::1")
    assert result["win32_code"] == 50


@pytest.mark.parametrize("found,persistent", [
    ("Permanent", MAC),  # pinned in both stores
    ("Permanent", None),  # pinned in the active store, store active asks for no more
])
def test_a_pinned_address_is_never_resolved(host: Double, run: Run, calls: Calls, found: str,
                                            persistent: str | None) -> None:
    host.add_neighbor("192.0.2.1", 4, MAC, found)
    if persistent:
        host.add_persistent("192.0.2.1", 4, persistent)
    host.answer("192.0.2.1", 4, OTHER)
    result, error = run(ONE, store="persistent" if persistent else "active")
    assert error is None and (result["changed"], result["mac_source"], result["pinned_mac"]) == (False, "pinned", MAC)
    assert calls(RESOLVE, *MUTATING, *CIM[1:]) == {}


def test_an_active_pin_is_completed_in_the_persistent_store_with_its_mac(host: Double, run: Run,
                                                                         calls: Calls) -> None:
    host.add_neighbor("192.0.2.1", 4, MAC, "Permanent")
    host.answer("192.0.2.1", 4, OTHER)
    result, error = run(ONE)
    assert error is None and (result["mac_source"], result["after"]) == ("pinned", BOTH)
    assert host.persistent() == [PINNED] and calls(RESOLVE) == {}


@pytest.mark.parametrize("active", [None, "Incomplete", MAC])
def test_a_persistent_pin_is_completed_in_the_active_store_without_resolving(host: Double, run: Run, calls: Calls,
                                                                             active: str | None) -> None:
    """A persistent pin not in force now: its MAC is pinned again, where the network agrees or says nothing."""
    if active == MAC:
        host.add_neighbor("192.0.2.1", 4, MAC, "Stale")
    elif active:
        host.add_neighbor("192.0.2.1", 4, "", active)
    host.add_persistent("192.0.2.1", 4, MAC)
    result, error = run(ONE)
    assert error is None and (result["mac_source"], result["after"]) == ("pinned", BOTH)
    assert host.neighbors() == [PINNED] and calls(RESOLVE) == {}


@pytest.mark.parametrize("check_mode", [False, True])
@pytest.mark.parametrize("active,persistent,said", [
    ((MAC, "Permanent"), OTHER, f"the active store pins {MAC} and the persistent store {OTHER}"),
    ((MAC, "Reachable"), OTHER, f"the persistent store pins {OTHER} and the network answers with {MAC} (Reachable)"),
])
def test_stores_that_disagree_fail_before_any_change(host: Double, run: Run, calls: Calls, check_mode: bool,
                                                     active: tuple[str, str], persistent: str, said: str) -> None:
    host.add_neighbor("192.0.2.1", 4, *active)
    host.add_persistent("192.0.2.1", 4, persistent)
    before = (host.neighbors(), host.persistent())
    result, error = run(ONE, check_mode=check_mode, mac_mismatch="warn")
    assert error == (f"192.0.2.1 on interface 'Ethernet' (index 4): mac is learned, but {said}, so nothing was "
                     "changed: the task cannot tell which MAC is right. Pin the right one with mac: <MAC>")
    assert (host.neighbors(), host.persistent()) == before and host.mutations() == 0 and calls(RESOLVE) == {}


def test_store_active_takes_the_learned_mac_and_removes_the_persistent_entry(host: Double, run: Run) -> None:
    """store active asks nothing of the persistent store, whose entry goes as for any store active pin."""
    host.add_neighbor("192.0.2.1", 4, MAC, "Reachable")
    host.add_persistent("192.0.2.1", 4, OTHER)
    result, error = run(ONE, store="active")
    assert error is None and (result["mac_source"], result["after"]) == ("learned", entry("192.0.2.1", MAC))
    assert host.neighbors() == [PINNED] and host.persistent() == []


@pytest.mark.parametrize("found,source,pinned,after_mac", [
    ((MAC, "Stale"), "learned", MAC, MAC),
    (None, "would resolve", None, None),
    (("", "Incomplete"), "would resolve", None, None),
])
def test_check_mode_reads_only_and_says_what_it_would_pin(host: Double, run: Run, calls: Calls,
                                                          found: tuple[str, str] | None, source: str,
                                                          pinned: str | None, after_mac: str | None) -> None:
    if found:
        host.add_neighbor("192.0.2.1", 4, *found)
    host.answer("192.0.2.1", 4, OTHER)
    result, error = run(ONE, check_mode=True)
    assert error is None
    assert (result["changed"], result["mac_source"], result["pinned_mac"]) == (True, source, pinned)
    assert result["after"] == entry("192.0.2.1", after_mac, "Permanent", stores=["active", "persistent"],
                                    persistent=after_mac)
    assert host.mutations() == 0 and calls(RESOLVE) == {}


def test_state_absent_ignores_learned(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("192.0.2.1", 4, MAC, "Permanent")
    host.add_persistent("192.0.2.1", 4, MAC)
    result, error = run(ONE, state="absent")
    assert error is None and result["changed"] is True and "mac_source" not in result
    assert host.neighbors() == [] and host.persistent() == [] and calls(RESOLVE) == {}


def test_a_bad_mac_beside_learned_words_are_still_refused(host: Double, run: Run) -> None:
    result, error = run(ONE, mac="learnt")
    assert error == "mac 'learnt' is not a MAC address: 'l' is not a hex digit"
    assert host.mutations() == 0


# Many entries: one snapshot per family as always; a resolution for each entry that needs one.
BULK = {"interface": "Ethernet", "report": "all"}


def test_bulk_takes_each_entry_from_its_source(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("192.0.2.1", 4, MAC, "Permanent")
    host.add_persistent("192.0.2.1", 4, MAC)
    host.add_neighbor("192.0.2.2", 4, OTHER, "Stale")
    host.answer("192.0.2.3", 4, "00-00-5E-00-53-03")
    host.answer("192.0.2.4", 4, "00-00-5E-00-53-04")
    neighbors = [{"address": f"192.0.2.{i}", "mac": "learned"} for i in (1, 2, 3)] + [
        {"address": "192.0.2.4", "mac": "00-00-5E-00-53-04"}]
    result, error = run(BULK, neighbors=neighbors)
    assert error is None
    got = [(e["address"], e["status"], e.get("mac_source"), e.get("pinned_mac")) for e in result["entries"]]
    assert got == [("192.0.2.1", "unchanged", "pinned", MAC), ("192.0.2.2", "updated", "learned", OTHER),
                   ("192.0.2.3", "added", "resolved", "00-00-5E-00-53-03"), ("192.0.2.4", "added", None, None)]
    # The resolved entry's before is what the snapshot found (nothing), not the answer.
    assert result["entries"][2]["before"] is None
    assert calls(RESOLVE, "GetIpNetTable2") == {RESOLVE: 1, "GetIpNetTable2": 1}
    assert {(n.address, n.mac, n.state) for n in host.neighbors()} == {
        ("192.0.2.1", MAC, "Permanent"), ("192.0.2.2", OTHER, "Permanent"),
        ("192.0.2.3", "00-00-5E-00-53-03", "Permanent"), ("192.0.2.4", "00-00-5E-00-53-04", "Permanent")}
    host.reset_counters()
    result, error = run(BULK, neighbors=neighbors)
    assert error is None and result["counts"]["unchanged"] == 4 and host.mutations() == 0 and calls(RESOLVE) == {}


def test_bulk_no_answer_fails_before_the_first_change(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("192.0.2.2", 4, OTHER, "Stale")
    neighbors = [{"address": "192.0.2.2", "mac": "learned"}, {"address": "192.0.2.3", "mac": "LEARNED"}]
    result, error = run(BULK, neighbors=neighbors)
    assert error is not None and error.startswith(
        "neighbors[1]: 192.0.2.3 on interface 'Ethernet' (index 4): mac is learned and the host has no learned entry")
    assert host.mutations() == 0 and calls(RESOLVE) == {RESOLVE: 1} and not result.get("changed")


def test_bulk_check_mode_resolves_nothing(host: Double, run: Run, calls: Calls) -> None:
    host.answer("192.0.2.3", 4, MAC)
    result, error = run(BULK, neighbors=[{"address": "192.0.2.3", "mac": "learned"}], check_mode=True)
    assert error is None and result["changed"] is True
    (only,) = result["entries"]
    assert (only["status"], only["mac_source"], only["pinned_mac"]) == ("added", "would resolve", None)
    assert host.mutations() == 0 and calls(RESOLVE) == {}


@pytest.mark.parametrize("learned_first", [False, True])
def test_a_zone_that_names_the_interface_is_kept_by_learned(host: Double, run: Run, learned_first: bool) -> None:
    """The request mac: learned turns into keeps everything the task said of the address, its zone included."""
    if learned_first:
        host.add_neighbor("fe80::1", 4, MAC, "Stale")
    host.answer("fe80::1", 4, MAC)
    result, error = run(address="fe80::1%Ethernet", mac="learned", store="active")
    assert error is None
    assert (result["mac_source"], result["pinned_mac"]) == ("learned" if learned_first else "resolved", MAC)
    assert host.neighbors() == [Neighbor("fe80::1", 4, MAC, "Permanent")]
    result, error = run(address="fe80::1%4", mac="learned", store="active")
    assert error is None and (result["changed"], result["mac_source"]) == (False, "pinned")
