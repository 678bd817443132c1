#!powershell

# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

#AnsibleRequires -CSharpUtil Ansible.Basic
#AnsibleRequires -CSharpUtil ..module_utils.NeighborModules

$spec = @{
    options = @{
        address = @{ type = 'str' }
        mac = @{ type = 'str' }
        interface = @{ type = 'str' }
        state = @{ type = 'str'; choices = 'absent', 'present'; default = 'present' }
        store = @{ type = 'str'; choices = 'active', 'persistent'; default = 'persistent' }
        neighbors = @{
            type = 'list'
            elements = 'dict'
            options = @{
                address = @{ type = 'str'; required = $true }
                mac = @{ type = 'str' }
                interface = @{ type = 'str' }
                state = @{ type = 'str'; choices = 'absent', 'present'; default = 'present' }
                store = @{ type = 'str'; choices = 'active', 'persistent' }
            }
            required_if = @(
                , @('state', 'present', @('mac'))
            )
        }
        purge = @{ type = 'bool'; default = $false }
        purge_family = @{ type = 'str'; choices = 'both', 'ipv4', 'ipv6'; default = 'both' }
        mac_mismatch = @{ type = 'str'; choices = 'fail', 'warn'; default = 'warn' }
        report = @{ type = 'str'; choices = 'all', 'changes'; default = 'changes' }
    }
    mutually_exclusive = @(
        @('address', 'neighbors'),
        @('mac', 'neighbors')
    )
    required_one_of = @(
        , @('address', 'neighbors')
    )
    supports_check_mode = $true
}

# Before Ansible.Basic reads them: the entries the action plugin sends as JSON text are unwrapped for
# it (NeighborModule.UnwrapEntryTexts), and a task whose arguments are too long for the event log is
# not logged (TooLongToLog). The exec wrapper hands them over as $complex_args, absent (and the helper
# not loaded) where only the spec is read, as by ansible-test.
$arguments = Get-Variable -Name complex_args -Scope Global -ValueOnly -ErrorAction SilentlyContinue
if ($arguments) {
    $neighborModule = [ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules.NeighborModule]
    $null = $neighborModule::UnwrapEntryTexts($arguments)
    $spec.no_log = $neighborModule::TooLongToLog($arguments, $spec)
}
$module = [Ansible.Basic.AnsibleModule]::Create($args, $spec)

# Glue only: the C# helper validates, reconciles and reads the entry back; it fills
# $module.Result and returns why the task failed, or nothing.
$failure = [ansible_collections.ipneighbor.windows.plugins.module_utils.NeighborModules.NeighborModule]::Run($module)
if ($failure) {
    $module.FailJson($failure)
}
$module.ExitJson()
