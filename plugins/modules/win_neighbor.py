# -*- coding: utf-8 -*-

# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: win_neighbor
short_description: Pin or remove a static neighbor (ARP or NDP) entry on a Windows host
version_added: 0.1.0
description:
  - Makes one entry of the Windows neighbor table (ARP for IPv4, NDP for IPv6) static
    (C(Permanent)) with the given MAC address, or removes a static entry.
  - Works through the IP Helper API (C(iphlpapi.dll)) directly; no C(netsh), C(arp.exe)
    or CIM. After a change the entry is read back and the result reports what Windows holds.
  - A dynamic entry (C(Reachable), C(Stale), and so on) for the address is made static.
    O(state=absent) removes only a static entry; dynamic entries belong to ARP/ND and are left alone.
  - Arguments are validated on the controller before any connection is made.
options:
  address:
    description:
      - The IPv4 (V(a.b.c.d)) or IPv6 address of the neighbor.
      - Loopback, unspecified, the IPv4 broadcast address and IPv4-mapped IPv6 addresses are refused,
        as are zone ids (name the interface in O(interface) instead) and IPv4 parts with leading zeros.
    type: str
    required: true
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
    type: str
    required: true
  state:
    description:
      - V(present) makes the entry static with O(mac); V(absent) removes a static entry.
    type: str
    choices: [absent, present]
    default: present
notes:
  - Entries made through the IP Helper API live in the active store and do not survive a reboot;
    run the task at boot (or on a schedule) where that matters.
  - Changing the neighbor table needs administrator rights.
  - Supports check mode and diff mode. In check mode no change is made and RV(after) is the
    entry as it would be.
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
"""

RETURN = r"""
before:
  description:
    - The entry as Windows held it before the task, or V(null) when there was none.
  returned: always
  type: dict
  sample:
    address: 192.168.1.1
    mac: 00-15-5D-0A-0B-0C
    interface_alias: Ethernet
    interface_index: 4
    state: Stale
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
after:
  description:
    - The entry as Windows holds it after the task, read back after any change, or V(null) when
      there is none. In check mode, the entry as it would be.
    - Missing when the task failed after a change was started and before it could be read back.
  returned: success
  type: dict
  sample:
    address: 192.168.1.1
    mac: 00-15-5D-01-02-03
    interface_alias: Ethernet
    interface_index: 4
    state: Permanent
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
"""
