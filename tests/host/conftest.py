# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The host gates need real pwsh and Roslyn (tests/setup.sh unpacks them from
../shared/tools): without them they skip, except under CI, where they fail."""
from __future__ import annotations

import os

import pytest

import host_compile


@pytest.fixture(scope="session", autouse=True)
def host_tools() -> None:
    if host_compile.tools_present():
        return
    if os.environ.get("CI"):
        pytest.fail(host_compile.MISSING)
    pytest.skip(host_compile.MISSING)
