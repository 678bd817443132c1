# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Controller-side validation and normalisation of win_neighbor's arguments.

The same rules as the C# helper's NeighborParse, so a bad value fails before any
connection is opened, with the option and the value named.
"""

from __future__ import annotations

import ipaddress
import re
import typing as t

MAX_MAC_BYTES = 32
MAX_ALIAS_LENGTH = 256
MAX_INTERFACE_INDEX = 2**32 - 1
# mac: learned (any letter case): the host takes the MAC from its own stores or the network.
LEARNED = "learned"

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_DIGITS = re.compile(r"[0-9]+\Z")
_IPV4_PART = re.compile(r"[0-9]{1,3}\Z")
_IPV6_CHARS = re.compile(r"[0-9A-Fa-f:.]+\Z")
# The common spellings, taken without the step-by-step checks that word a refusal:
# a dotted quad without leading zeros, and a 6-byte MAC with dashes or colons.
_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_PLAIN_IPV4 = re.compile(rf"{_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}\Z")
_SPECIAL_IPV4 = frozenset(("0.0.0.0", "255.255.255.255"))
_PLAIN_MAC = re.compile(r"[0-9A-Fa-f]{2}([-:])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}\Z")


class NeighborArgumentError(ValueError):
    """Names the option (with its list index) and the value; value None for a missing option."""

    def __init__(self, option: str, value: object, problem: str) -> None:
        super().__init__(f"{option} {problem}" if value is None else f"{option} '{value}' {problem}")
        self.problem = problem


def _require_text(option: str, value: object) -> str:
    if not isinstance(value, str):
        raise NeighborArgumentError(option, value, f"must be a string, not {type(value).__name__}")
    if value == "":
        raise NeighborArgumentError(option, "", "is empty")
    if value.strip() != value:
        raise NeighborArgumentError(option, value, "has leading or trailing white space")
    return value


def _base60(number: int) -> list[int]:
    digits = []
    while number:
        number, digit = divmod(number, 60)
        digits.append(digit)
    return digits[::-1]


def _mac_as_written(option: str, value: object) -> None:
    """A MAC must reach the task as text. YAML 1.1 reads some unquoted MACs as
    numbers (12:34:56:12:34:56 in base 60, 005056000001 in octal), and the
    number's digits, as text, would pin another MAC."""
    if value is None or isinstance(value, str):
        return
    if isinstance(value, int) and not isinstance(value, bool):
        groups = _base60(value)
        # A base-60 number of six groups is most likely a colon-separated MAC.
        written = ":".join(f"{g:02d}" for g in groups) if len(groups) == 6 and value > 0 else None
        quote = f'{option.rpartition(".")[2]}: "{written}"' if written else "the MAC in quotes"
        raise NeighborArgumentError(
            option, None,
            f"was read by YAML as the number {value}, not as a MAC address: unquoted, YAML 1.1 reads "
            f"12:34:56:12:34:56 as a base-60 number and 005056000001 as an octal one; write {quote}")
    raise NeighborArgumentError(option, None, f"must be a MAC address as text, not {type(value).__name__} {value!r}")


def refuse_unquoted_macs(args: t.Mapping[str, t.Any]) -> None:
    """The task's arguments as written, before any type conversion: every mac is text."""
    _mac_as_written("mac", args.get("mac"))
    neighbors = args.get("neighbors")
    if isinstance(neighbors, list):
        for i, entry in enumerate(neighbors):
            if isinstance(entry, t.Mapping):
                _mac_as_written(f"neighbors[{i}].mac", entry.get("mac"))


def normalise_address(option: str, value: object) -> str:
    if isinstance(value, str) and _PLAIN_IPV4.match(value) and value not in _SPECIAL_IPV4 \
            and not value.startswith("127."):
        return value
    text = _require_text(option, value)
    if ":" not in text:
        return _normalise_ipv4(option, text)
    if "%" in text:
        raise NeighborArgumentError(option, text, "has a zone id; name the interface in 'interface' instead")
    if not _IPV6_CHARS.match(text):
        raise NeighborArgumentError(option, text, "is not an IPv6 address")
    try:
        ip = ipaddress.IPv6Address(text)
    except ValueError:
        raise NeighborArgumentError(option, text, "is not an IPv6 address") from None
    # Mapped first: Python 3.13's is_loopback and is_unspecified look inside mapped addresses, 3.11's do not.
    if ip.ipv4_mapped is not None:
        problem = "is an IPv4-mapped IPv6 address; use the IPv4 address"
    elif ip.is_unspecified:
        problem = "is the unspecified address"
    elif ip.is_loopback:
        problem = "is a loopback address"
    else:
        return str(ip)
    raise NeighborArgumentError(option, text, problem)


def address_and_zone(option: str, value: object) -> tuple[str, str | None]:
    """An address, IPv6 with its zone id if it has one (RFC 4007 section 11: <address>%<zone_id>), and
    the zone as interface takes it (an index as its decimal number, an alias as written), or None."""
    if not (isinstance(value, str) and "%" in value):
        return normalise_address(option, value), None
    text = _require_text(option, value)
    part, zone = text.partition("%")[::2]
    if ":" not in part:
        raise NeighborArgumentError(option, text, "has a zone id, which only an IPv6 address takes")
    if zone == "":
        raise NeighborArgumentError(option, text, "has an empty zone id after '%'")
    try:
        address = normalise_address(option, part)
    except NeighborArgumentError as e:
        raise NeighborArgumentError(option, text, e.problem) from None
    try:
        return address, normalise_interface(option, zone)
    except NeighborArgumentError as e:
        raise NeighborArgumentError(option, text, f"has zone id '{zone}', which {e.problem}") from None


def zone_disagreement(zone: str, option: str, interface: str) -> str | None:
    """How the address's zone and an interface option, both as normalise_interface makes them, disagree
    as written, or None. An index and an alias are left to the host, which resolves both."""
    if zone == interface or (_DIGITS.match(zone) is None) != (_DIGITS.match(interface) is None):
        return None
    return f"names interface '{zone}' in its zone id, and {option} names '{interface}'; " \
           "name the interface once, or the same in both"


def _normalise_ipv4(option: str, text: str) -> str:
    """a.b.c.d only; without leading zeros the text is already canonical."""
    parts = text.split(".")
    if len(parts) != 4 or not all(_IPV4_PART.match(p) for p in parts):
        raise NeighborArgumentError(option, text, "is not an IPv4 address (a.b.c.d) or an IPv6 address")
    if any(len(p) > 1 and p[0] == "0" for p in parts):
        raise NeighborArgumentError(option, text,
                                    "has a leading zero, which some tools read as octal; write it without")
    octets = [int(p) for p in parts]
    if any(o > 255 for o in octets):
        raise NeighborArgumentError(option, text, "has a part above 255")
    if octets == [0, 0, 0, 0]:
        raise NeighborArgumentError(option, text, "is the unspecified address")
    if octets[0] == 127:
        raise NeighborArgumentError(option, text, "is a loopback address")
    if octets == [255, 255, 255, 255]:
        raise NeighborArgumentError(option, text, "is the broadcast address")
    return text


def normalise_mac(option: str, value: object) -> str:
    """Any common spelling to the Windows one: upper case, dashes."""
    if isinstance(value, str) and _PLAIN_MAC.match(value) and value.strip("0-:"):
        return value.replace(":", "-").upper()
    text = _require_text(option, value)
    separators = [s for s in "-:." if s in text]
    if len(separators) > 1:
        raise NeighborArgumentError(option, text, "mixes separators; use one of '-', ':' or '.'")
    if separators:
        group = 4 if separators[0] == "." else 2
        parts = text.split(separators[0])
        if any(len(p) != group for p in parts):
            raise NeighborArgumentError(
                option, text, f"is not a MAC address: every group between separators must have {group} hex digits")
        digits = "".join(parts)
    else:
        digits = text
        if len(digits) % 2:
            raise NeighborArgumentError(option, text, "is not a MAC address: odd number of hex digits")
    bad = next((c for c in digits if c not in _HEX_DIGITS), None)
    if bad is not None:
        raise NeighborArgumentError(option, text, f"is not a MAC address: '{bad}' is not a hex digit")
    length = len(digits) // 2
    if length > MAX_MAC_BYTES:
        raise NeighborArgumentError(
            option, text, f"is {length} bytes long; a physical address has at most {MAX_MAC_BYTES}")
    mac = bytes.fromhex(digits)
    if not any(mac):
        raise NeighborArgumentError(option, text, "is all zeros, which Windows uses for an unresolved entry")
    return "-".join(f"{b:02X}" for b in mac)


def normalise_interface(option: str, value: object) -> str:
    """An index (digits) as its decimal number, or an alias as written."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = _require_text(option, value)
    if text[0] in "+-" and _DIGITS.match(text[1:]):
        raise NeighborArgumentError(option, text, "is not a valid interface index: an index is a positive number")
    if _DIGITS.match(text):
        index = int(text)
        if not 1 <= index <= MAX_INTERFACE_INDEX:
            raise NeighborArgumentError(
                option, text, "is not a valid interface index: an index is a number from 1 to 4294967295")
        return str(index)
    if len(text) > MAX_ALIAS_LENGTH:
        raise NeighborArgumentError(
            option, text, f"is longer than {MAX_ALIAS_LENGTH} characters, the longest interface alias")
    return text


def _where(index: int | None) -> str:
    """The option's prefix in messages: neighbors[i]. for an entry, none for the task."""
    return "" if index is None else f"neighbors[{index}]."


def _normalise_entry(entry: dict[str, t.Any], index: int | None, default_interface: t.Any,
                     interfaces: dict[str, str]) -> dict[str, t.Any]:
    """One entry (or the single-entry task), every value checked; interfaces
    caches the interface names already checked, which many entries share.
    A neighbors entry is the validator's copy, normalised in place (a second dict
    an entry cost a third of a 10 000-entry task), its null options left out: the
    host applies their defaults."""
    result = dict(entry) if index is None else entry
    address = entry.get("address")
    zone = None
    if isinstance(address, str) and "%" in address:
        # Passed on with its zone: the host checks it again, and resolves it where the controller cannot.
        plain, zone = address_and_zone(_where(index) + "address", address)
        result["address"] = f"{plain}%{zone}"
    else:
        result["address"] = normalise_address(_where(index) + "address", address)
    interface = own = entry.get("interface")
    if interface is None:
        interface = default_interface
        if interface is None and zone is None:
            if index is not None:
                raise NeighborArgumentError(_where(index) + "interface", None,
                                            "is required when the task sets no interface")
            raise NeighborArgumentError("interface", None, "is required")
    if interface is None:
        pass  # the address's zone names it
    elif not isinstance(interface, str):
        result["interface"] = normalise_interface(_where(index) + "interface", interface)
    else:
        if interface not in interfaces:
            interfaces[interface] = normalise_interface(_where(index) + "interface", interface)
        result["interface"] = interfaces[interface]
    if zone is not None and interface is not None:
        option = _where(index) + "interface" if own is not None else "interface"
        problem = zone_disagreement(zone, option, result["interface"])
        if problem:
            raise NeighborArgumentError(_where(index) + "address", address, problem)
    if isinstance(entry.get("mac"), str) and entry["mac"].lower() == LEARNED:
        result["mac"] = LEARNED
    elif entry.get("mac") is not None:
        result["mac"] = normalise_mac(_where(index) + "mac", entry["mac"])
    elif entry.get("state", "present") == "present":
        raise NeighborArgumentError(_where(index) + "mac", None, "is required when state is present")
    if index is not None:
        for name in [name for name, value in result.items() if value is None]:
            del result[name]
    return result


def normalise(args: dict[str, t.Any], given: t.Collection[str]) -> dict[str, t.Any]:
    """The task's arguments, spec already applied (its neighbors entries are the
    validator's copies, changed in place), normalised for the target;
    every entry checked before the task reaches the host. Only the options the
    task gave are passed on (the module applies its own defaults, and counts a
    present option, even a null one, in its mutually-exclusive checks)."""
    interfaces: dict[str, str] = {}
    if args.get("neighbors") is None:
        if args.get("purge"):
            raise NeighborArgumentError("purge", None, "needs neighbors, the entries to keep")
        single = _normalise_entry(args, None, None, interfaces)
        return {k: v for k, v in single.items() if k in given}
    result = {k: v for k, v in args.items() if k in given}
    if args.get("interface") is not None:
        result["interface"] = normalise_interface("interface", args["interface"])
    entries = []
    # Keyed by text, not by (address, interface) tuples: at 10 000 entries the tuples kept
    # Python's garbage collector busy for a third of the task's time. No address holds a space.
    first_of: dict[str, int] = {}
    for i, given_entry in enumerate(args["neighbors"]):
        entry = _normalise_entry(given_entry, i, result.get("interface"), interfaces)
        address = entry["address"]
        if "%" in address:
            # The same address and interface once the zone is read, as the host reads it.
            address, zone = address.partition("%")[::2]
            interface = entry.get("interface", zone)
        else:
            interface = entry["interface"]
        first = first_of.setdefault(address + " " + interface, i)
        if first != i:
            raise NeighborArgumentError(
                f"neighbors[{i}].address", address,
                f"is listed twice for interface '{interface}': neighbors[{first}] names it too")
        entries.append(entry)
    result["neighbors"] = entries
    return result
