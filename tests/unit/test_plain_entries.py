# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The controller's shortcut for plain neighbors entries gives exactly what
ansible-core's ArgumentSpecValidator gives for them, and leaves every other
entry to it."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from hypothesis import example, given, settings
from hypothesis import strategies as st

OPTIONS = ["address", "mac", "interface", "state", "store", "bogus"]
VALUES = st.one_of(st.none(), st.sampled_from(["present", "absent", "active", "persistent", "Present", "",
                                               "10.0.0.1", "00-15-5D-01-02-03"]),
                   st.text(max_size=6), st.integers(), st.booleans(), st.lists(st.text(max_size=2), max_size=2))
ENTRIES = st.lists(st.one_of(st.dictionaries(st.sampled_from(OPTIONS), VALUES, max_size=6), st.text(max_size=3)),
                   max_size=4)


def validated(spec: Any, entries: Any) -> tuple[list[str], Any]:
    result = ArgumentSpecValidator(spec.ARGUMENT_SPEC).validate({"neighbors": copy.deepcopy(entries)})
    return [str(e) for e in result.errors], result.validated_parameters.get("neighbors")


@settings(derandomize=True, max_examples=600, deadline=None)
@given(ENTRIES)
@example([{"address": "10.0.0.1", "mac": "00-15-5D-01-02-03"}, {"address": "10.0.0.2", "state": "absent"}])
@example([{"address": "10.0.0.1", "state": "present"}])
@example([{"address": "10.0.0.1", "mac": "m", "store": "Active"}])
@example([{"state": None, "address": "present"}])
def test_shortcut_agrees_with_the_validator(collections_path: Path, entries: Any) -> None:
    from ansible_collections.ipneighbor.windows.plugins.plugin_utils import neighbor_spec

    plain = neighbor_spec.plain_entries(entries)
    if plain is not None:
        assert validated(neighbor_spec, entries) == ([], plain)


def test_plain_fleet_entries_take_the_shortcut(collections_path: Path) -> None:
    from ansible_collections.ipneighbor.windows.plugins.plugin_utils import neighbor_spec

    entries = [{"address": f"10.0.0.{i}", "mac": "00-15-5D-01-02-03", "interface": "Ethernet", "store": "active"}
               for i in range(1, 50)] + [{"address": "10.0.1.1", "state": "absent"}]
    assert neighbor_spec.plain_entries(entries) == validated(neighbor_spec, entries)[1]


def test_anything_the_validator_converts_or_refuses_is_left_to_it(collections_path: Path) -> None:
    from ansible_collections.ipneighbor.windows.plugins.plugin_utils import neighbor_spec

    for entry in ({"address": 10}, {"address": "10.0.0.1", "mac": "m", "state": "Present"},
                  {"address": "10.0.0.1", "mac": "m", "bogus": "x"}, {"mac": "m"}, {"address": "10.0.0.1"}):
        assert neighbor_spec.plain_entries([entry]) is None, entry
    assert neighbor_spec.plain_entries(["10.0.0.1"]) is None
    assert neighbor_spec.plain_entries("10.0.0.1") is None
