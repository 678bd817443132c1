# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: win_neighbor_flush
short_description: Remove the learned neighbor (ARP and NDP) entries of Windows interfaces, never a pin
version_added: 0.3.0
description:
  - Removes the learned (dynamic) entries of the neighbor table on the interfaces named, as
    C(netsh interface ip delete arpcache) and C(arp -d *) do after a failover or a replaced router,
    so that ARP and ND learn the neighbors' MACs afresh; but it never removes a C(Permanent) entry.
  - An entry is removed when its state is not C(Permanent) (C(Reachable), C(Stale), C(Delay), C(Probe),
    C(Incomplete), C(Unreachable)). C(Permanent) entries stay, both the pins
    (P(ipneighbor.windows.win_neighbor#module)) and the multicast and broadcast entries Windows keeps
    static itself. The persistent store is never read or changed, since it holds only static entries.
  - Each family's table is read once (C(GetIpNetTable2)); each learned entry of the interfaces in scope
    is then read again (C(GetIpNetEntry2)) and, if it is still not C(Permanent), removed with
    C(DeleteIpNetEntry2). C(FlushIpNetTable2) is not used, since its documentation does not say whether it
    removes C(Permanent) entries too.
  - An entry that became C(Permanent) since the table was read (another tool pinned it) is left alone,
    with a warning; one that is gone already (aged out) is not reported as removed.
  - In check mode RV(removed) lists the entries that would be removed, and nothing is changed.
    A run that finds nothing learned reports no change.
  - Arguments are validated on the controller before any connection is made, and again on the host.
options:
  interface:
    description:
      - The interfaces whose learned entries go, each by alias (V(Ethernet 2)) or index (V(12)); digits only
        means an index. The same interface named twice (by alias and by index) is flushed once.
      - Required, and never empty, so that a task cannot flush every interface of a host by accident.
      - An interface the host does not have fails the task, naming it, before anything is removed.
    type: list
    elements: str
    required: true
  family:
    description:
      - The address families flushed, V(ipv4) (the ARP cache) and V(ipv6) (the ND cache).
      - In any letter case (V(IPv4), as RV(ipneighbor.windows.win_neighbor_info#module:neighbors[].family)
        returns it, is taken).
      - An interface without the family (the protocol unbound), or a host whose stack for it is not
        installed, has nothing of that family to remove; that is not an error.
    type: list
    elements: str
    choices: [ipv4, ipv6]
    default: [ipv4, ipv6]
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.actiongroups
  - ansible.builtin.action_common_attributes.flow
attributes:
  action:
    support: full
    details: The action plugin checks the arguments on the controller and renders the diff.
  action_group:
    support: none
    details:
      - Not in the group C(ipneighbor.windows.neighbor), on purpose; set defaults under the module's own name.
        The group's defaults (O(ipneighbor.windows.win_neighbor#module:interface),
        O(ipneighbor.windows.win_neighbor#module:store)) are about pins, and a flush should never take its
        interfaces from a default meant for pinning, nor fail on a O(ipneighbor.windows.win_neighbor#module:store)
        it does not take.
  async:
    support: none
  bypass_host_loop:
    support: none
  check_mode:
    support: full
    details: Lists in RV(removed) what would be removed; calls nothing that changes the table.
  diff_mode:
    support: full
    details: One diff per entry removed (or that would be), headed by its address and interface.
  platform:
    support: full
    platforms: windows
notes:
  - A small window remains between the second read of an entry and its removal, one IP Helper call long;
    an entry pinned by another tool inside it is removed (pin it again, or run M(ipneighbor.windows.win_neighbor)
    after the flush).
  - ARP and ND learn an entry again with the next packet to or from its address, often within the same
    second; RV(relearned) lists the removed entries Windows already holds again when the flush ends, with
    the MAC they were learned with. A second flush then removes them again; it is unchanged only when
    nothing learned is left.
  - Needs an administrator's full token, as every change of the neighbor table does (Win32 error 5 otherwise).
seealso:
  - module: ipneighbor.windows.win_neighbor
  - module: ipneighbor.windows.win_neighbor_info
  - name: DeleteIpNetEntry2 function (netioapi.h)
    description: The IP Helper call that removes one entry.
    link: https://learn.microsoft.com/windows/win32/api/netioapi/nf-netioapi-deleteipnetentry2
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""

EXAMPLES = r"""
- name: After a failover, forget what the hosts learned on the server interface; keep every pin
  ipneighbor.windows.win_neighbor_flush:
    interface: [Ethernet]
  register: flushed

- name: Show what went and what Windows has learned again since
  ansible.builtin.debug:
    msg: "removed {{ flushed.removed | map(attribute='address') | list }}, relearned {{ flushed.relearned }}"

- name: Flush only the ARP cache (IPv4) of two interfaces, one named by its index
  ipneighbor.windows.win_neighbor_flush:
    interface: [Ethernet 2, "12"]
    family: [ipv4]

- name: See first what would go
  ipneighbor.windows.win_neighbor_flush:
    interface: [Ethernet]
  check_mode: true
  register: would_go
"""

RETURN = r"""
removed:
  description:
    - The entries removed, as Windows held them just before (in check mode, those that would be removed,
      as the table read showed them), in the order Windows lists them.
    - When the task failed part way, the entries removed before the failure.
  returned: always
  type: list
  elements: dict
  sample:
    - address: 192.0.2.1
      mac: 00-00-5E-00-53-01
      interface_alias: Ethernet
      interface_index: 4
      state: Stale
      is_router: false
  contains:
    address:
      description: The neighbor's IP address.
      type: str
    mac:
      description: Its physical address, upper case with dashes; V(null) for an unresolved entry.
      type: str
    interface_alias:
      description: The interface alias.
      type: str
    interface_index:
      description: The interface index.
      type: int
    state:
      description:
        - Its state as Windows names it (V(Reachable), V(Stale), V(Delay), V(Probe), V(Incomplete), V(Unreachable)).
      type: str
    is_router:
      description: Whether the neighbor is a router (from NDP router advertisements).
      type: bool
relearned:
  description:
    - Of the entries removed, those Windows holds again when the flush ends (ARP or ND learned them again),
      as it holds them then, with the same fields as RV(removed). Always empty in check mode.
  returned: always
  type: list
  elements: dict
  sample: []
win32_function:
  description:
    - When the task failed because an IP Helper call failed, that function (for example C(DeleteIpNetEntry2)).
  returned: when a Win32 call failed
  type: str
  sample: DeleteIpNetEntry2
win32_code:
  description:
    - The Win32 error code that C(win32_function) returned, for example V(5) (access denied).
  returned: when a Win32 call failed
  type: int
  sample: 5
"""
