#!powershell

# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

#AnsibleRequires -CSharpUtil Ansible.Basic
#AnsibleRequires -CSharpUtil ..module_utils.Neighbor

$spec = @{
    options = @{
        address = @{ type = 'str'; required = $true }
        mac = @{ type = 'str' }
        interface = @{ type = 'str'; required = $true }
        state = @{ type = 'str'; choices = 'absent', 'present'; default = 'present' }
    }
    required_if = @(
        , @('state', 'present', @('mac'))
    )
    supports_check_mode = $true
}

$module = [Ansible.Basic.AnsibleModule]::Create($args, $spec)

# Glue only: the C# helper validates, reconciles and reads the entry back.
$outcome = [ansible_collections.ipneighbor.windows.plugins.module_utils.Neighbor.NeighborModule]::Run(
    $module.Params, $module.CheckMode)
foreach ($key in $outcome.Result.Keys) {
    $module.Result[$key] = $outcome.Result[$key]
}
if ($outcome.Error) {
    $module.FailJson($outcome.Error)
}
$module.ExitJson()
