# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""win_neighbor's argument spec for the controller, read from the module's
DOCUMENTATION, with the rules between options, and the checks that let plain
entries skip ansible-core's per-entry validation."""

from __future__ import annotations

import typing as t

import yaml
from ansible_collections.ipneighbor.windows.plugins.modules.win_neighbor import DOCUMENTATION

_SPEC_KEYS = ("type", "elements", "required", "choices", "default")


def spec_from_docs(options: dict[str, dict[str, t.Any]]) -> dict[str, dict[str, t.Any]]:
    """An argument spec from a module's documented options, suboptions included:
    the docs are the one place an option's type, choices and default are written."""
    spec = {}
    for name, option in options.items():
        spec[name] = {key: option[key] for key in _SPEC_KEYS if key in option}
        if "suboptions" in option:
            spec[name]["options"] = spec_from_docs(option["suboptions"])
    return spec


# The rules between options, which documentation has no field for; the .ps1
# spec states them too, and a test holds the two to the same.
MUTUALLY_EXCLUSIVE: list[list[str]] = [["address", "neighbors"], ["mac", "neighbors"]]
REQUIRED_ONE_OF: list[list[str]] = [["address", "neighbors"]]
ENTRY_REQUIRED_IF: list[tuple[str, str, list[str]]] = [("state", "present", ["mac"])]

ARGUMENT_SPEC: dict[str, dict[str, t.Any]] = spec_from_docs(yaml.safe_load(DOCUMENTATION)["options"])
ARGUMENT_SPEC["neighbors"]["required_if"] = ENTRY_REQUIRED_IF
ENTRY_SPEC: dict[str, dict[str, t.Any]] = ARGUMENT_SPEC["neighbors"]["options"]
# The top level alone: the entries go through plain_entries first.
TOP_LEVEL_SPEC: dict[str, dict[str, t.Any]] = dict(
    ARGUMENT_SPEC, neighbors={k: v for k, v in ARGUMENT_SPEC["neighbors"].items() if k in ("type", "elements")})


def exclusive_given(given: t.Collection[str]) -> str | None:
    """Options given together that exclude each other, in the words Ansible.Basic
    uses on the host, so that both sides fail such a task with one message; or
    None. Like Ansible.Basic, it counts an option the task names, whatever its value."""
    for options in MUTUALLY_EXCLUSIVE:
        if sum(option in given for option in options) > 1:
            return "parameters are mutually exclusive: " + ", ".join(options)
    return None


# Each entry option: its name, its default, and its choices (None: any text, or null).
_ENTRY_OPTIONS = tuple((name, option.get("default"), option.get("choices")) for name, option in ENTRY_SPEC.items())
_ABSENT = object()


def plain_entries(entries: object) -> list[dict[str, t.Any]] | None:
    """The neighbors entries with their defaults, when every entry is a dict of
    documented options, each text (null only where it has no choices) within its choices, with an address,
    and a mac where its state is present: exactly what ansible-core's
    ArgumentSpecValidator returns for such entries, at a fraction of its cost.
    None when any entry is not so plain: the validator then judges them all and
    words what is wrong."""
    if not isinstance(entries, list):
        return None
    plain = []
    for entry in entries:
        if not isinstance(entry, dict):
            return None
        full = {}
        taken = 0
        for name, default, choices in _ENTRY_OPTIONS:
            value = entry.get(name, _ABSENT)
            if value is _ABSENT:
                value = default
            # isinstance, as the validator's own str check: ansible-core 2.19 hands over tagged str.
            # A null choice is no choice to the validator (it refuses state: null): it judges that entry itself.
            elif not (isinstance(value, str) and value in choices if choices
                      else value is None or isinstance(value, str)):
                return None
            else:
                taken += 1
            full[name] = value
        # An option the spec does not know: the entry holds more than was taken from it.
        if taken != len(entry):
            return None
        if full["address"] is None or (full["state"] == "present" and full["mac"] is None):
            return None
        plain.append(full)
    return plain
