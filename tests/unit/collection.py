# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Makes this checkout importable as ansible_collections.ipneighbor.windows."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def install_finder(base: Path) -> Path:
    """Links base/ansible_collections/ipneighbor/windows to the checkout and
    installs ansible-core's collection finder on base; returns base."""
    from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

    link = base / "ansible_collections" / "ipneighbor" / "windows"
    if not link.exists():
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(ROOT, target_is_directory=True)
    _AnsibleCollectionFinder(paths=[str(base)])._install()
    return base
