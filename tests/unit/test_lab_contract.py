"""The lab plays the module honestly: its entry point makes the same C# call as
win_neighbor.ps1, and it refuses what it cannot play."""
from __future__ import annotations

import base64
import json
import re
import sys

import pytest

from collection import ROOT

sys.path.insert(0, str(ROOT / "tests" / "lab"))

import lab_payload  # noqa: E402  pylint: disable=wrong-import-position

HELPER_NAMESPACE = "ansible_collections.ipneighbor.windows.plugins.module_utils.Neighbor"


def test_lab_host_makes_the_call_the_ps1_makes() -> None:
    ps1 = (ROOT / "plugins" / "modules" / "win_neighbor.ps1").read_text()
    lab = (ROOT / "tests" / "lab" / "LabHost.cs").read_text()
    ps1_calls = re.findall(r"\[" + re.escape(HELPER_NAMESPACE) + r"\.(\w+)\]::(\w+)\(\s*\$module\.Params,\s*"
                           r"\$module\.CheckMode\)", ps1)
    lab_calls = re.findall(r"\b(NeighborModule)\.(\w+)\(parameters, \(bool\)request\[\"check_mode\"\]\)", lab)
    assert ps1_calls == [("NeighborModule", "Run")]
    assert lab_calls == ps1_calls
    assert f"using {HELPER_NAMESPACE};" in lab
    # Both hand the result keys on and turn Error into failed + msg.
    assert "outcome.Result" in lab and "outcome.Error" in lab
    assert "$outcome.Result" in ps1 and "$module.FailJson($outcome.Error)" in ps1


def payload(actions: list[str], manifest: dict | None = None) -> bytes:
    script = "ansible_collections.ipneighbor.windows.plugins.modules.win_neighbor.ps1"
    body = manifest or {
        "scripts": {script: base64.b64encode(b"$spec = @{}").decode()},
        "actions": [{"name": name, "params": {"Script": script, "Variables": [], "CSharpModules": []}}
                    for name in actions],
    }
    return b'{"name": "exec_wrapper"}' + lab_payload.SEPARATOR + json.dumps(body).encode()


@pytest.mark.parametrize("data,message", [
    (None, "the lab runs PowerShell modules only"),
    (b"Get-NetNeighbor", "the lab runs PowerShell modules only"),
    (payload(["become_wrapper.ps1", "module_wrapper.ps1"]),
     "the lab plays single module runs only, not become, async or other wrappers (extra actions: become_wrapper.ps1)"),
    (payload([], manifest={"module_entry": "", "module_args": {}}),
     "this payload is not the ansible-core 2.19+ manifest the lab reads"),
])
def test_unsupported_runs_are_refused_with_a_reason(data: bytes | None, message: str) -> None:
    with pytest.raises(lab_payload.LabUnsupported) as refused:
        lab_payload.read(data)
    assert str(refused.value).startswith(message)


def test_module_run_is_read() -> None:
    run = lab_payload.read(payload(["module_wrapper.ps1"]))
    assert (run.fqcn, run.script, run.check_mode) == ("ipneighbor.windows.win_neighbor", "$spec = @{}", False)
