# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""For tests that compare the controller's rules (neighbor_args.py, the `rules` fixture of
conftest.py) with the C# helper's: each parse's outcome, accepted with its value or refused
with its message."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any


def outcome(parse: Callable[[], Any], refused: type[Exception]) -> tuple[str, Any]:
    try:
        return "accepted", parse()
    except refused as e:
        return "refused", str(e)


def dotnet(parse: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "accepted", parse()
    except Exception as e:  # pylint: disable=broad-except  # a .NET exception, checked by type name below
        assert type(e).__name__ == "NeighborInputException", repr(e)
        return "refused", str(e.Message)  # type: ignore[attr-defined]
