
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
  - Windows keeps neighbor entries in two stores, as C(netsh) and C(New-NetNeighbor) do, the active
    store (what the host uses now) and the persistent store (loaded into the active store at every boot).
    By default (O(store=persistent)) an entry is pinned in both, so it survives a reboot.
  - The active store is changed through the IP Helper API (C(iphlpapi.dll)), the persistent store through
    Windows' CIM class C(MSFT_NetNeighbor) with C(PolicyStore=PersistentStore); no C(netsh) or C(arp.exe).
    After a change both stores are read back and the result reports what Windows holds.
  - A dynamic entry (C(Reachable), C(Stale), and so on) for the address is made static.
    O(state=absent) removes the entry from the persistent store and a static entry from the active
    store; dynamic entries belong to ARP/ND and are left alone.
  - Arguments are validated on the controller before any connection is made.
options:
  address:
    description:
      - The IPv4 (V(a.b.c.d)) or IPv6 address of the neighbor, for a single entry.
      - Loopback, unspecified, the IPv4 broadcast address and IPv4-mapped IPv6 addresses are refused,
        as are IPv4 parts with leading zeros.
      - An IPv6 address may carry a zone id that names its interface, as C(ping) and C(ipconfig) print it,
        V(fe80::1%12) (an index) or V(fe80::1%Ethernet) (an alias), as O(interface) takes them. O(interface)
        may then be left out; a zone that names another interface than O(interface) is refused, naming both.
        A zone on an IPv4 address and an empty zone are refused.
      - Results and diffs name the address without its zone, as Windows reports it.
      - One of O(address) and O(neighbors) is required; they are mutually exclusive.
    type: str
  mac:
    description:
      - The physical (MAC) address, 1 to 32 bytes, in any common spelling
        V(00-15-5D-01-02-03), V(00:15:5d:01:02:03), V(0015.5d01.0203) or V(00155D010203).
      - Reported back in the Windows spelling, upper case with dashes.
      - Required when O(state=present); not used when O(state=absent) (V(learned) included).
      - V(learned) (in any letter case) pins the MAC the host already knows, so that a gateway's MAC need
        not be looked up by hand. An entry already pinned (C(Permanent)) in the stores the task asks for is
        kept as it is. With O(store=persistent), a pin in one of the stores only is completed in the other
        with its MAC (an active pin is written to the persistent store, a persistent pin not in force now is
        pinned in the active store), without asking the network.
        Otherwise the MAC of the learned entry (C(Reachable), C(Stale), C(Delay), C(Probe)) is pinned; where
        there is none (no entry, C(Incomplete), C(Unreachable), or a MAC of all zeros) the host resolves the
        address once (C(ResolveIpNetEntry2), which sends ARP or a neighbor solicitation) and pins the answer.
        RV(mac_source) and RV(pinned_mac) say which MAC and where it came from.
      - With V(learned), the task fails before any change, naming both MACs, when the active store pins
        another MAC than the persistent store, or the persistent store pins another MAC than the learned
        entry (whatever O(mac_mismatch) says, since the task has no MAC of its own to prefer); and when no neighbor
        answers the resolution, naming the address and the interface (C(win32_code) V(67)).
      - In check mode V(learned) only reads; it reports the MAC it would pin, or that it would resolve the
        address (RV(mac_source=would resolve)); nothing is sent on the network.
    type: str
  interface:
    description:
      - The interface the entry belongs to, by alias (V(Ethernet 2), the C(InterfaceAlias) of
        C(Get-NetAdapter)) or by index (V(12), the C(ifIndex)).
      - A value of digits only is read as an index.
      - Required for a single entry, unless the zone id of O(address) names it. With O(neighbors), the
        interface of every entry that names none, and with O(purge) an interface in its scope.
    type: str
  state:
    description:
      - V(present) makes the entry static with O(mac); V(absent) removes it from both stores
        (a dynamic entry in the active store stays).
      - For a single entry; each element of O(neighbors) has its own.
    type: str
    choices: [absent, present]
    default: present
  store:
    description:
      - Where O(state=present) pins the entry, in C(netsh)'s words.
      - V(persistent) pins it now and after every reboot, in the active and the persistent store.
      - V(active) pins it until the next reboot, in the active store only; an entry for the address in the
        persistent store is removed, since it would come back at the next boot.
      - The default of every element of O(neighbors) that sets none.
    type: str
    choices: [active, persistent]
    default: persistent
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
        description: The IPv4 or IPv6 address of the neighbor, as O(address); a zone id names the entry's interface.
        type: str
        required: true
      mac:
        description:
          - The physical address, as O(mac); required when O(neighbors[].state=present).
          - V(learned) as for O(mac); each entry that needs a resolution is resolved on its own, all of them
            before the first change.
        type: str
      interface:
        description: The interface, as O(interface); defaults to O(interface). A zone id in its address may name it.
        type: str
      state:
        description: V(present) pins the entry; V(absent) removes it from both stores, as O(state).
        type: str
        choices: [absent, present]
        default: present
      store:
        description: Where the entry is pinned, as O(store); defaults to O(store).
        type: str
        choices: [active, persistent]
  purge:
    description:
      - With O(neighbors), also remove the static entries that the task does not list, on the
        interfaces it names (the entries' interfaces and O(interface)), from both stores (the static
        entries of the active store and the entries of the persistent store).
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
  mac_mismatch:
    description:
      - What to do when the network answers for an address with another MAC than the task pins
        (the host has learned the address, C(Reachable), C(Stale), C(Delay) or C(Probe), with
        another MAC). A pin of a wrong MAC cuts the host off from that neighbor.
      - V(warn) pins it and warns, naming both MACs.
      - V(fail) fails the task before any change, naming every such entry, in check mode too.
    type: str
    choices: [fail, warn]
    default: warn
    version_added: 0.2.0
  report:
    description:
      - With O(neighbors), which entries RV(entries) lists.
      - V(changes) lists the entries added, updated or removed (or that would be, in check mode), and
        those a failure touched or left unattempted; RV(counts) counts every entry by status. A task
        over a large table that changes nothing returns an empty list, not the table.
      - V(all) lists every entry, unchanged ones included.
    type: str
    choices: [all, changes]
    default: changes
    version_added: 0.2.0
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.actiongroups
  - ansible.builtin.action_common_attributes.flow
attributes:
  action:
    support: full
    details: The action plugin checks every argument on the controller before the task reaches the host.
  action_group:
    support: full
    membership:
      - ipneighbor.windows.neighbor
  async:
    support: none
  bypass_host_loop:
    support: none
  check_mode:
    support: full
  diff_mode:
    support: full
  platform:
    support: full
    platforms: windows
notes:
  - A persistent pin of a MAC that later changes (a router replaced, a VRRP/HSRP failover to another
    MAC) cuts the host off from that neighbor after every reboot until the entry is fixed; audit pinned
    entries with M(ipneighbor.windows.win_neighbor_info).
  - The persistent store is read through C(MSFT_NetNeighbor) with the C(PolicyStore) option, which a
    provider may ignore; every row read must say it comes from the persistent store, or the task fails
    naming the store, before any change or after it with C(changed) telling whether one was made.
  - Changing the neighbor table needs administrator rights.
  - When the task pins a MAC other than the one the network answers with (a learned entry in
    state V(Reachable), V(Stale), V(Delay) or V(Probe)), it still pins it and returns a warning
    naming both MACs, in check mode too; a mistyped gateway MAC cuts the host off.
  - An IPv6 neighbor's router flag is kept when its entry is pinned.
  - Ansible.Basic writes each task's arguments to the Application event log. A task whose arguments
    Windows would refuse there (longer than 31 839 characters, about 250 O(neighbors) entries) is not
    logged, rather than warning that the entry could not be written.
  - Supports check mode and diff mode. In check mode no change is made and RV(after) (or each
    RV(entries[].after)) is the entry as it would be.
seealso:
  - module: ipneighbor.windows.win_neighbor_info
  - name: MSFT_NetNeighbor class
    description: The CIM class behind the persistent store.
    link: https://learn.microsoft.com/previous-versions/windows/desktop/legacy/hh872440(v=vs.85)
  - name: SetIpNetEntry2 function
    description: The IP Helper function behind a change of MAC.
    link: https://learn.microsoft.com/windows/win32/api/netioapi/nf-netioapi-setipnetentry2
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""

EXAMPLES = r"""
# Documentation addresses (RFC 5737, RFC 3849) and MACs (RFC 7042): put your own in,
# and try a task with --check --diff on one host first.
- name: Pin the default gateway's MAC against ARP spoofing
  ipneighbor.windows.win_neighbor:
    address: 192.0.2.1
    mac: 00-00-5E-00-53-01
    interface: Ethernet

- name: Pin the default gateway with the MAC the host has learned for it (no lookup by hand)
  ipneighbor.windows.win_neighbor:
    address: 192.0.2.1
    mac: learned
    interface: Ethernet
  register: gateway

- name: Show which MAC was pinned and where it came from (pinned, learned or resolved)
  ansible.builtin.debug:
    msg: "{{ gateway.pinned_mac }} ({{ gateway.mac_source }})"

- name: Pin an IPv6 router on the interface with index 12
  ipneighbor.windows.win_neighbor:
    address: 2001:db8::1
    mac: "00:00:5e:00:53:02"
    interface: 12

- name: Pin a link-local IPv6 router, its interface named by the zone id, as ping prints it
  ipneighbor.windows.win_neighbor:
    address: fe80::1%12
    mac: 00-00-5E-00-53-03

- name: Pin a neighbor until the next reboot only
  ipneighbor.windows.win_neighbor:
    address: 192.0.2.20
    mac: 00-00-5E-00-53-14
    interface: Ethernet
    store: active

- name: Remove an entry from both stores
  ipneighbor.windows.win_neighbor:
    address: 192.0.2.50
    interface: Ethernet
    state: absent

- name: Pin the boot servers and remove every other static entry on Ethernet
  ipneighbor.windows.win_neighbor:
    interface: Ethernet
    neighbors:
      - address: 192.0.2.10
        mac: 00-00-5E-00-53-0A
      - address: 192.0.2.11
        mac: 00-00-5E-00-53-0B
      - address: 2001:db8::10
        mac: 00-00-5E-00-53-0A
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
    stores: [active]
    persistent_mac: null
  contains:
    address:
      description: The neighbor's IP address, in canonical form, without a zone id (as Windows reports it).
      type: str
    mac:
      description:
        - The physical address in the active store, upper case with dashes; V(null) for an unresolved
          entry. The persistent store's when only that store holds the entry.
      type: str
    interface_alias:
      description: The interface alias as Windows reports it.
      type: str
    interface_index:
      description: The interface index.
      type: int
    state:
      description:
        - The neighbor state in the active store as Windows names it; V(Permanent) is a static entry.
          V(null) when only the persistent store holds the entry (it is not active now).
      type: str
      choices: [Unreachable, Incomplete, Probe, Delay, Stale, Reachable, Permanent]
    is_router:
      description:
        - Whether the neighbor is a router (IPv6 neighbor discovery). Pinning keeps it as it was.
      type: bool
    stores:
      description: The stores that hold an entry for the address, V(active) and/or V(persistent).
      type: list
      elements: str
    persistent_mac:
      description: The physical address the persistent store holds, or V(null) when it holds no entry.
      type: str
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
    stores: [active, persistent]
    persistent_mac: 00-15-5D-01-02-03
  contains:
    address:
      description: The neighbor's IP address, in canonical form, without a zone id (as Windows reports it).
      type: str
    mac:
      description: The physical address, as in RV(before.mac).
      type: str
    interface_alias:
      description: The interface alias as Windows reports it.
      type: str
    interface_index:
      description: The interface index.
      type: int
    state:
      description: The neighbor state in the active store, as in RV(before.state).
      type: str
    is_router:
      description: Whether the neighbor is a router (IPv6 neighbor discovery).
      type: bool
    stores:
      description: The stores that hold an entry for the address.
      type: list
      elements: str
    persistent_mac:
      description: The physical address the persistent store holds, or V(null).
      type: str
entries:
  description:
    - With O(neighbors), the listed entries in order, then those removed by O(purge); with
      O(report=changes) (the default) only those whose status is not V(unchanged), with O(report=all)
      every one.
    - When the task fails part way, the failed entry and those not attempted after it are listed too.
  returned: with neighbors
  type: list
  elements: dict
  contains:
    address:
      description: The neighbor's IP address, in canonical form, without a zone id (as Windows reports it).
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
    mac_source:
      description: With O(neighbors[].mac=learned), where the entry's MAC came from, as RV(mac_source).
      type: str
      returned: for an entry with O(neighbors[].mac=learned)
      version_added: 0.3.0
    pinned_mac:
      description: With O(neighbors[].mac=learned), the MAC pinned, as RV(pinned_mac).
      type: str
      returned: for an entry with O(neighbors[].mac=learned)
      version_added: 0.3.0
counts:
  description:
    - With O(neighbors), how many entries have each status of RV(entries[].status), whatever O(report)
      lists; every status is present, with V(0) when no entry has it.
  returned: with neighbors
  type: dict
  version_added: 0.2.0
  sample:
    unchanged: 1458
    added: 40
    updated: 1
    removed: 1
    failed: 0
    failed after a change: 0
    not attempted: 0
added:
  description: The entries created, as read back (predicted in check mode).
  returned: with neighbors
  type: list
  elements: dict
updated:
  description: The entries whose MAC, state or stores were changed, as read back (predicted in check mode).
  returned: with neighbors
  type: list
  elements: dict
removed:
  description: The entries removed (listed with O(neighbors[].state=absent) or by O(purge)), as they were.
  returned: with neighbors
  type: list
  elements: dict
mac_source:
  description:
    - With O(mac=learned), where the pinned MAC came from, in the words of the neighbor table.
    - V(pinned) the entry was already static in a store the task asks for, and its MAC is kept.
    - V(learned) the MAC of the learned (ARP/ND) entry.
    - V(resolved) the host resolved the address (C(ResolveIpNetEntry2), ARP or a neighbor solicitation)
      and the neighbor answered.
    - V(would resolve) check mode, where nothing is sent; the host would resolve the address.
    - With O(neighbors), each entry with O(neighbors[].mac=learned) has its own in RV(entries).
  returned: for a single entry with O(mac=learned)
  type: str
  choices: [pinned, learned, resolved, would resolve]
  sample: learned
  version_added: 0.3.0
pinned_mac:
  description:
    - With O(mac=learned), the MAC pinned (or kept, or that would be in check mode), upper case with
      dashes; V(null) when check mode would resolve the address.
    - With O(neighbors), each entry with O(neighbors[].mac=learned) has its own in RV(entries).
  returned: for a single entry with O(mac=learned)
  type: str
  sample: 00-15-5D-01-02-03
  version_added: 0.3.0
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
