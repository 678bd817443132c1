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

HELPER_NAMESPACE = "ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules"
LAB_HOST = (ROOT / "tests" / "lab" / "LabHost.cs").read_text()


@pytest.mark.parametrize("module,arguments", [
    ("win_neighbor", (r"\$module\.Params,\s*\$module\.CheckMode", r'parameters, \(bool\)request\["check_mode"\]')),
    ("win_neighbor_info", (r"\$module\.Params", "parameters")),
])
def test_lab_host_makes_the_call_the_ps1_makes(module: str, arguments: tuple[str, str]) -> None:
    ps1 = (ROOT / "plugins" / "modules" / f"{module}.ps1").read_text()
    ps1_calls = re.findall(r"\[" + re.escape(HELPER_NAMESPACE) + r"\.(\w+)\]::(\w+)\(\s*" + arguments[0] + r"\)", ps1)
    lab_calls = re.findall(r'module == "' + module + r'"\)\s+outcome = (\w+)\.(\w+)\(' + arguments[1] + r"\)",
                           LAB_HOST)
    assert len(ps1_calls) == 1
    assert lab_calls == ps1_calls
    # Both hand the result keys on and turn Error into failed + msg.
    assert "$outcome.Result" in ps1 and "$module.FailJson($outcome.Error)" in ps1


def test_lab_host_reports_like_the_ps1() -> None:
    assert f"using {HELPER_NAMESPACE};" in LAB_HOST
    assert "outcome.Result" in LAB_HOST and 'result["msg"] = outcome.Error' in LAB_HOST


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


def test_refusals_never_echo_what_the_payload_carries() -> None:
    """A become run carries the password in clear in secure_params; the lab's
    message names the wrapper and nothing of its parameters."""
    secret = "S3cret-runas-password"
    body = json.loads(payload(["become_wrapper.ps1", "module_wrapper.ps1"]).partition(lab_payload.SEPARATOR)[2])
    body["actions"][0]["secure_params"] = {"BecomePassword": secret}
    body["actions"][0]["params"]["BecomeUser"] = "Administrator"
    data = b"{}" + lab_payload.SEPARATOR + json.dumps(body).encode()
    with pytest.raises(lab_payload.LabUnsupported) as refused:
        lab_payload.read(data)
    assert secret not in str(refused.value) and "Administrator" not in str(refused.value)
