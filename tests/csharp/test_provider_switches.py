# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The persistent store under every answer the documentation leaves open: each
combination of the provider model's switches (tests/native/persistent_double.c).
Under each, pins converge from every starting point (nothing, a learned entry, an
active-only pin, a persistent-only entry with another MAC, an IPv6 link-local
address), a second run changes nothing, a reboot keeps the pins, removal empties
both stores, and a reboot after it brings nothing back."""
from __future__ import annotations

import itertools
from typing import Any

import pytest

from csharp import Run
from native_double import Double, Neighbor

SWITCHES = ("zone_in_address", "duplicate_win32", "create_replaces_active", "create_persistent_accepted",
            "mac_lowercase")
COMBINATIONS = list(itertools.product((0, 1), repeat=len(SWITCHES)))
MAC, OTHER = "00-15-5D-01-02-03", "00-15-5D-0A-0B-0C"
ADDRESSES = ("10.0.0.1", "fe80::1", "10.0.0.3", "2001:db8::4")
PINNED = sorted((Neighbor(a, 4, MAC, "Permanent") for a in ADDRESSES), key=lambda n: n.address)


def task(state: str = "present", **params: Any) -> dict[str, Any]:
    entries = [{"address": a, "mac": MAC, "state": state} if state == "present" else {"address": a, "state": state}
               for a in ADDRESSES]
    return dict({"interface": "Ethernet", "neighbors": entries}, **params)


def start(host: Double) -> None:
    """10.0.0.1: nothing; fe80::1: learned; 10.0.0.3: pinned in the active store only, another MAC;
    2001:db8::4: in the persistent store only (its interface was down at boot), another MAC."""
    host.add_neighbor("fe80::1", 4, OTHER, "Reachable", is_router=True)
    host.add_neighbor("10.0.0.3", 4, OTHER, "Permanent")
    host.add_persistent("2001:db8::4", 4, OTHER)


def converges(host: Double, run: Run, params: dict[str, Any]) -> None:
    result, error = run(params)
    assert error is None, error
    assert result["changed"] is True
    second, error = run(params)
    assert error is None and second["changed"] is False, (error, second)


@pytest.mark.parametrize("switches", COMBINATIONS, ids=lambda c: "".join(map(str, c)))
def test_pin_reboot_remove_converge(host: Double, run: Run, switches: tuple[int, ...]) -> None:
    for name, value in zip(SWITCHES, switches, strict=True):
        host.option(name, value)
    start(host)
    converges(host, run, task())
    assert sorted(host.neighbors(), key=lambda n: n.address) == [
        Neighbor(n.address, n.interface_index, n.mac, n.state, is_router=n.address == "fe80::1") for n in PINNED]
    assert sorted(host.persistent(), key=lambda n: n.address) == PINNED
    host.reboot()
    result, error = run(task())
    assert error is None and result["changed"] is False
    # One entry on its own: the single-entry path reads back at once.
    converges(host, run, {"interface": "Ethernet", "address": "10.0.0.9", "mac": MAC})
    converges(host, run, task("absent"))
    converges(host, run, {"interface": "Ethernet", "address": "10.0.0.9", "state": "absent"})
    assert host.neighbors() == [] and host.persistent() == []
    host.reboot()
    assert host.neighbors() == []
