#!powershell

# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

#AnsibleRequires -CSharpUtil Ansible.Basic
#AnsibleRequires -CSharpUtil ..module_utils.NeighborModules

$spec = @{
    options = @{
        address = @{ type = 'str' }
        interface = @{ type = 'str' }
        family = @{ type = 'str'; choices = 'ipv4', 'ipv6' }
        kind = @{ type = 'list'; elements = 'str'; choices = 'unicast', 'multicast', 'broadcast' }
        store = @{ type = 'str'; choices = 'active', 'all', 'persistent'; default = 'all' }
        state = @{
            type = 'list'
            elements = 'str'
            choices = 'Delay', 'Incomplete', 'Permanent', 'Probe', 'Reachable', 'Stale', 'Unreachable'
        }
    }
    supports_check_mode = $true
}

$module = [Ansible.Basic.AnsibleModule]::Create($args, $spec)

# Glue only: the C# helper reads the table and filters it; it fills
# $module.Result and returns why the task failed, or nothing.
$failure = [ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules.NeighborInfoModule]::Run($module)
if ($failure) {
    $module.FailJson($failure)
}
$module.ExitJson()
