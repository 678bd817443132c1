"""The option set agrees across DOCUMENTATION, the action plugin and the .ps1
spec (pwsh, which would check the .ps1 against the docs, cannot run here); the
.ps1 parses as PowerShell and stays glue."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import ps_spec
from collection import ROOT

MODULES = ROOT / "plugins" / "modules"
PS1 = MODULES / "win_neighbor.ps1"


def documented_options(name: str) -> dict[str, dict[str, Any]]:
    namespace: dict[str, Any] = {}
    exec((MODULES / f"{name}.py").read_text(), namespace)
    return yaml.safe_load(namespace["DOCUMENTATION"])["options"]


def shape(option: dict[str, Any]) -> dict[str, Any]:
    """What the three must agree on."""
    return {
        "type": option.get("type", "str"),
        "required": bool(option.get("required", False)),
        "choices": sorted(option["choices"]) if "choices" in option else None,
        "default": option.get("default"),
    }


@pytest.fixture()
def ps1_spec() -> dict[str, Any]:
    return ps_spec.module_spec(PS1.read_bytes())


def test_ps1_parses_as_powershell() -> None:
    assert ps_spec.errors(ps_spec.parse(PS1.read_bytes())) == []


def test_parser_finds_broken_powershell() -> None:
    broken = PS1.read_bytes().replace(b"supports_check_mode = $true\n}", b"supports_check_mode = $true\n")
    assert ps_spec.errors(ps_spec.parse(broken)) != []


def test_docs_ps1_and_action_plugin_agree(ps1_spec: dict[str, Any], collections_path: Path) -> None:
    from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_args import ARGUMENT_SPEC

    docs = {name: shape(o) for name, o in documented_options("win_neighbor").items()}
    ps1 = {name: shape(o) for name, o in ps1_spec["options"].items()}
    action = {name: shape(o) for name, o in ARGUMENT_SPEC.items()}
    assert ps1 == docs
    assert action == docs


def test_required_if_agrees(ps1_spec: dict[str, Any], collections_path: Path) -> None:
    from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_args import REQUIRED_IF

    assert ps1_spec["required_if"] == [["state", "present", ["mac"]]]
    assert [[k, v, list(r)] for k, v, r in REQUIRED_IF] == ps1_spec["required_if"]
    mac_doc = " ".join(documented_options("win_neighbor")["mac"]["description"])
    assert "Required when O(state=present)" in mac_doc


def test_check_mode_support_agrees(ps1_spec: dict[str, Any], collections_path: Path) -> None:
    from ansible_collections.ipneighbor.windows.plugins.action.win_neighbor import ActionModule

    assert ps1_spec["supports_check_mode"] is True
    assert ActionModule._supports_check_mode is True


def test_nothing_before_create_touches_the_helper() -> None:
    text = PS1.read_text()
    before, dummy, after = text.partition("[Ansible.Basic.AnsibleModule]::Create(")
    code = [line for line in before.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert not any("ansible_collections" in line or "Neighbor" in line for line in code)
    assert after, "the module must create the AnsibleModule"


def test_ps1_is_glue_making_one_helper_call() -> None:
    calls = re.findall(r"\[([\w.]+)\]::(\w+)\(", PS1.read_text())
    assert calls == [
        ("Ansible.Basic.AnsibleModule", "Create"),
        ("ansible_collections.ipneighbor.windows.plugins.module_utils.Neighbor.NeighborModule", "Run"),
    ]
    # No branches on values: every decision is the helper's.
    assert not re.search(r"(?im)^\s*(switch|while|elseif|else)\b", PS1.read_text())
