# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""win_neighbor_flush through the lab (tests/lab/README.md): real ansible-playbook over ssh to
real pwsh, Ansible.Basic and the C# helper against the IP Helper double. Check mode lists what
would go and calls nothing that changes; the diff shows each entry removed; a second run is
unchanged; failures name their cause; pins stay in both stores. Run on every ansible-core venv
in LAB_VENVS, as test_playbooks.py is."""
from __future__ import annotations

from typing import Any

from lab_run import LAB, Lab

PIN, LEARNED, ROUTER = "00-00-5E-00-53-01", "00-00-5E-00-53-02", "00-00-5E-00-53-03"
PLAYBOOK = LAB / "playbooks" / "flush.yml"
MUTATING = ("CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2", "MSFT_NetNeighbor.Create",
            "MSFT_NetNeighbor.ModifyInstance", "MSFT_NetNeighbor.DeleteInstance")
PINS = [  # static entries of the active store: pins, and Windows' own multicast and broadcast ones
    {"address": "192.0.2.1", "interface_index": 4, "mac": PIN, "state": "Permanent"},
    {"address": "224.0.0.22", "interface_index": 4, "mac": "01-00-5E-00-00-16", "state": "Permanent"},
    {"address": "192.0.2.255", "interface_index": 4, "mac": "FF-FF-FF-FF-FF-FF", "state": "Permanent"},
    {"address": "2001:db8::1", "interface_index": 4, "mac": PIN, "state": "Permanent"},
    {"address": "198.51.100.9", "interface_index": 7, "mac": PIN, "state": "Permanent"},
]
LEARNED_ETHERNET = [
    {"address": "192.0.2.10", "interface_index": 4, "mac": LEARNED, "state": "Stale"},
    {"address": "192.0.2.11", "interface_index": 4, "mac": LEARNED, "state": "Reachable"},
    {"address": "192.0.2.12", "interface_index": 4, "mac": "", "state": "Incomplete"},
    {"address": "fe80::1", "interface_index": 4, "mac": ROUTER, "state": "Stale", "is_router": True},
]
LEARNED_OTHER = [
    {"address": "198.51.100.1", "interface_index": 7, "mac": LEARNED, "state": "Reachable"},
    {"address": "2001:db8:7::1", "interface_index": 7, "mac": LEARNED, "state": "Stale"},
]
# Pinned for the next boot: the active pins, and one the active store does not hold now.
PERSISTENT = [{"address": "192.0.2.1", "interface_index": 4, "mac": PIN},
              {"address": "2001:db8::1", "interface_index": 4, "mac": PIN},
              {"address": "192.0.2.50", "interface_index": 4, "mac": PIN}]
FLUSH_HOST: dict[str, Any] = {
    "interfaces": [
        {"alias": "Loopback Pseudo-Interface 1", "index": 1, "type": 24},
        {"alias": "Ethernet", "index": 4},
        {"alias": "Ethernet 2", "index": 7},
    ],
    "neighbors": PINS + LEARNED_ETHERNET + LEARNED_OTHER,
    "persistent": PERSISTENT,
    "faults": {},
    "calls": {},
}


def table(lab: Lab) -> list[tuple[str, int, str]]:
    return sorted((n["address"], n["interface_index"], n["state"]) for n in lab.state()["neighbors"])


def expected(*entries: list[dict[str, Any]]) -> list[tuple[str, int, str]]:
    return sorted((n["address"], n["interface_index"], n["state"]) for group in entries for n in group)


def tasks(lab: Lab) -> dict[str, dict[str, Any]]:
    return {r["task"]: r for r in lab.results()}


def removed(record: dict[str, Any]) -> list[str]:
    return [e["address"] for e in record["result"]["removed"]]


def persistent(lab: Lab) -> list[tuple[str, int, str]]:
    return sorted((n["address"], n["interface_index"], n["mac"]) for n in lab.state()["persistent"])


PERSISTENT_KEYS = sorted((n["address"], n["interface_index"], n["mac"]) for n in PERSISTENT)


def mutations(lab: Lab) -> dict[str, int]:
    return {f: n for f in MUTATING if (n := lab.state()["calls"].get(f, 0))}


def test_check_mode_with_diff_shows_what_would_go_and_changes_nothing(lab: Lab) -> None:
    lab.write(FLUSH_HOST)
    proc = lab.play(PLAYBOOK, "--tags", "flush", "--check", "--diff")
    assert proc.returncode == 0, proc.stdout[-3000:]
    record = tasks(lab)["Flush the learned entries of Ethernet"]
    assert record["status"] == "ok" and record["result"]["changed"] is True
    assert removed(record) == [n["address"] for n in LEARNED_ETHERNET]
    assert "--- before: 192.0.2.10 on Ethernet (before)\n+++ after: 192.0.2.10 on Ethernet (after)\n" in proc.stdout
    assert "-mac: 00-00-5E-00-53-02; state: Stale\n+(no entry)\n" in proc.stdout
    assert "-mac: (none); state: Incomplete\n+(no entry)\n" in proc.stdout
    assert "fe80::1 on Ethernet (before)" in proc.stdout
    assert "192.0.2.1 on Ethernet" not in proc.stdout and "198.51.100.1" not in proc.stdout
    assert table(lab) == expected(PINS, LEARNED_ETHERNET, LEARNED_OTHER)
    assert mutations(lab) == {}


def test_flush_removes_the_learned_entries_keeps_every_pin_then_is_unchanged(lab: Lab) -> None:
    lab.write(FLUSH_HOST)
    proc = lab.play(PLAYBOOK, "--tags", "flush", "--diff")
    assert proc.returncode == 0, proc.stdout[-3000:]
    record = tasks(lab)["Flush the learned entries of Ethernet"]
    assert record["status"] == "ok" and record["result"]["changed"] is True
    result = record["result"]
    assert [(e["address"], e["state"], e["mac"], e["is_router"]) for e in result["removed"]] == [
        (n["address"], n["state"], n["mac"] or None, n.get("is_router", False)) for n in LEARNED_ETHERNET]
    assert [d["before_header"] for d in result["diff"]] == [f"{n['address']} on Ethernet (before)"
                                                            for n in LEARNED_ETHERNET]
    assert result["relearned"] == []
    # Pins (and Windows' own static entries) in the active store, and the persistent store, as they were.
    assert table(lab) == expected(PINS, LEARNED_OTHER)
    assert persistent(lab) == PERSISTENT_KEYS
    assert mutations(lab) == {"DeleteIpNetEntry2": len(LEARNED_ETHERNET)}
    # A second run finds nothing learned: unchanged, no change made, the persistent store never read.
    before = lab.state()["calls"]
    stats = lab.stats(PLAYBOOK, "--tags", "flush", "--diff")
    assert (stats["changed"], stats["failures"]) == (0, 0)
    again = tasks(lab)["Flush the learned entries of Ethernet"]["result"]
    assert (again["removed"], again["diff"]) == ([], [])
    assert mutations(lab) == {"DeleteIpNetEntry2": len(LEARNED_ETHERNET)}
    assert lab.state()["calls"]["GetIpNetEntry2"] == before["GetIpNetEntry2"]
    assert lab.state()["calls"].get("MSFT_NetNeighbor.EnumerateInstances", 0) == \
        before.get("MSFT_NetNeighbor.EnumerateInstances", 0) + 1  # win_neighbor_info's read, not the flush's


def test_family_and_an_index_limit_the_flush(lab: Lab) -> None:
    lab.write(FLUSH_HOST)
    stats = lab.stats(PLAYBOOK, "--tags", "family")
    assert (stats["changed"], stats["failures"]) == (1, 0)
    assert removed(tasks(lab)["Flush the ARP cache only, of Ethernet 2 named by its index"]) == ["198.51.100.1"]
    assert table(lab) == expected(PINS, LEARNED_ETHERNET, LEARNED_OTHER[1:])


def test_access_denied_fails_naming_entry_interface_and_code_keeping_what_went(lab: Lab) -> None:
    lab.write(dict(FLUSH_HOST, faults={"DeleteIpNetEntry2": 5}, behaviour={"faults_after": 1}))
    lab.stats(PLAYBOOK, "--tags", "flush", "--diff", expect_rc=2)
    record = tasks(lab)["Flush the learned entries of Ethernet"]
    assert record["status"] == "failed"
    result = record["result"]
    assert result["msg"].startswith("Removing the neighbor 192.0.2.11 on interface 'Ethernet' (index 4) failed: "
                                    "access is denied")
    assert result["msg"].endswith("(DeleteIpNetEntry2 returned 5, ERROR_ACCESS_DENIED) (1 learned entry was removed "
                                  "before it: see removed)")
    assert (result["win32_function"], result["win32_code"], result["changed"]) == ("DeleteIpNetEntry2", 5, True)
    assert removed(record) == ["192.0.2.10"]
    assert [d["before_header"] for d in result["diff"]] == ["192.0.2.10 on Ethernet (before)"]
    assert table(lab) == expected(PINS, LEARNED_ETHERNET[1:], LEARNED_OTHER)


def test_an_entry_pinned_meanwhile_stays_and_one_aged_out_is_no_failure(lab: Lab) -> None:
    lab.write(dict(FLUSH_HOST, behaviour={"race_pin": 1, "race_expire": 1}))
    stats = lab.stats(PLAYBOOK, "--tags", "flush")
    assert (stats["changed"], stats["failures"]) == (1, 0)
    result = tasks(lab)["Flush the learned entries of Ethernet"]["result"]
    # 192.0.2.10 pinned before its second read; 192.0.2.11's delete found it aged out.
    assert result["warnings"] == ["the neighbor 192.0.2.10 on interface 'Ethernet' (index 4) was Stale when the table "
                                  "was read and is Permanent now (pinned meanwhile): left as it is"]
    assert removed(tasks(lab)["Flush the learned entries of Ethernet"]) == ["192.0.2.12", "fe80::1"]
    assert ("192.0.2.10", 4, "Permanent") in table(lab)
    assert "192.0.2.11" not in {n[0] for n in table(lab)}


def test_an_unknown_interface_fails_naming_it_before_any_change(lab: Lab) -> None:
    lab.write(FLUSH_HOST)
    stats = lab.stats(PLAYBOOK, "--tags", "unknown")
    assert (stats["failures"], stats["ignored"], stats["changed"]) == (0, 1, 0)
    assert tasks(lab)["Check that the unknown interface is named and nothing changed"]["status"] == "ok"
    assert mutations(lab) == {} and lab.state()["calls"].get("GetIpNetTable2", 0) == 0


def test_bad_input_fails_on_the_controller_without_a_connection(lab: Lab) -> None:
    stats = lab.stats(PLAYBOOK, "--tags", "bad_input")
    assert stats["ignored"] == 2
    assert [r["result"]["msg"] for r in lab.results()] == [
        "interface is empty: name the interfaces to flush (aliases or indexes); a flush never defaults to every "
        "interface",
        "value of family must be one or more of: ipv4, ipv6. Got no match for: ipx"]
    assert not lab.state_file.exists(), "the lab host was reached"


def test_the_neighbor_groups_defaults_do_not_reach_a_flush(lab: Lab) -> None:
    """The group's interface and store (the guide's module_defaults advice) would fail a flush, or
    point it at another interface, if the flush were in the group; it is not."""
    lab.write(FLUSH_HOST)
    stats = lab.stats(PLAYBOOK, "--tags", "group")
    assert (stats["changed"], stats["failures"]) == (1, 0)
    assert table(lab) == expected(PINS, LEARNED_OTHER)


def test_integration_target_against_the_lab(lab: Lab) -> None:
    """tests/integration/targets/win_neighbor_flush, the tasks that need real Windows (tagged
    real_windows) skipped; it puts back what it took, so it runs twice."""
    lab.write(FLUSH_HOST)
    for run in range(2):
        stats = lab.stats(LAB / "playbooks" / "integration_flush.yml", "--skip-tags", "real_windows")
        assert (stats["failures"], stats["ignored"]) == (0, 1), f"run {run + 1}"
    state = lab.state()
    assert {(n["address"], n["mac"]) for n in state["neighbors"] if n["state"] == "Permanent"} >= {
        (n["address"], n["mac"]) for n in PINS}
    assert persistent(lab) == PERSISTENT_KEYS
