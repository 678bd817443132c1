# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The lab plays the module honestly: it runs the glue each .ps1 writes (read
from the .ps1, refused when it is anything else) with ansible-core's own
Ansible.Basic from the payload, and it refuses what it cannot play."""
from __future__ import annotations

import base64
import json
from typing import Any

import pytest

import lab_payload
import ps_glue
from collection import ROOT

HELPER_NAMESPACE = "ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules"
LAB_HOST = (ROOT / "tests" / "lab" / "LabHost.cs").read_text()
GLUE = (ROOT / "tests" / "powershell" / "PowerShellGlue.cs").read_text()
PS1 = (ROOT / "plugins" / "modules" / "win_neighbor.ps1").read_text()


@pytest.mark.parametrize("module,entry", [("win_neighbor", "NeighborModule"),
                                          ("win_neighbor_info", "NeighborInfoModule")])
def test_each_ps1_is_the_glue_the_lab_plays(module: str, entry: str) -> None:
    glue = ps_glue.read((ROOT / "plugins" / "modules" / f"{module}.ps1").read_bytes())
    assert (glue.helper_type, glue.helper_method) == (f"{HELPER_NAMESPACE}.{entry}", "Run")


def test_the_lab_names_no_helper_call_of_its_own() -> None:
    """The call comes from the .ps1 alone, so the lab cannot drift from it."""
    assert "NeighborModule" not in LAB_HOST and "NeighborModule" not in GLUE
    assert "ModuleGlue.Run(" in LAB_HOST


@pytest.mark.parametrize("change", [
    # The defect this glue replaced: the Params Hashtable handed to the helper.
    ("]::Run($module)", "]::Run($module.Params, $module.CheckMode)"),
    ("    $module.FailJson($failure)\n", ""),
    ("$module.ExitJson()", "$module.Result.extra = 1\n$module.ExitJson()"),
    ("if ($failure) {", "if (-not $failure) {"),
    ("$module = [Ansible.Basic.AnsibleModule]::Create($args, $spec)",
     "$module = [Ansible.Basic.AnsibleModule]::Create($args, @{})"),
])
def test_glue_reader_refuses_anything_else(change: tuple[str, str]) -> None:
    assert change[0] in PS1
    with pytest.raises(ps_glue.NotGlue):
        ps_glue.read(PS1.replace(*change).encode())


def test_glue_reader_refuses_broken_powershell() -> None:
    with pytest.raises(ps_glue.NotGlue, match="does not parse"):
        ps_glue.read(PS1.replace("if ($failure) {", "if ($failure {").encode())


def payload(actions: list[str], manifest: dict[str, Any] | None = None) -> bytes:
    script = "ansible_collections.ipneighbor.windows.plugins.modules.win_neighbor.ps1"
    body = manifest or {
        "scripts": {script: base64.b64encode(b"$spec = @{}").decode(),
                    "Ansible.Basic.cs": base64.b64encode(b"namespace Ansible.Basic {}").decode()},
        "actions": [{"name": name, "params": {"Script": script, "Variables": [], "CSharpModules": ["Ansible.Basic.cs"]}}
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
    assert run.ansible_basic == "namespace Ansible.Basic {}"


def test_a_module_without_ansible_basic_is_refused() -> None:
    body = json.loads(payload(["module_wrapper.ps1"]).partition(lab_payload.SEPARATOR)[2])
    body["actions"][0]["params"]["CSharpModules"] = []
    with pytest.raises(lab_payload.LabUnsupported, match="does not require Ansible.Basic"):
        lab_payload.read(b"{}" + lab_payload.SEPARATOR + json.dumps(body).encode())


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
