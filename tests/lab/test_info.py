# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""win_neighbor_info through the lab (tests/lab/README.md): real ansible-playbook
over ssh to real pwsh, Ansible.Basic and the C# helper against the IP Helper
double; the filter ipneighbor.windows.mac in the controller's templating. Run
on every ansible-core venv in LAB_VENVS, as test_playbooks.py is."""
from __future__ import annotations

from typing import Any

from lab_run import LAB, Lab

PIN = "00-00-5E-00-53-01"
BROADCAST = "FF-FF-FF-FF-FF-FF"
# A host with two pins (one IPv6), learned and unresolved entries, and the multicast and
# broadcast entries Windows keeps static itself.
KINDS_HOST: dict[str, Any] = {
    "interfaces": [
        {"alias": "Loopback Pseudo-Interface 1", "index": 1, "type": 24},
        {"alias": "Ethernet", "index": 4},
    ],
    "neighbors": [
        {"address": "192.0.2.1", "interface_index": 4, "mac": PIN, "state": "Permanent"},
        {"address": "192.0.2.2", "interface_index": 4, "mac": "00-00-5E-00-53-02", "state": "Reachable"},
        {"address": "192.0.2.3", "interface_index": 4, "mac": "", "state": "Incomplete"},
        {"address": "224.0.0.22", "interface_index": 4, "mac": "01-00-5E-00-00-16", "state": "Permanent"},
        {"address": "192.0.2.255", "interface_index": 4, "mac": BROADCAST, "state": "Permanent"},
        {"address": "255.255.255.255", "interface_index": 4, "mac": BROADCAST, "state": "Permanent"},
        {"address": "2001:db8::1", "interface_index": 4, "mac": "00-00-5E-00-53-11", "state": "Permanent"},
        {"address": "ff02::1", "interface_index": 4, "mac": "33-33-00-00-00-01", "state": "Permanent"},
    ],
    "persistent": [
        {"address": "192.0.2.1", "interface_index": 4, "mac": PIN},
        {"address": "2001:db8::1", "interface_index": 4, "mac": "00-00-5E-00-53-11"},
    ],
    "faults": {},
    "calls": {},
}
MUTATING = ("CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2", "MSFT_NetNeighbor.Create",
            "MSFT_NetNeighbor.ModifyInstance", "MSFT_NetNeighbor.DeleteInstance")


def results(lab: Lab) -> dict[str, dict[str, Any]]:
    """Each task's record by its name."""
    return {r["task"]: r for r in lab.results()}


def test_kind_tells_the_pins_from_windows_own_entries_and_every_value_goes_back(lab: Lab) -> None:
    lab.write(KINDS_HOST)
    stats = lab.stats(LAB / "playbooks" / "info_kind.yml")
    assert (stats["failures"], stats["changed"], stats["ignored"]) == (0, 0, 1)
    tasks = results(lab)
    pins = tasks["List the pins only"]["result"]["neighbors"]
    assert [(n["address"], n["family"], n["kind"], n["state"], n["stores"]) for n in pins] == [
        ("192.0.2.1", "IPv4", "unicast", "Permanent", ["active", "persistent"]),
        ("2001:db8::1", "IPv6", "unicast", "Permanent", ["active", "persistent"])]
    static = tasks["List every static entry"]["result"]["neighbors"]
    assert sorted((n["address"], n["kind"]) for n in static) == [
        ("192.0.2.1", "unicast"), ("192.0.2.255", "broadcast"), ("2001:db8::1", "unicast"),
        ("224.0.0.22", "multicast"), ("255.255.255.255", "broadcast"), ("ff02::1", "multicast")]
    # Each pin found again by family IPv4/IPv6, state Permanent and kind unicast as returned;
    # the playbook's asserts compared them, and the inventory's MAC through the filter.
    again = tasks["Find each pin again by the family, state and kind it was returned with"]["result"]["results"]
    assert [r["neighbors"] for r in again] == [[n] for n in pins]
    assert [(r["entry"]["family"], r["entry"]["state"], r["entry"]["kind"]) for r in again] == [
        ("IPv4", "Permanent", "unicast"), ("IPv6", "Permanent", "unicast")]
    for name in ("Each pin is found again as it was listed",
                 "The inventory's MAC of the gateway is the one it is pinned to, once written as Windows writes it"):
        assert tasks[name]["status"] == "ok", tasks[name]
    unreadable = tasks["A MAC the filter cannot read fails, naming it"]
    assert unreadable["status"] == "ignored"
    assert "mac '00:00:5e:00:53:zz' is not a MAC address: 'z' is not a hex digit" in unreadable["result"]["msg"]
    assert all(lab.state()["calls"].get(f, 0) == 0 for f in MUTATING)
