# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Controller side of win_neighbor: validate before connecting, render the diff."""

from __future__ import annotations

import typing as t

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase

from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_args import (
    ARGUMENT_SPEC,
    REQUIRED_IF,
    NeighborArgumentError,
    normalise,
)

ENTRY_FIELDS = ("address", "mac", "interface_alias", "interface_index", "state")


def describe(entry: dict[str, t.Any] | None) -> str:
    """An entry as diff lines; an absent entry as nothing."""
    if not entry:
        return ""
    return "".join(f"{field}: {entry.get(field)}\n" for field in ENTRY_FIELDS)


def render_diff(address: str, interface: str, before: dict[str, t.Any] | None,
                after: dict[str, t.Any] | None) -> dict[str, str]:
    header = f"neighbor {address} on interface {interface}"
    return {
        "before": describe(before),
        "after": describe(after),
        "before_header": f"{header} (before)",
        "after_header": f"{header} (after)",
    }


class ActionModule(ActionBase):
    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp: t.Any = None, task_vars: dict[str, t.Any] | None = None) -> dict[str, t.Any]:
        result = super().run(tmp, task_vars)
        del tmp

        # Fails the task (AnsibleActionFail) on unknown, missing or bad options.
        args = self.validate_argument_spec(argument_spec=ARGUMENT_SPEC, required_if=REQUIRED_IF)[1]
        try:
            args = normalise(args)
        except NeighborArgumentError as e:
            raise AnsibleActionFail(str(e)) from None

        result.update(self._execute_module(module_args=args, task_vars=task_vars))
        # No "after" when the task failed before Windows could be read back: no diff then.
        if self._task.diff and "before" in result and "after" in result:
            result["diff"] = render_diff(args["address"], args["interface"], result["before"], result["after"])
        return result
