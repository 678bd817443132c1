# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Builds what the C# helper tests run on Mono: the IP Helper test double
(gcc), the C# helper from plugins/module_utils (mcs, C# 5, warnings as errors),
and the test-only PowerShell stand-in with ansible-core's own Ansible.Basic.cs.
The gate that compiles as a Windows host does is tests/tools/host_compile.py."""
from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE_UTILS = ROOT / "plugins" / "module_utils"
NATIVE = ROOT / "tests" / "native"
DOUBLE_SOURCE = NATIVE / "iphlpapi_double.c"
# The persistent store's double and the lab host's state file I/O, built into the same library.
DOUBLE_SOURCES = (DOUBLE_SOURCE, NATIVE / "persistent_double.c", NATIVE / "lab_state.c", NATIVE / "iphlpapi_double.h")
CIM = ROOT / "tests" / "cim"
# The one file that talks CIM, and what the tests build in its place.
CIM_SOURCE = MODULE_UTILS / "NeighborCim.cs"
CIM_MODEL = CIM / "MsftNetNeighborModel.cs"
POWERSHELL = ROOT / "tests" / "powershell"
SMA_STUB = POWERSHELL / "System.Management.Automation.cs"
GLUE_SOURCE = POWERSHELL / "PowerShellGlue.cs"

# The C# 5 compiler of Windows PowerShell 5.1, as closely as mcs gets.
MCS_C5 = ["mcs", "-langversion:5", "-warnaserror+", "-nologo"]
# ansible-core compiles its utils with the symbol WINDOWS on every Windows host.
ANSIBLE_BASIC_DEFINES = ("WINDOWS",)


def csharp_sources() -> list[Path]:
    return sorted(MODULE_UTILS.glob("*.cs"))


def tested_sources(sources: list[Path] | None = None) -> list[Path]:
    """The collection's C# as the tests run it: the persistent store's model in
    place of NeighborCim.cs, whose CIM cannot run here."""
    return [CIM_MODEL if is_cim_source(s) else s for s in (sources or csharp_sources())]


def is_cim_source(source: Path) -> bool:
    """NeighborCim.cs, as the repository or a payload (by its full util name) names it."""
    return source.name == CIM_SOURCE.name or source.name.endswith("." + CIM_SOURCE.name)


def ansible_basic_source() -> Path:
    """Ansible.Basic.cs of the ansible-core that runs the tests."""
    import ansible.module_utils.csharp as csharp_utils

    return Path(csharp_utils.__file__).parent / "Ansible.Basic.cs"


def build_double(out_dir: Path, name: str = "libiphlpapi.so", hidden: tuple[str, ...] = ()) -> Path:
    """The double; the functions in hidden are not exported, as on a Windows
    whose iphlpapi.dll lacks them (a call then fails to find its entry point)."""
    library = out_dir / name
    command = ["gcc", "-std=c11", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror",
               "-o", str(library)] + [str(s) for s in DOUBLE_SOURCES if s.suffix == ".c"]
    if hidden:
        script = out_dir / f"{name}.exports"
        script.write_text(f"{{ global: *; local: {'; '.join(hidden)}; }};\n")
        command.append(f"-Wl,--version-script={script}")
    subprocess.run(command, check=True)
    return library


def compile_csharp(sources: list[Path], out: Path, target: str = "library",
                   references: tuple[str | Path, ...] = (), command: list[str] | None = None,
                   ) -> subprocess.CompletedProcess[str]:
    """mcs as the C# 5 gate (or the given command); the caller checks returncode and output."""
    args = list(command or MCS_C5) + [f"-target:{target}", f"-out:{out}"]
    args += [f"-r:{r}" for r in references]
    args += [str(s) for s in sources]
    return subprocess.run(args, capture_output=True, text=True, check=False)


def _checked(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        raise RuntimeError(f"mcs failed on {what}:\n{result.stdout}{result.stderr}")


def build_ansible_basic(out_dir: Path, source: Path) -> Path:
    """The stand-in System.Management.Automation.dll, then ansible-core's real
    Ansible.Basic.cs compiled against it as a Windows host would (WINDOWS
    defined; its own warnings are ansible-core's, so not errors here)."""
    sma = out_dir / "System.Management.Automation.dll"
    _checked(compile_csharp([SMA_STUB], sma), SMA_STUB.name)
    basic = out_dir / "Ansible.Basic.dll"
    command = ["mcs", "-nologo", "-nowarn:414,649,169"] + [f"-define:{d}" for d in ANSIBLE_BASIC_DEFINES]
    _checked(compile_csharp([source], basic, references=("System.Web.Extensions.dll", sma), command=command),
             "Ansible.Basic.cs")
    return basic


def build_helper(out_dir: Path, ansible_basic: Path, sources: list[Path] | None = None) -> Path:
    """Neighbor.dll (the C# 5 gate), against the Ansible.Basic it runs with,
    with the persistent store's model in place of the CIM file."""
    assembly = out_dir / "Neighbor.dll"
    _checked(compile_csharp(tested_sources(sources), assembly, references=(ansible_basic,)), "the helper")
    return assembly


def build_glue(out_dir: Path, ansible_basic: Path) -> Path:
    """PowerShellGlue.dll: the module glue a Windows host runs, played in C#."""
    assembly = out_dir / "PowerShellGlue.dll"
    _checked(compile_csharp([GLUE_SOURCE], assembly,
                            references=(ansible_basic, out_dir / "System.Management.Automation.dll")),
             GLUE_SOURCE.name)
    return assembly


def map_double(assembly: Path, library: Path) -> None:
    """Mono: the assembly's iphlpapi.dll is the double, by absolute path."""
    Path(f"{assembly}.config").write_text(
        f'<configuration><dllmap dll="iphlpapi.dll" target="{library}"/></configuration>\n'
    )
