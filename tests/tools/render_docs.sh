#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# Renders the module and filter pages with antsibull-docs into docs/modules/ (or into $1, to compare).
# Needs the collection installed in build/collections (tests/setup.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dest=${1:-$root/docs/modules}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PATH="$root/.venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$root/build/collections" \
    antsibull-docs collection --use-current --dest-dir "$work" --output-format simplified-rst ipneighbor.windows >/dev/null
mkdir -p "$dest"
cp "$work"/collections/ipneighbor/windows/*_module.rst "$work"/collections/ipneighbor/windows/*_filter.rst "$dest/"
