# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The runtime these tests ran on is the one HELPER_RUNTIME names: Mono for
Windows PowerShell 5.1's .NET Framework, CoreCLR .NET 8 for PowerShell 7.4."""
from __future__ import annotations

from typing import Any

import csharp
from csharp import Run

EXPECTED = {"mono": "Mono ", "coreclr": ".NET 8."}


def test_the_helper_runs_on_the_runtime_named(host: Any, run: Run) -> None:
    from System.Runtime.InteropServices import RuntimeInformation  # type: ignore[import-not-found]

    assert str(RuntimeInformation.FrameworkDescription).startswith(EXPECTED[csharp.RUNTIME])
    assert run({}, module="win_neighbor_info") == ({"changed": False, "neighbors": []}, None)
