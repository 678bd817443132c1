# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ctypes access to the IP Helper test double: build the host, inject faults,
read the call counters. The same library the C# helper calls into, loaded once
per process, so both see one neighbor table."""
from __future__ import annotations

import ctypes
import ipaddress
from dataclasses import dataclass
from pathlib import Path

AF_INET, AF_INET6 = 2, 23
STATES = ["Unreachable", "Incomplete", "Probe", "Delay", "Stale", "Reachable", "Permanent"]
MUTATING = ("CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2")
# The persistent store's operations, as NeighborCim.cs makes them (the double's names).
CIM = tuple(f"MSFT_NetNeighbor.{op}" for op in ("EnumerateInstances", "Create", "ModifyInstance", "DeleteInstance"))
LOOKUPS = ("ConvertInterfaceAliasToLuid", "ConvertInterfaceIndexToLuid", "ConvertInterfaceLuidToIndex",
           "ConvertInterfaceLuidToAlias", "GetIfEntry2")


class Row(ctypes.Structure):
    """MIB_IPNET_ROW2 with the address union as raw bytes, as the C# declares it."""
    _fields_ = [
        ("Address", ctypes.c_uint8 * 28),
        ("InterfaceIndex", ctypes.c_uint32),
        ("InterfaceLuid", ctypes.c_uint64),
        ("PhysicalAddress", ctypes.c_uint8 * 32),
        ("PhysicalAddressLength", ctypes.c_uint32),
        ("State", ctypes.c_int32),
        ("Flags", ctypes.c_uint8),
        ("ReachabilityTime", ctypes.c_uint32),
    ]


@dataclass(frozen=True)
class Neighbor:
    address: str
    interface_index: int
    mac: str
    state: str
    is_router: bool = False


def make_row(address: str, interface_index: int, mac: str = "", state: str = "Reachable",
             is_router: bool = False) -> Row:
    ip = ipaddress.ip_address(address)
    row = Row()
    family = AF_INET if ip.version == 4 else AF_INET6
    row.Address[0], row.Address[1] = family & 0xFF, family >> 8
    offset = 4 if ip.version == 4 else 8
    for i, b in enumerate(ip.packed):
        row.Address[offset + i] = b
    row.InterfaceIndex = interface_index
    mac_bytes = bytes.fromhex(mac.replace("-", "")) if mac else b""
    for i, b in enumerate(mac_bytes):
        row.PhysicalAddress[i] = b
    row.PhysicalAddressLength = len(mac_bytes)
    row.State = STATES.index(state)
    row.Flags = 1 if is_router else 0
    return row


def read_row(row: Row) -> Neighbor:
    family = row.Address[0] | (row.Address[1] << 8)
    raw = bytes(row.Address)
    packed = raw[4:8] if family == AF_INET else raw[8:24]
    mac = bytes(row.PhysicalAddress[: row.PhysicalAddressLength])
    return Neighbor(
        address=str(ipaddress.ip_address(packed)),
        interface_index=row.InterfaceIndex,
        mac="-".join(f"{b:02X}" for b in mac),
        state=STATES[row.State],
        is_router=bool(row.Flags & 1),
    )


class Double:
    def __init__(self, library: Path) -> None:
        self.lib = ctypes.CDLL(str(library))
        lib = self.lib
        lib.dbl_add_interface.argtypes = [ctypes.c_uint32, ctypes.c_uint64, ctypes.c_char_p,
                                          ctypes.c_int, ctypes.c_int]
        lib.dbl_add_neighbor.argtypes = [ctypes.POINTER(Row)]
        lib.dbl_add_neighbor.restype = ctypes.c_uint32
        lib.dbl_neighbor_count.restype = ctypes.c_uint32
        lib.dbl_get_neighbor.argtypes = [ctypes.c_uint32, ctypes.POINTER(Row)]
        lib.dbl_remove_neighbor.argtypes = [ctypes.c_uint32]
        lib.dbl_set_fault.argtypes = [ctypes.c_char_p, ctypes.c_uint32]
        lib.dbl_calls.argtypes = [ctypes.c_char_p]
        lib.dbl_calls.restype = ctypes.c_uint64
        lib.dbl_mutations.restype = ctypes.c_uint64
        lib.dbl_set_option.argtypes = [ctypes.c_char_p, ctypes.c_int]
        lib.dbl_set_link_length.argtypes = [ctypes.c_uint32, ctypes.c_uint32]
        lib.dbl_add_persistent.argtypes = [ctypes.POINTER(Row)]
        lib.dbl_add_persistent.restype = ctypes.c_uint32
        lib.dbl_persistent_count.restype = ctypes.c_uint32
        lib.dbl_get_persistent.argtypes = [ctypes.c_uint32, ctypes.POINTER(Row)]
        lib.dbl_add_answer.argtypes = [ctypes.POINTER(Row)]

    def reset(self) -> None:
        self.lib.dbl_reset()

    def add_interface(self, index: int, luid: int, alias: str, ipv4: bool = True,
                      ipv6: bool = True) -> None:
        if self.lib.dbl_add_interface(index, luid, alias.encode(), int(ipv4), int(ipv6)) != 0:
            raise ValueError(f"double refused interface {index} {alias!r}")

    def link_length(self, index: int, length: int) -> None:
        """The interface's link-layer address length (GetIfEntry2's PhysicalAddressLength)."""
        if self.lib.dbl_set_link_length(index, length) != 0:
            raise ValueError(f"double refused link length {length} for interface {index}")

    def add_neighbor(self, address: str, interface_index: int, mac: str = "",
                     state: str = "Reachable", is_router: bool = False) -> None:
        row = make_row(address, interface_index, mac, state, is_router)
        code = self.lib.dbl_add_neighbor(ctypes.byref(row))
        if code != 0:
            raise ValueError(f"double refused neighbor {address}: {code}")

    def neighbors(self) -> list[Neighbor]:
        found = []
        for i in range(self.lib.dbl_neighbor_count()):
            row = Row()
            self.lib.dbl_get_neighbor(i, ctypes.byref(row))
            found.append(read_row(row))
        return sorted(found, key=lambda n: (n.interface_index, n.address))

    def add_persistent(self, address: str, interface_index: int, mac: str) -> None:
        """An entry of the persistent store (MSFT_NetNeighbor, PolicyStore PersistentStore)."""
        code = self.lib.dbl_add_persistent(ctypes.byref(make_row(address, interface_index, mac, "Permanent")))
        if code != 0:
            raise ValueError(f"double refused persistent entry {address}: {code}")

    def answer(self, address: str, interface_index: int, mac: str, is_router: bool = False) -> None:
        """A neighbor on the wire that answers ARP/NS (ResolveIpNetEntry2) for address on the interface with mac."""
        if self.lib.dbl_add_answer(ctypes.byref(make_row(address, interface_index, mac, "Reachable", is_router))) != 0:
            raise ValueError(f"double refused the answer for {address} on {interface_index}")

    def persistent(self) -> list[Neighbor]:
        found = []
        for i in range(self.lib.dbl_persistent_count()):
            row = Row()
            self.lib.dbl_get_persistent(i, ctypes.byref(row))
            found.append(read_row(row))
        return sorted(found, key=lambda n: (n.interface_index, n.address))

    def reboot(self) -> None:
        """A restart: the active store becomes what the persistent store loads (static
        entries); what was learned or pinned in the active store only is gone."""
        while self.lib.dbl_neighbor_count():
            self.lib.dbl_remove_neighbor(0)
        for n in self.persistent():
            self.add_neighbor(n.address, n.interface_index, n.mac, "Permanent")

    def fault(self, function: str, code: int) -> None:
        if self.lib.dbl_set_fault(function.encode(), code) != 0:
            raise ValueError(f"the double has no function {function}")

    def option(self, name: str, value: int) -> None:
        if self.lib.dbl_set_option(name.encode(), int(value)) != 0:
            raise ValueError(f"the double has no option {name}")

    def calls(self, function: str) -> int:
        count = self.lib.dbl_calls(function.encode())
        if count == 2**64 - 1:
            raise ValueError(f"the double has no function {function}")
        return count

    def reset_counters(self) -> None:
        self.lib.dbl_reset_counters()

    def mutations(self) -> int:
        return self.lib.dbl_mutations()

    def tables_outstanding(self) -> int:
        return self.lib.dbl_tables_outstanding()
