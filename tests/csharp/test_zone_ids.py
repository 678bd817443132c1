# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""IPv6 zone ids (fe80::1%12, fe80::1%Ethernet) on the host, the modules run as a
Windows host runs them, without the action plugin: the zone names the interface,
an index and an alias are compared once both are resolved, before the table is
read; results carry the address without its zone, as Windows reports it. And the
controller's rules (neighbor_args.py) and the C# ones agree on generated input."""
from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from parsers import dotnet, outcome

from csharp import Calls, Run, entry
from native_double import CIM, LOOKUPS, MUTATING, Double, Neighbor

MAC = "00-00-5E-00-53-01"
OTHER = "00-00-5E-00-53-02"
TABLE_READS = ("GetIpNetTable2", "GetIpNetEntry2", "MSFT_NetNeighbor.EnumerateInstances")
ACTIVE = {"store": "active"}
ON_7: dict[str, Any] = {"alias": "Ethernet 2", "index": 7}


ZONES = st.text(alphabet="0123456789+- Eth%", max_size=6)
ADDRESSES = st.one_of(st.ip_addresses().map(str), st.sampled_from(
    ["fe80::1", "::1", "::", "::ffff:1.2.3.4", "fe80::1::2", "192.0.2.1", "", " fe80::1", "gateway"]))


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.one_of(st.tuples(ADDRESSES, ZONES).map("%".join),
                 st.text(alphabet="0123456789abcdefABCDEF:.% Eth", max_size=30)))
@example("fe80::1%4294967295")
@example("fe80::1%4294967296")
@example("fe80::1%00012")
@example("fe80::1%Ethernet 2")
@example("fe80::1%4%5")
@example("%4")
def test_the_scoped_address_parsers_agree(helper: Any, rules: Any, text: str) -> None:
    def parse_cs() -> tuple[bytes, str | None]:
        scoped = helper.NeighborInput.ScopedAddress.Parse("address", text)
        # Kept without its zone, as Windows reports a neighbor's address.
        assert scoped.Address.ToString().find("%") < 0
        return bytes(scoped.Address.GetAddressBytes()), None if scoped.Zone is None else str(scoped.Zone)

    def parse_py() -> tuple[bytes, str | None]:
        address, zone = rules.address_and_zone("address", text)
        return ipaddress.ip_address(address).packed, zone

    assert outcome(parse_py, rules.NeighborArgumentError) == dotnet(parse_cs)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(ZONES.filter(lambda z: z.strip() == z and z and "%" not in z), st.text(alphabet="0123456789 Eth", max_size=5))
@example("4", "4")
@example("4", "04")
@example("Eth", "4")
@example("4", "Eth")
@example("Eth", "eth")
def test_the_zone_and_interface_rules_agree(helper: Any, rules: Any, zone: str, interface: str) -> None:
    def py() -> bool:
        named_zone = rules.address_and_zone("address", f"fe80::1%{zone}")[1]
        named = rules.normalise_interface("interface", interface)
        problem = rules.zone_disagreement(named_zone, "interface", named)
        if problem:
            raise rules.NeighborArgumentError("address", f"fe80::1%{zone}", problem)
        # Left to the host: an index and an alias.
        return named_zone.isdigit() != named.isdigit()

    def cs() -> bool:
        scoped = helper.NeighborInput.ScopedAddress.Parse("address", f"fe80::1%{zone}")
        named = helper.NeighborInput.NeighborParse.Interface("interface", interface)
        # pythonnet returns the out parameter after the result.
        return bool(scoped.Interface("interface", named, False)[1])

    assert outcome(py, rules.NeighborArgumentError) == dotnet(cs)


def test_a_zone_alone_names_the_interface_check_mode_first(host: Double, run: Run, calls: Calls) -> None:
    host.add_neighbor("fe80::1", 7, OTHER, "Stale")
    pinned = entry("fe80::1", MAC, **ON_7)
    result, error = run(ACTIVE, address="fe80::1%Ethernet 2", mac=MAC, check_mode=True)
    assert error is None
    # The learned MAC differs: the warning names the address as Windows reports it.
    assert [w[:56] for w in result.pop("warnings")] == ["fe80::1 on interface 'Ethernet 2' (index 7): the network"]
    assert result == {"changed": True, "before": entry("fe80::1", OTHER, "Stale", **ON_7), "after": pinned}
    assert host.mutations() == 0 and calls(*MUTATING) == {}
    result, error = run(ACTIVE, address="fe80::1%Ethernet 2", mac=MAC)
    assert error is None and result["changed"] is True and result["after"] == pinned and "warnings" in result
    assert host.neighbors() == [Neighbor("fe80::1", 7, MAC, "Permanent")]
    host.reset_counters()
    result, error = run(ACTIVE, address="fe80::1%7", mac=MAC)
    assert error is None and result == {"changed": False, "before": pinned, "after": pinned}
    assert host.mutations() == 0


def test_a_persistent_pin_by_zone_reaches_both_stores_without_the_zone(host: Double, run: Run) -> None:
    pinned = entry("fe80::5", MAC, stores=["active", "persistent"], persistent=MAC)
    result, error = run(address="fe80::5%4", mac=MAC)
    assert error is None and result == {"changed": True, "before": None, "after": pinned}
    assert host.persistent() == [Neighbor("fe80::5", 4, MAC, "Permanent")]
    result, error = run(address="FE80::5%Ethernet", mac=MAC)
    assert error is None and result == {"changed": False, "before": pinned, "after": pinned}
    result, error = run(address="fe80::5%4", state="absent")
    assert error is None and result["changed"] is True and result["after"] is None
    assert host.neighbors() == [] and host.persistent() == []


@pytest.mark.parametrize("address,interface", [("fe80::1%4", "Ethernet"), ("fe80::1%Ethernet", "4"),
                                               ("fe80::1%4", "4"), ("fe80::1%Ethernet", "Ethernet")])
def test_a_zone_that_agrees_with_interface(host: Double, run: Run, address: str, interface: str) -> None:
    result, error = run(ACTIVE, address=address, interface=interface, mac=MAC)
    assert error is None and result["after"] == entry("fe80::1", MAC)
    assert host.neighbors() == [Neighbor("fe80::1", 4, MAC, "Permanent")]


@pytest.mark.parametrize("params,message", [
    ({"address": "fe80::1%7", "interface": "Ethernet"},
     "address 'fe80::1%7' names interface '7' in its zone id, and interface names 'Ethernet', another one: interface "
     "'Ethernet 2' (index 7) and interface 'Ethernet' (index 4); name the interface once, or the same in both"),
    ({"address": "fe80::1%Ethernet", "interface": "7"},
     "address 'fe80::1%Ethernet' names interface 'Ethernet' in its zone id, and interface names '7', another one: "
     "interface 'Ethernet' (index 4) and interface 'Ethernet 2' (index 7); name the interface once, or the same in "
     "both"),
    ({"address": "fe80::1%4", "interface": "7"},
     "address 'fe80::1%4' names interface '4' in its zone id, and interface names '7'; name the interface once, or "
     "the same in both"),
    ({"neighbors": [{"address": "fe80::2", "mac": MAC}, {"address": "fe80::1%Ethernet 2", "mac": MAC}],
      "interface": "4"},
     "neighbors[1].address 'fe80::1%Ethernet 2' names interface 'Ethernet 2' in its zone id, and interface names "
     "'4', another one: interface 'Ethernet 2' (index 7) and interface 'Ethernet' (index 4); name the interface "
     "once, or the same in both"),
    ({"neighbors": [{"address": "fe80::1%4", "mac": MAC, "interface": "Ethernet 2"}], "interface": "Ethernet"},
     "neighbors[0].address 'fe80::1%4' names interface '4' in its zone id, and neighbors[0].interface names "
     "'Ethernet 2', another one: interface 'Ethernet' (index 4) and interface 'Ethernet 2' (index 7); name the "
     "interface once, or the same in both"),
    ({"address": "fe80::1%42", "mac": MAC},
     "address 'fe80::1%42', zone id '42': no such interface on this host (ConvertInterfaceIndexToLuid returned 2, "
     "ERROR_FILE_NOT_FOUND); name it by its alias (Get-NetAdapter / Get-NetIPInterface InterfaceAlias) or its index "
     "(ifIndex)"),
    ({"address": "fe80::1", "mac": MAC}, "interface is required"),
])
def test_a_zone_that_disagrees_is_refused_before_the_table_is_read(
        host: Double, run: Run, calls: Calls, params: dict[str, Any], message: str) -> None:
    host.add_neighbor("fe80::1", 4, OTHER, "Stale")
    host.add_neighbor("fe80::1", 7, OTHER, "Stale")
    host.reset_counters()
    result, error = run(dict(params, mac=MAC) if "address" in params else params)
    assert error == message
    assert result.get("changed") is False
    assert calls(*TABLE_READS, *MUTATING, *CIM) == {}
    assert host.neighbors() == [Neighbor("fe80::1", 4, OTHER, "Stale"), Neighbor("fe80::1", 7, OTHER, "Stale")]


def test_a_zone_unknown_to_the_host_is_refused_naming_the_address(host: Double, run: Run, calls: Calls) -> None:
    """A lookup's Win32 code is reported, as for interface."""
    result, error = run(address="fe80::1%42", mac=MAC)
    assert error is not None and error.startswith("address 'fe80::1%42', zone id '42': no such interface")
    assert result == {"changed": False, "win32_function": "ConvertInterfaceIndexToLuid", "win32_code": 2}
    assert "ConvertInterfaceIndexToLuid" in calls(*LOOKUPS)


def test_entries_by_zone_check_mode_then_pinned_then_unchanged(host: Double, run: Run) -> None:
    host.add_neighbor("fe80::1", 4, OTHER, "Permanent")
    host.add_neighbor("fe80::9", 4, OTHER, "Permanent")  # unlisted: purged
    neighbors = [{"address": "fe80::1%Ethernet", "mac": MAC}, {"address": "fe80::1%7", "mac": MAC},
                 {"address": "fe80::2", "mac": MAC, "interface": "4"}]
    task = dict(ACTIVE, neighbors=neighbors, purge=True, report="all")
    result, error = run(task, check_mode=True)
    assert error is None and result["changed"] is True
    assert host.mutations() == 0
    expected = [("fe80::1", "Ethernet", "updated"), ("fe80::1", "Ethernet 2", "added"),
                ("fe80::2", "Ethernet", "added"), ("fe80::9", "Ethernet", "removed")]
    assert [(e["address"], e["interface_alias"], e["status"]) for e in result["entries"]] == expected
    result, error = run(task)
    assert error is None and result["changed"] is True
    assert [(e["address"], e["interface_alias"], e["status"]) for e in result["entries"]] == expected
    assert host.neighbors() == [Neighbor("fe80::1", 4, MAC, "Permanent"), Neighbor("fe80::2", 4, MAC, "Permanent"),
                                Neighbor("fe80::1", 7, MAC, "Permanent")]
    host.reset_counters()
    result, error = run(task)
    assert error is None and result["changed"] is False and host.mutations() == 0
    assert {e["status"] for e in result["entries"]} == {"unchanged"}


def info(run: Run, **params: Any) -> tuple[list[tuple[str, int]], str | None]:
    result, error = run(module="win_neighbor_info", **params)
    return [(n["address"], n["interface_index"]) for n in result.get("neighbors", [])], error


@pytest.mark.parametrize("params,listed", [
    ({"address": "fe80::1%7"}, [("fe80::1", 7)]),
    ({"address": "fe80::1%Ethernet"}, [("fe80::1", 4)]),
    ({"address": "fe80::1%Ethernet", "interface": "4"}, [("fe80::1", 4)]),
    ({"address": "fe80::1"}, [("fe80::1", 4), ("fe80::1", 7)]),
])
def test_info_reads_the_zone_as_an_interface_filter(
        host: Double, run: Run, params: dict[str, Any], listed: list[tuple[str, int]]) -> None:
    host.add_neighbor("fe80::1", 4, MAC, "Stale")
    host.add_neighbor("fe80::1", 7, MAC, "Stale")
    host.add_neighbor("fe80::2", 7, MAC, "Stale")
    assert info(run, **params) == (listed, None)


@pytest.mark.parametrize("params,message", [
    ({"address": "fe80::1%7", "interface": "Ethernet"},
     "address 'fe80::1%7' names interface '7' in its zone id, and interface names 'Ethernet', another one: interface "
     "'Ethernet 2' (index 7) and interface 'Ethernet' (index 4); name the interface once, or the same in both"),
    ({"address": "fe80::1%7", "interface": "4"},
     "address 'fe80::1%7' names interface '7' in its zone id, and interface names '4'; name the interface once, or "
     "the same in both"),
    ({"address": "192.0.2.1%4"}, "address '192.0.2.1%4' has a zone id, which only an IPv6 address takes"),
    ({"address": "fe80::1%"}, "address 'fe80::1%' has an empty zone id after '%'"),
])
def test_info_refuses_a_zone_as_win_neighbor_does(host: Double, run: Run, calls: Calls, params: dict[str, Any],
                                                  message: str) -> None:
    assert info(run, **params) == ([], message)
    assert calls(*TABLE_READS) == {}
