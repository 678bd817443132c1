
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: win_neighbor_info
short_description: List the neighbor (ARP and NDP) table of a Windows host
version_added: 0.1.0
description:
  - Lists the entries of the Windows neighbor table, optionally filtered by store, address, interface,
    address family, state and kind (unicast, multicast, broadcast); each entry says which stores hold it.
  - Every value an entry returns for RV(neighbors[].family), RV(neighbors[].state) and RV(neighbors[].kind)
    is accepted back as the value of the option of that name, and the options take their values in any
    letter case, so O(family=IPv4) and O(state=[permanent]) work as well as O(family=ipv4).
  - The active store (what the host uses now) is read through the IP Helper API (C(GetIpNetTable2)),
    the persistent store (what it loads at every boot) through the CIM class C(MSFT_NetNeighbor) with
    C(PolicyStore=PersistentStore).
  - Reads only; runs the same in check mode.
options:
  address:
    description:
      - Only the entries for this IPv4 or IPv6 address; V(255.255.255.255) too, whose entry Windows keeps itself.
      - An IPv6 address's zone id (V(fe80::1%12), V(fe80::1%Ethernet)) filters by interface as O(interface) does,
        as P(ipneighbor.windows.win_neighbor#module) reads it; beside O(interface) it must name the same interface.
    type: str
  interface:
    description:
      - Only the entries of this interface, by alias (V(Ethernet 2)) or index (V(12)).
    type: str
  family:
    description:
      - Only IPv4 (ARP) or IPv6 (NDP) entries.
      - In any letter case; the V(IPv4) or V(IPv6) an entry returns in RV(neighbors[].family) is accepted back.
    type: str
    choices: [ipv4, ipv6]
  kind:
    description:
      - Only entries of these kinds. V(unicast) is a neighbor's entry (a pin, a learned or an unresolved entry);
        V(multicast) and V(broadcast) are the entries Windows keeps static itself for multicast addresses
        (C(224.0.0.0/4), C(ff00::/8)) and for broadcast (C(255.255.255.255), and an address with the MAC
        C(FF-FF-FF-FF-FF-FF), such as a subnet's broadcast address).
      - O(state=[Permanent]) with O(kind=[unicast]) lists the pins only, the entries that
        P(ipneighbor.windows.win_neighbor#module)'s O(ipneighbor.windows.win_neighbor#module:purge) acts on.
      - In any letter case; the value an entry returns in RV(neighbors[].kind) is accepted back.
      - Default is every kind.
    type: list
    elements: str
    choices: [unicast, multicast, broadcast]
    version_added: 0.2.0
  store:
    description:
      - V(all) lists every entry of either store, including persistent entries not active now.
      - V(active) lists the active store's entries, V(persistent) the persistent store's.
    type: str
    choices: [active, all, persistent]
    default: all
  state:
    description:
      - Only entries in these states in the active store, as Windows names them; V(Permanent) lists the
        static entries. An entry only the persistent store holds has no state and is left out.
      - In any letter case; the value an entry returns in RV(neighbors[].state) is accepted back.
    type: list
    elements: str
    choices: [Delay, Incomplete, Permanent, Probe, Reachable, Stale, Unreachable]
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.actiongroups
attributes:
  action_group:
    support: full
    membership:
      - ipneighbor.windows.neighbor
  check_mode:
    support: full
    details: Reads only; the same in check mode.
  diff_mode:
    support: none
  platform:
    support: full
    platforms: windows
notes:
  - A family whose IP stack is not installed lists no active entries.
  - To audit pins that would cut a host off after a reboot, compare RV(neighbors[].persistent_mac) with
    the MAC the network answers with (RV(neighbors[].mac) of an entry whose state is not V(Permanent)).
  - MACs are returned as Windows writes them (V(00-15-5D-01-02-03)); to compare them with values written
    otherwise (V(00:15:5d:01:02:03), as in many inventories), pass those through the filter
    P(ipneighbor.windows.mac#filter) first.
seealso:
  - module: ipneighbor.windows.win_neighbor
  - plugin: ipneighbor.windows.mac
    plugin_type: filter
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""

EXAMPLES = r"""
- name: List the pins of Ethernet, without the multicast and broadcast entries Windows keeps itself
  ipneighbor.windows.win_neighbor_info:
    interface: Ethernet
    state: [Permanent]
    kind: [unicast]
  register: pinned

- name: Check that the gateway is pinned to the MAC the inventory holds, however the inventory spells it
  ansible.builtin.assert:
    that: >-
      pinned.neighbors | selectattr('address', 'eq', '192.0.2.1') | map(attribute='mac')
      | list == [gateway_mac | ipneighbor.windows.mac]
  vars:
    gateway_mac: "00:00:5e:00:53:01"

- name: List what the host will pin at its next boot
  ipneighbor.windows.win_neighbor_info:
    store: persistent
  register: persistent

- name: Look up one IPv6 neighbor
  ipneighbor.windows.win_neighbor_info:
    address: 2001:db8::1
    family: ipv6
"""

RETURN = r"""
neighbors:
  description: The matching entries, in the order Windows lists them.
  returned: success
  type: list
  elements: dict
  sample:
    - address: 192.0.2.1
      family: IPv4
      kind: unicast
      mac: 00-00-5E-00-53-01
      interface_alias: Ethernet
      interface_index: 4
      state: Permanent
      is_router: false
      stores: [active, persistent]
      persistent_mac: 00-00-5E-00-53-01
    - address: 224.0.0.22
      family: IPv4
      kind: multicast
      mac: 01-00-5E-00-00-16
      interface_alias: Ethernet
      interface_index: 4
      state: Permanent
      is_router: false
      stores: [active]
      persistent_mac: null
  contains:
    address:
      description: The neighbor's IP address, in canonical form, without a zone id (as Windows reports it).
      type: str
    family:
      description: V(IPv4) or V(IPv6), as Windows writes them; accepted back by O(family).
      type: str
    kind:
      description:
        - V(unicast), V(multicast) or V(broadcast); accepted back by O(kind).
        - V(multicast) for a multicast address (C(224.0.0.0/4), C(ff00::/8)); V(broadcast) for
          C(255.255.255.255) and for any other address whose MAC is C(FF-FF-FF-FF-FF-FF) (a subnet's
          broadcast address); Windows keeps these entries static itself. V(unicast) for everything else.
        - An unresolved entry (state V(Incomplete) or V(Unreachable), RV(neighbors[].mac) V(null); Windows
          may also report its MAC as all zeros, V(00-00-00-00-00-00)) is V(unicast), a neighbor whose MAC
          ARP or ND has not learned (yet), not an entry of Windows' own; tell it apart by its state.
        - Decided by the MAC the entry is listed with (the active store's, else the persistent store's),
          by the same rule by which P(ipneighbor.windows.win_neighbor#module)'s
          O(ipneighbor.windows.win_neighbor#module:purge) keeps multicast and broadcast entries.
      type: str
      version_added: 0.2.0
    mac:
      description:
        - The physical address in the active store, upper case with dashes; V(null) for an unresolved
          entry. The persistent store's when only that store holds the entry.
        - Pass MACs written otherwise through P(ipneighbor.windows.mac#filter) to compare them with it.
      type: str
    interface_alias:
      description: The interface alias; V(null) if the interface went away while the table was read.
      type: str
    interface_index:
      description: The interface index.
      type: int
    state:
      description:
        - The neighbor state in the active store as Windows names it (V(Permanent), V(Reachable), ...); V(null)
          when the entry is not active now. Accepted back by O(state).
      type: str
    is_router:
      description: Whether the neighbor is a router (from NDP router advertisements).
      type: bool
    stores:
      description: The stores that hold an entry for the address, V(active) and/or V(persistent).
      type: list
      elements: str
    persistent_mac:
      description: The physical address the persistent store holds, or V(null) when it holds no entry.
      type: str
win32_function:
  description:
    - When the task failed because an IP Helper call failed, that function (for example
      C(SetIpNetEntry2), C(ConvertInterfaceAliasToLuid)), so that a playbook can branch on it
      without reading the message.
  returned: when a Win32 call failed
  type: str
  sample: CreateIpNetEntry2
win32_code:
  description:
    - The Win32 error code that C(win32_function) returned, for example V(5) (access denied),
      V(1168) (not found); see the guide's troubleshooting table.
  returned: when a Win32 call failed
  type: int
  sample: 5
cim_operation:
  description:
    - When the task failed because a CIM call on the persistent store failed, the operation on
      C(MSFT_NetNeighbor) (C(EnumerateInstances), C(Create), C(ModifyInstance), C(DeleteInstance)).
  returned: when a CIM call failed
  type: str
  sample: Create
cim_code:
  description:
    - The MI result of C(cim_operation), for example V(2) (access denied).
  returned: when a CIM call failed
  type: int
  sample: 2
"""
