# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Test-only: records each task result (with the seconds from the task's start to
the host's result, which bench/plays.py reads) and the play stats as JSON in the
file named by LAB_RECORD, for the lab's playbook tests to read."""

from __future__ import annotations

DOCUMENTATION = r"""
name: lab_record
type: aggregate
short_description: Records task results and stats for the lab tests
description:
  - Writes the results of every task and the final stats to the file named by LAB_RECORD.
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""

import json
import os
import time
import typing as t

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "lab_record"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self) -> None:
        super().__init__()
        self.results: list[dict[str, t.Any]] = []
        self.task_started = time.perf_counter()

    def v2_playbook_on_task_start(self, task: t.Any, is_conditional: bool) -> None:
        self.task_started = time.perf_counter()

    def _record(self, result: t.Any, status: str) -> None:
        self.results.append({"host": result._host.get_name(), "task": result._task.get_name(),
                             "status": status, "result": dict(result._result),
                             "seconds": time.perf_counter() - self.task_started})

    def v2_runner_on_ok(self, result: t.Any) -> None:
        self._record(result, "ok")

    def v2_runner_on_failed(self, result: t.Any, ignore_errors: bool = False) -> None:
        self._record(result, "ignored" if ignore_errors else "failed")

    def v2_playbook_on_stats(self, stats: t.Any) -> None:
        path = os.environ.get("LAB_RECORD")
        if not path:
            return
        summary = {host: stats.summarize(host) for host in sorted(stats.processed)}
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"results": self.results, "stats": summary}, f, default=str)
