# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every .ps1 and .psm1 of the collection runs on Windows PowerShell 5.1: real
pwsh's parser reads them, and ps51_syntax.ps1 refuses what 5.1 lacks."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import host_compile

ROOT = Path(__file__).resolve().parents[2]
CHECK = Path(__file__).with_name("ps51_syntax.ps1")


def findings(paths: list[Path]) -> list[str]:
    result = subprocess.run([str(host_compile.PWSH), "-NoProfile", "-NonInteractive", "-File", str(CHECK),
                             *(str(p) for p in paths)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stderr, result.stdout + result.stderr
    return result.stdout.splitlines()


def collection_scripts() -> list[Path]:
    return sorted(p for ext in ("ps1", "psm1") for p in (ROOT / "plugins").rglob(f"*.{ext}"))


def test_collection_scripts_are_windows_powershell_51() -> None:
    scripts = collection_scripts()
    assert [p.name for p in scripts] == ["win_neighbor.ps1", "win_neighbor_flush.ps1", "win_neighbor_info.ps1"]
    assert findings(scripts) == []


@pytest.mark.parametrize("line,construct", [
    ("$a = $x ? 1 : 2", "ternary operator ?:"),
    ("Get-Item . && Get-Item ..", "pipeline chain && or ||"),
    ("Get-Item . || exit 1", "pipeline chain && or ||"),
    ("$a = $x ?? 'default'", "null-coalescing ??"),
    ("$a ??= 1", "null-coalescing assignment ??="),
    ("${x}?.Name", "null-conditional member ?."),
    ("${x}?[0]", "null-conditional index ?[]"),
    ("function F { process { 1 } clean { 2 } }", "clean block"),
    ("1..3 | ForEach-Object -Parallel { $_ }", "ForEach-Object -Parallel"),
    ("1..3 | % -Par { $_ }", "ForEach-Object -Parallel"),
    ("$a = (1", "parse error: Missing closing ')' in expression."),
])
def test_powershell_7_syntax_is_refused_naming_file_and_line(tmp_path: Path, line: str, construct: str) -> None:
    script = tmp_path / "planted.ps1"
    script.write_text("#!powershell\n\n$x = $null\n" + line + "\n")
    assert findings([script]) == [f"{script}:4: {construct}"]


def test_windows_powershell_syntax_passes(tmp_path: Path) -> None:
    script = tmp_path / "fine.ps1"
    script.write_text("$x = if ($true) { 1 } else { 2 }\n1..3 | ForEach-Object -Process { $_ }\n"
                      "$y = $x -and $x\nfunction F { begin { } process { } end { } }\n")
    assert findings([script]) == []
