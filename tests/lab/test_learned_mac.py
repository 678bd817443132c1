# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""mac: learned through real ansible-playbook runs against a lab host (playbooks/learned_mac.yml):
check mode and its diff, the pin, idempotence, a resolution on the wire (the host state's
"answers", which the double's ResolveIpNetEntry2 answers from), and the failures. The double
counts ResolveIpNetEntry2: never in check mode, never on a pinned address."""
from __future__ import annotations

from typing import Any

from lab_run import HOST, LAB, Lab

PLAYBOOK = LAB / "playbooks" / "learned_mac.yml"
GATEWAY_MAC = "00-15-5D-32-00-32"  # 192.168.50.50, Reachable in HOST
ANSWER_MAC = "00-15-5D-32-00-3C"  # who answers for 192.168.50.60
RESOLVE = "ResolveIpNetEntry2"
MUTATING = ("CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2", "MSFT_NetNeighbor.Create",
            "MSFT_NetNeighbor.ModifyInstance", "MSFT_NetNeighbor.DeleteInstance")
# 192.168.50.60 answers ARP; 192.168.50.70 does not.
ANSWERING = dict(HOST, answers=[{"address": "192.168.50.60", "interface_index": 4, "mac": ANSWER_MAC}])


def calls(lab: Lab, *functions: str) -> dict[str, int]:
    counted = lab.state()["calls"]
    return {f: counted.get(f, 0) for f in functions}


def by_address(lab: Lab, table: str) -> dict[str, dict[str, Any]]:
    return {n["address"]: n for n in lab.state()[table]}


def test_check_and_diff_then_pin_then_unchanged(lab: Lab) -> None:
    lab.write(ANSWERING)
    proc = lab.play(PLAYBOOK, "--tags", "single", "--check", "--diff")
    assert proc.returncode == 0, proc.stdout[-3000:]
    result = lab.results()[0]["result"]
    assert (result["changed"], result["mac_source"], result["pinned_mac"]) == (True, "learned", GATEWAY_MAC)
    assert "-state: Reachable\n-stores: active\n-persistent_mac: (none)\n+state: Permanent\n" \
           f"+stores: active, persistent\n+persistent_mac: {GATEWAY_MAC}\n+mac_source: learned" in proc.stdout
    assert by_address(lab, "neighbors")["192.168.50.50"]["state"] == "Reachable"
    assert calls(lab, RESOLVE, *MUTATING) == dict.fromkeys((RESOLVE, *MUTATING), 0)

    stats = lab.stats(PLAYBOOK, "--tags", "single")
    assert (stats["changed"], stats["failures"]) == (1, 0)
    assert by_address(lab, "neighbors")["192.168.50.50"] == {
        "address": "192.168.50.50", "interface_index": 4, "mac": GATEWAY_MAC, "state": "Permanent", "is_router": False}
    assert by_address(lab, "persistent")["192.168.50.50"]["mac"] == GATEWAY_MAC

    mutations = calls(lab, *MUTATING)
    stats = lab.stats(PLAYBOOK, "--tags", "single")
    assert (stats["changed"], stats["failures"]) == (0, 0)
    result = lab.results()[0]["result"]
    assert (result["changed"], result["mac_source"], result["pinned_mac"]) == (False, "pinned", GATEWAY_MAC)
    assert calls(lab, *MUTATING) == mutations and calls(lab, RESOLVE)[RESOLVE] == 0


def test_many_entries_resolve_only_what_has_no_mac_and_only_for_real(lab: Lab) -> None:
    lab.write(ANSWERING)
    lab.stats(PLAYBOOK, "--tags", "bulk", "--check")
    entries = lab.results()[0]["result"]["entries"]
    sources = {e["address"]: (e["status"], e["mac_source"], e["pinned_mac"]) for e in entries}
    assert sources == {"192.168.50.30": ("updated", "learned", "00-15-5D-32-00-1E"),
                       "192.168.50.60": ("added", "would resolve", None),
                       "192.168.50.20": ("unchanged", "pinned", "00-15-5D-32-00-14")}
    assert calls(lab, RESOLVE)[RESOLVE] == 0 and "192.168.50.60" not in by_address(lab, "neighbors")

    stats = lab.stats(PLAYBOOK, "--tags", "bulk")
    assert (stats["changed"], stats["failures"]) == (1, 0)
    entries = {e["address"]: e for e in lab.results()[0]["result"]["entries"]}
    assert (entries["192.168.50.60"]["mac_source"], entries["192.168.50.60"]["pinned_mac"]) == ("resolved", ANSWER_MAC)
    assert entries["192.168.50.60"]["before"] is None
    # One resolution, for the one entry without a MAC; a pinned address is never resolved.
    assert calls(lab, RESOLVE)[RESOLVE] == 1
    active, persistent = by_address(lab, "neighbors"), by_address(lab, "persistent")
    for address, mac in (("192.168.50.30", "00-15-5D-32-00-1E"), ("192.168.50.60", ANSWER_MAC),
                         ("192.168.50.20", "00-15-5D-32-00-14")):
        assert (active[address]["mac"], active[address]["state"], persistent[address]["mac"]) == (
            mac, "Permanent", mac)

    stats = lab.stats(PLAYBOOK, "--tags", "bulk")
    assert (stats["changed"], stats["failures"]) == (0, 0)
    assert lab.results()[0]["result"]["counts"]["unchanged"] == 3 and calls(lab, RESOLVE)[RESOLVE] == 1


def test_a_neighbor_that_does_not_answer_fails_the_task_and_nothing_changes(lab: Lab) -> None:
    lab.write(ANSWERING)
    before = lab.state()
    for run in range(2):
        stats = lab.stats(PLAYBOOK, "--tags", "silent")
        assert (stats["ignored"], stats["changed"]) == (1, 0), f"run {run + 1}"
        result = lab.results()[0]["result"]
        assert result["msg"] == (
            "192.168.50.70 on interface 'Ethernet' (index 4): mac is learned and the host has no learned entry to "
            "take it from, and resolving the address failed: no neighbor answered ARP (the neighbor is down, or not "
            "on this link) (ResolveIpNetEntry2 returned 67, ERROR_BAD_NET_NAME); nothing was pinned")
        assert (result["win32_function"], result["win32_code"]) == (RESOLVE, 67)
    state = lab.state()
    assert (state["neighbors"], state["persistent"]) == (
        sorted((dict(n, is_router=False) for n in before["neighbors"]),
               key=lambda n: (n["interface_index"], n["address"])), before["persistent"])
    assert calls(lab, RESOLVE, *MUTATING) == dict(dict.fromkeys(MUTATING, 0), **{RESOLVE: 2})


def test_stores_that_disagree_fail_in_check_mode_too(lab: Lab) -> None:
    """192.168.50.40 is pinned in the active store with one MAC and in the persistent store with another."""
    persistent = [dict(p, mac="00-15-5D-32-00-29") if p["address"] == "192.168.50.40" else p
                  for p in HOST["persistent"]]
    lab.write(dict(ANSWERING, persistent=persistent))
    for check in ([], ["--check"]):
        stats = lab.stats(PLAYBOOK, "--tags", "disagree", *check)
        assert (stats["ignored"], stats["changed"]) == (1, 0)
        assert lab.results()[0]["result"]["msg"] == (
            "192.168.50.40 on interface 'Ethernet' (index 4): mac is learned, but the active store pins "
            "00-15-5D-32-00-28 and the persistent store 00-15-5D-32-00-29, so nothing was changed: the task cannot "
            "tell which MAC is right. Pin the right one with mac: <MAC>")
    assert by_address(lab, "persistent")["192.168.50.40"]["mac"] == "00-15-5D-32-00-29"
    assert calls(lab, RESOLVE, *MUTATING) == dict.fromkeys((RESOLVE, *MUTATING), 0)
