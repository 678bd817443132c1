# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Controller side of win_neighbor: validate before connecting, render the diff."""

from __future__ import annotations

import contextlib
import gc
import json
import typing as t

from ansible.errors import AnsibleActionFail
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.plugins.action import ActionBase
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_args import (
    NeighborArgumentError,
    normalise,
    refuse_unquoted_macs,
)
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_options import (
    fold_choices,
    unknown_option,
    validated_entries,
)
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_spec import (
    ARGUMENT_SPEC,
    REQUIRED_ONE_OF,
    TOP_LEVEL_SPEC,
    exclusive_given,
    plain_entries,
)

ENTRY_FIELDS = ("address", "mac", "interface_alias", "interface_index", "state", "stores", "persistent_mac")
# What the stores hold, for an entry the bulk diff names by address and interface.
HELD_FIELDS = ("mac", "state", "stores", "persistent_mac")
# Statuses of entries that Windows now holds differently: changed, or changed before a later call failed.
TOUCHED = ("added", "updated", "removed", "failed after a change")


def _field(value: t.Any) -> str:
    if value is None:
        return "(none)"
    return ", ".join(value) if isinstance(value, list) else str(value)


def describe(entry: dict[str, t.Any] | None) -> str:
    """An entry as diff lines; an absent entry as nothing, a null value as (none)."""
    if not entry:
        return ""
    return "".join(f"{field}: {_field(entry[field])}\n" for field in ENTRY_FIELDS if field in entry)


def render_diff(header: str, before: str, after: str) -> dict[str, str]:
    return {"before": before, "after": after, "before_header": f"{header} (before)",
            "after_header": f"{header} (after)"}


def mac_source(result: dict[str, t.Any]) -> str:
    """With mac: learned, the line that says where the pinned MAC came from, for a change; otherwise nothing."""
    return f"mac_source: {result['mac_source']}\n" if "mac_source" in result and result.get("changed") else ""


def single_diff(args: dict[str, t.Any], result: dict[str, t.Any]) -> dict[str, str] | None:
    # No "after" when the task failed before Windows could be read back: no diff then.
    if "before" not in result or "after" not in result:
        return None
    # The address as Windows reports it, without the zone, which names the interface when the task names none.
    address, zone = args["address"].partition("%")[::2]
    return render_diff(f"neighbor {address} on interface {args.get('interface') or zone}",
                       describe(result["before"]), describe(result["after"]) + mac_source(result))


def _held(entry: dict[str, t.Any] | None) -> str:
    if not entry:
        return "(no entry)\n"
    return "; ".join(f"{field}: {_field(entry[field])}" for field in HELD_FIELDS if field in entry) + "\n"


def bulk_diff(result: dict[str, t.Any]) -> list[dict[str, str]] | None:
    """One diff per entry added, updated or removed (or that would be, in check mode),
    or that a failure left changed, as Windows reported it after the change: a line
    of what the stores hold on each side, under the entry's address and interface.
    Entries are never diffed against each other, so that a removal next to an
    addition cannot read as an edit of one entry."""
    if "entries" not in result:
        return None
    return [render_diff(f"{e['address']} on {e['interface_alias']}", _held(e["before"]),
                        _held(e["after"]) + mac_source(dict(e, changed=True)))
            for e in result["entries"] if e["status"] in TOUCHED and "after" in e]


@contextlib.contextmanager
def collector_paused() -> t.Iterator[None]:
    """Python's cyclic garbage collector paused while a task runs: what the plugin builds
    is acyclic (reference counting frees it), and otherwise a long task's entries, alive
    until the result is returned, are traversed again and again with every object of the
    process. Measured with bench/controller.py: 10 000 entries cost 1.2-1.7x what 100 do an
    entry with the collector running, 1.0-1.2x paused. A cycle made meanwhile (by the
    connection, say) is collected once the task is over."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


# An entry as one JSON text, which the module's dict elements take (Ansible.Basic parses and validates
# it as any entry): ansible-core's exec wrapper turns each JSON object of the arguments into a
# hashtable in PowerShell script (Convert-JsonObject), measured at 0.2-0.5 ms an entry; a text
# passes through it untouched.
_ENTRY_TEXT = json.JSONEncoder(separators=(",", ":"))


def as_sent(args: dict[str, t.Any]) -> dict[str, t.Any]:
    """The arguments as handed to the host: each neighbors entry as its JSON text."""
    if args.get("neighbors") is None:
        return args
    return dict(args, neighbors=[_ENTRY_TEXT.encode(entry) for entry in args["neighbors"]])


class ActionModule(ActionBase):
    _supports_check_mode = True
    _supports_async = False

    def _validate(self, given: dict[str, t.Any]) -> dict[str, t.Any]:
        """ansible-core's argument validation; it fails the task (AnsibleActionFail)
        on missing or bad options. Plain neighbors entries skip its per-entry
        cost; any other entry goes through it, one entry at a time."""
        entries = plain_entries(given.get("neighbors"))
        if entries is None and isinstance(given.get("neighbors"), list):
            entries, problem = validated_entries(given["neighbors"])
            if problem:
                raise AnsibleActionFail(problem, obj=self._task.args)
        # The entries are judged already: the validator sees an empty list in their place, since it
        # deep-copies what it is given, which costs more than the rest for a long tagged list.
        top = given if entries is None else dict(given, neighbors=[])
        spec = TOP_LEVEL_SPEC if entries is not None else ARGUMENT_SPEC
        validated = ArgumentSpecValidator(spec, required_one_of=REQUIRED_ONE_OF).validate(top)
        if validated.error_messages:
            raise AnsibleActionFail(validated.error_messages[0], obj=self._task.args)
        args = dict(given, **validated.validated_parameters)
        if entries is not None:
            args["neighbors"] = entries
        return args

    def run(self, tmp: t.Any = None, task_vars: dict[str, t.Any] | None = None) -> dict[str, t.Any]:
        result = super().run(tmp, task_vars)
        del tmp

        with collector_paused():
            args = self._arguments()
            result.update(self._execute_module(module_args=as_sent(args), task_vars=task_vars))
            if self._task.diff:
                diff = bulk_diff(result) if args.get("neighbors") is not None else single_diff(args, result)
                if diff is not None:
                    result["diff"] = diff
        return result

    def _arguments(self) -> dict[str, t.Any]:
        """The task's arguments checked and normalised for the host, or AnsibleActionFail naming what is wrong."""
        try:
            # Before the spec converts a number to text, which would hide it.
            refuse_unquoted_macs(self._task.args)
        except NeighborArgumentError as e:
            raise AnsibleActionFail(str(e)) from None
        problem = unknown_option(self._task.args) or exclusive_given(self._task.args.keys())
        if problem:
            raise AnsibleActionFail(problem)
        args = self._validate(fold_choices(self._task.args))
        try:
            return normalise(args, given=self._task.args.keys())
        except NeighborArgumentError as e:
            raise AnsibleActionFail(str(e)) from None
