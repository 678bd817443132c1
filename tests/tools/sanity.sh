#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# ansible-test sanity on a copy of the collection at .../ansible_collections/ipneighbor/windows,
# offline but for the package index. Two tests need pwsh, which no registry we reach ships:
# - validate-modules stops the whole run on a .ps1 module, so it runs apart, on the .py docs
#   only; tests/unit/test_module_spec.py checks the .ps1 spec against the docs instead;
# - pslint (PSScriptAnalyzer) is skipped: without pwsh it would only warn and pass.
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

echo "== ansible-test sanity (skipped, need pwsh: validate-modules on .ps1, pslint), Python $python"
"$venv/bin/ansible-test" sanity --color no --python "$python" --skip-test validate-modules --skip-test pslint
echo "== ansible-test sanity validate-modules on the module docs (.py), Python $python"
"$venv/bin/ansible-test" sanity --color no --python "$python" --test validate-modules plugins/modules/*.py
