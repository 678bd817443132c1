# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

#AnsibleRequires -CSharpUtil Ansible.Basic

# A module that is not the collection's: which PowerShell runs it.
$module = [Ansible.Basic.AnsibleModule]::Create($args, @{ options = @{}; supports_check_mode = $true })
$module.Result.edition = $PSVersionTable.PSEdition
$module.Result.version = $PSVersionTable.PSVersion.ToString()
$module.Result.check_mode = $module.CheckMode
$module.ExitJson()
