# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The benchmark, in one run: the C# helper, the controller side and whole plays on the lab, each in
its own process (pythonnet and ansible-core's collection loader both claim the
ansible_collections namespace). Usage: .venv/bin/python bench/run.py"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    codes = [subprocess.run([sys.executable, str(HERE / part)], check=False).returncode
             for part in ("helper.py", "controller.py", "plays.py")]
    sys.exit(max(codes))
