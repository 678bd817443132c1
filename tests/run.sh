#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# Runs every test of ipneighbor.windows on this machine (tests/setup.sh first installs what is missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash tests/setup.sh
installed="$root/build/collections"  # the collection as tests/setup.sh built and installed it
export PYTHONDONTWRITEBYTECODE=1

echo "== host gates (tests/host): the C# as Windows PowerShell 5.1 and PowerShell 7 compile it, with the Ansible.Basic.cs of each ansible-core CI tests; the .ps1 as 5.1 parses it"
.venv/bin/pytest -q tests/host
echo "== C# helper against the IP Helper double: the modules on real pwsh through ansible-core's exec wrapper; layout (tests/csharp)"
.venv/bin/pytest -q tests/csharp
echo "== the native layer's marshalling on Mono, for .NET Framework (tests/csharp --framework)"
.venv/bin/pytest -q --framework tests/csharp/test_layout.py tests/csharp/test_table.py
for venv in .venv .venv-2.19; do
    echo "== controller on $("$venv/bin/ansible" --version | sed -n 1p): action plugin, argument rules, corpus, docs and .ps1 spec agreement (tests/unit)"
    "$venv/bin/pytest" -q tests/unit
done
echo "== lab: playbooks over ssh to real pwsh, on $(.venv/bin/ansible --version | sed -n 1p) and $(.venv-2.19/bin/ansible --version | sed -n 1p); its contract (tests/lab)"
LAB_VENVS="$root/.venv:$root/.venv-2.19" .venv/bin/pytest -q -n 2 tests/lab
echo "== ruff and mypy on the Python (tests/tools/lint.sh)"
bash tests/tools/lint.sh
echo "== ansible-test sanity, newest ansible-core (Python 3.13) and 2.19 (Python 3.11)"
bash tests/tools/sanity.sh
VENV="$root/.venv-2.19" PYTHON_VERSION=3.11 bash tests/tools/sanity.sh
for module in win_neighbor win_neighbor_info win_neighbor_flush; do
    echo "== ansible-doc ipneighbor.windows.$module"
    ANSIBLE_COLLECTIONS_PATH="$installed" .venv/bin/ansible-doc "ipneighbor.windows.$module" | head -n 2
done
echo "== ansible-playbook --syntax-check of each integration target (the lab runs them too, above)"
plays=$(mktemp -d)
for target in tests/integration/targets/*/; do
    name=$(basename "$target")
    printf -- '- name: %s\n  hosts: all\n  gather_facts: false\n  roles: [%s]\n' "$name" "$name" > "$plays/$name.yml"
    ANSIBLE_COLLECTIONS_PATH="$installed" ANSIBLE_ROLES_PATH="$root/tests/integration/targets" \
        .venv/bin/ansible-playbook -i localhost, --syntax-check "$plays/$name.yml"
done
rm -rf "$plays"
echo "== ansible-lint (production profile) on the collection: examples, lab playbooks, integration targets"
ANSIBLE_COLLECTIONS_PATH="$installed" ANSIBLE_ROLES_PATH="$root/tests/integration/targets" \
    .venv/bin/ansible-lint --nocolor 2>&1 | grep -v '^WARNING: PATH altered'
echo "== changelog (antsibull-changelog lint) and docs (antsibull-docs lint, module pages up to date)"
.venv/bin/antsibull-changelog lint
PATH="$root/.venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$installed" .venv/bin/antsibull-docs lint-collection-docs --plugin-docs .
rendered=$(mktemp -d)
bash tests/tools/render_docs.sh "$rendered"
diff -ru docs/modules "$rendered" || { echo "docs/modules is stale: run bash tests/tools/render_docs.sh"; exit 1; }
rm -rf "$rendered"
echo "== ansible-builder introspect: the execution-environment dependencies it reads from the collection"
deps=$(.venv/bin/ansible-builder introspect "$installed")
echo "$deps" | grep -F "pywinrm>=0.4.3  # from collection ipneighbor.windows"
echo "$deps" | grep -F "pypsrp>=0.8.1  # from collection ipneighbor.windows"
echo "== ansible-builder create: the build context of examples/execution-environment.yml (no image: no container engine here)"
ee=$(mktemp -d)
cp examples/execution-environment.yml "$ee/"
.venv/bin/ansible-galaxy collection build --output-path "$ee" . >/dev/null  # the tarball the file copies in
.venv/bin/ansible-builder create -f "$ee/execution-environment.yml" -c "$ee/context" --output-filename Containerfile
build_dir="$ee/context/_build"
grep -Fx 'ARG EE_BASE_IMAGE="quay.io/centos/centos:stream10"' "$ee/context/Containerfile"
grep -Fx 'ARG ANSIBLE_INSTALL_REFS="ansible-core>=2.19 ansible-runner"' "$ee/context/Containerfile"
grep -E 'ansible-galaxy collection install .* -r requirements.yml' "$ee/context/Containerfile"
grep -F 'introspect.py introspect --user-pip=requirements.txt --user-bindep=bindep.txt' "$ee/context/Containerfile"
# The tarball requirements.yml names is in the context, and is the version galaxy.yml builds.
tarball=$(sed -n 's/^- name: //p' "$build_dir/requirements.yml")
test "$tarball" = "collections/ipneighbor-windows-$(sed -n 's/^version: //p' galaxy.yml).tar.gz"
test -s "$build_dir/$tarball"
grep -Fx 'pywinrm[kerberos]>=0.4.3' "$build_dir/requirements.txt"
grep -Fx 'pypsrp[kerberos]>=0.8.1' "$build_dir/requirements.txt"
for line in 'krb5-devel [platform:rpm compile]' 'krb5-workstation [platform:rpm]' \
            'libkrb5-dev [platform:dpkg compile]' 'krb5-user [platform:dpkg]' 'gcc [compile]'; do
    grep -Fx "$line" "$build_dir/bindep.txt"
done
# What the galaxy stage and the builder stage run on that context, run here: the collection installs
# from requirements.yml, and introspect adds its own requirements to the file's.
(cd "$build_dir" && "$root/.venv/bin/ansible-galaxy" collection install -r requirements.yml -p "$ee/collections" >/dev/null)
merged=$(.venv/bin/ansible-builder introspect --user-pip "$build_dir/requirements.txt" \
    --user-bindep "$build_dir/bindep.txt" "$ee/collections")
echo "$merged" | grep -F "pywinrm>=0.4.3  # from collection ipneighbor.windows"
echo "$merged" | grep -F "pypsrp[kerberos]>=0.8.1  # from collection user"
echo "$merged" | grep -F "krb5-devel [platform:rpm compile]  # from collection user"
rm -rf "$ee"
echo "== all tests passed"
