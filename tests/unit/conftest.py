# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Controller-side tests: ansible-core objects and the collection on a
collections path (a separate process from the C# helper tests)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from collection import install_finder


@pytest.fixture(scope="session")
def collections_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A collections path holding this checkout, with ansible-core's finder installed."""
    return install_finder(tmp_path_factory.mktemp("collections"))


@pytest.fixture()
def action_class(collections_path: Path) -> Any:
    from ansible_collections.ipneighbor.windows.plugins.action.win_neighbor import ActionModule

    return ActionModule
