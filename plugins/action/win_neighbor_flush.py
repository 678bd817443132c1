# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Controller side of win_neighbor_flush: validate before connecting, and render the
diff of what went with win_neighbor's bulk diff (one diff per entry)."""

from __future__ import annotations

import typing as t

import yaml
from ansible.errors import AnsibleActionFail
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.validation import check_type_list
from ansible.plugins.action import ActionBase
from ansible_collections.ipneighbor.windows.plugins.action.win_neighbor import bulk_diff
from ansible_collections.ipneighbor.windows.plugins.modules.win_neighbor_flush import DOCUMENTATION
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_args import (
    NeighborArgumentError,
    normalise_interface,
)
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_options import unknown_among
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_spec import spec_from_docs

ARGUMENT_SPEC: dict[str, dict[str, t.Any]] = spec_from_docs(yaml.safe_load(DOCUMENTATION)["options"])
FAMILIES: list[str] = ARGUMENT_SPEC["family"]["choices"]


def fold_families(given: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
    """family as Ansible.Basic takes it on the host: each choice in any letter case."""
    args = dict(given)
    families = args.get("family")
    if isinstance(families, str):  # text is a list to the validator, as to Ansible.Basic
        families = check_type_list(families)
    if isinstance(families, list):
        args["family"] = [f.lower() if isinstance(f, str) and f.lower() in FAMILIES else f for f in families]
    return args


def flush_arguments(given: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
    """The task's arguments checked and normalised for the host, or NeighborArgumentError /
    AnsibleActionFail naming what is wrong, worded as the host words it."""
    # An unknown option is named first, with the closest one, as win_neighbor names it.
    unknown = unknown_among(given, ARGUMENT_SPEC, "", "win_neighbor_flush takes")
    if unknown:
        raise AnsibleActionFail(unknown)
    validated = ArgumentSpecValidator(ARGUMENT_SPEC).validate(fold_families(given))
    if validated.error_messages:
        raise AnsibleActionFail(validated.error_messages[0])
    args = validated.validated_parameters
    if not args["interface"]:
        raise NeighborArgumentError("interface", None, "is empty: name the interfaces to flush (aliases or "
                                    "indexes); a flush never defaults to every interface")
    if not args["family"]:
        raise NeighborArgumentError("family", None, "is empty: name ipv4, ipv6 or both (the default)")
    args["interface"] = [normalise_interface("interface", name) for name in args["interface"]]
    return args


def flush_diff(result: dict[str, t.Any]) -> list[dict[str, str]] | None:
    """One diff per entry removed (or that would be), as win_neighbor's bulk diff shows a removal."""
    if "removed" not in result:
        return None
    return bulk_diff({"entries": [{"address": e["address"], "interface_alias": e["interface_alias"],
                                   "status": "removed", "before": e, "after": None} for e in result["removed"]]})


class ActionModule(ActionBase):
    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp: t.Any = None, task_vars: dict[str, t.Any] | None = None) -> dict[str, t.Any]:
        result = super().run(tmp, task_vars)
        del tmp
        try:
            args = flush_arguments(self._task.args)
        except NeighborArgumentError as e:
            raise AnsibleActionFail(str(e)) from None
        result.update(self._execute_module(module_args=args, task_vars=task_vars))
        if self._task.diff:
            diff = flush_diff(result)
            if diff is not None:
                result["diff"] = diff
        return result
