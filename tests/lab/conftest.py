# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The lab's fixtures. The lab starts once (host.sh start is idempotent, so each
pytest-xdist worker may ask) and stops when the whole run ends, in the process
that started the workers."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import lab_collection
from lab_run import Lab, host_sh


def venvs() -> list[Path]:
    """The ansible-core venvs in LAB_VENVS (colon-separated; default: the venv running pytest)."""
    listed = os.environ.get("LAB_VENVS")
    paths = [Path(p) for p in listed.split(":")] if listed else [Path(sys.prefix)]
    for path in paths:
        if not (path / "bin" / "ansible-playbook").exists():
            raise FileNotFoundError(f"LAB_VENVS names {path}, which has no ansible-playbook")
    return paths


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # not an xdist worker: the run is over
        host_sh("stop")


@pytest.fixture(scope="session", params=venvs(), ids=lambda v: v.name)
def venv(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


@pytest.fixture(scope="session")
def lab_vars() -> str:
    """The lab host's inventory variables: the last line of host.sh start."""
    return host_sh("start").strip().splitlines()[-1]


@pytest.fixture(scope="session")
def collections(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The lab build of the collection (tests/lab/lab_collection.py), built and installed."""
    return lab_collection.install(tmp_path_factory.mktemp("collections"), Path(sys.prefix) / "bin" / "ansible-galaxy")


@pytest.fixture()
def lab(venv: Path, lab_vars: str, collections: Path, tmp_path: Path) -> Lab:
    return Lab(venv, lab_vars, collections, tmp_path)
