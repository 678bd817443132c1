# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Stands in for the get-pip script that ansible-test downloads from a host this
project cannot reach: installed as ~/.ansible/test/cache/get_pip_<version>.py,
it is run in a venv made without pip, with arguments such as
`--disable-pip-version-check pip==25.2 --no-setuptools --no-wheel`. It fetches
that pip's wheel from the package index (through the base interpreter's pip,
which checks the index's hashes) and installs pip from the wheel itself."""
from __future__ import annotations

import runpy
import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> None:
    packages = [a for a in argv if not a.startswith("-")]
    options = [a for a in argv if a.startswith("-") and a not in ("--no-setuptools", "--no-wheel")]
    pip_spec = next(p for p in packages if p.startswith("pip"))
    base = getattr(sys, "_base_executable", None) or sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([base, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--dest", tmp, pip_spec], check=True)
        wheel = next(Path(tmp).glob("pip-*.whl"))
        sys.path.insert(0, str(wheel))
        sys.argv = ["pip", "install", "--quiet", *options, str(wheel), *(p for p in packages if p != pip_spec)]
        runpy.run_module("pip", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
