"""Builds what the C# tests run: the IP Helper test double (gcc) and the C#
helper from plugins/module_utils (mcs, C# 5, warnings as errors)."""
from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE_UTILS = ROOT / "plugins" / "module_utils"
NATIVE = ROOT / "tests" / "native"
DOUBLE_SOURCE = NATIVE / "iphlpapi_double.c"

# The C# 5 compiler of Windows PowerShell 5.1, as closely as mcs gets.
MCS_C5 = ["mcs", "-langversion:5", "-warnaserror+", "-nologo"]


def csharp_sources() -> list[Path]:
    return sorted(MODULE_UTILS.glob("*.cs"))


def build_double(out_dir: Path) -> Path:
    library = out_dir / "libiphlpapi.so"
    subprocess.run(
        ["gcc", "-std=c11", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror",
         "-o", str(library), str(DOUBLE_SOURCE)],
        check=True,
    )
    return library


def compile_csharp(sources: list[Path], out: Path, target: str = "library",
                   references: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """mcs as the C# 5 gate; the caller checks returncode and output."""
    command = MCS_C5 + [f"-target:{target}", f"-out:{out}"]
    command += [f"-r:{r}" for r in references]
    command += [str(s) for s in sources]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def build_helper(out_dir: Path, library: Path) -> Path:
    """Neighbor.dll, its iphlpapi.dll mapped onto the double by absolute path."""
    assembly = out_dir / "Neighbor.dll"
    result = compile_csharp(csharp_sources(), assembly)
    if result.returncode != 0:
        raise RuntimeError(f"mcs failed:\n{result.stdout}{result.stderr}")
    (out_dir / "Neighbor.dll.config").write_text(
        f'<configuration><dllmap dll="iphlpapi.dll" target="{library}"/></configuration>\n'
    )
    return assembly
