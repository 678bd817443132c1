#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# Runs the examples against the lab's simulated Windows hosts (not Windows): each
# first with --check --diff (what would change), then for real, then after a
# simulated reboot (the active store rebuilt from the persistent one), where
# every task reports ok because the pins were persistent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export ANSIBLE_CONFIG="$root/tests/lab/ansible.cfg"
export ANSIBLE_COLLECTIONS_PATH="$root/build/collections"
export LAB_STATE_DIR="${LAB_STATE_DIR:-$root/build/lab-state}"
rm -rf "$LAB_STATE_DIR"  # every demo starts from the default simulated host
cd "$root/tests/lab"
reboot() {
    echo "== simulated reboot of the lab hosts"
    PYTHONPATH="$root/tests/tools" "$root/.venv/bin/python" "$root/tests/lab/lab_host.py" reboot "$LAB_STATE_DIR"/lab-win0*.json
}
for example in pin_neighbors pin_fleet; do
    echo "== $example, with --check --diff: what would change"
    "$root/.venv/bin/ansible-playbook" "$root/examples/$example.yml" --check --diff
    echo "== $example: the entries are pinned, in the active and the persistent store"
    "$root/.venv/bin/ansible-playbook" "$root/examples/$example.yml"
    reboot
    echo "== $example after the reboot: nothing to change"
    "$root/.venv/bin/ansible-playbook" "$root/examples/$example.yml"
done
echo "== the simulated hosts' state files: $LAB_STATE_DIR"
