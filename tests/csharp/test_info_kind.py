# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""win_neighbor_info's kind (unicast, multicast, broadcast) and its filter, on
real pwsh through ansible-core's exec wrapper and Ansible.Basic against the IP
Helper double and the persistent store's provider model: the entries Windows
keeps itself are told apart from the neighbors, by the one rule purge keeps
them by, and every value an entry returns is taken back as an option value."""
from __future__ import annotations

from typing import Any

import pytest

from csharp import Run
from native_double import Double

PIN, LEARNED, OLD_PIN = "00-00-5E-00-53-01", "00-00-5E-00-53-02", "00-00-5E-00-53-03"
BROADCAST_MAC = "FF-FF-FF-FF-FF-FF"
# Each entry: (address, interface index, MAC, state or None for the persistent store only), its kind.
TABLE = [
    (("192.0.2.1", 4, PIN, "Permanent"), "unicast"),                        # a pin
    (("192.0.2.2", 4, LEARNED, "Reachable"), "unicast"),                    # learned by ARP
    (("192.0.2.3", 4, "", "Incomplete"), "unicast"),                        # unresolved: no MAC
    (("192.0.2.4", 4, "00-00-00-00-00-00", "Unreachable"), "unicast"),      # unresolved: MAC all zeros
    (("192.0.2.5", 4, OLD_PIN, None), "unicast"),                           # pinned for the next boot only
    (("240.0.0.1", 4, PIN, "Permanent"), "unicast"),                        # reserved (240/4), not multicast
    (("224.0.0.22", 4, "01-00-5E-00-00-16", "Permanent"), "multicast"),     # IGMPv3, Windows' own
    (("239.255.255.250", 4, "01-00-5E-7F-FF-FA", "Permanent"), "multicast"),  # SSDP
    (("224.0.0.22", 1, "", "Permanent"), "multicast"),                      # on the loopback: no MAC
    (("192.0.2.255", 4, BROADCAST_MAC, "Permanent"), "broadcast"),          # the subnet's broadcast
    (("255.255.255.255", 4, BROADCAST_MAC, "Permanent"), "broadcast"),
    (("2001:db8::1", 4, PIN, "Permanent"), "unicast"),
    (("fe80::1", 4, LEARNED, "Stale"), "unicast"),
    (("ff02::1", 4, "33-33-00-00-00-01", "Permanent"), "multicast"),
    (("ff02::1:ff00:1", 4, "33-33-FF-00-00-01", "Permanent"), "multicast"),  # solicited-node
]


def seed(host: Double) -> None:
    for (address, index, mac, state), _kind in TABLE:
        if state is None:
            host.add_persistent(address, index, mac)
        else:
            host.add_neighbor(address, index, mac, state)
    host.add_persistent("192.0.2.1", 4, PIN)


def listed(run: Run, **params: Any) -> list[dict[str, Any]]:
    result, error = run(module="win_neighbor_info", **params)
    assert error is None, error
    return list(result["neighbors"])


def keys(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return sorted((r["address"], r["interface_index"]) for r in rows)


def of_kind(*kinds: str, static: bool = False) -> list[tuple[str, int]]:
    return sorted((e[0], e[1]) for e, kind in TABLE if kind in kinds and (not static or e[3] == "Permanent"))


def test_each_entry_says_its_kind(host: Double, run: Run) -> None:
    seed(host)
    rows = listed(run)
    assert sorted(((r["address"], r["interface_index"]), r["kind"]) for r in rows) == sorted(
        ((e[0], e[1]), kind) for e, kind in TABLE)
    by_key = {(r["address"], r["interface_index"]): r for r in rows}
    # An unresolved entry is a neighbor's whose MAC is not known: no MAC, or all zeros as Windows gives it.
    assert (by_key[("192.0.2.3", 4)]["mac"], by_key[("192.0.2.4", 4)]["mac"]) == (None, "00-00-00-00-00-00")
    assert by_key[("192.0.2.5", 4)]["stores"] == ["persistent"]
    assert host.mutations() == 0


@pytest.mark.parametrize("kind", [["unicast"], ["multicast"], ["broadcast"], ["multicast", "broadcast"]])
def test_kind_filter(host: Double, run: Run, kind: list[str]) -> None:
    seed(host)
    assert keys(listed(run, kind=kind)) == of_kind(*kind)


def test_permanent_unicast_lists_the_pins_only(host: Double, run: Run) -> None:
    seed(host)
    assert keys(listed(run, state=["Permanent"], kind=["unicast"])) == [
        ("192.0.2.1", 4), ("2001:db8::1", 4), ("240.0.0.1", 4)]
    # Without kind, state Permanent also lists the entries Windows keeps itself.
    assert len(listed(run, state=["Permanent"])) == len(of_kind("unicast", "multicast", "broadcast", static=True))


@pytest.mark.parametrize("params", [
    {"kind": ["UNICAST"], "family": "IPv4", "state": ["permanent"]},
    {"kind": ["Unicast"], "family": "IPV4", "state": ["PERMANENT"]},
])
def test_choices_in_any_letter_case(host: Double, run: Run, params: dict[str, Any]) -> None:
    """Ansible.Basic takes choices in any case on the host and passes them on as written."""
    seed(host)
    assert keys(listed(run, **params)) == [("192.0.2.1", 4), ("240.0.0.1", 4)]


def test_every_returned_value_is_taken_back(host: Double, run: Run) -> None:
    """Each entry found again by its own address, interface, family, state and kind, as returned."""
    seed(host)
    for entry in listed(run):
        params = {"address": entry["address"], "interface": entry["interface_alias"], "family": entry["family"],
                  "kind": [entry["kind"]]}
        if entry["state"] is not None:
            params["state"] = [entry["state"]]
        assert listed(run, **params) == [entry], params


def test_a_kind_not_among_the_choices_is_refused(host: Double, run: Run) -> None:
    result, error = run(module="win_neighbor_info", kind=["anycast"])
    assert error is not None and error.startswith(
        "value of kind must be one or more of: unicast, multicast, broadcast. Got no match for: anycast")
    assert "neighbors" not in result


def test_purge_removes_exactly_the_static_unicast_entries_info_lists(host: Double, run: Run) -> None:
    """One rule for both modules: what purge removes on Ethernet is what win_neighbor_info lists
    there as kind unicast and static (Permanent, or in the persistent store only)."""
    seed(host)
    expected = sorted(r["address"] for r in listed(run, interface="Ethernet", kind=["unicast"])
                      if r["state"] in ("Permanent", None))
    assert expected == ["192.0.2.1", "192.0.2.5", "2001:db8::1", "240.0.0.1"]
    result, error = run(interface="Ethernet", purge=True, neighbors=[{"address": "192.0.2.200", "state": "absent"}])
    assert error is None, error
    assert sorted(e["address"] for e in result["removed"]) == expected
    assert keys(listed(run, interface="Ethernet", kind=["unicast"], state=["Permanent"])) == []
    left = keys(listed(run))
    assert left == sorted(of_kind("multicast", "broadcast") + [
        ("192.0.2.2", 4), ("192.0.2.3", 4), ("192.0.2.4", 4), ("fe80::1", 4)])
