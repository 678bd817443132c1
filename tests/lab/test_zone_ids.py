# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""IPv6 zone ids (issue 23) through the lab (tests/lab/README.md): real ansible-playbook,
the action plugin, ssh, real pwsh, ansible-core's exec wrapper, the module and the C#
helper against the IP Helper double. fe80::1%Ethernet or fe80::1%7 pins the address on
the interface its zone names: check mode changes nothing, diff and results name the
address without its zone, a second run changes nothing; bad zones are refused naming
the option and the value. Run on every ansible-core venv in LAB_VENVS."""
from __future__ import annotations

import copy
from typing import Any

from lab_run import LAB, Lab

MUTATING = ("CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2", "MSFT_NetNeighbor.Create",
            "MSFT_NetNeighbor.ModifyInstance", "MSFT_NetNeighbor.DeleteInstance")
READS = ("GetIpNetEntry2", "GetIpNetTable2", "MSFT_NetNeighbor.EnumerateInstances")
# The lab's default interfaces (tests/lab/lab_host.py): Ethernet is index 4, Ethernet 2 index 7.
HOST: dict[str, Any] = {
    "interfaces": [
        {"alias": "Loopback Pseudo-Interface 1", "index": 1, "type": 24},
        {"alias": "Ethernet", "index": 4},
        {"alias": "Ethernet 2", "index": 7},
    ],
    "neighbors": [
        {"address": "fe80::1", "interface_index": 4, "mac": "00-00-5E-00-53-01", "state": "Stale", "is_router": True},
        {"address": "fe80::9", "interface_index": 4, "mac": "00-00-5E-00-53-09", "state": "Permanent"},
    ],
    "persistent": [{"address": "fe80::9", "interface_index": 4, "mac": "00-00-5E-00-53-09"}],
    "faults": {},
    "calls": {},
}
PINNED = {("fe80::1", 4, "00-00-5E-00-53-01"), ("fe80::2", 7, "00-00-5E-00-53-02"), ("fe80::3", 4, "00-00-5E-00-53-03"),
          ("fe80::3", 7, "00-00-5E-00-53-13"), ("fe80::4", 4, "00-00-5E-00-53-04")}


def table(entries: list[dict[str, Any]]) -> set[tuple[str, int, str]]:
    return {(n["address"], n["interface_index"], n["mac"]) for n in entries}


def test_check_mode_and_diff_change_nothing_and_name_the_address_without_its_zone(lab: Lab) -> None:
    lab.write(copy.deepcopy(HOST))
    proc = lab.play(LAB / "playbooks" / "zone_ids.yml", "--check", "--diff")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert "--- before: neighbor fe80::1 on interface Ethernet (before)" in out
    assert "+++ after: neighbor fe80::2 on interface 7 (after)" in out
    assert "+++ after: fe80::3 on Ethernet 2 (after)" in out
    assert "--- before: neighbor fe80::9 on interface 4 (before)" in out
    assert "-state: Stale\n-stores: active\n-persistent_mac: (none)\n+state: Permanent\n" in out
    assert "%" not in "".join(line for line in out.splitlines() if line.startswith(("---", "+++", "-", "+")))
    stats = lab.stats(LAB / "playbooks" / "zone_ids.yml", "--check")
    assert (stats["changed"], stats["failures"]) == (4, 0)
    state = lab.state()
    assert table(state["neighbors"]) == table(HOST["neighbors"])
    assert all(state["calls"].get(f, 0) == 0 for f in MUTATING), state["calls"]


def test_zones_pin_on_the_interfaces_they_name_then_a_second_run_is_unchanged(lab: Lab) -> None:
    lab.write(copy.deepcopy(HOST))
    first = lab.stats(LAB / "playbooks" / "zone_ids.yml")
    assert (first["changed"], first["failures"]) == (4, 0)
    state = lab.state()
    assert table(state["neighbors"]) == PINNED
    assert all(n["state"] == "Permanent" for n in state["neighbors"])
    # The router keeps its flag; the store active pin is not persistent; the removal left both stores.
    assert [n["is_router"] for n in state["neighbors"] if n["address"] == "fe80::1"] == [True]
    assert table(state["persistent"]) == PINNED - {("fe80::2", 7, "00-00-5E-00-53-02")}
    calls = dict(state["calls"])
    second = lab.stats(LAB / "playbooks" / "zone_ids.yml")
    assert (second["changed"], second["failures"]) == (0, 0)
    assert table(lab.state()["neighbors"]) == PINNED
    assert all(lab.state()["calls"].get(f, 0) == calls.get(f, 0) for f in MUTATING)


def test_bad_zones_are_refused_naming_the_option_and_the_value(lab: Lab) -> None:
    lab.write(copy.deepcopy(HOST))
    stats = lab.stats(LAB / "playbooks" / "zone_ids_refused.yml")
    assert (stats["ignored"], stats["changed"]) == (7, 0)
    assert [r["result"]["msg"] for r in lab.results()] == [
        "address '192.0.2.1%4' has a zone id, which only an IPv6 address takes",
        "address 'fe80::1%' has an empty zone id after '%'",
        "neighbors[0].address 'fe80::1%7' names interface '7' in its zone id, and interface names '4'; name the "
        "interface once, or the same in both",
        "neighbors[1].address 'fe80::1' is listed twice for interface 'Ethernet': neighbors[0] names it too",
        # Only the host can tell an index and an alias apart: it resolves both, before the table is read.
        "address 'fe80::1%7' names interface '7' in its zone id, and interface names 'Ethernet', another one: "
        "interface 'Ethernet 2' (index 7) and interface 'Ethernet' (index 4); name the interface once, or the same "
        "in both",
        "address 'fe80::1%Ethernet 9', zone id 'Ethernet 9': no such interface on this host "
        "(ConvertInterfaceAliasToLuid returned 87, ERROR_INVALID_PARAMETER); name it by its alias (Get-NetAdapter / "
        "Get-NetIPInterface InterfaceAlias) or its index (ifIndex)",
        "address 'fe80::1%7' names interface '7' in its zone id, and interface names 'Ethernet', another one: "
        "interface 'Ethernet 2' (index 7) and interface 'Ethernet' (index 4); name the interface once, or the same "
        "in both"]
    state = lab.state()
    assert table(state["neighbors"]) == table(HOST["neighbors"])
    assert all(state["calls"].get(f, 0) == 0 for f in MUTATING + READS), state["calls"]
    # The three the host refused looked the interfaces up, and nothing else.
    assert state["calls"].get("ConvertInterfaceAliasToLuid", 0) == 3
