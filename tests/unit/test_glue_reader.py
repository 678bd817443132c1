# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The helper tests play each module's glue as its .ps1 writes it (read from the
.ps1 with real pwsh's parser, refused when it is anything else); the lab runs
the .ps1 itself on real pwsh."""
from __future__ import annotations

import pytest

import ps_glue
from collection import ROOT

HELPER_NAMESPACE = "ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules"
GLUE = (ROOT / "tests" / "powershell" / "PowerShellGlue.cs").read_text()
PS1 = (ROOT / "plugins" / "modules" / "win_neighbor.ps1").read_text()


@pytest.mark.parametrize("module,entry", [("win_neighbor", "NeighborModule"),
                                          ("win_neighbor_info", "NeighborInfoModule")])
def test_each_ps1_is_the_glue_the_helper_tests_play(module: str, entry: str) -> None:
    glue = ps_glue.read((ROOT / "plugins" / "modules" / f"{module}.ps1").read_bytes())
    assert (glue.helper_type, glue.helper_method) == (f"{HELPER_NAMESPACE}.{entry}", "Run")


def test_the_glue_player_names_no_helper_call_of_its_own() -> None:
    """The call comes from the .ps1 alone, so the helper tests cannot drift from it."""
    assert "NeighborModule" not in GLUE


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
