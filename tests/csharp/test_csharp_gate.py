# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The C# 5 gate: what Windows PowerShell 5.1's csc would refuse, refused here."""
from __future__ import annotations

import re
from pathlib import Path

import ansible.module_utils.powershell
import pytest

import build

# mcs -langversion:5 accepts getter-only auto-properties (C# 6); csc 5 does not.
GETTER_ONLY = re.compile(r"\{\s*get\s*;\s*\}")


def test_helper_compiles_as_csharp5_with_warnings_as_errors(tmp_path: Path) -> None:
    """Every file as it ships, the CIM one included: against ansible-core's own
    Ansible.Basic, which the entry points take, and MI .NET's declarations."""
    basic = build.build_ansible_basic(tmp_path, build.ansible_basic_source())
    mi = build.build_mi_stub(tmp_path)
    result = build.compile_csharp(build.csharp_sources(), tmp_path / "Neighbor.dll", references=(basic, mi))
    assert result.returncode == 0, result.stdout + result.stderr


def test_cim_file_names_mi_for_the_host_compiler() -> None:
    """ansible-core adds a reference only when a util asks for it: AddType's own
    pattern for //AssemblyReference, on every line of the file."""
    addtype = Path(ansible.module_utils.powershell.__file__).parent / "Ansible.ModuleUtils.AddType.psm1"
    declared = re.search(r'\$assembly_pattern = \[Regex\]"(.+)"', addtype.read_text())
    assert declared is not None, "AddType's pattern for //AssemblyReference moved"
    pattern = declared.group(1)
    # .NET's named groups (?<Name>...) in Python's spelling
    found = re.finditer(pattern.replace("(?<", "(?P<"), build.CIM_SOURCE.read_text())
    assert [(m["Parameter"], m["Name"], m["CLR"]) for m in found] == [
        ("Type", "Microsoft.Management.Infrastructure.CimSession", None)]


def test_model_declares_what_the_cim_file_declares() -> None:
    """The model stands in for NeighborCim.cs: the same public members."""
    member = re.compile(r"public static [\w<>]+ (\w+)\(([^)]*)\)")
    assert member.findall(build.CIM_SOURCE.read_text()) == member.findall(build.CIM_MODEL.read_text())


@pytest.mark.parametrize("source", build.csharp_sources() + [build.CIM_MODEL], ids=lambda p: p.name)
def test_no_getter_only_auto_properties(source: Path) -> None:
    found = [n for n, line in enumerate(source.read_text().splitlines(), 1) if GETTER_ONLY.search(line)]
    assert found == [], f"{source.name}: getter-only auto-properties on lines {found}"


def test_getter_only_check_finds_them() -> None:
    assert GETTER_ONLY.search("public int Index { get; }")
    assert not GETTER_ONLY.search("public int Index { get; private set; }")


@pytest.mark.parametrize("snippet,diagnostic", [
    ('class A { string M(int x) { return $"{x}"; } }', "CS1644"),
    ("class A { int M(A a) { return a?.GetHashCode() ?? 0; } }", "CS1644"),
    ("class A { int P => 1; }", "CS1644"),
    ("class A { int P { get; set; } = 1; }", "CS1644"),
    ("class A { void M() { int unused = 1; } }", "CS0219"),
])
def test_gate_refuses_csharp6_and_warnings(tmp_path: Path, snippet: str, diagnostic: str) -> None:
    source = tmp_path / "Snippet.cs"
    source.write_text(snippet)
    result = build.compile_csharp([source], tmp_path / "Snippet.dll")
    assert result.returncode != 0
    assert diagnostic in result.stdout + result.stderr
