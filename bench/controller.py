# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Controller-side time of the win_neighbor action plugin per task (validation,
normalisation, diff; the module run stubbed) against ansible-core's bare
ActionBase path with the same stub. The task's arguments are loaded from YAML
by ansible-core's DataLoader, as a playbook hands them over (each value carries
ansible-core's origin tags). Run by bench/run.py."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import yaml  # noqa: E402
from ansible.parsing.dataloader import DataLoader  # noqa: E402
from ansible.playbook.play_context import PlayContext  # noqa: E402
from ansible.playbook.task import Task  # noqa: E402
from ansible.plugins.action import ActionBase  # noqa: E402
from ansible.plugins.loader import connection_loader  # noqa: E402
from ansible.template import Templar  # noqa: E402

from collection import install_finder  # noqa: E402

RUNS = 500
ENTRY = {"address": "192.168.1.10", "mac": "00-15-5D-01-02-03", "interface_alias": "Ethernet",
         "interface_index": 4, "state": "Permanent"}


class Bare(ActionBase):
    """ansible-core's path for a module with no action plugin of its own."""

    def run(self, tmp: Any = None, task_vars: dict[str, Any] | None = None) -> dict[str, Any]:
        result = super().run(tmp, task_vars)
        result.update(self._execute_module(module_args=dict(self._task.args), task_vars=task_vars))
        return result


def stubbed(cls: type, module_result: dict[str, Any]) -> type:
    class Stubbed(cls):  # type: ignore[misc,valid-type]
        def _execute_module(self, module_name: Any = None, module_args: Any = None, **kwargs: Any) -> Any:
            return dict(module_result)
    return Stubbed


def per_task(cls: type, args: dict[str, Any], module_result: dict[str, Any]) -> float:
    task = Task()
    task.action = "ipneighbor.windows.win_neighbor"
    task.args = args
    task.diff = True
    loader = DataLoader()
    play_context = PlayContext()
    connection = connection_loader.get("ansible.builtin.winrm", play_context, None)
    action = stubbed(cls, module_result)(task, connection, play_context, loader, Templar(loader=loader), None)
    action.run(task_vars={})  # warm
    size = len(args.get("neighbors", []))
    runs = RUNS if size < 1000 else 50 if size < 10000 else 10
    # The best of three batches, as timeit advises: what is left above it is other load.
    batches = []
    for _batch in range(3):
        start = time.perf_counter()
        for _run in range(runs):
            action.run(task_vars={})
        batches.append((time.perf_counter() - start) / runs)
    return min(batches)


def as_a_playbook_gives(args: dict[str, Any]) -> Any:
    """The arguments as ansible-core loads them from a playbook's YAML: tagged with their origin."""
    with tempfile.TemporaryDirectory(prefix="ipneighbor-bench-") as scratch:
        path = Path(scratch) / "task.yml"
        path.write_text(yaml.safe_dump(args))
        return DataLoader().load_from_file(str(path))


def main() -> int:
    install_finder(Path(tempfile.mkdtemp(prefix="ipneighbor-bench-")))
    from ansible_collections.ipneighbor.windows.plugins.action.win_neighbor import ActionModule

    single = as_a_playbook_gives({"address": "192.168.1.10", "mac": "00:15:5d:01:02:03", "interface": "Ethernet"})
    single_result = {"changed": True, "before": None, "after": ENTRY}

    def bulk_case(n: int) -> tuple[dict[str, Any], dict[str, Any]]:
        entries = [{"address": f"10.0.{i >> 8}.{i & 0xFF}", "mac": f"00:15:5d:00:{i >> 8:02x}:{i & 0xFF:02x}"}
                   for i in range(1, n + 1)]
        # Every entry changed: the diff and the result are as large as they get.
        return as_a_playbook_gives({"interface": "Ethernet", "neighbors": entries}), {"changed": True, "entries": [
            {"address": e["address"], "interface_alias": "Ethernet", "status": "added", "purged": False,
             "before": None, "after": ENTRY} for e in entries]}

    print(f"Controller side per task, module run stubbed (best of 3 batches of {RUNS} runs, 50 for 1000 "
          "entries, 10 for 10000), diff on")
    overhead: dict[str, float] = {}
    cases = [("single entry", single, single_result), ("100 entries", *bulk_case(100)),
             ("1000 entries", *bulk_case(1000)), ("10000 entries", *bulk_case(10000))]
    for name, args, result in cases:
        ours, bare = per_task(ActionModule, args, result), per_task(Bare, args, result)
        overhead[name] = ours - bare
        print(f"  {name:<13} win_neighbor {ours * 1e3:8.3f} ms   bare ActionBase {bare * 1e3:7.3f} ms   "
              f"ratio {ours / bare:7.2f}   overhead {(ours - bare) * 1e3:7.3f} ms")
    # The targets, as ratios (at most 1 meets a budget; flat per entry is about 1).
    print(f"100 entries against a 2 ms budget:   {overhead['100 entries'] / 2e-3:5.2f}")
    print(f"1000 entries against a 10 ms budget: {overhead['1000 entries'] / 10e-3:5.2f}")
    per_entry = {n: overhead[f"{n} entries"] / n for n in (100, 1000, 10000)}
    print(f"time per entry, 10000 entries against 100: {per_entry[10000] / per_entry[100]:5.2f} "
          f"({per_entry[100] * 1e6:.1f} us and {per_entry[10000] * 1e6:.1f} us an entry)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
