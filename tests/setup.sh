#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# Sets up everything the example and the tests need, on this machine or a fresh one:
# system packages (Mono, gcc, mingw-w64, shellcheck for sanity, openssh-server for the lab, what OMI's libmi
# builds with, chromium to read the audit role's HTML report back), PowerShell 7 and Roslyn from ../shared/tools,
# libmi from tests/omi, .venv (Python 3.13, newest ansible-core), .venv-2.19 (Python 3.11, ansible-core 2.19) and
# the collection built and installed into build/collections. Safe to run again; it installs only what is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

packages=(mono-devel gcc-mingw-w64-x86-64 gcc libc6-dev git shellcheck openssh-server
          make gawk pkg-config openssl libssl-dev libpam0g-dev libkrb5-dev patchelf chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== apt: installing ${missing[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A Python of the given minor version: pyenv's, else pythonX.Y on PATH.
find_python() {
    local want=$1 v
    if command -v pyenv >/dev/null 2>&1; then
        v=$(pyenv versions --bare 2>/dev/null | grep -E "^${want//./\\.}\.[0-9]+$" | sort -V | tail -n 1 || true)
        if [ -n "$v" ]; then echo "$(pyenv root)/versions/$v/bin/python$want"; return; fi
    fi
    command -v "python$want" || { echo "no Python $want found (pyenv or python$want)" >&2; return 1; }
}

make_venv() {  # dir python requirements
    local dir=$1 python=$2 requirements=$3 stamp
    stamp="$dir/.requirements.sha256"
    if [ ! -x "$dir/bin/python" ]; then
        echo "== venv $dir ($("$python" --version))"
        "$python" -m venv "$dir"
    fi
    if ! sha256sum --status -c "$stamp" 2>/dev/null; then
        echo "== pip install -r $requirements into $dir"
        "$dir/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" 2>&1 \
            | grep -v "^WARNING: Location" || true
        "$dir/bin/python" -c "import ansible, pytest" # fails the setup if the install did
        sha256sum "$requirements" > "$stamp"
    fi
}

make_venv .venv "$(find_python 3.13)" tests/requirements.txt
make_venv .venv-2.19 "$(find_python 3.11)" tests/requirements-2.19.txt

# Real PowerShell 7 and Roslyn with the Windows hosts' reference assemblies, which no registry
# serves: unpacked from ../shared/tools (checked against its SHA256SUMS) into build/tools, with
# pwsh on build/tools/bin. The C# gate and the PowerShell syntax gate need them (tests/host).
shared_tools=${IPNEIGHBOR_SHARED_TOOLS:-$root/../shared/tools}
tools=$root/build/tools
if [ -f "$shared_tools/SHA256SUMS" ]; then
    if ! cmp -s "$shared_tools/SHA256SUMS" "$tools/SHA256SUMS"; then
        echo "== unpack PowerShell 7 and Roslyn with the reference assemblies from $shared_tools into build/tools"
        (cd "$shared_tools" && sha256sum --quiet --strict -c SHA256SUMS)
        rm -rf "$tools"
        mkdir -p "$tools/bin"
        for archive in "$shared_tools"/*.tar.xz; do tar -C "$tools" -xJf "$archive"; done
        ln -s ../powershell/pwsh.sh "$tools/bin/pwsh"
        cp "$shared_tools/SHA256SUMS" "$tools/SHA256SUMS"
    fi
else
    echo "== no $shared_tools: the C# gate and the PowerShell syntax gate need PowerShell 7 (pwsh) and the"
    echo "   .NET SDK's Roslyn (csc) with the .NET Framework 4.6.2, PowerShellStandard 5.1 and MI .NET reference"
    echo "   assemblies, laid out as ../shared/tools/README.md says; they skip without them, and fail with CI set"
fi

# OMI's libmi, for MI .NET's data types under Linux pwsh (tests/omi/README.md); after the
# tools, whose unpacking starts build/tools afresh.
libmi_stamp=$root/build/tools/libmi/source.sha256
if ! (cd "$root/tests/omi" && sha256sum --status -c "$libmi_stamp") 2>/dev/null; then
    echo "== build OMI's libmi from tests/omi into build/tools/libmi"
    bash tests/omi/build_libmi.sh build/tools/libmi
    (cd "$root/tests/omi" && sha256sum omi-libmi-src.tar.xz build_libmi.sh) > "$libmi_stamp"
fi

echo "== build and install the collection into build/collections"
rm -rf build/dist
.venv/bin/ansible-galaxy collection build --force --output-path build/dist . >/dev/null
.venv/bin/ansible-galaxy collection install --force -p build/collections build/dist/ipneighbor-windows-*.tar.gz >/dev/null
echo "== setup done: $(.venv/bin/ansible --version | head -n 1)"
