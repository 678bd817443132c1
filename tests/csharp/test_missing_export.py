# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A host whose iphlpapi.dll lacks CreateIpNetEntry2, in a process of its own
(a runtime binds a native function once per process): the module's JSON, as
Ansible.Basic printed it, keeps the result and carries the exception's trace."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CHILD = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2], sys.argv[6]]
import build, csharp
from native_double import Double
work = Path(sys.argv[3])
library = build.build_double(work, csharp.DOUBLE_NAME, hidden=("CreateIpNetEntry2",))
csharp.start(library, Path(sys.argv[5]))
host = Double(library)
outputs = []
for args in json.loads(sys.argv[4]):
    host.reset()
    host.add_interface(4, 0x6000000000004, "Ethernet")
    host.add_neighbor("10.0.0.1", 4, "00-15-5D-00-00-01", "Permanent")
    outputs.append(csharp.run_wrapper("win_neighbor", args))
    outputs[-1]["table"] = [n.address + " " + n.mac for n in host.neighbors()]
print(json.dumps(outputs))
"""


def test_an_unexpected_exception_keeps_the_result_and_its_trace(
        tmp_path: Path, helper: Any, native_dir: Path) -> None:
    """helper: the lab build, made once for the session, is what the child runs too."""
    runs = [
        {"interface": "Ethernet", "store": "active",
         "neighbors": [{"address": "10.0.0.1", "mac": "00-15-5D-00-00-02"},
                       {"address": "10.0.0.2", "mac": "00-15-5D-00-00-02"}]},
        {"interface": "Ethernet", "store": "active", "address": "10.0.0.2", "mac": "00-15-5D-00-00-02"},
    ]
    proc = subprocess.run([sys.executable, "-c", CHILD, str(HERE), str(HERE.parent / "tools"), str(tmp_path),
                           json.dumps(runs), str(native_dir / "collections"), str(HERE.parent / "lab")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    bulk, single = json.loads(proc.stdout.splitlines()[-1])
    assert bulk["failed"] is True and bulk["changed"] is True
    assert bulk["msg"].startswith("neighbors[1]: unexpected System.EntryPointNotFoundException")
    assert [e["status"] for e in bulk["entries"]] == ["updated", "failed"]
    assert [e["address"] for e in bulk["updated"]] == ["10.0.0.1"]
    assert "EntryPointNotFoundException" in bulk["exception"]
    assert bulk["table"] == ["10.0.0.1 00-15-5D-00-00-02"]
    assert single["failed"] is True and single["changed"] is False and single["before"] is None
    assert single["msg"].startswith("unexpected System.EntryPointNotFoundException")
    assert "EntryPointNotFoundException" in single["exception"]
