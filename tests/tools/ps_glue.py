# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reads a module's glue from its .ps1 with real PowerShell's parser
(ps_module.ps1, on the pwsh that tests/setup.sh unpacks) and checks that it is
exactly the statements tests/powershell/PowerShellGlue.cs plays on Mono: the
spec, Create, one helper call taking the module, FailJson on what it returns,
ExitJson. Any other statement is refused, so the helper tests cannot drift from
what a Windows host runs."""
from __future__ import annotations

import json
import re
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import host_compile

_HELPER_CALL = re.compile(r"\$failure = \[([\w.]+)\]::(\w+)\(\$module\)\Z")
# The statements after $spec, white space folded, with the helper call's place.
GLUE = [
    "$module = [Ansible.Basic.AnsibleModule]::Create($args, $spec)",
    _HELPER_CALL,
    "if ($failure) { $module.FailJson($failure) }",
    "$module.ExitJson()",
]


class NotGlue(ValueError):
    """The .ps1 does something beyond the glue the tests play."""


@dataclass(frozen=True)
class Glue:
    spec: dict[str, Any]
    helper_type: str
    helper_method: str


def _fold(text: str) -> str:
    return " ".join(text.split())


@cache
def powershell_reading(source: bytes) -> dict[str, Any]:
    """What real PowerShell reads in a .ps1: errors, top-level statements, $spec."""
    if not host_compile.PWSH.exists():
        raise FileNotFoundError(host_compile.MISSING)
    with tempfile.TemporaryDirectory() as work:
        script = Path(work) / "module.ps1"
        script.write_bytes(source)
        out = subprocess.run([str(host_compile.PWSH), "-NoProfile", "-NonInteractive", "-File",
                              str(Path(__file__).with_name("ps_module.ps1")), "-Path", str(script)],
                             capture_output=True, text=True, check=True)
    reading: dict[str, Any] = json.loads(out.stdout)
    return reading


def module_spec(source: bytes) -> dict[str, Any]:
    """The value the .ps1 assigns to $spec, as PowerShell builds it."""
    spec = powershell_reading(source)["spec"]
    if spec is None:
        raise NotGlue("the first statement must assign a literal to $spec")
    return dict(spec)


def read(source: bytes) -> Glue:
    reading = powershell_reading(source)
    if reading["errors"]:
        raise NotGlue(f"the .ps1 does not parse as PowerShell: {reading['errors']}")
    statements = [_fold(s) for s in reading["statements"]]
    if not statements or not statements[0].startswith("$spec = @{"):
        raise NotGlue("the first statement must be $spec = @{...}")
    rest = statements[1:]
    if len(rest) != len(GLUE):
        raise NotGlue(f"after $spec the glue has {len(GLUE)} statements, not {len(rest)}: {rest}")
    helper = None
    for want, got in zip(GLUE, rest, strict=True):
        if isinstance(want, str):
            if got != want:
                raise NotGlue(f"expected {want!r}, found {got!r}")
        elif isinstance(want, re.Pattern):
            helper = want.match(got)
            if helper is None:
                raise NotGlue(f"expected $failure = [Type]::Method($module), found {got!r}")
    assert helper is not None
    return Glue(spec=module_spec(source), helper_type=helper.group(1), helper_method=helper.group(2))
