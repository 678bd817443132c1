# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The IP Helper double itself: its hash index agrees with a plain model over
many random creates, deletes and reads."""
from __future__ import annotations

import ctypes
import random

from native_double import Double, make_row


def test_index_matches_a_model_over_random_operations(host: Double) -> None:
    rng = random.Random(7)
    model: dict[tuple[int, str], str] = {}
    lib = host.lib
    for step in range(4000):
        address = f"10.{rng.randrange(2)}.{rng.randrange(4)}.{rng.randrange(1, 60)}"
        index = rng.choice([4, 7])
        mac = f"02-00-00-00-{step >> 8 & 0xFF:02X}-{step & 0xFF:02X}"
        row = make_row(address, index, mac, "Permanent")
        op = rng.random()
        if op < 0.45:
            code = lib.CreateIpNetEntry2(ctypes.byref(row))
            assert code == (5010 if (index, address) in model else 0)
            model.setdefault((index, address), mac)
        elif op < 0.8:
            code = lib.DeleteIpNetEntry2(ctypes.byref(row))
            assert code == (0 if model.pop((index, address), None) else 1168)
        else:
            code = lib.GetIpNetEntry2(ctypes.byref(row))
            assert code == (0 if (index, address) in model else 1168)
            if code == 0:
                assert bytes(row.PhysicalAddress[:6]).hex("-").upper() == model[(index, address)]
    assert {(n.interface_index, n.address): n.mac for n in host.neighbors()} == model


def test_an_empty_family_answers_not_found_and_no_table(host: Double) -> None:
    """GetIpNetTable2's documentation: ERROR_NOT_FOUND when there is no data to return."""
    host.add_neighbor("10.0.0.1", 4, "00-15-5D-00-00-01", "Permanent")
    lib = host.lib
    lib.GetIpNetTable2.argtypes = [ctypes.c_uint16, ctypes.POINTER(ctypes.c_void_p)]
    lib.FreeMibTable.argtypes = [ctypes.c_void_p]
    table = ctypes.c_void_p(1)
    assert lib.GetIpNetTable2(23, ctypes.byref(table)) == 1168
    assert table.value is None and host.tables_outstanding() == 0
    assert lib.GetIpNetTable2(2, ctypes.byref(table)) == 0
    assert table.value is not None and host.tables_outstanding() == 1
    lib.FreeMibTable(table)
