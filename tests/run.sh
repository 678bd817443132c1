#!/usr/bin/env bash
# Runs every test of ipneighbor.windows on this machine (tests/setup.sh first installs what is missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash tests/setup.sh
installed="$root/build/collections"  # the collection as tests/setup.sh built and installed it
export PYTHONDONTWRITEBYTECODE=1

echo "== C# helper under Mono against the IP Helper double, layout, C# 5 gate (tests/helper)"
.venv/bin/pytest -q -p no:cacheprovider tests/helper
echo "== controller: action plugin, argument rules, docs and .ps1 spec agreement (tests/unit)"
.venv/bin/pytest -q -p no:cacheprovider tests/unit
echo "== lab playbooks on $(.venv/bin/ansible --version | head -n 1) and $(.venv-2.19/bin/ansible --version | head -n 1)"
LAB_VENVS="$root/.venv:$root/.venv-2.19" .venv/bin/pytest -q -p no:cacheprovider tests/lab
echo "== ansible-test sanity"
bash tests/tools/sanity.sh
echo "== ansible-doc ipneighbor.windows.win_neighbor"
ANSIBLE_COLLECTIONS_PATH="$installed" .venv/bin/ansible-doc ipneighbor.windows.win_neighbor | head -n 3
echo "== ansible-lint (production profile) on examples/, the lab playbooks and the integration targets"
ANSIBLE_COLLECTIONS_PATH="$installed" ANSIBLE_ROLES_PATH="$root/tests/integration/targets" \
    .venv/bin/ansible-lint --nocolor examples/ tests/lab/playbooks/ tests/integration/ 2>&1 | grep -v '^WARNING: PATH altered'
echo "== all tests passed"
