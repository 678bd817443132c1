# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a real host could do to a pin: an IPv6 router whose flag a change must
keep, ARP/ND relearning between delete and create, an interface without the
family (GetIpNetEntry2 answering 2), and a MAC other than the one the network
answers with, which the task pins but warns about."""
from __future__ import annotations

import pytest

from csharp import Run
from native_double import Double, Neighbor

OLD, NEW = "00-15-5D-00-00-01", "00-15-5D-00-00-02"
# A pin of NEW on Ethernet, in both stores.
PIN = {"interface": "Ethernet", "mac": NEW}


@pytest.mark.parametrize("store", ["active", "persistent"])
@pytest.mark.parametrize("state,promotes", [("Reachable", 1), ("Stale", 0), ("Permanent", 1)])
def test_pinning_a_router_keeps_its_flag(host: Double, run: Run, state: str, promotes: int, store: str) -> None:
    """Active: Set in place, Set then delete + create, or Set on a static entry. Persistent:
    delete, Create in both stores, Set for the flag. The router stays a router."""
    host.option("set_promotes_dynamic", promotes)
    host.add_neighbor("fe80::1", 4, OLD, state, is_router=True)
    result, error = run(PIN, address="fe80::1", store=store)
    assert error is None
    assert result["before"]["is_router"] is True and result["after"]["is_router"] is True
    assert host.neighbors() == [Neighbor("fe80::1", 4, NEW, "Permanent", is_router=True)]


def test_check_mode_predicts_the_router_flag(host: Double, run: Run) -> None:
    host.add_neighbor("fe80::1", 4, OLD, "Reachable", is_router=True)
    result, error = run(PIN, address="fe80::1", check_mode=True)
    assert error is None and result["after"]["is_router"] is True and host.mutations() == 0


@pytest.mark.parametrize("store,calls", [
    ("active", {"SetIpNetEntry2": 1, "DeleteIpNetEntry2": 2, "CreateIpNetEntry2": 2}),
    # A Create over the learned entry is refused (create_replaces_active 0): delete, Create again.
    ("persistent", {"DeleteIpNetEntry2": 2, "MSFT_NetNeighbor.Create": 2}),
])
def test_a_relearn_between_delete_and_create_is_retried_once(host: Double, run: Run, store: str,
                                                             calls: dict[str, int]) -> None:
    host.option("set_promotes_dynamic", 0)
    host.option("race_learn", 1)
    host.add_neighbor("10.0.0.4", 4, OLD, "Stale")
    result, error = run(PIN, address="10.0.0.4", store=store)
    assert error is None and result["after"]["state"] == "Permanent"
    assert host.neighbors() == [Neighbor("10.0.0.4", 4, NEW, "Permanent")]
    counted = ("SetIpNetEntry2", "DeleteIpNetEntry2", "CreateIpNetEntry2", "MSFT_NetNeighbor.Create")
    assert {f: host.calls(f) for f in counted if host.calls(f)} == calls


def test_get_answering_file_not_found_names_the_missing_family(host: Double, run: Run) -> None:
    host.fault("GetIpNetEntry2", 2)
    result, error = run(PIN, address="2001:db8::4")
    assert error == ("Reading the neighbor 2001:db8::4 on interface 'Ethernet' (index 4) failed: the interface has no "
                     "IPv6 here (the protocol is unbound or the adapter disabled) or is gone (GetIpNetEntry2 returned "
                     "2, ERROR_FILE_NOT_FOUND)")


WARNING = ("10.0.0.4 on interface 'Ethernet' (index 4): the network answers with 00-15-5D-00-00-01 (Reachable) and "
           "the task pins 00-15-5D-00-00-02; if 00-15-5D-00-00-02 is wrong, the host cannot reach this neighbor "
           "until the entry is fixed. Check the MAC")


@pytest.mark.parametrize("check_mode", [False, True])
def test_pinning_a_mac_the_network_does_not_answer_with_warns(host: Double, run: Run, check_mode: bool) -> None:
    host.add_neighbor("10.0.0.4", 4, OLD, "Reachable")
    result, error = run(PIN, address="10.0.0.4", check_mode=check_mode)
    assert error is None and result["changed"] is True
    assert result["warnings"] == [WARNING]


def test_bulk_warns_per_entry(host: Double, run: Run) -> None:
    host.add_neighbor("10.0.0.4", 4, OLD, "Reachable")
    host.add_neighbor("10.0.0.5", 4, NEW, "Stale")
    result, error = run({"interface": "Ethernet", "neighbors": [
        {"address": "10.0.0.5", "mac": NEW}, {"address": "10.0.0.4", "mac": NEW}]})
    assert error is None and result["warnings"] == ["neighbors[1]: " + WARNING]


@pytest.mark.parametrize("check_mode", [False, True])
def test_mac_mismatch_fail_fails_before_any_change(host: Double, run: Run, check_mode: bool) -> None:
    host.add_neighbor("10.0.0.4", 4, OLD, "Reachable")
    result, error = run(PIN, address="10.0.0.4", mac_mismatch="fail", check_mode=check_mode)
    assert error == ("mac_mismatch is fail, and the network answers with another MAC than the task pins for 1 entry, "
                     "so nothing was changed: " + WARNING)
    assert result["changed"] is False and host.mutations() == 0
    assert host.neighbors() == [Neighbor("10.0.0.4", 4, OLD, "Reachable")]


def test_bulk_mac_mismatch_fail_names_every_entry_and_changes_nothing(host: Double, run: Run) -> None:
    host.add_neighbor("10.0.0.4", 4, OLD, "Reachable")
    host.add_neighbor("10.0.0.5", 4, OLD, "Stale")
    result, error = run({"interface": "Ethernet", "mac_mismatch": "fail", "neighbors": [
        {"address": "10.0.0.3", "mac": NEW}, {"address": "10.0.0.4", "mac": NEW}, {"address": "10.0.0.5", "mac": NEW}]})
    assert error is not None and error.startswith(
        "mac_mismatch is fail, and the network answers with another MAC than the task pins for 2 entries, so nothing "
        "was changed: neighbors[1]: 10.0.0.4 on interface 'Ethernet' (index 4): the network answers with "
        "00-15-5D-00-00-01 (Reachable)")
    assert "; neighbors[2]: 10.0.0.5 on interface 'Ethernet' (index 4): the network answers with 00-15-5D-00-00-01 " \
           "(Stale)" in error
    assert result["changed"] is False and host.mutations() == 0


def test_mac_mismatch_fail_lets_agreeing_entries_through(host: Double, run: Run) -> None:
    host.add_neighbor("10.0.0.4", 4, NEW, "Reachable")
    result, error = run(PIN, address="10.0.0.4", mac_mismatch="fail")
    assert error is None and result["changed"] is True and "warnings" not in result


@pytest.mark.parametrize("state,mac", [("Reachable", NEW), ("Permanent", OLD), ("Incomplete", ""),
                                       ("Unreachable", OLD)])
def test_no_warning_when_nothing_disagrees(host: Double, run: Run, state: str, mac: str) -> None:
    """The same MAC, a static entry (the task's to change), or nothing learned to compare with."""
    host.add_neighbor("10.0.0.4", 4, mac, state)
    result, error = run(PIN, address="10.0.0.4")
    assert error is None and "warnings" not in result


@pytest.mark.parametrize("mac", ["00-15-5D-00-00-00-00-01", "00-15-5D-00-01"])
def test_a_mac_the_link_cannot_take_is_refused_before_any_call(host: Double, run: Run, mac: str) -> None:
    host.add_neighbor("10.0.0.4", 4, OLD, "Permanent")
    result, error = run(PIN, address="10.0.0.4", mac=mac)
    length = len(mac.split("-"))
    assert error == (f"mac '{mac}' is {length} bytes long, and interface 'Ethernet' (index 4) has link-layer "
                     "addresses of 6 bytes")
    assert result == {"changed": False}
    assert host.calls("GetIpNetEntry2") == 0 and host.mutations() == 0


def test_bulk_refuses_a_misfit_mac_before_the_snapshot(host: Double, run: Run) -> None:
    host.link_length(7, 20)  # an InfiniBand-like link
    result, error = run({"interface": "Ethernet", "neighbors": [
        {"address": "10.0.0.1", "mac": NEW}, {"address": "10.0.0.2", "mac": NEW, "interface": "Ethernet 2"}]})
    assert error == ("neighbors[1].mac '00-15-5D-00-00-02' is 6 bytes long, and interface 'Ethernet 2' (index 7) has "
                     "link-layer addresses of 20 bytes")
    assert host.calls("GetIpNetTable2") == 0 and host.mutations() == 0


def test_a_link_of_another_length_takes_its_own(host: Double, run: Run) -> None:
    host.link_length(7, 8)
    result, error = run({"interface": "Ethernet 2", "address": "10.0.0.2", "mac": "00-15-5D-00-00-00-00-02"})
    assert error is None and host.neighbors() == [Neighbor("10.0.0.2", 7, "00-15-5D-00-00-00-00-02", "Permanent")]


def test_the_double_refuses_a_misfit_mac_as_windows_does(host: Double) -> None:
    """What the check above spares the task: Windows' own ERROR_INVALID_PARAMETER."""
    import ctypes

    from native_double import make_row

    row = make_row("10.0.0.9", 4, "00-15-5D-00-00-00-00-09", "Permanent")
    assert host.lib.CreateIpNetEntry2(ctypes.byref(row)) == 87


def test_a_failed_link_lookup_is_named(host: Double, run: Run) -> None:
    host.fault("GetIfEntry2", 5)
    result, error = run(PIN, address="10.0.0.4")
    assert error is not None and error.startswith("interface 'Ethernet': looking up the interface's link layer "
                                                  "failed: access is denied")
