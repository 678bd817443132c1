# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Ansible.Basic logs a module's arguments to the event log as one text whose
cost grows with the square of a long list, and Windows refuses a message longer
than 31 839 characters (EventLog.WriteEntry), upon which Ansible.Basic warns.
win_neighbor's .ps1 turns that log off (the spec's no_log) exactly for tasks
whose text would be too long: checked here against the text ansible-core's own
Ansible.Basic makes of the arguments, as the exec wrapper hands them over."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import csharp

MODULE = Path(__file__).parents[2] / "plugins" / "modules" / "win_neighbor.ps1"
EVENT_MESSAGE_LIMIT = 31839

# The module's own spec (the .ps1 up to Create), then Ansible.Basic's text of the arguments,
# read through its private FormatLogData, and the .ps1's decision.
SCRIPT = r"""
param([string]$Module, [int]$Count, [string]$Form)
$entries = [System.Collections.Generic.List[object]]::new()
foreach ($i in 1..$Count) {
    $entry = [System.Collections.Generic.Dictionary[string, object]]::new()
    $entry['address'] = '192.0.{0}.{1}' -f [math]::Floor($i / 256), ($i % 256)
    $entry['mac'] = '00-00-5E-00-53-{0:X2}' -f ($i % 256)
    $entry['interface'] = 'Ethernet'
    $entry['state'] = 'present'
    if ($Form -eq 'text') {
        # As the action plugin sends an entry (plugins/action/win_neighbor.py, as_sent).
        $entry = ConvertTo-Json -Compress -InputObject $entry
    }
    $entries.Add($entry)
}
$global:complex_args = @{ interface = 'Ethernet'; neighbors = $entries; _ansible_module_name = 'win_neighbor' }
$text = Get-Content -LiteralPath $Module -Raw
. ([scriptblock]::Create($text.Substring(0, $text.IndexOf('$module = '))))
$logged = -not $spec.no_log
$spec.no_log = $false
$created = [Ansible.Basic.AnsibleModule]::Create(@(), $spec)
$format = [Ansible.Basic.AnsibleModule].GetMethod('FormatLogData', [Reflection.BindingFlags]'NonPublic, Instance')
$logText = $format.Invoke($created, [object[]]@($created.Params, 2))
"$logged $(('win_neighbor - Invoked with:' + "`r`n  " + $logText).Length)"
"""


@pytest.mark.parametrize("form", ["dict", "text"])
@pytest.mark.parametrize("count", [1, 100, 200, 230, 260, 300, 1000])
def test_a_task_is_logged_exactly_when_windows_takes_its_text(helper: Any, count: int, form: str) -> None:
    """Entries as dicts (the module run without its action plugin) and as the JSON texts the action plugin sends."""
    logged, length = csharp.run_script(SCRIPT, Module=str(MODULE), Count=count, Form=form)[0].split()
    if int(length) > EVENT_MESSAGE_LIMIT:
        assert logged == "False", f"{count} entries: {length} characters would be refused, and logged"
    elif int(length) < EVENT_MESSAGE_LIMIT - 4096:
        assert logged == "True", f"{count} entries: {length} characters fit, and were not logged"
