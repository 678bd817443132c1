# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The C# gate: the collection's C# compiled as each kind of Windows host compiles
it (tests/tools/host_compile.py), for every ansible-core version CI tests."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import build
import host_compile
from host_compile import POWERSHELL_7, WINDOWS_POWERSHELL, AnsibleCore, Host

CORES = [host_compile.ansible_core(v) for v in host_compile.VENVS]
NEWEST, OLDEST = CORES  # 2.21 dropped the //NoWarn -Name CS1701 that 2.19 carries
# A util that uses MI .NET's types at compile time, as NeighborCim.cs once did.
MI_TYPES = """//AssemblyReference -Type Microsoft.Management.Infrastructure.CimSession
using Microsoft.Management.Infrastructure;
namespace Planted { public static class Cim {
    public static string Name(CimInstance i) { return i.CimSystemProperties.ClassName; } } }
"""
CS1701_NOWARN = "//NoWarn -Name CS1701 -CLR Core\n"


def compile_as(host: Host, core: AnsibleCore, tmp_path: Path, planted: str | None = None) -> host_compile.Compiled:
    utils = build.csharp_sources()
    if planted is not None:
        (tmp_path / "Planted.cs").write_text(planted)
        utils = utils + [tmp_path / "Planted.cs"]
    return host_compile.compile_as(host, core, utils, tmp_path / "Helper.dll")


@pytest.mark.parametrize("core", CORES, ids=lambda c: c.version)
@pytest.mark.parametrize("host", host_compile.HOSTS, ids=lambda h: h.clr)
def test_collection_compiles_as_the_host_does(host: Host, core: AnsibleCore, tmp_path: Path) -> None:
    compiled = compile_as(host, core, tmp_path)
    assert compiled.returncode == 0, compiled.describe() + "\n" + compiled.output


@pytest.mark.parametrize("snippet", [
    'class A { string M(int x) { return $"{x}"; } }',
    "class A { int M(A a) { return a?.GetHashCode() ?? 0; } }",
    "class A { int P => 1; }",
    "class A { int P { get; set; } = 1; }",
    "class A { int P { get; } }",  # getter-only auto-property: mcs took it, csc 5 does not
    "class A { void M(string s) { int.TryParse(s, out var n); } }",
], ids=["interpolation", "null-conditional", "expression-body", "property-initialiser", "getter-only", "out-var"])
def test_csharp6_fails_the_windows_powershell_compile(snippet: str, tmp_path: Path) -> None:
    compiled = compile_as(WINDOWS_POWERSHELL, NEWEST, tmp_path, planted=snippet)
    assert compiled.returncode != 0
    assert "not available in C# 5" in compiled.output, compiled.output
    assert compiled.describe().startswith(f"Windows PowerShell 5.1, ansible-core {NEWEST.version}: ")


def test_warnings_are_errors(tmp_path: Path) -> None:
    compiled = compile_as(POWERSHELL_7, NEWEST, tmp_path, planted="class A { void M() { int unused = 1; } }")
    assert "error CS0219" in str(compiled.first_error)


def test_mi_types_at_compile_time_fail_powershell_7_on_the_newest(tmp_path: Path) -> None:
    """What every task hit on PowerShell 7 with ansible-core 2.21: CS1701, which
    2.19's Ansible.Basic.cs suppressed for the whole compilation."""
    failed = compile_as(POWERSHELL_7, NEWEST, tmp_path, planted=MI_TYPES)
    assert "error CS1701" in str(failed.first_error), failed.output
    assert compile_as(POWERSHELL_7, OLDEST, tmp_path, planted=MI_TYPES).returncode == 0
    assert compile_as(WINDOWS_POWERSHELL, NEWEST, tmp_path, planted=MI_TYPES).returncode == 0


def test_a_util_of_its_own_cs1701_nowarn_fails_powershell_7_on_the_oldest(tmp_path: Path) -> None:
    """The cure the newest needs breaks the oldest: Add-CSharpType adds each
    //NoWarn to a Dictionary, and 2.19's Ansible.Basic.cs states CS1701 already."""
    failed = compile_as(POWERSHELL_7, OLDEST, tmp_path, planted=CS1701_NOWARN + MI_TYPES)
    assert failed.describe() == (f"PowerShell 7 on Windows, ansible-core {OLDEST.version}: Add-CSharpType: Exception "
                                 'calling "Add" with "2" argument(s): "An item with the same key has already been '
                                 'added. Key: CS1701"')
    assert compile_as(POWERSHELL_7, NEWEST, tmp_path, planted=CS1701_NOWARN + MI_TYPES).returncode == 0


@pytest.mark.parametrize("core", CORES, ids=lambda c: c.version)
def test_real_add_csharptype_refuses_a_nowarn_stated_twice(core: AnsibleCore) -> None:
    """The gate's model of that failure, against the real Add-CSharpType under pwsh."""
    script = (f"$ErrorActionPreference = 'Stop'; Import-Module '{core.addtype}'; "
              "$a = \"//NoWarn -Name CS1702 -CLR Core`nclass A {}\"; "
              "$b = \"//NoWarn -Name CS1702 -CLR Core`nclass B {}\"; "
              "try { Add-CSharpType -References $a, $b; 'compiled' } catch { $_.Exception.Message }")
    out = subprocess.run([str(host_compile.PWSH), "-NoProfile", "-NonInteractive", "-Command", script],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out.endswith('"An item with the same key has already been added. Key: CS1702"'), out


def test_collection_states_no_cs1701_nowarn() -> None:
    """NeighborCim.cs binds MI .NET at run time instead (see its header)."""
    stated = [s.name for s in build.csharp_sources() if "NoWarn -Name CS1701" in s.read_text()]
    assert stated == []


def test_model_declares_what_the_cim_file_declares() -> None:
    """The provider model stands in for the CIM session seam in the tests: the same public members."""
    import re

    member = re.compile(r"public static [\w<>]+ (\w+)\(([^)]*)\)")
    assert member.findall(build.CIM_SOURCE.read_text()) == member.findall(build.CIM_MODEL.read_text())
