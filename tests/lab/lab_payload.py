# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reads the payload ansible-core sends a Windows host for one PowerShell module
run (ansible-core 2.19 and later): a bootstrap part and a JSON manifest after
four NUL bytes, holding the scripts (base64) and the actions to run."""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import Any

SEPARATOR = b"\0\0\0\0"
MODULE_ACTION = "module_wrapper.ps1"
ANSIBLE_BASIC = "Ansible.Basic.cs"
_MODULE_SCRIPT = re.compile(r"ansible_collections\.(\w+)\.(\w+)\.plugins\.modules\.(\w+)\.ps1\Z")


class LabUnsupported(Exception):
    """The task is not a single module run the lab can play."""


@dataclass(frozen=True)
class ModuleRun:
    collection: str
    module: str
    script: str
    # complex_args as the manifest carries them, _ansible_* keys included
    complex_args: dict[str, Any]
    csharp_utils: dict[str, str]
    # ansible-core's own Ansible.Basic.cs, as this version sends it
    ansible_basic: str

    @property
    def check_mode(self) -> bool:
        return bool(self.complex_args.get("_ansible_check_mode", False))

    @property
    def fqcn(self) -> str:
        return f"{self.collection}.{self.module}"


def _decode(scripts: dict[str, Any], name: str) -> str:
    """A script's source: base64 under "script" (as 2.19 and 2.21 send it), or plain base64."""
    entry = scripts[name]
    encoded = entry["script"] if isinstance(entry, dict) else entry
    return base64.b64decode(encoded).decode("utf-8-sig")


def read(payload: bytes | None) -> ModuleRun:
    if not payload or SEPARATOR not in payload:
        raise LabUnsupported("the lab runs PowerShell modules only; this task sent no module payload "
                             "(raw, script or a command module?)")
    manifest = json.loads(payload.partition(SEPARATOR)[2])
    if "scripts" not in manifest or "actions" not in manifest:
        raise LabUnsupported("this payload is not the ansible-core 2.19+ manifest the lab reads "
                             "(supported: ansible-core 2.19 and later)")
    actions = [a["name"] for a in manifest["actions"]]
    if actions != [MODULE_ACTION]:
        extra = ", ".join(a for a in actions if a != MODULE_ACTION) or "none"
        raise LabUnsupported(f"the lab plays single module runs only, not become, async or other wrappers "
                             f"(extra actions: {extra})")
    params = manifest["actions"][0]["params"]
    script = params["Script"]
    match = _MODULE_SCRIPT.match(script)
    if not match:
        raise LabUnsupported(f"the lab runs collection modules only, not {script}")
    variables = {v["Name"]: v["Value"] for v in params.get("Variables", [])}
    complex_args = variables.get("complex_args", {})
    scripts = manifest["scripts"]
    names = params.get("CSharpModules", [])
    if ANSIBLE_BASIC not in names:
        raise LabUnsupported(f"the module does not require Ansible.Basic; the lab plays Ansible.Basic modules only "
                             f"(C# utils: {', '.join(names) or 'none'})")
    return ModuleRun(
        collection=f"{match.group(1)}.{match.group(2)}",
        module=match.group(3),
        script=_decode(scripts, script),
        complex_args=complex_args,
        csharp_utils={name: _decode(scripts, name) for name in names if not name.startswith("Ansible.")},
        ansible_basic=_decode(scripts, ANSIBLE_BASIC),
    )
