# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Property-based tests (hypothesis) of the controller's address, MAC and
interface rules."""
from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

CANONICAL_MAC = re.compile(r"([0-9A-F]{2}-){0,31}[0-9A-F]{2}\Z")
MAC_ALPHABET = "0123456789abcdefABCDEFgG-:. \t"
ADDRESS_ALPHABET = "0123456789abcdefABCDEF:.%/[] \t٠１"


@pytest.fixture(scope="module")
def rules(collections_path: Path) -> Any:
    from ansible_collections.ipneighbor.windows.plugins.plugin_utils import neighbor_args

    return neighbor_args


def spellings(mac: bytes) -> list[str]:
    hexed = mac.hex()
    found = ["-".join(f"{b:02X}" for b in mac), ":".join(f"{b:02x}" for b in mac), hexed.upper()]
    if len(mac) % 2 == 0:
        found.append(".".join(hexed[i:i + 4] for i in range(0, len(hexed), 4)))
    return found


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=32).filter(any))
def test_every_spelling_of_a_mac_normalises_to_the_windows_one(rules: Any, mac: bytes) -> None:
    expected = "-".join(f"{b:02X}" for b in mac)
    for spelling in spellings(mac):
        assert rules.normalise_mac("mac", spelling) == expected


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.text(alphabet=MAC_ALPHABET, max_size=70))
@example("00-15-5D-01-02-03")
def test_any_text_is_a_canonical_mac_or_a_named_refusal(rules: Any, text: str) -> None:
    try:
        mac = rules.normalise_mac("mac", text)
    except rules.NeighborArgumentError as e:
        assert str(e).startswith("mac '")
        return
    assert CANONICAL_MAC.match(mac) and any(bytes.fromhex(mac.replace("-", "")))
    assert rules.normalise_mac("mac", mac) == mac


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.ip_addresses())
def test_usable_addresses_normalise_to_their_canonical_text(rules: Any, ip: Any) -> None:
    special = ip.is_unspecified or ip.is_loopback or ip == ipaddress.IPv4Address("255.255.255.255") or (
        ip.version == 6 and ip.ipv4_mapped is not None)
    if special:
        with pytest.raises(rules.NeighborArgumentError):
            rules.normalise_address("address", str(ip))
    else:
        assert rules.normalise_address("address", str(ip)) == str(ip)
        assert rules.normalise_address("address", ip.exploded) == str(ip)


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.text(alphabet=ADDRESS_ALPHABET, max_size=45))
def test_any_text_is_an_address_or_a_named_refusal(rules: Any, text: str) -> None:
    try:
        address = rules.normalise_address("address", text)
    except rules.NeighborArgumentError as e:
        assert str(e).startswith("address '")
        return
    assert str(ipaddress.ip_address(address)) == address
    assert rules.normalise_address("address", address) == address


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.integers(min_value=-(2**33), max_value=2**33))
def test_interface_indexes(rules: Any, index: int) -> None:
    if 1 <= index <= 2**32 - 1:
        assert rules.normalise_interface("interface", index) == str(index)
        assert rules.normalise_interface("interface", str(index)) == str(index)
    else:
        with pytest.raises(rules.NeighborArgumentError):
            rules.normalise_interface("interface", str(index))
