# -*- coding: utf-8 -*-

# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: win_neighbor_info
short_description: List the neighbor (ARP and NDP) table of a Windows host
version_added: 0.1.0
description:
  - Lists the entries of the Windows neighbor table through the IP Helper API (C(GetIpNetTable2)),
    optionally filtered by address, interface, address family and state.
  - Reads only; runs the same in check mode.
options:
  address:
    description:
      - Only the entries for this IPv4 or IPv6 address.
    type: str
  interface:
    description:
      - Only the entries of this interface, by alias (V(Ethernet 2)) or index (V(12)).
    type: str
  family:
    description:
      - Only IPv4 (ARP) or IPv6 (NDP) entries.
    type: str
    choices: [ipv4, ipv6]
  state:
    description:
      - Only entries in these states, as Windows names them; V(Permanent) lists the static entries.
    type: list
    elements: str
    choices: [Delay, Incomplete, Permanent, Probe, Reachable, Stale, Unreachable]
notes:
  - A family whose IP stack is not installed lists nothing.
seealso:
  - module: ipneighbor.windows.win_neighbor
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""

EXAMPLES = r"""
- name: List the static entries of Ethernet
  ipneighbor.windows.win_neighbor_info:
    interface: Ethernet
    state: [Permanent]
  register: pinned

- name: Look up one IPv6 neighbor
  ipneighbor.windows.win_neighbor_info:
    address: fe80::1
    family: ipv6
"""

RETURN = r"""
neighbors:
  description: The matching entries, in the order Windows lists them.
  returned: success
  type: list
  elements: dict
  sample:
    - address: 192.168.1.1
      family: IPv4
      mac: 00-15-5D-01-02-03
      interface_alias: Ethernet
      interface_index: 4
      state: Permanent
      is_router: false
  contains:
    address:
      description: The neighbor's IP address, in canonical form.
      type: str
    family:
      description: V(IPv4) or V(IPv6).
      type: str
    mac:
      description: The physical address, upper case with dashes; V(null) for an unresolved entry.
      type: str
    interface_alias:
      description: The interface alias; V(null) if the interface went away while the table was read.
      type: str
    interface_index:
      description: The interface index.
      type: int
    state:
      description: The neighbor state as Windows names it.
      type: str
    is_router:
      description: Whether the neighbor is a router (from NDP router advertisements).
      type: bool
"""
