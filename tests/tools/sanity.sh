#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# ansible-test sanity on a copy of the collection at .../ansible_collections/ipneighbor/windows,
# offline but for the package index, with real pwsh on PATH (tests/setup.sh unpacks it into
# build/tools/bin), so validate-modules checks each .ps1's spec against its documentation.
# One test is skipped, by name: pslint, which needs PSScriptAnalyzer, served by no registry here.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
python=${PYTHON_VERSION:-3.13}
venv=${VENV:-$here/.venv}

# ansible-test downloads a get-pip script from a host we cannot reach; it looks in its cache first.
pip_version=$("$venv/bin/python" - <<'PY'
import re, ansible_test._internal.python_requirements as r, inspect
print(re.search(r"pip='([0-9.]+)'", inspect.getsource(r)).group(1))
PY
)
mkdir -p ~/.ansible/test/cache
cp "$here/tests/tools/get_pip.py" ~/.ansible/test/cache/"get_pip_${pip_version//./_}.py"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest="$work/ansible_collections/ipneighbor/windows"
mkdir -p "$dest"
(cd "$here" && git ls-files -co --exclude-standard | grep -v '^\.venv/' | tar -cf - -T -) | tar -xf - -C "$dest"
cd "$dest"
git init -q && git add -A

[ -x "$here/build/tools/bin/pwsh" ] || { echo "sanity.sh: no build/tools/bin/pwsh: run tests/setup.sh" >&2; exit 1; }
export PATH="$here/build/tools/bin:$PATH"
# shellcheck disable=SC2016  # PowerShell's $, not the shell's
echo "== ansible-test sanity with $(pwsh -NoProfile -Command '"pwsh $($PSVersionTable.PSVersion)"'), Python $python (skipped: pslint, no PSScriptAnalyzer)"
"$venv/bin/ansible-test" sanity --color no --python "$python" --skip-test pslint
