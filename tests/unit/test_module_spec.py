# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The action plugin's rules between options agree with the .ps1 spec (as real
pwsh reads it, tests/tools/ps_module.ps1). That each .ps1 spec agrees with its DOCUMENTATION is
ansible-test sanity's validate-modules, with real pwsh (tests/tools/sanity.sh);
that each .ps1 parses, the PowerShell syntax gate (tests/host)."""
from __future__ import annotations

import typing as t
from pathlib import Path

import pytest
import yaml

import ps_module
from collection import ROOT

MODULES = ROOT / "plugins" / "modules"
MODULE_NAMES = ["win_neighbor", "win_neighbor_info", "win_neighbor_flush"]


def documented_options(name: str) -> dict[str, dict[str, t.Any]]:
    namespace: dict[str, t.Any] = {}
    exec((MODULES / f"{name}.py").read_text(), namespace)
    return yaml.safe_load(namespace["DOCUMENTATION"])["options"]


def shape(option: dict[str, t.Any]) -> dict[str, t.Any]:
    """What the docs, the .ps1 and the action plugin must agree on, suboptions included."""
    suboptions = option.get("suboptions", option.get("options"))
    return {
        "type": option.get("type", "str"),
        "elements": option.get("elements"),
        "required": bool(option.get("required", False)),
        "choices": sorted(option["choices"]) if "choices" in option else None,
        "default": option.get("default"),
        "options": {name: shape(o) for name, o in suboptions.items()} if suboptions else None,
    }


def shapes(options: dict[str, dict[str, t.Any]]) -> dict[str, dict[str, t.Any]]:
    return {name: shape(o) for name, o in options.items()}


def ps1_spec(module: str) -> dict[str, t.Any]:
    return ps_module.module_spec((MODULES / f"{module}.ps1").read_bytes())


def test_action_plugin_agrees_with_the_ps1(collections_path: Path) -> None:
    from ansible_collections.ipneighbor.windows.plugins.plugin_utils import neighbor_spec

    spec = ps1_spec("win_neighbor")
    assert shapes(neighbor_spec.ARGUMENT_SPEC) == shapes(spec["options"])
    assert [list(r) for r in neighbor_spec.MUTUALLY_EXCLUSIVE] == spec["mutually_exclusive"]
    assert [list(r) for r in neighbor_spec.REQUIRED_ONE_OF] == spec["required_one_of"]
    entry_rules = neighbor_spec.ARGUMENT_SPEC["neighbors"]["required_if"]
    assert [[k, v, list(r)] for k, v, r in entry_rules] == spec["options"]["neighbors"]["required_if"]


def test_shape_sees_a_difference_in_suboptions() -> None:
    docs = documented_options("win_neighbor")
    changed = dict(docs, neighbors=dict(docs["neighbors"], suboptions=dict(
        docs["neighbors"]["suboptions"], state={"type": "str"})))
    assert shapes(changed) != shapes(docs)
    assert shapes(ps1_spec("win_neighbor")["options"]) == shapes(docs), "the .ps1 reader lost an option"


@pytest.mark.parametrize("module", MODULE_NAMES)
def test_check_mode_support(module: str) -> None:
    assert ps1_spec(module)["supports_check_mode"] is True
