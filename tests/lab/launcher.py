# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What `powershell` is on the lab's sshd (tests/lab/host.sh writes the command):
real pwsh with the IP Helper double and OMI's libmi (for MI .NET's data types,
which the CIM provider model receives) on its library path, holding the host whose
state file ssh's SetEnv names in LAB_STATE. The double loads that state when pwsh
loads it and writes it back when pwsh exits (tests/native/lab_state.c); this
turns the JSON into the double's lines and back, and adds up the calls."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import lab_host
from host_compile import LIBMI


def main(argv: list[str]) -> int:
    pwsh = os.environ["LAB_PWSH"]
    named = os.environ.get("LAB_STATE")
    if not named:  # a host without a lab_state: plain pwsh, no double
        return subprocess.run([pwsh, *argv], check=False).returncode
    path = Path(named)
    state = lab_host.load_state(path)
    with tempfile.TemporaryDirectory(prefix="ipneighbor-lab-") as work:
        lines = Path(work) / "double.state"
        lines.write_text(lab_host.to_double(state))
        env = dict(os.environ, LAB_DOUBLE_STATE=str(lines),
                   LD_LIBRARY_PATH=f"{lab_host.double_folder(state.get('missing_exports', []))}:{LIBMI.parent}")
        code = subprocess.run([pwsh, *argv], env=env, check=False).returncode
        written = lines.with_name(lines.name + ".out")
        if written.exists():  # the double was loaded: the run reached the IP Helper API
            lab_host.save_state(path, lab_host.from_double(lab_host.load_state(path), written.read_text()))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
