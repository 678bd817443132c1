# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The PowerShell boundary, through ansible-core's exec wrapper and Ansible.Basic:
values arrive as a host hands them over (choices as the user wrote them, in any
case), and an empty family is an empty table."""
from __future__ import annotations

from typing import Any

import pytest

from csharp import Run
from native_double import Double, Neighbor

A, B = "00-15-5D-00-00-0A", "00-15-5D-00-00-0B"


@pytest.mark.parametrize("params,addresses", [
    ({"family": "IPv6"}, ["2001:db8::2"]),
    ({"family": "IPV4"}, ["10.0.0.1", "10.0.0.2"]),
    ({"state": ["permanent"]}, ["10.0.0.1", "2001:db8::2"]),
    ({"state": ["STALE", "Reachable"]}, ["10.0.0.2"]),
])
def test_info_choices_in_any_case(host: Double, run: Run, params: dict[str, Any], addresses: list[str]) -> None:
    host.add_neighbor("10.0.0.1", 4, A, "Permanent")
    host.add_neighbor("10.0.0.2", 4, B, "Stale")
    host.add_neighbor("2001:db8::2", 4, B, "Permanent")
    result, error = run(params, module="win_neighbor_info")
    assert error is None
    assert sorted(n["address"] for n in result["neighbors"]) == addresses


def test_win_neighbor_choices_in_any_case(host: Double, run: Run) -> None:
    host.add_neighbor("10.0.0.1", 4, A, "Permanent")
    host.add_neighbor("10.0.0.3", 4, A, "Permanent")
    host.add_neighbor("2001:db8::3", 4, A, "Permanent")
    result, error = run({"address": "10.0.0.1", "interface": "Ethernet", "state": "Absent"})
    assert error is None and result["changed"] is True and result["after"] is None
    result, error = run({
        "interface": "Ethernet", "purge": True, "purge_family": "IPv4",
        "neighbors": [{"address": "10.0.0.2", "mac": B, "state": "PRESENT"}]})
    assert error is None
    assert host.neighbors() == [Neighbor("10.0.0.2", 4, B, "Permanent"), Neighbor("2001:db8::3", 4, A, "Permanent")]


def test_info_on_a_host_with_no_ipv6_neighbors(host: Double, run: Run) -> None:
    host.add_neighbor("10.0.0.1", 4, A, "Permanent")
    result, error = run({}, module="win_neighbor_info")
    assert error is None and [n["address"] for n in result["neighbors"]] == ["10.0.0.1"]
    result, error = run({"family": "ipv6"}, module="win_neighbor_info")
    assert (result, error) == ({"changed": False, "neighbors": []}, None)
    assert host.calls("GetIpNetTable2") == 3


def test_info_on_an_empty_table(host: Double, run: Run) -> None:
    assert run({}, module="win_neighbor_info") == ({"changed": False, "neighbors": []}, None)


def test_bulk_and_purge_on_empty_families(host: Double, run: Run) -> None:
    """Purge reads both families by default; neither has an entry yet."""
    result, error = run({"interface": "Ethernet", "purge": True, "neighbors": [{"address": "10.0.0.1", "mac": A}]})
    assert error is None and result["changed"] is True
    assert [e["status"] for e in result["entries"]] == ["added"]
    assert host.neighbors() == [Neighbor("10.0.0.1", 4, A, "Permanent")]
    # The second run finds the IPv4 entry and an empty IPv6 table: nothing to do
    # (the first run's one write: a Create of both stores).
    result, error = run({"interface": "Ethernet", "purge": True, "neighbors": [{"address": "10.0.0.1", "mac": A}]})
    assert error is None and result["changed"] is False and host.mutations() == 1
