# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# A module's .ps1 as real PowerShell reads it, as JSON: its parse errors and the
# value of $spec where the first statement assigns a literal to it (Ast.SafeGetValue: evaluated as PowerShell does, running nothing).
param([Parameter(Mandatory)][string]$Path)

$ErrorActionPreference = 'Stop'
$tokens = $null
$errors = $null
$ast = [Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
$statements = @(if ($ast.EndBlock) { $ast.EndBlock.Statements })
$spec = $null
$first = $statements | Select-Object -First 1
if ($first -is [Management.Automation.Language.AssignmentStatementAst] -and
    $first.Left -is [Management.Automation.Language.VariableExpressionAst] -and
    $first.Left.VariablePath.UserPath -eq 'spec' -and
    $first.Right -is [Management.Automation.Language.CommandExpressionAst]) {
    $spec = $first.Right.Expression.SafeGetValue()
}
ConvertTo-Json -Depth 32 -Compress -InputObject ([ordered]@{
        errors = @($errors | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Message)" })
        spec = $spec
    })
