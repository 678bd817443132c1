# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The lab build of the collection: the collection as it ships, built and
installed with ansible-galaxy, but for one file: NeighborCim.cs, whose CIM
session cannot open under Linux pwsh, gives way to its model
(tests/cim/MsftNetNeighborModel.cs, the same class and members, answering from
the double's persistent store). Everything else reaches the lab host as a user's
playbook sends it.

    python lab_collection.py DEST   builds and installs it into DEST"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import build

ROOT = Path(__file__).resolve().parents[2]
# What ansible-galaxy needs of the tree to build the collection.
PARTS = ("galaxy.yml", "meta", "plugins", "roles", "docs", "README.md", "COPYING", "CHANGELOG.rst", "changelogs")


def install(dest: Path, galaxy: Path) -> Path:
    """The lab build installed into dest (a collections path); galaxy is ansible-galaxy."""
    with tempfile.TemporaryDirectory(prefix="ipneighbor-lab-build-") as work:
        tree = Path(work) / "collection"
        tree.mkdir()
        for part in PARTS:
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, tree / part)
        shutil.copy2(build.CIM_MODEL, tree / "plugins" / "module_utils" / build.CIM_SOURCE.name)
        dist = Path(work) / "dist"
        subprocess.run([str(galaxy), "collection", "build", "--output-path", str(dist), str(tree)],
                       check=True, capture_output=True)
        tarball = next(dist.glob("ipneighbor-windows-*.tar.gz"))
        subprocess.run([str(galaxy), "collection", "install", "--force", "-p", str(dest), str(tarball)],
                       check=True, capture_output=True)
    return dest


if __name__ == "__main__":
    install(Path(sys.argv[1]), Path(sys.executable).parent / "ansible-galaxy")
