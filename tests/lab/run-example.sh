#!/usr/bin/env bash
# Runs examples/pin_neighbors.yml twice against the lab's simulated Windows hosts (not Windows):
# first with --diff, pinning the entries, then again, where every task reports ok.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export ANSIBLE_CONFIG="$root/tests/lab/ansible.cfg"
export ANSIBLE_COLLECTIONS_PATH="$root/build/collections"
export LAB_STATE_DIR="${LAB_STATE_DIR:-$root/build/lab-state}"
rm -rf "$LAB_STATE_DIR"  # every demo starts from the default simulated host
cd "$root/tests/lab"
echo "== first run, with --diff: the entries are pinned"
"$root/.venv/bin/ansible-playbook" "$root/examples/pin_neighbors.yml" --diff
echo "== second run: nothing to change"
"$root/.venv/bin/ansible-playbook" "$root/examples/pin_neighbors.yml"
echo "== many entries in one task, with purge, in check mode and with --diff: what would change"
"$root/.venv/bin/ansible-playbook" "$root/examples/pin_fleet.yml" --check --diff
echo "== the simulated hosts' state files: $LAB_STATE_DIR"
