# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""IPv6 zone ids in win_neighbor's addresses (issue 23) through the action plugin:
fe80::1%12 or fe80::1%Ethernet names the address and its interface at once. What
the controller can judge it refuses before connecting, naming the option and the
value; a zone and an interface it cannot compare (an index and an alias) go to
the host with the zone, which resolves both (tests/csharp/test_zone_ids.py)."""
from __future__ import annotations

from typing import Any

import pytest
from ansible.errors import AnsibleActionFail

from action_harness import AFTER, BEFORE, MAC, Recorder, run

LINK_LOCAL = "fe80::1"


@pytest.mark.parametrize("address,interface,sent", [
    # The zone alone names the interface: the host reads it from the address.
    ("fe80::1%12", None, {"address": "fe80::1%12"}),
    ("FE80:0::1%Ethernet 2", None, {"address": "fe80::1%Ethernet 2"}),
    # An index as its decimal number, as interface takes it.
    ("fe80::1%012", None, {"address": "fe80::1%12"}),
    # A zone on a global address names its interface as well (Windows' parsers take one on any IPv6 address).
    ("2001:db8::1%4", None, {"address": "2001:db8::1%4"}),
    # The same interface in both, spelt the same once normalised.
    ("fe80::1%4", "04", {"address": "fe80::1%4", "interface": "4"}),
    ("fe80::1%Ethernet", "Ethernet", {"address": "fe80::1%Ethernet", "interface": "Ethernet"}),
    # An index and an alias: only the host can tell whether they are one interface.
    ("fe80::1%4", "Ethernet 2", {"address": "fe80::1%4", "interface": "Ethernet 2"}),
    ("fe80::1%Ethernet", 7, {"address": "fe80::1%Ethernet", "interface": "7"}),
])
def test_a_zone_names_the_interface(action_class: Any, address: str, interface: Any, sent: dict[str, str]) -> None:
    args = {"address": address, "mac": MAC} | ({} if interface is None else {"interface": interface})
    result, recorder = run(action_class, args)
    assert recorder.sent == [dict(sent, mac=MAC)]
    assert result["changed"] is True


@pytest.mark.parametrize("args,message", [
    ({"address": "192.0.2.1%4", "interface": "4"},
     "address '192.0.2.1%4' has a zone id, which only an IPv6 address takes"),
    ({"address": "192.0.2.1%Ethernet"},
     "address '192.0.2.1%Ethernet' has a zone id, which only an IPv6 address takes"),
    ({"address": "fe80::1%"}, "address 'fe80::1%' has an empty zone id after '%'"),
    ({"address": "fe80::1%", "interface": "Ethernet"}, "address 'fe80::1%' has an empty zone id after '%'"),
    ({"address": "fe80::1%0"},
     "address 'fe80::1%0' has zone id '0', which is not a valid interface index: an index is a number from 1 to "
     "4294967295"),
    ({"address": "fe80::1%4294967296"},
     "address 'fe80::1%4294967296' has zone id '4294967296', which is not a valid interface index: an index is a "
     "number from 1 to 4294967295"),
    ({"address": "fe80::1%-4"},
     "address 'fe80::1%-4' has zone id '-4', which is not a valid interface index: an index is a positive number"),
    ({"address": "fe80::1% Ethernet"},
     "address 'fe80::1% Ethernet' has zone id ' Ethernet', which has leading or trailing white space"),
    ({"address": "fe80::1%" + "e" * 257},
     f"address 'fe80::1%{'e' * 257}' has zone id '{'e' * 257}', which is longer than 256 characters, the longest "
     "interface alias"),
    ({"address": "fe80::1%Ethernet "}, "address 'fe80::1%Ethernet ' has leading or trailing white space"),
    # The address part is judged as any address, and the message names the whole value.
    ({"address": "fe80::1::2%4"}, "address 'fe80::1::2%4' is not an IPv6 address"),
    ({"address": "::1%4"}, "address '::1%4' is a loopback address"),
    ({"address": "::%4"}, "address '::%4' is the unspecified address"),
    ({"address": "::ffff:192.0.2.1%4"},
     "address '::ffff:192.0.2.1%4' is an IPv4-mapped IPv6 address; use the IPv4 address"),
    # A zone that disagrees with interface, both spelt the same way: refused naming both.
    ({"address": "fe80::1%4", "interface": "7"},
     "address 'fe80::1%4' names interface '4' in its zone id, and interface names '7'; name the interface once, "
     "or the same in both"),
    ({"address": "fe80::1%Ethernet", "interface": "Ethernet 2"},
     "address 'fe80::1%Ethernet' names interface 'Ethernet' in its zone id, and interface names 'Ethernet 2'; "
     "name the interface once, or the same in both"),
])
def test_bad_zones_fail_on_the_controller(action_class: Any, args: dict[str, Any], message: str) -> None:
    recorder = Recorder({})
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, dict(args, mac=MAC), recorder=recorder)
    assert str(failure.value.message) == message
    assert recorder.sent == []


def test_a_plain_address_still_needs_an_interface(action_class: Any) -> None:
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, {"address": LINK_LOCAL, "mac": MAC})
    assert str(failure.value.message) == "interface is required"


def entries(*given: dict[str, Any], **task: Any) -> dict[str, Any]:
    return dict(task, neighbors=[dict(e, mac=MAC) for e in given])


def test_each_entry_may_name_its_interface_by_its_zone(action_class: Any) -> None:
    recorder = run(action_class, entries({"address": "fe80::1%4"}, {"address": "fe80::1%Ethernet 2"},
                                         {"address": "fe80::2", "interface": "7"}),
                   module_result={"changed": False, "entries": []})[1]
    assert [(e["address"], e.get("interface")) for e in recorder.sent[0]["neighbors"]] == [
        ("fe80::1%4", None), ("fe80::1%Ethernet 2", None), ("fe80::2", "7")]


def test_an_entry_zone_takes_the_tasks_interface_as_a_default(action_class: Any) -> None:
    recorder = run(action_class, entries({"address": "fe80::1%4"}, {"address": "fe80::2"}, interface=4),
                   module_result={"changed": False, "entries": []})[1]
    assert [(e["address"], e["interface"]) for e in recorder.sent[0]["neighbors"]] == [
        ("fe80::1%4", "4"), ("fe80::2", "4")]


@pytest.mark.parametrize("args,message", [
    # Against the task's interface, the default of an entry that names none.
    (entries({"address": "fe80::1%7"}, interface="4"),
     "neighbors[0].address 'fe80::1%7' names interface '7' in its zone id, and interface names '4'; "
     "name the interface once, or the same in both"),
    # Against the entry's own, which replaces the task's.
    (entries({"address": "fe80::1", "interface": "4"}, {"address": "fe80::2%Ethernet", "interface": "Ethernet 2"},
             interface="Ethernet"),
     "neighbors[1].address 'fe80::2%Ethernet' names interface 'Ethernet' in its zone id, and neighbors[1].interface "
     "names 'Ethernet 2'; name the interface once, or the same in both"),
    (entries({"address": "192.0.2.1%4"}),
     "neighbors[0].address '192.0.2.1%4' has a zone id, which only an IPv6 address takes"),
    (entries({"address": "fe80::1%"}, interface="4"), "neighbors[0].address 'fe80::1%' has an empty zone id after '%'"),
    # Without a zone, an entry still needs an interface.
    (entries({"address": "fe80::1%4"}, {"address": "fe80::2"}),
     "neighbors[1].interface is required when the task sets no interface"),
    # The same address and interface once the zone is read: a duplicate, named without the zone.
    (entries({"address": "fe80::1", "interface": "4"}, {"address": "fe80::1%4"}),
     "neighbors[1].address 'fe80::1' is listed twice for interface '4': neighbors[0] names it too"),
    (entries({"address": "fe80::1%Ethernet"}, {"address": "FE80::1%Ethernet", "interface": "Ethernet"}),
     "neighbors[1].address 'fe80::1' is listed twice for interface 'Ethernet': neighbors[0] names it too"),
    (entries({"address": "fe80::1%04"}, {"address": "fe80::1"}, interface=4),
     "neighbors[1].address 'fe80::1' is listed twice for interface '4': neighbors[0] names it too"),
])
def test_bad_entry_zones_fail_on_the_controller(action_class: Any, args: dict[str, Any], message: str) -> None:
    recorder = Recorder({})
    with pytest.raises(AnsibleActionFail) as failure:
        run(action_class, args, recorder=recorder)
    assert str(failure.value.message) == message
    assert recorder.sent == []


def test_the_same_address_on_two_interfaces_is_no_duplicate(action_class: Any) -> None:
    recorder = run(action_class, entries({"address": "fe80::1%4"}, {"address": "fe80::1%7"}),
                   module_result={"changed": False, "entries": []})[1]
    assert len(recorder.sent[0]["neighbors"]) == 2


@pytest.mark.parametrize("args,header", [
    ({"address": "fe80::1%Ethernet"}, "neighbor fe80::1 on interface Ethernet"),
    ({"address": "FE80::1%4", "interface": "4"}, "neighbor fe80::1 on interface 4"),
    ({"address": "fe80::1%Ethernet", "interface": "4"}, "neighbor fe80::1 on interface 4"),
])
def test_the_diff_header_names_the_address_without_its_zone(action_class: Any, args: dict[str, Any],
                                                            header: str) -> None:
    before = dict(BEFORE, address=LINK_LOCAL)
    result = run(action_class, dict(args, mac=MAC), diff=True,
                 module_result={"changed": True, "before": before, "after": dict(AFTER, address=LINK_LOCAL)})[0]
    assert result["diff"]["before_header"] == f"{header} (before)"
    assert result["diff"]["after_header"] == f"{header} (after)"
    assert "%" not in result["diff"]["before"] + result["diff"]["after"]
