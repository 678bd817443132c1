# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ansible-core's own packaging of a PowerShell module (PSModuleDepFinder, the
code that builds the payload for a Windows host) run on this collection's
modules: it must find every C# util a module needs. It fails, with "Set changed
size during iteration", when two utils name each other, so the utils' using
graph must stay acyclic."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UTILS = ROOT / "plugins" / "module_utils"
PREFIX = "ansible_collections.ipneighbor.windows.plugins.module_utils."
USING = re.compile(r"^using (ansible_collections\.ipneighbor\.windows\.plugins\.module_utils\.\w+);", re.M)


def uses() -> dict[str, set[str]]:
    return {p.stem: {u[len(PREFIX):] for u in USING.findall(p.read_text())} for p in UTILS.glob("*.cs")}


def test_no_two_utils_name_each_other() -> None:
    graph = uses()
    cycles = []

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            cycles.append(path[path.index(name):] + [name])
            return
        for dep in sorted(graph.get(name, ())):
            visit(dep, path + [name])

    for name in graph:
        visit(name, [])
    assert cycles == []


ALL_UTILS = {"NeighborActiveReconcile", "NeighborActiveStore", "NeighborBulk", "NeighborCim", "NeighborCimSession",
             "NeighborEntries", "NeighborFailure", "NeighborInput", "NeighborInterfaces", "NeighborKind",
             "NeighborModules", "NeighborNative", "NeighborPersistent", "NeighborPersistentRow", "NeighborSnapshot",
             "NeighborStores", "NeighborFlush", "NeighborLearned", "NeighborLateBound"}


@pytest.mark.parametrize("module,utils", [
    ("win_neighbor", ALL_UTILS),
    ("win_neighbor_info", ALL_UTILS),
    ("win_neighbor_flush", ALL_UTILS),
])
def test_ansible_core_packs_every_util_the_module_needs(collections_path: Path, module: str,
                                                        utils: set[str]) -> None:
    from ansible.executor.powershell.module_manifest import PSModuleDepFinder

    finder = PSModuleDepFinder()
    source = (ROOT / "plugins" / "modules" / f"{module}.ps1").read_bytes()
    finder.scan_module(source, fqn=f"ansible_collections.ipneighbor.windows.plugins.modules.{module}")
    packed = {name[len(PREFIX):-len(".cs")] for name in finder.scripts if name.startswith(PREFIX)}
    assert packed == utils == {p.stem for p in UTILS.glob("*.cs")}
