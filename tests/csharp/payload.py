# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The payload ansible-core sends a Windows host for a module task: its own
_create_powershell_wrapper on the installed collection, the bootstrap's
exec_wrapper.ps1 with its parameters, and the manifest (every script the module
needs, the module_wrapper.ps1 action with complex_args). Run in a process of
its own: ansible-core's collection loader claims the ansible_collections
namespace, which pythonnet gives the helper's C# namespace.

    python payload.py COLLECTIONS_PATH MODULE...   prints {module: {"bootstrap": ..., "exec": ...}}"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def payload(collections: Path, module: str) -> dict[str, Any]:
    from ansible.executor.powershell.module_manifest import _create_powershell_wrapper

    path = collections / "ansible_collections" / "ipneighbor" / "windows" / "plugins" / "modules" / f"{module}.ps1"
    data = _create_powershell_wrapper(
        name=f"ansible_collections.ipneighbor.windows.plugins.modules.{module}", module_data=path.read_bytes(),
        module_path=str(path), module_args={}, environment={}, async_timeout=0, become_plugin=None,
        substyle="powershell", task_vars={}, profile="legacy")
    bootstrap, marker, manifest = data.decode().partition("\n\0\0\0\0\n")
    assert marker, "ansible-core's bootstrap input has changed shape"
    return {"bootstrap": json.loads(bootstrap), "exec": json.loads(manifest)}


def main(collections: Path, modules: list[str]) -> None:
    from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

    _AnsibleCollectionFinder(paths=[str(collections)])._install()
    print(json.dumps({module: payload(collections, module) for module in modules}))


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), sys.argv[2:])
