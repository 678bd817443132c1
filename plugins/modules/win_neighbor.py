# -*- coding: utf-8 -*-

# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: win_neighbor
short_description: Pin or remove static neighbor (ARP and NDP) entries on a Windows host
version_added: 0.1.0
description:
  - Makes entries of the Windows neighbor table (ARP for IPv4, NDP for IPv6) static
    (C(Permanent)) with the given MAC address, or removes static entries; one entry per task, or
    many with O(neighbors), optionally removing the static entries the task does not list (O(purge)).
  - Works through the IP Helper API (C(iphlpapi.dll)) directly; no C(netsh), C(arp.exe)
    or CIM. After a change the entry is read back and the result reports what Windows holds.
  - A dynamic entry (C(Reachable), C(Stale), and so on) for the address is made static.
    O(state=absent) removes only a static entry; dynamic entries belong to ARP/ND and are left alone.
  - Arguments are validated on the controller before any connection is made.
options:
  address:
    description:
      - The IPv4 (V(a.b.c.d)) or IPv6 address of the neighbor, for a single entry.
      - Loopback, unspecified, the IPv4 broadcast address and IPv4-mapped IPv6 addresses are refused,
        as are zone ids (name the interface in O(interface) instead) and IPv4 parts with leading zeros.
      - One of O(address) and O(neighbors) is required; they are mutually exclusive.
    type: str
  mac:
    description:
      - The physical (MAC) address, 1 to 32 bytes, in any common spelling
        V(00-15-5D-01-02-03), V(00:15:5d:01:02:03), V(0015.5d01.0203) or V(00155D010203).
      - Reported back in the Windows spelling, upper case with dashes.
      - Required when O(state=present); not used when O(state=absent).
    type: str
  interface:
    description:
      - The interface the entry belongs to, by alias (V(Ethernet 2), the C(InterfaceAlias) of
        C(Get-NetAdapter)) or by index (V(12), the C(ifIndex)).
      - A value of digits only is read as an index.
      - Required for a single entry. With O(neighbors), the interface of every entry that names none,
        and with O(purge) an interface in its scope.
    type: str
  state:
    description:
      - V(present) makes the entry static with O(mac); V(absent) removes a static entry.
      - For a single entry; each element of O(neighbors) has its own.
    type: str
    choices: [absent, present]
    default: present
  neighbors:
    description:
      - Many entries in one task, on one or more interfaces. The host's table is read once per address
        family and compared in memory; only the entries that differ cost a change and a read-back.
      - Every entry is validated, on the controller and on the host, before the first change; one bad
        entry fails the task with nothing changed. An address listed twice for one interface is refused.
    type: list
    elements: dict
    suboptions:
      address:
        description: The IPv4 or IPv6 address of the neighbor, as O(address).
        type: str
        required: true
      mac:
        description: The physical address, as O(mac); required when O(neighbors[].state=present).
        type: str
      interface:
        description: The interface, as O(interface); defaults to O(interface).
        type: str
      state:
        description: V(present) pins the entry; V(absent) removes a static entry.
        type: str
        choices: [absent, present]
        default: present
  purge:
    description:
      - With O(neighbors), also remove the static entries that the task does not list, on the
        interfaces it names (the entries' interfaces and O(interface)).
      - Only C(Permanent) unicast entries are removed; dynamic entries, multicast addresses and
        broadcast entries (which Windows keeps static itself) are never touched.
    type: bool
    default: false
  purge_family:
    description:
      - The address families O(purge) acts on.
    type: str
    choices: [both, ipv4, ipv6]
    default: both
notes:
  - Entries made through the IP Helper API live in the active store and do not survive a reboot;
    run the task at boot (or on a schedule) where that matters.
  - Changing the neighbor table needs administrator rights.
  - When the task pins a MAC other than the one the network answers with (a learned entry in
    state V(Reachable), V(Stale), V(Delay) or V(Probe)), it still pins it and returns a warning
    naming both MACs, in check mode too; a mistyped gateway MAC cuts the host off.
  - An IPv6 neighbor's router flag is kept when its entry is pinned.
  - Supports check mode and diff mode. In check mode no change is made and RV(after) (or each
    RV(entries[].after)) is the entry as it would be.
seealso:
  - name: SetIpNetEntry2 function
    description: The IP Helper function behind a change of MAC.
    link: https://learn.microsoft.com/windows/win32/api/netioapi/nf-netioapi-setipnetentry2
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""

EXAMPLES = r"""
- name: Pin the default gateway's MAC against ARP spoofing
  ipneighbor.windows.win_neighbor:
    address: 192.168.1.1
    mac: 00-15-5D-01-02-03
    interface: Ethernet

- name: Pin an IPv6 router on the interface with index 12
  ipneighbor.windows.win_neighbor:
    address: fe80::1
    mac: "00:15:5d:01:02:04"
    interface: 12

- name: Remove a static entry
  ipneighbor.windows.win_neighbor:
    address: 192.168.1.50
    interface: Ethernet
    state: absent

- name: Pin the boot servers and remove every other static entry on Ethernet
  ipneighbor.windows.win_neighbor:
    interface: Ethernet
    neighbors:
      - address: 192.168.1.10
        mac: 00-15-5D-01-02-0A
      - address: 192.168.1.11
        mac: 00-15-5D-01-02-0B
      - address: fe80::10
        mac: 00-15-5D-01-02-0A
    purge: true
"""

RETURN = r"""
before:
  description:
    - The entry as Windows held it before the task, or V(null) when there was none.
  returned: for a single entry
  type: dict
  sample:
    address: 192.168.1.1
    mac: 00-15-5D-0A-0B-0C
    interface_alias: Ethernet
    interface_index: 4
    state: Stale
    is_router: false
  contains:
    address:
      description: The neighbor's IP address, in canonical form.
      type: str
    mac:
      description: The physical address, upper case with dashes; V(null) for an unresolved entry.
      type: str
    interface_alias:
      description: The interface alias as Windows reports it.
      type: str
    interface_index:
      description: The interface index.
      type: int
    state:
      description:
        - The neighbor state as Windows names it; V(Permanent) is a static entry.
      type: str
      choices: [Unreachable, Incomplete, Probe, Delay, Stale, Reachable, Permanent]
    is_router:
      description:
        - Whether the neighbor is a router (IPv6 neighbor discovery). Pinning keeps it as it was.
      type: bool
after:
  description:
    - The entry as Windows holds it after the task, read back after any change, or V(null) when
      there is none. In check mode, the entry as it would be.
    - When the task failed after Windows accepted a change, the entry as read back then.
    - Missing when the task failed before any change, or when the entry could not be read back.
  returned: for a single entry
  type: dict
  sample:
    address: 192.168.1.1
    mac: 00-15-5D-01-02-03
    interface_alias: Ethernet
    interface_index: 4
    state: Permanent
    is_router: false
  contains:
    address:
      description: The neighbor's IP address, in canonical form.
      type: str
    mac:
      description: The physical address, upper case with dashes.
      type: str
    interface_alias:
      description: The interface alias as Windows reports it.
      type: str
    interface_index:
      description: The interface index.
      type: int
    state:
      description: The neighbor state as Windows names it.
      type: str
    is_router:
      description: Whether the neighbor is a router (IPv6 neighbor discovery).
      type: bool
entries:
  description:
    - With O(neighbors), one element per listed entry in order, then one per entry removed by O(purge).
    - When the task fails part way, the failed entry and those not attempted after it are listed too.
  returned: with neighbors
  type: list
  elements: dict
  contains:
    address:
      description: The neighbor's IP address, in canonical form.
      type: str
    interface_alias:
      description: The interface alias.
      type: str
    interface_index:
      description: The interface index.
      type: int
    status:
      description: What happened to the entry.
      type: str
      choices: [unchanged, added, updated, removed, failed, failed after a change, not attempted]
    purged:
      description: Whether O(purge) found the entry (it was not listed).
      type: bool
    before:
      description: The entry before the task, as RV(before), or V(null).
      type: dict
    after:
      description: The entry read back after the task (predicted in check mode), or V(null); missing when unknown.
      type: dict
added:
  description: The entries created, as read back (predicted in check mode).
  returned: with neighbors
  type: list
  elements: dict
updated:
  description: The entries whose MAC or state was changed, as read back (predicted in check mode).
  returned: with neighbors
  type: list
  elements: dict
removed:
  description: The static entries removed (listed with O(neighbors[].state=absent) or by O(purge)), as they were.
  returned: with neighbors
  type: list
  elements: dict
"""
