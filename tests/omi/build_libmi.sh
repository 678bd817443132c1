#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# Builds OMI's libmi.so from omi-libmi-src.tar.xz beside this script into OUT_DIR:
#   bash tests/omi/build_libmi.sh OUT_DIR
# MI .NET's data types (CimInstance, CimMethodParametersCollection, CimOperationOptions'
# custom options) call into libmi under Linux pwsh; the tests hand them to the CIM provider
# model. Debian packages: gcc make gawk pkg-config openssl libssl-dev libpam0g-dev
# libkrb5-dev patchelf (tests/setup.sh installs them).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
archive=$(cd "$(dirname "$0")" && pwd)/omi-libmi-src.tar.xz
mkdir -p "$1"
out=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/omi-libmi.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xJf "$archive" -C "$work"
# OMI's make rules refuse a build folder reached through a symbolic link.
cd "$(cd "$work/omi-libmi-src/Unix" && pwd -P)"
log=$work/build.log
fail() { tail -n 40 "$log" >&2; echo "libmi: $1 failed" >&2; exit 1; }
./configure --prefix=/opt/omi --disable-libpath >"$log" 2>&1 || fail configure
export ROOT=$PWD OUTPUTDIR=$PWD/output
# The static libraries midll/release/GNUmakefile links into libmi, then libmi itself.
for dir in pal sock base wql omi_error miapi protocol http wsman xml xmlserializer codec/mof codec/mof/parser midll; do
    make -C "$dir" -j"$(nproc)" >>"$log" 2>&1 || fail "make in $dir"
done
install -m 755 output/lib/libmi.so "$out/libmi.so"
strip --strip-unneeded "$out/libmi.so"
# A soname, so that a process that loaded it by path answers DllImport("libmi") with it.
patchelf --set-soname libmi.so "$out/libmi.so"
