# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The hostile-input corpus (tests/corpus/bad_input.json) through the action
plugin: each case the controller can judge fails with the option and the value
named, in the one message the corpus holds for it (the host words it the same),
and nothing is sent to the host. Its twin, tests/csharp/test_corpus.py,
puts the same corpus through the C# helper."""
from __future__ import annotations

import json
from typing import Any

import pytest
from ansible.errors import AnsibleActionFail

from action_harness import Recorder, run
from collection import ROOT

CASES = json.loads((ROOT / "tests" / "corpus" / "bad_input.json").read_text(encoding="utf-8"))


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c["name"] for c in CASES}) == len(CASES)
    assert all(c["refused_by"] in (["controller", "host"], ["controller"], ["host"]) for c in CASES)


@pytest.mark.parametrize("case", [c for c in CASES if "controller" in c["refused_by"]], ids=lambda c: c["name"])
def test_controller_refuses_before_the_host(action_class: Any, case: dict[str, Any]) -> None:
    recorder = Recorder({})
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, case["args"], recorder=recorder)
    assert case["message"] in str(failure.value)
    assert recorder.sent == []


@pytest.mark.parametrize("case", [c for c in CASES if "controller" not in c["refused_by"]], ids=lambda c: c["name"])
def test_only_the_host_can_tell(action_class: Any, case: dict[str, Any]) -> None:
    """Unknown interfaces (and one interface named two ways) pass the controller;
    the host refuses them (see tests/csharp/test_corpus.py)."""
    recorder = Recorder({"changed": False})
    run(action_class, case["args"], recorder=recorder)
    assert len(recorder.sent) == 1
