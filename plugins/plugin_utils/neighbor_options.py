# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The options a task names, before ansible-core's validation sees them: one it
does not know is named first, with the closest it does (in a neighbors entry,
with the entry's index), and choices are taken in any letter case, as
Ansible.Basic takes them on the host and win_neighbor_info does. Entries are
validated one by one, so that every message names the entry's index."""

from __future__ import annotations

import difflib
import typing as t

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.validation import check_type_dict
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_spec import (
    ARGUMENT_SPEC,
    ENTRY_REQUIRED_IF,
    ENTRY_SPEC,
)


def unknown_among(names: t.Iterable[str], spec: dict[str, t.Any], where: str, takes: str) -> str | None:
    """The first name spec does not know, worded with the closest it does and all it takes; or None."""
    for name in names:
        if name not in spec:
            close = difflib.get_close_matches(name, spec, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            return f"{where}unsupported option {name}{hint}; {takes}: {', '.join(sorted(spec))}"
    return None


def unknown_option(given: t.Mapping[str, t.Any]) -> str | None:
    """The first option the task or one of its entries names that win_neighbor does not take, or None."""
    found = unknown_among(given, ARGUMENT_SPEC, "", "win_neighbor takes")
    entries = given.get("neighbors")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if found is None and isinstance(entry, dict):
            found = unknown_among(entry, ENTRY_SPEC, f"neighbors[{index}]: ", "an entry takes")
    return found


def _folded(values: t.Mapping[str, t.Any], spec: dict[str, t.Any]) -> t.Mapping[str, t.Any]:
    changed = {name: value.lower() for name, value in values.items()
               if isinstance(value, str) and "choices" in spec.get(name, {}) and value not in spec[name]["choices"]
               and value.lower() in spec[name]["choices"]}
    return dict(values, **changed) if changed else values


def fold_choices(given: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
    """The task's options with each choice written in another letter case (state: Present) as the
    choice itself; everything else as given."""
    args = dict(_folded(given, ARGUMENT_SPEC))
    entries = args.get("neighbors")
    if isinstance(entries, list):
        args["neighbors"] = [_folded(e, ENTRY_SPEC) if isinstance(e, dict) else e for e in entries]
    return args


def validated_entries(entries: list[t.Any]) -> tuple[list[dict[str, t.Any]], str | None]:
    """Each entry as ansible-core's validator makes it (a dict, its defaults, its rules), or
    the first problem, prefixed with the entry's index, which ansible-core's own message for
    a list of suboptions lacks."""
    validated = []
    for index, entry in enumerate(entries):
        try:
            # As the validator takes a list element: a dict, or text such as "address=... mac=...".
            entry = check_type_dict(entry)
        except TypeError as e:
            return [], f"neighbors[{index}] is not a dict of options: {e}"
        result = ArgumentSpecValidator(ENTRY_SPEC, required_if=ENTRY_REQUIRED_IF).validate(entry)
        if result.error_messages:
            return [], f"neighbors[{index}]: {result.error_messages[0]}"
        validated.append(result.validated_parameters)
    return validated, None
