# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The controller's rules (neighbor_args.py) and the C# helper's (NeighborParse)
agree on every generated input: both refuse it with the same message, or both
accept it as the same address, MAC or interface."""
from __future__ import annotations

import ipaddress
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from parsers import dotnet, outcome


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789abcdefABCDEF:.%/ ١１", max_size=45), st.ip_addresses().map(str)))
@example("10.0.0.1:80")
@example("::1.2.3.4")
@example("1::2:3:4:5:6:7:8")
@example("00...")  # once refused for different reasons: the checks' order must match
@example("::FFFF:127.0.0.0")  # Python 3.13 calls it loopback, 3.11 does not
def test_addresses(helper: Any, rules: Any, text: str) -> None:
    py = outcome(lambda: ipaddress.ip_address(rules.normalise_address("address", text)).packed,
                 rules.NeighborArgumentError)
    cs = dotnet(lambda: bytes(helper.NeighborInput.NeighborParse.Address("address", text).GetAddressBytes()))
    assert py == cs


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789abcdefABCDEFg-:. １", max_size=70))
@example("0015.5d01.0203")
def test_macs(helper: Any, rules: Any, text: str) -> None:
    py = outcome(lambda: rules.normalise_mac("mac", text), rules.NeighborArgumentError)
    cs = dotnet(lambda: str(helper.NeighborInput.NeighborParse.FormatMac(helper.NeighborInput.NeighborParse.Mac(
        "mac", text))))
    assert py == cs


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789+- Eth", max_size=12), st.integers(-5, 2**32 + 5).map(str)))
def test_interfaces(helper: Any, rules: Any, text: str) -> None:
    py = outcome(lambda: rules.normalise_interface("interface", text), rules.NeighborArgumentError)
    cs = dotnet(lambda: str(helper.NeighborInput.NeighborParse.Interface("interface", text)))
    assert py == cs
