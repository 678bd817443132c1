# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Compiles C# the way a Windows host compiles a module's C# utils: ansible-core's
Ansible.Basic.cs and every util in one compilation, the //AssemblyReference and
//NoWarn lines read with the patterns of that ansible-core's own
Ansible.ModuleUtils.AddType.psm1, `-Type T` resolved by real pwsh and then taken
from the Windows host's copy of that assembly, with Roslyn's csc against the
reference assemblies each kind of host has (tests/setup.sh unpacks them from
../shared/tools into build/tools)."""
from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(os.environ.get("IPNEIGHBOR_TOOLS", ROOT / "build" / "tools"))
PWSH = TOOLS / "bin" / "pwsh"
CSC = TOOLS / "csharp-gate" / "csc" / "csc.dll"
GATE = TOOLS / "csharp-gate"
# OMI's libmi, built by tests/setup.sh from tests/omi/: MI .NET's data types need it under Linux pwsh.
LIBMI = TOOLS / "libmi" / "libmi.so"
PS7 = TOOLS / "powershell" / "pwsh"
# What a machine without ../shared/tools must install instead.
MISSING = (f"{TOOLS} lacks PowerShell 7 and Roslyn with the Windows reference assemblies: run tests/setup.sh "
           "beside ../shared/tools, or install PowerShell 7 (pwsh) and the .NET SDK's Roslyn (csc) and unpack "
           "them as ../shared/tools/README.md lays them out")

# The ansible-core versions CI tests, each in its own venv (tests/setup.sh).
VENVS = (ROOT / ".venv", ROOT / ".venv-2.19")


def tools_present() -> bool:
    return PWSH.exists() and CSC.exists() and (GATE / "net462" / "mscorlib.dll").exists()


@dataclass(frozen=True)
class AnsibleCore:
    """One installed ansible-core: its version and the two files a host compile takes from it."""
    version: str
    basic: Path  # module_utils/csharp/Ansible.Basic.cs
    addtype: Path  # module_utils/powershell/Ansible.ModuleUtils.AddType.psm1


def ansible_core(venv: Path) -> AnsibleCore:
    found = sorted(venv.glob("lib/python3*/site-packages/ansible/release.py"))
    if not found:
        raise FileNotFoundError(f"no ansible-core in {venv}: run tests/setup.sh")
    package = found[0].parent
    version = re.search(r"__version__ = '([^']+)'", found[0].read_text())
    assert version is not None, found[0]
    return AnsibleCore(version.group(1), package / "module_utils" / "csharp" / "Ansible.Basic.cs",
                       package / "module_utils" / "powershell" / "Ansible.ModuleUtils.AddType.psm1")


@dataclass(frozen=True)
class Host:
    """A kind of Windows host: how Add-CSharpType compiles there."""
    name: str
    clr: str  # the -CLR value whose lines apply: Framework (Windows PowerShell 5.1) or Core (PowerShell 7)

    @property
    def core(self) -> bool:
        return self.clr == "Core"


WINDOWS_POWERSHELL = Host("Windows PowerShell 5.1", "Framework")
POWERSHELL_7 = Host("PowerShell 7 on Windows", "Core")
HOSTS = (WINDOWS_POWERSHELL, POWERSHELL_7)


@dataclass(frozen=True)
class Directives:
    references: tuple[tuple[str, str], ...]  # (Type or Name, value), in source order
    nowarn: tuple[str, ...]


class AddTypeFailure(Exception):
    """Add-CSharpType itself fails before the compiler runs."""


def _pattern(addtype: Path, variable: str) -> re.Pattern[str]:
    """One of AddType's own regexes, .NET's named groups in Python's spelling."""
    found = re.search(rf'\${variable} = \[Regex\]"(.+)"', addtype.read_text())
    if found is None:
        raise AssertionError(f"{addtype}: ${variable} moved; re-read how Add-CSharpType parses directives")
    return re.compile(found.group(1).replace("(?<", "(?P<"))


def directives(sources: list[str], host: Host, core: AnsibleCore) -> Directives:
    """The //AssemblyReference and //NoWarn lines of all sources that apply on host.
    On PowerShell 7 each //NoWarn goes into a Dictionary with Add, which throws on a
    name stated twice in one call (measured with the real Add-CSharpType)."""
    assembly = _pattern(core.addtype, "assembly_pattern")
    no_warn = _pattern(core.addtype, "no_warn_pattern")
    references: list[tuple[str, str]] = []
    nowarn: list[str] = []
    for text in sources:
        for m in assembly.finditer(text):
            if not m["CLR"] or m["CLR"] == host.clr:
                references.append((m["Parameter"], m["Name"]))
        for m in no_warn.finditer(text):
            if m["CLR"] and m["CLR"] != host.clr:
                continue
            if host.core and m["Name"] in nowarn:
                raise AddTypeFailure(f'Exception calling "Add" with "2" argument(s): "An item with the same key has '
                                     f'already been added. Key: {m["Name"]}"')
            nowarn.append(m["Name"])
    return Directives(tuple(references), tuple(nowarn))


@cache
def linux_locations(types: tuple[str, ...]) -> dict[str, str]:
    """Where real pwsh finds each type's assembly (what `-Type T` resolves to), and
    `object`'s folder (where a relative `-Name` resolves on PowerShell 7)."""
    names = ", ".join(f"'{t}'" for t in types) or "@()"
    script = ("$found = @{ object = [IO.Path]::GetDirectoryName([object].Assembly.Location) }; "
              f"foreach ($t in {names}) {{ $found[$t] = ([Type]$t).Assembly.Location }}; "
              "$found | ConvertTo-Json -Compress")
    out = subprocess.run([str(PWSH), "-NoProfile", "-NonInteractive", "-Command", script],
                         capture_output=True, text=True, check=True)
    located: dict[str, str] = json.loads(out.stdout)
    return located


# Assemblies whose Linux pwsh copy is not what a Windows host loads.
WINDOWS_BUILDS = {
    POWERSHELL_7: {"Microsoft.Management.Infrastructure.dll": GATE / "mi" / "netstandard1.6"},
    WINDOWS_POWERSHELL: {"Microsoft.Management.Infrastructure.dll": GATE / "mi" / "net451",
                         "System.Management.Automation.dll": GATE / "powershell-5.1"},
}


def windows_copy(host: Host, linux: Path) -> Path:
    """The Windows host's copy of an assembly real pwsh located on Linux."""
    folder = WINDOWS_BUILDS[host].get(linux.name)
    if folder is not None:
        return folder / linux.name
    if host.core:
        if "runtimes" in linux.parts:
            raise AddTypeFailure(f"{linux}: a Linux build, and build/tools has no Windows build of it")
        return linux  # pwsh's own assemblies and the shared framework's: the same surface on Windows
    framework = GATE / "net462" / linux.name
    if not framework.exists():
        raise AddTypeFailure(f"{linux.name}: not in the .NET Framework 4.6.2 reference set")
    return framework


def references(host: Host, found: Directives) -> list[Path]:
    """What csc references: the host's defaults, then each directive's assembly."""
    if host.core:
        # Add-CSharpType: System.Management.Automation and every assembly of pwsh's ref/ folder.
        refs = [PS7 / "System.Management.Automation.dll", *sorted((PS7 / "ref").glob("*.dll"))]
    else:
        # CodeDom's csc: mscorlib, and what Add-CSharpType adds: System, System.Core, S.M.A.
        net = GATE / "net462"
        refs = [net / "mscorlib.dll", net / "System.dll", net / "System.Core.dll",
                GATE / "powershell-5.1" / "System.Management.Automation.dll"]
    located = linux_locations(tuple(sorted(v for p, v in found.references if p == "Type")))
    for parameter, value in found.references:
        if parameter == "Type":
            refs.append(windows_copy(host, Path(located[value])))
        elif host.core:
            refs.append(Path(value) if Path(value).is_absolute() else Path(located["object"]) / value)
        else:
            refs.append(GATE / "net462" / value)  # csc finds a bare name in the framework folder
    return list(dict.fromkeys(refs))


@dataclass(frozen=True)
class Compiled:
    host: Host
    version: str
    returncode: int
    output: str

    @property
    def first_error(self) -> str | None:
        if self.returncode == 0:
            return None
        errors = [line for line in self.output.splitlines() if "error " in line]
        return (errors or self.output.splitlines() or ["(no output)"])[0]

    def describe(self) -> str:
        return f"{self.host.name}, ansible-core {self.version}: {self.first_error}"


def compile_as(host: Host, core: AnsibleCore, utils: list[Path], out: Path) -> Compiled:
    """ansible-core's Ansible.Basic.cs and utils in one compilation, as host compiles them."""
    paths = [core.basic, *utils]
    try:
        found = directives([p.read_text() for p in paths], host, core)
        refs = references(host, found)
    except AddTypeFailure as e:
        return Compiled(host, core.version, 1, f"Add-CSharpType: {e}")
    args = ["-nologo", "-noconfig", "-nostdlib", "-warnaserror", "-optimize", "-target:library", f"-out:{out}"]
    if host.core:
        args += ["-define:CORECLR;WINDOWS;AMD64"]
        nowarn = list(found.nowarn)
    else:
        args += ["-langversion:5", "-define:WINDOWS;AMD64"]
        # Add-CSharpType: 1610 always, the rest without their CS prefix
        nowarn = ["1610", *(n[2:] if n.startswith("CS") else n for n in found.nowarn)]
    if nowarn:
        args.append("-nowarn:" + ",".join(nowarn))
    args += [f"-r:{r}" for r in refs] + [str(p) for p in paths]
    dotnet = TOOLS / "powershell" / "dotnet"
    result = subprocess.run([str(dotnet / "dotnet"), str(CSC), *args], capture_output=True, text=True,
                            env=dict(os.environ, DOTNET_ROOT=str(dotnet), DOTNET_CLI_TELEMETRY_OPTOUT="1"),
                            check=False)
    return Compiled(host, core.version, result.returncode, result.stdout + result.stderr)
