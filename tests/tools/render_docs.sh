#!/usr/bin/env bash
# Renders the module pages with antsibull-docs into docs/modules/ (or into $1, to compare).
# Needs the collection installed in build/collections (tests/setup.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dest=${1:-$root/docs/modules}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PATH="$root/.venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$root/build/collections" \
    antsibull-docs collection --use-current --dest-dir "$work" --output-format simplified-rst ipneighbor.windows >/dev/null
mkdir -p "$dest"
cp "$work"/collections/ipneighbor/windows/*_module.rst "$dest/"
