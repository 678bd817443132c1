#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# Runs the examples against two lab hosts (simulated Windows hosts reached over ssh, real
# PowerShell 7 running the modules; tests/lab/README.md): each first with --check --diff (what
# would change), then for real, then after a simulated reboot (the active store rebuilt from the
# persistent one), where every task reports ok because the pins were persistent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${LAB_STATE_DIR:-$root/build/lab-state}
rm -rf "$work"  # every demo starts from the default simulated hosts
mkdir -p "$work"
echo "== the lab: sshd on 127.0.0.1 with real pwsh, and the lab build of the collection"
vars=$(bash "$root/tests/lab/host.sh" start | tail -n 1)
trap 'bash "$root/tests/lab/host.sh" stop' EXIT
PYTHONPATH="$root/tests/tools" "$root/.venv/bin/python" "$root/tests/lab/lab_collection.py" "$work/collections"
printf '[windows]\nlab-win01 %s lab_state=%s\nlab-win02 %s lab_state=%s\n' \
    "$vars" "$work/lab-win01.json" "$vars" "$work/lab-win02.json" > "$work/inventory.ini"
export ANSIBLE_CONFIG="$root/tests/lab/ansible.cfg" ANSIBLE_COLLECTIONS_PATH="$work/collections"
reboot() {
    echo "== simulated reboot of the lab hosts"
    PYTHONPATH="$root/tests/tools" "$root/.venv/bin/python" "$root/tests/lab/lab_host.py" reboot "$work"/lab-win0*.json
}
for example in pin_neighbors pin_fleet; do
    echo "== $example, with --check --diff: what would change"
    "$root/.venv/bin/ansible-playbook" -i "$work/inventory.ini" "$root/examples/$example.yml" --check --diff
    echo "== $example: the entries are pinned, in the active and the persistent store"
    "$root/.venv/bin/ansible-playbook" -i "$work/inventory.ini" "$root/examples/$example.yml"
    reboot
    echo "== $example after the reboot: nothing to change"
    "$root/.venv/bin/ansible-playbook" -i "$work/inventory.ini" "$root/examples/$example.yml"
done
echo "== the simulated hosts' state files: $work"
