# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Playbooks through the lab (tests/lab/README.md): real ansible-playbook, the
real action plugin, ansible's own ssh connection to the lab's sshd, real pwsh
running ansible-core's exec wrapper and the module's .ps1, the C# helper against
the IP Helper double. Run on every ansible-core venv in LAB_VENVS
(colon-separated; default: the venv running pytest): see conftest.py."""
from __future__ import annotations

import json
from typing import Any

import pytest

import lab_host
from lab_run import HOST, LAB, ROOT, Lab

MUTATING = ("CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2")
CIM_CHANGES = ("MSFT_NetNeighbor.Create", "MSFT_NetNeighbor.ModifyInstance", "MSFT_NetNeighbor.DeleteInstance")


def test_every_branch_then_idempotent(lab: Lab) -> None:
    lab.write(HOST)
    first = lab.stats(LAB / "playbooks" / "pin.yml")
    assert (first["changed"], first["failures"]) == (6, 0)
    second = lab.stats(LAB / "playbooks" / "pin.yml")
    assert (second["changed"], second["failures"]) == (0, 0)
    neighbors = {(n["address"], n["mac"], n["state"]) for n in lab.state()["neighbors"]}
    assert ("192.168.50.10", "00-15-5D-32-00-0A", "Permanent") in neighbors
    assert not any(n[0] == "192.168.50.40" for n in neighbors)
    assert ("192.168.50.50", "00-15-5D-32-00-32", "Reachable") in neighbors
    # Every pin is persistent too; the removed entry is gone from both stores.
    assert {(n["address"], n["mac"]) for n in lab.state()["persistent"]} == {
        ("192.168.50.10", "00-15-5D-32-00-0A"), ("192.168.50.20", "00-15-5D-32-00-15"),
        ("192.168.50.30", "00-15-5D-32-00-1E"), ("2001:db8::10", "00-15-5D-32-00-10"),
        ("10.0.0.1", "00-15-5D-0A-00-01")}
    # All mutating calls were the first run's; the second only read. New persistent pins are one
    # Create of both stores each (the learned 192.168.50.30 deleted first); the changed MAC is
    # Set and ModifyInstance; the removal is one delete in each store.
    calls = lab.state()["calls"]
    expected = {"CreateIpNetEntry2": 0, "SetIpNetEntry2": 1, "DeleteIpNetEntry2": 2, "MSFT_NetNeighbor.Create": 4,
                "MSFT_NetNeighbor.ModifyInstance": 1, "MSFT_NetNeighbor.DeleteInstance": 1}
    assert {f: calls.get(f, 0) for f in MUTATING + CIM_CHANGES} == expected


def test_check_mode_reports_changes_and_makes_none(lab: Lab) -> None:
    lab.write(HOST)
    stats = lab.stats(LAB / "playbooks" / "pin.yml", "--check")
    assert (stats["changed"], stats["failures"]) == (6, 0)
    state = lab.state()
    assert sorted(map(json.dumps, state["neighbors"])) == sorted(
        json.dumps(dict(n, is_router=False)) for n in HOST["neighbors"])
    assert all(state["calls"].get(f, 0) == 0 for f in MUTATING)
    assert state["calls"]["GetIpNetEntry2"] == 7


def test_diff_output_is_readable(lab: Lab) -> None:
    lab.write(HOST)
    proc = lab.play(LAB / "playbooks" / "pin.yml", "--diff")
    assert proc.returncode == 0, proc.stdout[-3000:]
    out = proc.stdout
    assert "--- before: neighbor 192.168.50.30 on interface Ethernet (before)" in out
    assert "-state: Stale\n-stores: active\n-persistent_mac: (none)\n+state: Permanent\n" \
           "+stores: active, persistent\n+persistent_mac: 00-15-5D-32-00-1E" in out
    assert "-mac: 00-15-5D-32-00-14\n+mac: 00-15-5D-32-00-15" in out
    assert "+address: 192.168.50.10\n+mac: 00-15-5D-32-00-0A\n" in out
    assert "-address: 192.168.50.40\n" in out


def test_target_errors_name_the_cause(lab: Lab) -> None:
    lab.write(dict(HOST, faults={"CreateIpNetEntry2": 5}))
    for run in range(2):
        stats = lab.stats(LAB / "playbooks" / "errors.yml")
        assert (stats["changed"], stats["failures"], stats["ignored"]) == (0, 0, 2), f"run {run + 1}"
    # Two runs, two denied creates each: the last task's failed_when lets access denied pass.
    assert lab.state()["calls"]["CreateIpNetEntry2"] == 4
    assert lab.results()[-1]["status"] == "ok" and lab.results()[-1]["result"]["win32_code"] == 5
    assert [n["address"] for n in lab.state()["neighbors"]] == [n["address"] for n in HOST["neighbors"]]


def test_bad_input_fails_on_the_controller_without_a_connection(lab: Lab) -> None:
    stats = lab.stats(LAB / "playbooks" / "bad_input.yml")
    assert stats["ignored"] == 4
    assert [r["result"]["msg"] for r in lab.results()] == [
        "address '127.0.0.1' is a loopback address",
        "unsupported option adress (did you mean address?); win_neighbor takes: address, interface, mac, "
        "mac_mismatch, neighbors, purge, purge_family, report, state, store",
        "neighbors[1]: unsupported option mack (did you mean mac?); an entry takes: address, interface, mac, state, "
        "store",
        "neighbors[1]: state is present but all of the following are missing: mac"]
    assert not lab.state_file.exists(), "the lab host was reached"


def test_a_lab_host_runs_any_powershell_module_and_raw(lab: Lab) -> None:
    """The contract holds for what is not the collection's: a module of the
    playbook's own (library/lab_probe.ps1) and raw, on real pwsh."""
    lab.write(HOST)
    stats = lab.stats(LAB / "playbooks" / "probe.yml")
    assert (stats["failures"], stats["changed"]) == (0, 0)
    probe, raw = (r["result"] for r in lab.results())
    assert (probe["edition"], probe["version"], probe["check_mode"]) == ("Core", "7.6.9", False)
    assert raw["stdout_lines"] == ["Core"]
    assert lab.state()["calls"] == {}, "nothing called the IP Helper API"


def test_example_pins_then_reports_ok(lab: Lab) -> None:
    first = lab.stats(ROOT / "examples" / "pin_neighbors.yml")
    assert first["changed"] == 4 and first["failures"] == 0
    second = lab.stats(ROOT / "examples" / "pin_neighbors.yml")
    assert second["changed"] == 0 and second["failures"] == 0


@pytest.mark.parametrize("example,changes", [("pin_neighbors", 4), ("pin_fleet", 1)])
def test_examples_check_first_then_pin_persistently_and_survive_a_reboot(lab: Lab, example: str,
                                                                         changes: int) -> None:
    """As tests/lab/run-example.sh runs them: --check --diff, then for real, then a reboot."""
    playbook = ROOT / "examples" / f"{example}.yml"
    checked = lab.stats(playbook, "--check", "--diff")
    assert (checked["changed"], checked["failures"]) == (changes, 0)
    assert lab.state()["persistent"] == lab_host.DEFAULT_HOST["persistent"], "check mode changed the host"
    assert lab.stats(playbook)["changed"] == changes
    pinned = {(n["address"], n["mac"]) for n in lab.state()["neighbors"] if n["state"] == "Permanent"}
    assert {(n["address"], n["mac"]) for n in lab.state()["persistent"]} == pinned
    lab.reboot()
    assert {(n["address"], n["mac"]) for n in lab.state()["neighbors"]} == pinned
    assert (lab.stats(playbook)["changed"]) == 0


# The CIM provider's answers the documentation leaves open (tests/lab/README.md): the first of
# each, and the other of each; the helper tests run all 32 combinations.
PROVIDERS = {
    "first-answers": {},
    "other-answers": {"zone_in_address": 1, "duplicate_win32": 1, "create_replaces_active": 1,
                      "create_persistent_accepted": 1, "mac_lowercase": 1},
}
# A learned IPv6 router, which the reboot playbook pins by its link-local address.
ROUTER = {"address": "fe80::1", "interface_index": 4, "mac": "00-15-5D-32-00-63", "state": "Reachable",
          "is_router": True}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_persistent_pins_survive_a_reboot_and_removed_or_active_ones_do_not(lab: Lab, provider: str) -> None:
    playbook = LAB / "playbooks" / "reboot.yml"
    lab.write(dict(HOST, neighbors=HOST["neighbors"] + [ROUTER], behaviour=PROVIDERS[provider]))
    assert lab.stats(playbook, "--tags", "pin")["changed"] == 3
    assert lab.stats(playbook, "--tags", "pin")["changed"] == 0
    lab.reboot()
    assert lab.stats(playbook, "--tags", "after_reboot")["failures"] == 0
    assert lab.stats(playbook, "--tags", "remove")["changed"] == 2
    lab.reboot()
    assert lab.stats(playbook, "--tags", "after_removal")["failures"] == 0


@pytest.mark.parametrize("operation", ["EnumerateInstances", "Create"])
def test_a_failing_persistent_store_call_fails_the_task_naming_the_store(lab: Lab, operation: str) -> None:
    lab.write(dict(HOST, faults={f"MSFT_NetNeighbor.{operation}": 2}))
    lab.stats(LAB / "playbooks" / "reboot.yml", "--tags", "pin", expect_rc=2)
    record = lab.results()[0]
    result = record["result"]
    assert record["status"] == "failed"
    selected = "without PolicyStore (both stores)" if operation == "Create" else "with PolicyStore PersistentStore"
    assert f"(MSFT_NetNeighbor {operation} {selected} returned 2, MI_RESULT_ACCESS_DENIED)" in result["msg"]
    assert (result["cim_operation"], result["cim_code"]) == (operation, 2)
    # The gateway was in neither store: a failed read or Create leaves the host as it was.
    assert result["changed"] is False
    assert "192.168.50.1" not in {n["address"] for n in lab.state()["neighbors"]}
    assert lab.state()["persistent"] == HOST["persistent"]


def test_a_provider_that_ignores_policy_store_fails_the_task(lab: Lab) -> None:
    lab.write(dict(HOST, behaviour={"ignore_policy_store": 1}))
    lab.stats(LAB / "playbooks" / "reboot.yml", "--tags", "pin", expect_rc=2)
    result = lab.results()[0]["result"]
    assert result["msg"].startswith("The persistent store cannot be trusted on this host")
    assert result["changed"] is False
    assert lab.state()["neighbors"] == [dict(n, is_router=False) for n in HOST["neighbors"]]


def test_integration_target_against_the_lab(lab: Lab) -> None:
    """tests/integration/targets/win_neighbor, with the tasks that need real Windows
    (tagged real_windows) skipped; it cleans up after itself, so it runs twice."""
    for run in range(2):
        stats = lab.stats(LAB / "playbooks" / "integration.yml", "--skip-tags", "real_windows")
        assert (stats["failures"], stats["ignored"]) == (0, 2), f"run {run + 1}"
        statuses = {r["task"].split(" : ", 1)[-1]: r["status"] for r in lab.results()}
        # The lab's default host has learned entries on Ethernet, so the dynamic block ran.
        assert statuses["Pin the learned entry with its own MAC"] == "ok", f"run {run + 1}"
        assert statuses["Purge the unlisted static entries"] == "ok", f"run {run + 1}"
    addresses = {n["address"] for n in lab.state()["neighbors"]}
    assert not addresses & {"192.0.2.77", "2001:db8::77", "192.0.2.81", "192.0.2.82", "2001:db8::82"}
    # What the host had pinned before the target is still pinned.
    assert {"address": "192.0.2.99", "interface_index": 4, "mac": "00-00-5E-00-53-63", "state": "Permanent",
            "is_router": False} in lab.state()["neighbors"]


def test_info_integration_target_against_the_lab(lab: Lab) -> None:
    for run in range(2):
        stats = lab.stats(LAB / "playbooks" / "integration_info.yml", "--skip-tags", "real_windows")
        assert (stats["failures"], stats["ignored"]) == (0, 1), f"run {run + 1}"
    assert "192.0.2.91" not in {n["address"] for n in lab.state()["neighbors"]}


def test_module_defaults_through_the_action_group(lab: Lab) -> None:
    lab.write(HOST)
    assert lab.stats(LAB / "playbooks" / "module_defaults.yml")["changed"] == 1
    assert lab.stats(LAB / "playbooks" / "module_defaults.yml")["changed"] == 0
    assert lab.state()["persistent"] == HOST["persistent"], "the group's store: active reached the persistent store"


def bulk_result(lab: Lab) -> dict[str, Any]:
    return lab.results()[0]["result"]


def test_bulk_with_purge_then_idempotent(lab: Lab) -> None:
    lab.write(HOST)
    assert lab.stats(LAB / "playbooks" / "bulk.yml")["changed"] == 1
    first = bulk_result(lab)
    assert [(e["address"], e["status"]) for e in first["entries"]] == [
        ("192.168.50.10", "added"), ("192.168.50.20", "updated"), ("192.168.50.30", "updated"),
        ("2001:db8::10", "added"), ("192.168.50.40", "removed")]
    assert lab.stats(LAB / "playbooks" / "bulk.yml")["changed"] == 0
    again = bulk_result(lab)
    assert again["entries"] == [] and again["counts"]["unchanged"] == 4
    # The second run read each family's table once and changed nothing.
    calls_before = lab.state()["calls"]
    lab.stats(LAB / "playbooks" / "bulk.yml")
    calls_after = lab.state()["calls"]
    assert calls_after["GetIpNetTable2"] - calls_before["GetIpNetTable2"] == 2 + 2 + 1  # bulk, info, info
    assert all(calls_after.get(f, 0) == calls_before.get(f, 0) for f in MUTATING + ("GetIpNetEntry2",))


def test_bulk_purge_in_check_mode_shows_what_would_go(lab: Lab) -> None:
    lab.write(HOST)
    # The tasks tagged verify check the pinned end state, which check mode does not reach.
    proc = lab.play(LAB / "playbooks" / "bulk.yml", "--check", "--diff", "--skip-tags", "verify")
    assert proc.returncode == 0, proc.stdout[-3000:]
    # Each entry's own diff: the removed one, and the added one.
    assert "--- before: 192.168.50.40 on Ethernet (before)\n" in proc.stdout
    assert "-mac: 00-15-5D-32-00-28; state: Permanent; stores: active, persistent; " \
           "persistent_mac: 00-15-5D-32-00-28\n+(no entry)\n" in proc.stdout
    assert "--- before: 192.168.50.10 on Ethernet (before)\n" in proc.stdout
    assert [e["address"] for e in bulk_result(lab)["removed"]] == ["192.168.50.40"]
    state = lab.state()
    assert all(state["calls"].get(f, 0) == 0 for f in MUTATING)
    assert {n["address"] for n in state["neighbors"]} == {n["address"] for n in HOST["neighbors"]}


def test_fleet_example_pins_purges_then_reports_ok(lab: Lab) -> None:
    first = lab.stats(ROOT / "examples" / "pin_fleet.yml")
    assert (first["changed"], first["failures"]) == (1, 0)
    pinned = lab.results()[0]["result"]
    assert [e["address"] for e in pinned["removed"]] == ["192.0.2.99"]  # the default host's old pin
    assert (lab.stats(ROOT / "examples" / "pin_fleet.yml")["changed"]) == 0


def test_choices_as_written_and_an_empty_family(lab: Lab) -> None:
    """family: IPv6 and state: [permanent] pass Ansible.Basic as written and list
    the right entries; the IPv6 table is empty (GetIpNetTable2 answers 1168)."""
    lab.write(HOST)
    stats = lab.stats(LAB / "playbooks" / "boundary.yml", "--skip-tags", "missing_export")
    assert (stats["failures"], stats["changed"]) == (0, 0)
    ipv6, static = (r["result"] for r in lab.results())
    assert ipv6["neighbors"] == []
    assert sorted(n["address"] for n in static["neighbors"]) == ["192.168.50.20", "192.168.50.40"]
    lab.write(dict(HOST, neighbors=HOST["neighbors"] + [
        {"address": "fe80::20", "interface_index": 4, "mac": "00-15-5D-32-00-14", "state": "Permanent"}]))
    lab.stats(LAB / "playbooks" / "boundary.yml", "--skip-tags", "missing_export")
    ipv6, static = (r["result"] for r in lab.results())
    assert [n["address"] for n in ipv6["neighbors"]] == ["fe80::20"]
    assert sorted(n["address"] for n in static["neighbors"]) == ["192.168.50.20", "192.168.50.40", "fe80::20"]


def test_an_unexpected_exception_mid_bulk_keeps_the_result(lab: Lab) -> None:
    """A host whose iphlpapi.dll lacks CreateIpNetEntry2: the second entry's call
    throws EntryPointNotFoundException after the first entry was changed."""
    lab.write(dict(HOST, missing_exports=["CreateIpNetEntry2"]))
    stats = lab.stats(LAB / "playbooks" / "boundary.yml", "--tags", "missing_export")
    assert (stats["ignored"], stats["changed"]) == (2, 1)
    assert [r["status"] for r in lab.results()] == ["ignored", "ignored"]
    result, single = (r["result"] for r in lab.results())
    assert result["changed"] is True
    assert "unexpected System.EntryPointNotFoundException" in result["msg"]
    assert "1 of 3 changes applied before it" in result["msg"]
    assert [(e["address"], e["status"]) for e in result["entries"]] == [
        ("192.168.50.20", "updated"), ("192.168.50.10", "failed"), ("192.168.50.40", "not attempted")]
    assert [e["mac"] for e in result["updated"]] == ["00-15-5D-32-00-15"]
    assert (result["added"], result["removed"]) == ([], [])
    table = {n["address"]: n for n in lab.state()["neighbors"]}
    assert table["192.168.50.20"]["mac"] == "00-15-5D-32-00-15" and "192.168.50.10" not in table
    # A single entry: nothing was applied, and the result still says what Windows held.
    assert single["changed"] is False and single["before"] is None
    assert single["msg"].startswith("unexpected System.EntryPointNotFoundException")
    assert "CreateIpNetEntry2" in single["msg"]
    assert "192.168.50.11" not in table


def test_unquoted_macs_fail_before_the_host(lab: Lab) -> None:
    """Written as users type them; nothing pins the number's digits as a MAC."""
    stats = lab.stats(LAB / "playbooks" / "unquoted_mac.yml")
    assert (stats["ignored"], stats["changed"]) == (3, 0)
    messages = [r["result"]["msg"] for r in lab.results()]
    assert messages[0].startswith("mac was read by YAML as the number 9783981296, not as a MAC address")
    assert messages[0].endswith('write mac: "12:34:56:12:34:56"')
    assert messages[1].startswith("neighbors[1].mac was read by YAML as the number 41135085296")
    assert messages[1].endswith('write mac: "52:54:00:12:34:56"')
    assert messages[2].startswith("mac was read by YAML as the number 683147265")
    assert not lab.state_file.exists(), "the lab host was reached"


def table(lab: Lab) -> dict[str, dict[str, Any]]:
    return {n["address"]: n for n in lab.state()["neighbors"]}


def test_a_fallback_that_loses_the_learned_entry_says_so(lab: Lab) -> None:
    """Set leaves the learned entry dynamic, Delete removes it, Create fails: the
    result, its diff and the host agree that the entry is gone, the entry pinned
    before stays reported, and the compliant one is unchanged."""
    lab.write(dict(HOST, faults={"CreateIpNetEntry2": 5}, behaviour={"set_promotes_dynamic": 0}))
    stats = lab.stats(LAB / "playbooks" / "truthful.yml", "--tags", "bulk_fallback", "--diff")
    assert (stats["ignored"], stats["changed"]) == (1, 1)
    result = lab.results()[0]["result"]
    assert result["msg"].endswith("; Windows now reports no entry: the learned entry was removed; the persistent "
                                  "store holds no entry (1 of 2 changes applied before it; the entries after it were "
                                  "not attempted)")
    assert [(e["address"], e["status"]) for e in result["entries"]] == [
        ("192.168.50.20", "updated"), ("192.168.50.30", "failed after a change")]
    assert result["counts"]["unchanged"] == 1
    assert result["entries"][1]["after"] is None
    host = table(lab)
    assert "192.168.50.30" not in host and host["192.168.50.20"]["mac"] == "00-15-5D-32-00-15"
    assert host["192.168.50.40"]["state"] == "Permanent"
    # The diff holds both entries Windows now holds differently, each on its own.
    assert [(d["before_header"], d["after"].split(";")[0]) for d in result["diff"]] == [
        ("192.168.50.20 on Ethernet (before)", "mac: 00-15-5D-32-00-15"),
        ("192.168.50.30 on Ethernet (before)", "(no entry)\n")]


def test_a_single_fallback_that_loses_the_learned_entry_says_so(lab: Lab) -> None:
    lab.write(dict(HOST, faults={"CreateIpNetEntry2": 5}, behaviour={"set_promotes_dynamic": 0}))
    lab.stats(LAB / "playbooks" / "truthful.yml", "--tags", "single_fallback", "--diff")
    result = lab.results()[0]["result"]
    assert result["changed"] is True and result["after"] is None
    assert result["msg"].endswith("; Windows now reports no entry: the learned entry was removed; the persistent "
                                  "store holds no entry")
    assert result["diff"]["before"].startswith("address: 192.168.50.30\n") and result["diff"]["after"] == ""
    assert "192.168.50.30" not in table(lab)


def test_create_on_an_interface_without_the_family_names_it(lab: Lab) -> None:
    lab.write(dict(HOST, interfaces=HOST["interfaces"] + [{"alias": "Ethernet 3", "index": 9, "ipv6": False}]))
    lab.stats(LAB / "playbooks" / "truthful.yml", "--tags", "no_family")
    result = lab.results()[0]["result"]
    assert result["changed"] is False
    assert "interface 'Ethernet 3' (index 9) failed: the interface has no IPv6 here (the protocol is unbound or " \
           "the adapter disabled) or is gone (CreateIpNetEntry2 returned 1168, ERROR_NOT_FOUND)" in result["msg"]
    assert table(lab).keys() == {n["address"] for n in HOST["neighbors"]}


def test_absent_on_a_host_without_the_stack_is_ok(lab: Lab) -> None:
    lab.write(dict(HOST, behaviour={"ipv6": 0}))
    stats = lab.stats(LAB / "playbooks" / "truthful.yml", "--tags", "no_stack")
    assert (stats["failures"], stats["changed"]) == (0, 0)
    assert all(lab.state()["calls"].get(f, 0) == 0 for f in MUTATING)


def test_the_diff_of_an_unresolved_entry_says_none(lab: Lab) -> None:
    lab.write(dict(HOST, neighbors=HOST["neighbors"] + [
        {"address": "192.168.50.70", "interface_index": 4, "mac": "", "state": "Incomplete"}]))
    proc = lab.play(LAB / "playbooks" / "truthful.yml", "--tags", "unresolved", "--diff")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "-mac: (none)\n+mac: 00-15-5D-32-00-46\n" in proc.stdout and "None" not in proc.stdout
    assert table(lab)["192.168.50.70"]["state"] == "Permanent"


def test_pinning_the_ipv6_router_keeps_its_router_flag(lab: Lab) -> None:
    """Set leaves the entry dynamic here, so the pin goes through delete + create."""
    lab.write(dict(HOST, behaviour={"set_promotes_dynamic": 0}, neighbors=HOST["neighbors"] + [
        {"address": "fe80::1", "interface_index": 4, "mac": "00-15-5D-32-00-02", "state": "Reachable",
         "is_router": True}]))
    lab.stats(LAB / "playbooks" / "risks.yml", "--tags", "router")
    result = lab.results()[0]["result"]
    assert result["before"]["is_router"] is True and result["after"]["is_router"] is True
    assert table(lab)["fe80::1"] == {"address": "fe80::1", "interface_index": 4, "mac": "00-15-5D-32-00-01",
                                     "state": "Permanent", "is_router": True}


def test_a_relearn_between_delete_and_create_is_retried(lab: Lab) -> None:
    lab.write(dict(HOST, behaviour={"set_promotes_dynamic": 0, "race_learn": 1}))
    stats = lab.stats(LAB / "playbooks" / "risks.yml", "--tags", "relearn")
    assert (stats["failures"], stats["changed"]) == (0, 1)
    assert table(lab)["192.168.50.30"]["state"] == "Permanent"
    # A persistent pin: delete, Create refused over the relearned entry, delete and Create again.
    calls = lab.state()["calls"]
    assert (calls["DeleteIpNetEntry2"], calls["MSFT_NetNeighbor.Create"]) == (2, 2)


@pytest.mark.parametrize("check", [False, True])
def test_pinning_a_mac_the_network_disagrees_with_warns(lab: Lab, check: bool) -> None:
    lab.write(HOST)
    proc = lab.play(LAB / "playbooks" / "risks.yml", "--tags", "disagree", *(["--check"] if check else []))
    assert proc.returncode == 0, proc.stdout[-3000:]
    warning = ("neighbors[0]: 192.168.50.50 on interface 'Ethernet' (index 4): the network answers with "
               "00-15-5D-32-00-32 (Reachable) and the task pins 00-15-5D-32-00-33")
    assert warning in " ".join(proc.stdout.split()) + " ".join(proc.stderr.split())
    assert (table(lab)["192.168.50.50"]["mac"] == "00-15-5D-32-00-33") is not check


@pytest.mark.parametrize("check", [False, True])
def test_mac_mismatch_fail_fails_before_any_change(lab: Lab, check: bool) -> None:
    lab.write(HOST)
    stats = lab.stats(LAB / "playbooks" / "risks.yml", "--tags", "disagree_fail", *(["--check"] if check else []))
    assert (stats["ignored"], stats["changed"]) == (1, 0)
    assert lab.results()[0]["result"]["msg"].startswith(
        "mac_mismatch is fail, and the network answers with another MAC than the task pins for 1 entry, so nothing "
        "was changed: neighbors[1]: 192.168.50.50 on interface 'Ethernet' (index 4): the network answers with "
        "00-15-5D-32-00-32 (Reachable) and the task pins 00-15-5D-32-00-33")
    assert lab.state()["neighbors"] == [dict(n, is_router=False) for n in HOST["neighbors"]]
    assert all(lab.state()["calls"].get(f, 0) == 0 for f in MUTATING + CIM_CHANGES)


def test_a_mac_the_link_cannot_take_fails_before_any_change(lab: Lab) -> None:
    lab.write(HOST)
    stats = lab.stats(LAB / "playbooks" / "risks.yml", "--tags", "link_length")
    assert (stats["ignored"], stats["changed"]) == (1, 0)
    assert lab.results()[0]["result"]["msg"] == (
        "mac '00-15-5D-32-00-00-00-50' is 8 bytes long, and interface 'Ethernet' (index 4) has link-layer addresses "
        "of 6 bytes")
    calls = lab.state()["calls"]
    assert calls["GetIfEntry2"] == 1 and calls.get("GetIpNetEntry2", 0) == 0
    assert all(calls.get(f, 0) == 0 for f in MUTATING)


def test_an_unbound_protocol_is_named(lab: Lab) -> None:
    """GetIpNetEntry2 answering ERROR_FILE_NOT_FOUND, as a disabled adapter or an unbound protocol may."""
    lab.write(dict(HOST, faults={"GetIpNetEntry2": 2}))
    stats = lab.stats(LAB / "playbooks" / "truthful.yml", "--tags", "single_fallback")
    assert (stats["ignored"], stats["changed"]) == (1, 0)
    assert "the interface has no IPv4 here (the protocol is unbound or the adapter disabled) or is gone " \
           "(GetIpNetEntry2 returned 2, ERROR_FILE_NOT_FOUND)" in lab.results()[0]["result"]["msg"]
    assert all(lab.state()["calls"].get(f, 0) == 0 for f in MUTATING)
