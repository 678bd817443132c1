# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reads a module's .ps1 with real PowerShell's parser (ps_module.ps1, on the
pwsh that tests/setup.sh unpacks): what the action plugin's rules are checked
against. Running the .ps1 is the exec wrapper's business (tests/csharp, tests/lab)."""
from __future__ import annotations

import json
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import host_compile


@cache
def powershell_reading(source: bytes) -> dict[str, Any]:
    """What real PowerShell reads in a .ps1: its parse errors and $spec."""
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
    reading = powershell_reading(source)
    if reading["errors"]:
        raise ValueError(f"the .ps1 does not parse as PowerShell: {reading['errors']}")
    spec = reading["spec"]
    if spec is None:
        raise ValueError("the first statement must assign a literal to $spec")
    return dict(spec)
