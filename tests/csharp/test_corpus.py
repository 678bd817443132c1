# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The hostile-input corpus (tests/corpus/bad_input.json) through the C# helper,
with the parameters as Ansible.Basic would hand them over: each case fails with
the option and the value named, and the IP Helper double sees no read of the
neighbor table and no change."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from csharp import Run
from native_double import MUTATING, Double

CASES = json.loads((Path(__file__).parents[1] / "corpus" / "bad_input.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [c for c in CASES if "host" in c["refused_by"]], ids=lambda c: c["name"])
def test_target_refuses_before_touching_the_table(host: Double, run: Run, case: dict[str, Any]) -> None:
    result, error = run(case["args"])
    # Ansible.Basic words a rule on a neighbors entry without the entry's index; the controller adds it.
    assert error == case.get("host_message", case["message"])
    # An interface Windows does not know carries the lookup's Win32 code too.
    assert result == {"changed": False, **case.get("win32", {})}
    assert host.mutations() == 0
    assert host.calls("GetIpNetEntry2") == 0 and host.calls("GetIpNetTable2") == 0
    assert host.neighbors() == []
    assert all(host.calls(f) == 0 for f in MUTATING)
