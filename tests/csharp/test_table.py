# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""GetIpNetTable2 marshalling: many rows, both families, the table always freed."""
from __future__ import annotations

import ipaddress
from typing import Any

from native_double import Double

AF_UNSPEC, AF_INET, AF_INET6 = 0, 2, 23


def read(helper: Any, family: int) -> tuple[int, set[tuple[str, int, str, str]]]:
    native = helper.NeighborNative
    code, rows = native.NeighborRow.ReadTable(family, None)
    found = set()
    for row in rows:
        mac = "-".join(f"{b:02X}" for b in native.NeighborRow.Mac(row))
        found.add((str(native.NeighborRow.Address(row)), row.InterfaceIndex, mac, str(row.State)))
    return code, found


def test_many_rows_of_both_families_round_trip(host: Double, helper: Any) -> None:
    expected = set()
    for i in range(3000):
        v4 = str(ipaddress.ip_address("10.0.0.0") + i + 1)
        v6 = str(ipaddress.ip_address("2001:db8::") + i + 1)
        mac = f"02-00-00-00-{i >> 8:02X}-{i & 0xFF:02X}"
        state = "Permanent" if i % 3 == 0 else "Stale"
        host.add_neighbor(v4, 4, mac, state)
        host.add_neighbor(v6, 7, mac, state, is_router=i % 2 == 0)
        expected |= {(v4, 4, mac, state), (v6, 7, mac, state)}

    code, rows = read(helper, AF_UNSPEC)
    assert code == 0 and rows == expected
    code, rows = read(helper, AF_INET)
    assert code == 0 and rows == {r for r in expected if ":" not in r[0]}
    code, rows = read(helper, AF_INET6)
    assert code == 0 and len(rows) == 3000
    assert host.calls("FreeMibTable") == 3


def test_empty_table(host: Double, helper: Any) -> None:
    assert read(helper, AF_UNSPEC) == (0, set())


def test_table_error_is_returned_and_nothing_freed(host: Double, helper: Any) -> None:
    host.fault("GetIpNetTable2", 50)
    assert read(helper, AF_INET6) == (50, set())
    assert host.calls("FreeMibTable") == 0
