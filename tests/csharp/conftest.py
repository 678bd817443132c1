# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""C# helper tests in a process apart from the controller tests, since both
claim the ansible_collections namespace: the modules on real PowerShell 7 in
this process (csharp.py), or with --framework the native layer on Mono, for
.NET Framework (run.sh picks the tests that prove what the runtime decides)."""
from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import build
import csharp
import host_compile
import lab_collection
from native_double import Double


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--framework", action="store_true",
                     help="Mono (for .NET Framework) with NeighborNative.cs alone, instead of PowerShell 7")


@pytest.fixture(scope="session")
def native_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("native")


@pytest.fixture(scope="session")
def double_library(native_dir: Path) -> Path:
    return build.build_double(native_dir, csharp.DOUBLE_NAME)


@pytest.fixture(scope="session")
def helper(request: pytest.FixtureRequest, native_dir: Path, double_library: Path) -> Any:
    """The C# helper's namespaces: compiled by Add-CSharpType in real pwsh as a
    host's exec wrapper compiles it, from the lab build of the collection."""
    if request.config.getoption("--framework"):
        return csharp.start(double_library, framework=True, work=native_dir)
    if not host_compile.tools_present():
        pytest.fail(host_compile.MISSING)
    if not host_compile.LIBMI.exists():
        pytest.fail(f"{host_compile.LIBMI} is missing: run tests/setup.sh (it builds OMI's libmi from tests/omi)")
    collections = lab_collection.install(native_dir / "collections", Path(sys.prefix) / "bin" / "ansible-galaxy")
    return csharp.start(double_library, collections)


@pytest.fixture()
def run(helper: Any) -> csharp.Run:
    """Runs a module as a Windows host runs it (ansible-core's exec wrapper and
    Ansible.Basic, the .ps1, the helper): run(*defaults, check_mode=False, module="win_neighbor",
    **params), the parameters of each defaults dict and then params; gives the
    result and the failure message (None when the task succeeded)."""
    def run_module(*defaults: dict[str, Any], check_mode: bool = False, module: str = "win_neighbor",
                   **params: Any) -> tuple[dict[str, Any], str | None]:
        merged: dict[str, Any] = {}
        for given in defaults:
            merged.update(given)
        merged.update(params)
        return csharp.run_module(module, merged, check_mode)

    return run_module


@pytest.fixture()
def calls(host: Double) -> csharp.Calls:
    """calls(*functions): how often the helper called each of them on the double,
    leaving out those not called; a CIM operation goes by its name alone
    (Create, not MSFT_NetNeighbor.Create)."""
    def count(*functions: str) -> dict[str, int]:
        return {f.split(".")[-1]: host.calls(f) for f in functions if host.calls(f)}

    return count


@pytest.fixture()
def host(double_library: Path, helper: Any) -> Iterator[Double]:
    """A fresh simulated host: Ethernet (index 4), Ethernet 2 (index 7), an
    IPv4-only interface (index 9) and a loopback (index 1)."""
    double = Double(double_library)
    double.reset()
    double.add_interface(1, 0x1000000000001, "Loopback Pseudo-Interface 1")
    double.link_length(1, 0)
    double.add_interface(4, 0x6000000000004, "Ethernet")
    double.add_interface(7, 0x6000000000007, "Ethernet 2")
    double.add_interface(9, 0x6000000000009, "Legacy", ipv6=False)
    yield double
    assert double.tables_outstanding() == 0, "a GetIpNetTable2 table was not freed"


@pytest.fixture(scope="module")
def rules() -> Any:
    """The controller's rules (plugins/plugin_utils/neighbor_args.py), for tests that compare them with
    the helper's; loaded by path: this process's ansible_collections namespace is the CLR's."""
    path = Path(__file__).parents[2] / "plugins" / "plugin_utils" / "neighbor_args.py"
    spec = importlib.util.spec_from_file_location("neighbor_args_under_test", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
