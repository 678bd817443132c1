# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reads a module's glue from its .ps1 with a real PowerShell grammar and
checks that it is exactly the statements tests/powershell/PowerShellGlue.cs
plays: the spec, Create, one helper call taking the module, FailJson on what
it returns, ExitJson. Any other statement is refused, so the lab and the
helper tests cannot drift from what a Windows host runs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import ps_spec

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


def read(source: bytes) -> Glue:
    tree = ps_spec.parse(source)
    problems = ps_spec.errors(tree)
    if problems:
        raise NotGlue(f"the .ps1 does not parse as PowerShell: {problems}")
    lists = [c for c in tree.root_node.children if c.type == "statement_list"]
    if len(lists) != 1:
        raise NotGlue("the .ps1 must be one list of statements")
    statements = [_fold(ps_spec.node_text(s)) for s in lists[0].named_children if s.type != "comment"]
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
    return Glue(spec=ps_spec.module_spec(source), helper_type=helper.group(1), helper_method=helper.group(2))
