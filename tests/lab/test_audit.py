# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The audit role (roles/neighbor_audit) over a fleet of lab hosts in one inventory,
each in another state: in sync; needing an add, an update and a purge removal; with
a wrong pin in both stores (the case a state filter misses: the pin is Permanent),
entries in one store only and a pin on a gone interface; denied the persistent
store; unreachable. One report for the fleet, read back as Markdown and, through
headless Chromium, as HTML; and no host changed."""
from __future__ import annotations

import copy
import json
import re
import socket
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from lab_run import LAB, Lab

PLAYBOOK = LAB / "playbooks" / "audit.yml"
# The entries the fleet should hold (neighbor_audit_neighbors) and the hosts: tests/lab/audit_inventory.yml.
DESIRED = LAB / "audit_inventory.yml"
REACHED = ("audit-insync", "audit-drift", "audit-wrongpin", "audit-denied")
UNREACHABLE = "audit-unreachable"
MUTATING = ("CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2", "MSFT_NetNeighbor.Create",
            "MSFT_NetNeighbor.ModifyInstance", "MSFT_NetNeighbor.DeleteInstance")

INTERFACES = [
    {"alias": "Loopback Pseudo-Interface 1", "index": 1, "type": 24},
    {"alias": "Ethernet", "index": 4},
    {"alias": "Ethernet 2", "index": 7},
]


def entry(address: str, mac: str, state: str = "Permanent", index: int = 4, router: bool = False) -> dict[str, Any]:
    return {"address": address, "interface_index": index, "mac": mac, "state": state, "is_router": router}


def pin(address: str, mac: str, index: int = 4) -> dict[str, Any]:
    return {"address": address, "interface_index": index, "mac": mac}


# Windows' own static entries (multicast, broadcast), in the active store only on every host.
WINDOWS_OWN = [entry("224.0.0.22", "01-00-5E-00-00-16"), entry("192.0.2.255", "FF-FF-FF-FF-FF-FF"),
               entry("255.255.255.255", "FF-FF-FF-FF-FF-FF"), entry("ff02::16", "33-33-00-00-00-16")]
GATEWAY, GATEWAY6 = entry("192.0.2.1", "00-00-5E-00-53-01"), entry("2001:db8::1", "00-00-5E-00-53-01", router=True)
SERVER, BACKUP = entry("192.0.2.10", "00-00-5E-00-53-0A"), entry("198.51.100.1", "00-00-5E-00-53-81", index=7)

STATES: dict[str, dict[str, Any]] = {
    # Everything as listed; the store active entry in the active store only, as listed.
    "audit-insync": {
        "neighbors": [GATEWAY, SERVER, GATEWAY6, BACKUP, entry("192.0.2.20", "00-00-5E-00-53-14", "Stale")],
        "persistent": [pin("192.0.2.1", "00-00-5E-00-53-01"), pin("192.0.2.10", "00-00-5E-00-53-0A"),
                       pin("2001:db8::1", "00-00-5E-00-53-01")],
    },
    # 192.0.2.10 missing; the gateway not pinned, learned with another MAC than listed (a failover,
    # or a typo in the inventory: a warning); 192.0.2.50 pinned but not listed (purge). And
    # 198.51.100.7 pinned on interface index 12, which is gone: the double holds no persistent row
    # on an interface it lacks, so its ConvertInterfaceIndexToLuid answers as Windows does for an
    # index without an interface (ERROR_FILE_NOT_FOUND), the one call win_neighbor_info makes for
    # an entry only the persistent store holds (and win_neighbor, naming interfaces by alias, none).
    "audit-drift": {
        "interfaces": [*INTERFACES, {"alias": "Ethernet 3", "index": 12}],
        "neighbors": [entry("192.0.2.1", "00-00-5E-00-53-02", "Reachable", router=True), GATEWAY6, BACKUP,
                      entry("192.0.2.50", "00-00-5E-00-53-32")],
        "persistent": [pin("2001:db8::1", "00-00-5E-00-53-01"), pin("192.0.2.50", "00-00-5E-00-53-32"),
                       pin("198.51.100.7", "00-00-5E-00-53-07", 12)],
        "faults": {"ConvertInterfaceIndexToLuid": 2},
    },
    # The gateway pinned with a wrong MAC in both stores; 192.0.2.30 persistent only, 192.0.2.40
    # static in the active store only, 192.0.2.60 pinned but learned with another MAC.
    "audit-wrongpin": {
        "neighbors": [entry("192.0.2.1", "00-00-5E-00-53-99"), SERVER, GATEWAY6, BACKUP,
                      entry("192.0.2.40", "00-00-5E-00-53-28"), entry("192.0.2.60", "00-00-5E-00-53-3D", "Reachable")],
        "persistent": [pin("192.0.2.1", "00-00-5E-00-53-99"), pin("192.0.2.10", "00-00-5E-00-53-0A"),
                       pin("2001:db8::1", "00-00-5E-00-53-01"), pin("192.0.2.30", "00-00-5E-00-53-1E"),
                       pin("192.0.2.60", "00-00-5E-00-53-3C")],
    },
    # In sync, but the persistent store denies access (not run as an administrator).
    "audit-denied": {
        "neighbors": [GATEWAY, SERVER, GATEWAY6, BACKUP],
        "persistent": [pin("192.0.2.1", "00-00-5E-00-53-01")],
        "faults": {"MSFT_NetNeighbor.EnumerateInstances": 2},
    },
}


def host_state(name: str) -> dict[str, Any]:
    """The host's state file as the lab writes it back (tables sorted, every key spelt out)."""
    state = copy.deepcopy(STATES[name])
    state["neighbors"] = sorted(state["neighbors"] + WINDOWS_OWN, key=lambda n: (n["interface_index"], n["address"]))
    state["persistent"].sort(key=lambda n: (n["interface_index"], n["address"]))
    return {"interfaces": INTERFACES, "faults": {}, "calls": {}, **state}


def without_calls(state: dict[str, Any]) -> dict[str, Any]:
    """The host's tables and settings: everything but the call counts, which every read adds to."""
    return {k: v for k, v in state.items() if k != "calls"}


def closed_port() -> int:
    """A loopback port nothing listens on: the unreachable host's."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def markdown_tables(text: str) -> dict[str, list[list[str]]]:
    """Each section's table (the counts under the title) as rows of cells, the header first."""
    tables: dict[str, list[list[str]]] = {}
    section = "counts"
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:]
        elif line.startswith("|") and not line.startswith("| ---"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            tables.setdefault(section, []).append([c.strip().replace("\\|", "|") for c in cells])
    return tables


class HtmlTables(HTMLParser):
    """The page's tables by id, as rows of cell texts, the header first; and every link and script."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.outside: list[str] = []
        self._table: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag in ("script", "link", "iframe", "img", "object", "embed") or "src" in named or \
                not (named.get("href") or "#").startswith("#"):
            self.outside.append(tag)
        if tag == "table":
            self._table = named.get("id") or ""
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._table is not None and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def chromium_tables(page: Path) -> HtmlTables:
    """The page as headless Chromium renders it (its DOM), parsed."""
    done = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "</table>" in done.stdout, done.stderr[-2000:]
    parsed = HtmlTables()
    parsed.feed(done.stdout)
    return parsed


COUNTS = [
    ["Finding", "Hosts", "Entries"],
    ["Hosts audited", "5", ""],
    ["In sync", "1", ""],
    ["Out of sync", "2", ""],
    ["Would add", "1", "1"],
    ["Would update", "2", "2"],
    ["Would remove", "1", "1"],
    ["Stores disagree", "1", "3"],
    ["Pinned on a gone interface", "1", "1"],
    ["Failed", "1", ""],
    ["Unreachable", "1", ""],
]
HOSTS = [
    ["Host", "Status", "Add", "Update", "Remove", "Stores disagree", "Gone interface"],
    ["audit-denied", "failed", "?", "?", "?", "?", "?"],
    ["audit-drift", "out of sync", "1", "1", "1", "0", "1"],
    ["audit-insync", "in sync", "0", "0", "0", "0", "0"],
    ["audit-unreachable", "unreachable", "?", "?", "?", "?", "?"],
    ["audit-wrongpin", "out of sync", "0", "1", "0", "3", "0"],
]
ADD = [["audit-drift", "192.0.2.10", "Ethernet", "active 00-00-5E-00-53-0A (Permanent); persistent 00-00-5E-00-53-0A"]]
UPDATE = [
    ["audit-drift", "192.0.2.1", "Ethernet", "active 00-00-5E-00-53-02 (Reachable); not persistent",
     "active 00-00-5E-00-53-01 (Permanent); persistent 00-00-5E-00-53-01"],
    # The wrong pin in both stores: Permanent, and what win_neighbor would change.
    ["audit-wrongpin", "192.0.2.1", "Ethernet", "active 00-00-5E-00-53-99 (Permanent); persistent 00-00-5E-00-53-99",
     "active 00-00-5E-00-53-01 (Permanent); persistent 00-00-5E-00-53-01"],
]
REMOVE = [["audit-drift", "192.0.2.50", "Ethernet",
           "active 00-00-5E-00-53-32 (Permanent); persistent 00-00-5E-00-53-32"]]
# In win_neighbor_info's order: the active store's entries, then those only the persistent store holds.
STORES = [
    ["audit-wrongpin", "192.0.2.40", "Ethernet", "00-00-5E-00-53-28 (Permanent)", "",
     "static in the active store only: gone at the next reboot"],
    ["audit-wrongpin", "192.0.2.60", "Ethernet", "00-00-5E-00-53-3D (Reachable)", "00-00-5E-00-53-3C",
     "persistent pin, learned in the active store with another MAC: the pin comes back at the next boot"],
    ["audit-wrongpin", "192.0.2.30", "Ethernet", "", "00-00-5E-00-53-1E",
     "persistent only: not active now; Windows loads it at the next boot"],
]
GONE = [["audit-drift", "198.51.100.7", "12", "00-00-5E-00-53-07"]]


def run_audit(venv: Path, lab_vars: str, collections: Path, tmp_path: Path) -> tuple[Lab, Path, Path]:
    lab = Lab(venv, lab_vars, collections, tmp_path, hosts=REACHED)
    for name in REACHED:
        lab.write(host_state(name), name)
    gone = re.sub(r"ansible_port=\d+", f"ansible_port={closed_port()}", lab_vars)
    with lab.inventory.open("a") as inventory:
        inventory.write(f"{UNREACHABLE} {gone} lab_state={lab.state_path(UNREACHABLE)}\n")
    markdown, html = tmp_path / "report" / "audit.md", tmp_path / "report" / "audit.html"
    markdown.parent.mkdir()
    proc = lab.play(PLAYBOOK, "-i", str(DESIRED), "--forks", "5", "-e", f"neighbor_audit_report_markdown={markdown}",
                    "-e", f"neighbor_audit_report_html={html}")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    return lab, markdown, html


def test_one_report_for_the_fleet_and_no_host_changed(venv: Path, lab_vars: str, collections: Path,
                                                      tmp_path: Path) -> None:
    lab, markdown, html = run_audit(venv, lab_vars, collections, tmp_path)

    # Check mode: every table as it was, and not one call that changes a store.
    for name in REACHED:
        state = lab.state(name)
        assert without_calls(state) == without_calls(host_state(name)), name
        assert not any(state["calls"].get(f, 0) for f in MUTATING), (name, state["calls"])
    assert not lab.state_path(UNREACHABLE).exists()
    # The hosts that failed or were unreachable stayed in the play: no failure in the recap.
    stats = json.loads(lab.record_file.read_text())["stats"]
    assert {h: (s["failures"], s["unreachable"]) for h, s in stats.items()} == {
        h: (0, 0) for h in (*REACHED, UNREACHABLE)}

    text = markdown.read_text()
    tables = markdown_tables(text)
    # The counts first, right under the title.
    assert text.startswith("# Neighbor audit\n\n| Finding | Hosts | Entries |")
    assert tables["counts"] == COUNTS
    assert tables["Hosts"] == HOSTS
    assert tables["Would add"][1:] == ADD
    assert tables["Would update"][1:] == UPDATE
    assert tables["Would remove"][1:] == REMOVE
    assert tables["Stores disagree"][1:] == STORES
    assert tables["Pinned on a gone interface"][1:] == GONE
    failures = tables["Failed or unreachable"][1:]
    assert [row[:3] for row in failures] == [
        ["audit-denied", "failed", "win_neighbor (check mode)"], ["audit-denied", "failed", "win_neighbor_info"],
        ["audit-unreachable", "unreachable", "win_neighbor (check mode)"],
        ["audit-unreachable", "unreachable", "win_neighbor_info"]]
    assert all("access is denied" in row[3] and "EnumerateInstances" in row[3] for row in failures[:2])
    assert all("Connection refused" in row[3] for row in failures[2:])
    # win_neighbor's warning, in check mode too: the listed MAC is not the one the network answers with.
    warnings = tables["Warnings"][1:]
    assert [row[0] for row in warnings] == ["audit-drift"]
    assert ("the network answers with 00-00-5E-00-53-02 (Reachable) and the task pins 00-00-5E-00-53-01"
            in warnings[0][1])

    page = html.read_text()
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<style>" in page
    rendered = chromium_tables(html)
    assert rendered.outside == []
    assert rendered.tables["counts"] == COUNTS
    assert rendered.tables["hosts"] == HOSTS
    assert rendered.tables["add"][1:] == ADD
    assert rendered.tables["update"][1:] == UPDATE
    assert rendered.tables["remove"][1:] == REMOVE
    assert rendered.tables["stores"][1:] == STORES
    assert rendered.tables["gone"][1:] == GONE
    assert rendered.tables["failures"][1:] == failures
    assert rendered.tables["warnings"][1:] == warnings
    # The counts come first in the page too.
    assert next(iter(rendered.tables)) == "counts"
