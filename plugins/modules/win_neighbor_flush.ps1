#!powershell

# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

#AnsibleRequires -CSharpUtil Ansible.Basic
#AnsibleRequires -CSharpUtil ..module_utils.NeighborModules

$spec = @{
    options = @{
        interface = @{ type = 'list'; elements = 'str'; required = $true }
        family = @{ type = 'list'; elements = 'str'; choices = 'ipv4', 'ipv6'; default = 'ipv4', 'ipv6' }
    }
    supports_check_mode = $true
}

$module = [Ansible.Basic.AnsibleModule]::Create($args, $spec)

# Glue only: the C# helper reads the table and removes the learned entries; it
# fills $module.Result and returns why the task failed, or nothing.
$failure = [ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules.NeighborFlushModule]::Run($module)
if ($failure) {
    $module.FailJson($failure)
}
$module.ExitJson()
