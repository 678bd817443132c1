# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The filter ipneighbor.windows.mac through a real ansible-core Templar, found
by ansible-core's plugin loader by its collection name: every spelling
win_neighbor's mac option takes becomes Windows' spelling, and every MAC the
option refuses (the corpus's) fails the template with that option's message."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ansible.errors import AnsibleError

from collection import ROOT

CASES = json.loads((ROOT / "tests" / "corpus" / "bad_input.json").read_text(encoding="utf-8"))
BAD_MACS = [c for c in CASES
            if "mac" in c["args"] and c["message"].startswith("mac ") and "controller" in c["refused_by"]]


def render(collections_path: Path, expression: str, **variables: Any) -> Any:
    """expression templated as a playbook templates it, with variables as its vars."""
    from ansible.parsing.dataloader import DataLoader
    from ansible.template import Templar, trust_as_template

    return Templar(loader=DataLoader(), variables=variables).template(trust_as_template("{{ " + expression + " }}"))


@pytest.mark.parametrize("written", [
    "00-00-5E-00-53-01", "00:00:5e:00:53:01", "00-00-5e-00-53-01", "0000.5e00.5301", "00005E005301",
    "00005e005301",
])
def test_every_spelling_of_the_mac_option_becomes_windows_spelling(collections_path: Path, written: str) -> None:
    assert render(collections_path, "inventory_mac | ipneighbor.windows.mac", inventory_mac=written) \
        == "00-00-5E-00-53-01"


@pytest.mark.parametrize("written,windows", [
    ("02:00:5e:10:00:00:00:01", "02-00-5E-10-00-00-00-01"),  # 8 bytes (EUI-64, as on FireWire)
    ("0a", "0A"),
    ("ff" * 32, "-".join(["FF"] * 32)),
])
def test_other_lengths_as_the_option_takes_them(collections_path: Path, written: str, windows: str) -> None:
    assert render(collections_path, "m | ipneighbor.windows.mac", m=written) == windows


def test_an_inventory_mac_compares_with_what_the_modules_return(collections_path: Path) -> None:
    """The comparison the filter is for: unfiltered, one MAC written two ways differs."""
    variables = {"inventory_mac": "00:00:5e:00:53:01", "listed": {"mac": "00-00-5E-00-53-01"}}
    assert render(collections_path, "listed.mac == inventory_mac", **variables) is False
    assert render(collections_path, "listed.mac == inventory_mac | ipneighbor.windows.mac", **variables) is True


@pytest.mark.parametrize("case", BAD_MACS, ids=lambda c: c["name"])
def test_a_mac_the_option_refuses_fails_naming_it(collections_path: Path, case: dict[str, Any]) -> None:
    with pytest.raises(AnsibleError) as failure:
        render(collections_path, "m | ipneighbor.windows.mac", m=case["args"]["mac"])
    assert f"The filter plugin 'ipneighbor.windows.mac' failed: {case['message']}" in str(failure.value)


def test_the_corpus_has_bad_macs_of_every_kind() -> None:
    """Separators, hex digits, group and byte counts, white space, all zeros."""
    assert len(BAD_MACS) >= 8


@pytest.mark.parametrize("value,message", [
    (9783981296, "mac was read by YAML as the number 9783981296, not as a MAC address"),
    (None, "mac must be a string, not NoneType"),
    ("", "mac '' is empty"),
])
def test_what_is_not_text_fails_saying_what_it_is(collections_path: Path, value: Any, message: str) -> None:
    with pytest.raises(AnsibleError) as failure:
        render(collections_path, "m | ipneighbor.windows.mac", m=value)
    assert message in str(failure.value)
