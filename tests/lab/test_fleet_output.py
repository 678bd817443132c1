# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A task over a large table stores what happened, not the table: by default its
entries are the changed ones with counts of all, and its diff shows each changed
entry under its own address, so that a removal next to an addition never reads
as an edit of one entry."""
from __future__ import annotations

import json
import re

from lab_run import HOST, LAB, Lab

PINS = [{"address": f"192.0.2.{n}", "mac": f"00-00-5E-00-53-{n:02X}"} for n in range(1, 201)]


def returned(result: dict[str, object]) -> int:
    """The size of a result's JSON without the task's own arguments."""
    return len(json.dumps({k: v for k, v in result.items() if k != "invocation"}))


def test_a_fleet_task_reports_what_changes_and_counts_the_rest(lab: Lab) -> None:
    # On the host: every pin but 192.0.2.200, in both stores, and one static entry the list does not hold.
    held = [dict(p, interface_index=4) for p in PINS[:-1] + [{"address": "192.0.2.250", "mac": "00-00-5E-00-53-FA"}]]
    lab.write(dict(HOST, neighbors=[dict(n, state="Permanent") for n in held], persistent=held))
    pins = lab.state_path("lab-win01").with_name("pins.json")
    pins.write_text(json.dumps({"pins": PINS}))
    proc = lab.play(LAB / "playbooks" / "fleet_output.yml", "-e", f"@{pins}")
    assert proc.returncode == 0, proc.stdout[-3000:]
    checked, listed = (r["result"] for r in lab.results())

    assert [(e["address"], e["status"], e["purged"]) for e in checked["entries"]] == [
        ("192.0.2.200", "added", False), ("192.0.2.250", "removed", True)]
    assert checked["counts"] == {"unchanged": 199, "added": 1, "updated": 0, "removed": 1, "failed": 0,
                                 "failed after a change": 0, "not attempted": 0}
    assert len(listed["entries"]) == 201 and listed["counts"] == checked["counts"]
    # What the module returns, stored by AWX per host per run (the task's own arguments, which
    # ansible-core 2.19 echoes as invocation, aside): listing every entry returns the whole table.
    assert returned(checked) * 20 < returned(listed)

    # The diff as ansible-playbook prints it: each entry its own, the removal not paired with the addition.
    shown = [line for line in proc.stdout.splitlines() if re.match(r"(---|\+\+\+|@@|[-+](mac|\(no entry))", line)]
    assert shown == [
        "--- before: 192.0.2.200 on Ethernet (before)", "+++ after: 192.0.2.200 on Ethernet (after)", "@@ -1 +1 @@",
        "-(no entry)", "+mac: 00-00-5E-00-53-C8; state: Permanent; stores: active, persistent; "
        "persistent_mac: 00-00-5E-00-53-C8",
        "--- before: 192.0.2.250 on Ethernet (before)", "+++ after: 192.0.2.250 on Ethernet (after)", "@@ -1 +1 @@",
        "-mac: 00-00-5E-00-53-FA; state: Permanent; stores: active, persistent; persistent_mac: 00-00-5E-00-53-FA",
        "+(no entry)",
    ]
    # Check mode: nothing changed on the host.
    assert not any(lab.state()["calls"].get(f, 0) for f in ("CreateIpNetEntry2", "SetIpNetEntry2",
                                                            "DeleteIpNetEntry2", "MSFT_NetNeighbor.Create"))
