# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Builds what the C# tests run: the IP Helper test double (gcc), and for Mono
the helper's native layer alone (mcs, C# 5, warnings as errors). PowerShell 7
compiles the whole helper itself, as a host does (tests/csharp/csharp.py); the
gate that compiles as each Windows host does is tests/tools/host_compile.py."""
from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE_UTILS = ROOT / "plugins" / "module_utils"
NATIVE = ROOT / "tests" / "native"
DOUBLE_SOURCE = NATIVE / "iphlpapi_double.c"
# The persistent store's double and the lab host's state file I/O, built into the same library.
DOUBLE_SOURCES = (DOUBLE_SOURCE, NATIVE / "persistent_double.c", NATIVE / "lab_state.c", NATIVE / "iphlpapi_double.h")
# The CIM session seam, and the provider model the tests build in its place.
CIM_SOURCE = MODULE_UTILS / "NeighborCimSession.cs"
CIM_MODEL = ROOT / "tests" / "cim" / "CimSessionModel.cs"
# The P/Invoke layer: the structs and calls whose marshalling the runtime decides; it names no other util.
NATIVE_SOURCE = MODULE_UTILS / "NeighborNative.cs"

# The C# 5 compiler of Windows PowerShell 5.1, as closely as mcs gets.
MCS_C5 = ["mcs", "-langversion:5", "-warnaserror+", "-nologo"]


def csharp_sources() -> list[Path]:
    return sorted(MODULE_UTILS.glob("*.cs"))


def build_double(out_dir: Path, name: str = "libiphlpapi.dll.so", hidden: tuple[str, ...] = ()) -> Path:
    """The double; the functions in hidden are not exported, as on a Windows
    whose iphlpapi.dll lacks them (a call then fails to find its entry point)."""
    library = out_dir / name
    command = ["gcc", "-std=c11", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror",
               f"-Wl,-soname,{name}", "-o", str(library)] + [str(s) for s in DOUBLE_SOURCES if s.suffix == ".c"]
    if hidden:
        script = out_dir / f"{name}.exports"
        script.write_text(f"{{ global: *; local: {'; '.join(hidden)}; }};\n")
        command.append(f"-Wl,--version-script={script}")
    subprocess.run(command, check=True)
    return library


def build_native(out_dir: Path, library: Path) -> Path:
    """NeighborNative.dll for Mono (the C# 5 gate), its iphlpapi.dll mapped to the double."""
    assembly = out_dir / "NeighborNative.dll"
    result = subprocess.run(MCS_C5 + ["-target:library", f"-out:{assembly}", str(NATIVE_SOURCE)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"mcs failed on {NATIVE_SOURCE.name}:\n{result.stdout}{result.stderr}")
    Path(f"{assembly}.config").write_text(
        f'<configuration><dllmap dll="iphlpapi.dll" target="{library}"/></configuration>\n'
    )
    return assembly
