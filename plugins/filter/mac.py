# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The filter ipneighbor.windows.mac: a MAC in any spelling win_neighbor's mac
option takes, written as Windows writes it, so that inventory values compare
with what win_neighbor and win_neighbor_info return."""

from __future__ import annotations

import typing as t

from ansible.errors import AnsibleFilterError
from ansible_collections.ipneighbor.windows.plugins.plugin_utils.neighbor_args import (
    NeighborArgumentError,
    normalise_mac,
    refuse_unquoted_macs,
)

DOCUMENTATION = r"""
name: mac
short_description: A MAC address as Windows writes it
version_added: 0.2.0
description:
  - Writes a MAC address as Windows writes it, upper case with dashes (V(00-15-5D-01-02-03)), the spelling
    in which P(ipneighbor.windows.win_neighbor#module) and P(ipneighbor.windows.win_neighbor_info#module)
    return MACs; compare inventory values with their results through it.
  - Takes every spelling that O(ipneighbor.windows.win_neighbor#module:mac) takes, by the same rules and
    code (1 to 32 bytes), so V(00-15-5D-01-02-03), V(00:15:5d:01:02:03), V(0015.5d01.0203) and
    V(00155D010203) are one MAC.
  - A value that is not a MAC fails the task with an error that names the value and what is wrong with it,
    as O(ipneighbor.windows.win_neighbor#module:mac) words it; so does the all-zero MAC, Windows' mark of an
    unresolved entry, which that option refuses too.
options:
  _input:
    description:
      - The MAC address, as text. Quote it in YAML; unquoted, V(12:34:56:12:34:56) is a number to YAML 1.1,
        and is refused.
    type: str
    required: true
seealso:
  - module: ipneighbor.windows.win_neighbor_info
  - module: ipneighbor.windows.win_neighbor
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""

EXAMPLES = r"""
- name: Windows' spelling of an inventory MAC
  ansible.builtin.debug:
    msg: "{{ '00:00:5e:00:53:01' | ipneighbor.windows.mac }}"  # 00-00-5E-00-53-01

- name: List the pins
  ipneighbor.windows.win_neighbor_info:
    state: [Permanent]
    kind: [unicast]
  register: pinned

- name: The pins whose MAC is not the one the inventory holds for their address
  ansible.builtin.debug:
    msg: "{{ item.address }} is pinned to {{ item.mac }}, the inventory says {{ inventory_macs[item.address] }}"
  loop: "{{ pinned.neighbors | selectattr('address', 'in', inventory_macs) }}"
  when: item.mac != inventory_macs[item.address] | ipneighbor.windows.mac
  vars:
    inventory_macs:
      192.0.2.1: "00:00:5e:00:53:01"
      192.0.2.2: "0000.5e00.5302"
"""

RETURN = r"""
_value:
  description: The MAC, upper case, its bytes separated by dashes.
  type: str
  sample: 00-00-5E-00-53-01
"""


def mac(value: t.Any) -> str:
    """value as Windows writes a MAC; AnsibleFilterError naming the value if it is none."""
    # The templar's lazy containers, named in a refusal as the list or dict they are.
    if isinstance(value, t.Mapping):
        value = dict(value)
    elif isinstance(value, t.Sequence) and not isinstance(value, str):
        value = list(value)
    try:
        refuse_unquoted_macs({"mac": value})
        return normalise_mac("mac", value)
    except NeighborArgumentError as e:
        raise AnsibleFilterError(str(e)) from None


class FilterModule:
    """ipneighbor.windows's filters."""

    def filters(self) -> dict[str, t.Callable[[t.Any], str]]:
        return {"mac": mac}
