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
