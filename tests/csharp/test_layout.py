# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""MIB_IPNET_ROW2, MIB_IPNET_TABLE2 and MIB_IF_ROW2 layout, pinned three ways to
one table: the C# marshalled layout (or offsets), the test double, and the
mingw-w64 Windows headers."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import build

ROW_SIZE = 88
ROW_OFFSETS = {
    "Address": 0,
    "InterfaceIndex": 28,
    "InterfaceLuid": 32,
    "PhysicalAddress": 40,
    "PhysicalAddressLength": 72,
    "State": 76,
    "Flags": 80,
    "ReachabilityTime": 84,
}
SOCKADDR_INET_SIZE = 28
TABLE_ROWS_OFFSET = 8
# MIB_IF_ROW2: the helper reads PhysicalAddressLength from a raw buffer of its size.
IF_ROW_SIZE = 1352
IF_ROW_OFFSETS = {"InterfaceLuid": 0, "InterfaceIndex": 8, "PhysicalAddressLength": 1056}

WINDOWS_HEADERS = "#include <winsock2.h>\n#include <ws2ipdef.h>\n#include <iphlpapi.h>\n#include <netioapi.h>\n"
DOUBLE_HEADER = f'#include "{build.NATIVE / "iphlpapi_double.h"}"\n'


def static_asserts(prefix: str, row_size: int = ROW_SIZE) -> str:
    lines = [
        "#include <stddef.h>",
        f"_Static_assert(sizeof({prefix}MIB_IPNET_ROW2) == {row_size}, \"row size\");",
        f"_Static_assert(sizeof({prefix}SOCKADDR_INET) == {SOCKADDR_INET_SIZE}, \"SOCKADDR_INET size\");",
        f"_Static_assert(offsetof({prefix}MIB_IPNET_TABLE2, Table) == {TABLE_ROWS_OFFSET}, \"Table\");",
    ]
    lines += [f"_Static_assert(offsetof({prefix}MIB_IPNET_ROW2, {field}) == {offset}, \"{field}\");"
              for field, offset in ROW_OFFSETS.items()]
    lines.append(f"_Static_assert(sizeof({prefix}MIB_IF_ROW2) == {IF_ROW_SIZE}, \"if row size\");")
    lines += [f"_Static_assert(offsetof({prefix}MIB_IF_ROW2, {field}) == {offset}, \"if row {field}\");"
              for field, offset in IF_ROW_OFFSETS.items()]
    return "\n".join(lines) + "\n"


def compiles(compiler: str, source: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "layout.c"
    path.write_text(source)
    return subprocess.run([compiler, "-std=c11", "-c", "-o", str(tmp_path / "layout.o"), str(path)],
                          capture_output=True, text=True, check=False)


def test_csharp_marshalled_layout(helper: Any) -> None:
    import clr  # type: ignore[import-not-found]
    from System.Runtime.InteropServices import Marshal  # type: ignore[import-not-found]

    row = clr.GetClrType(helper.NeighborNative.MIB_IPNET_ROW2)
    assert Marshal.SizeOf(row) == ROW_SIZE
    assert {f: Marshal.OffsetOf(row, f).ToInt32() for f in ROW_OFFSETS} == ROW_OFFSETS
    assert helper.NeighborNative.NeighborRow.TableRowsOffset == TABLE_ROWS_OFFSET
    interface_row = helper.NeighborNative.InterfaceRow
    assert (interface_row.Size, interface_row.PhysicalAddressLengthOffset) == (
        IF_ROW_SIZE, IF_ROW_OFFSETS["PhysicalAddressLength"])


def test_double_layout(tmp_path: Path) -> None:
    result = compiles("gcc", DOUBLE_HEADER + static_asserts("DBL_"), tmp_path)
    assert result.returncode == 0, result.stderr


def test_windows_headers_layout(tmp_path: Path) -> None:
    compiler = shutil.which("x86_64-w64-mingw32-gcc")
    assert compiler, "x86_64-w64-mingw32-gcc is needed (apt: gcc-mingw-w64-x86-64)"
    result = compiles(compiler, WINDOWS_HEADERS + static_asserts(""), tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("compiler,header,prefix", [
    ("gcc", DOUBLE_HEADER, "DBL_"),
    ("x86_64-w64-mingw32-gcc", WINDOWS_HEADERS, ""),
])
def test_a_wrong_layout_fails_the_asserts(tmp_path: Path, compiler: str, header: str, prefix: str) -> None:
    result = compiles(compiler, header + static_asserts(prefix, row_size=ROW_SIZE + 8), tmp_path)
    assert result.returncode != 0 and "row size" in result.stderr
