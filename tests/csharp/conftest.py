# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""C# helper tests on Mono (pythonnet), in a process apart from the controller
tests, since both claim the ansible_collections namespace. PowerShell 7's
runtime runs the helper in the lab (tests/lab), on real pwsh."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import build
import csharp
from native_double import Double


@pytest.fixture(scope="session")
def native_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("native")


@pytest.fixture(scope="session")
def double_library(native_dir: Path) -> Path:
    return build.build_double(native_dir, csharp.DOUBLE_NAME)


@pytest.fixture(scope="session")
def helper(native_dir: Path, double_library: Path) -> Any:
    """The C# helper's namespaces, compiled with the C# 5 gate against
    ansible-core's own Ansible.Basic, and loaded with the module glue."""
    basic = build.build_ansible_basic(native_dir, build.ansible_basic_source())
    build.map_double(build.build_helper(native_dir, basic), double_library)
    build.build_glue(native_dir, basic)
    csharp.load(native_dir)
    import ansible_collections.ipneighbor.windows.plugins.module_utils as utils  # type: ignore

    return utils


@pytest.fixture()
def run(helper: Any) -> csharp.Run:
    """Runs a module as a Windows host runs it (ansible-core's Ansible.Basic, the
    glue, the helper): run(*defaults, check_mode=False, module="win_neighbor",
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
