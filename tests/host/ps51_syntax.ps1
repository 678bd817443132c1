# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# What Windows PowerShell 5.1 cannot run in the given scripts, found with real
# PowerShell's parser: one line "path:line: construct" each, parse errors too.
param([Parameter(Mandatory, ValueFromRemainingArguments)][string[]]$Path)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# PowerShell 7 syntax, by the AST node that holds it.
$syntax = @(
    @{ Name = 'ternary operator ?:'; Test = { param($a) $a -is [Management.Automation.Language.TernaryExpressionAst] } }
    @{ Name = 'pipeline chain && or ||'; Test = { param($a) $a -is [Management.Automation.Language.PipelineChainAst] } }
    @{ Name = 'null-coalescing ??'; Test = {
            param($a)
            $a -is [Management.Automation.Language.BinaryExpressionAst] -and
            $a.Operator -eq [Management.Automation.Language.TokenKind]::QuestionQuestion
        }
    }
    @{ Name = 'null-coalescing assignment ??='; Test = {
            param($a)
            $a -is [Management.Automation.Language.AssignmentStatementAst] -and
            $a.Operator -eq [Management.Automation.Language.TokenKind]::QuestionQuestionEquals
        }
    }
    @{ Name = 'null-conditional member ?.'; Test = {
            param($a)
            $a -is [Management.Automation.Language.MemberExpressionAst] -and $a.NullConditional
        }
    }
    @{ Name = 'null-conditional index ?[]'; Test = {
            param($a)
            $a -is [Management.Automation.Language.IndexExpressionAst] -and $a.NullConditional
        }
    }
    @{ Name = 'clean block'; Test = {
            param($a)
            $a -is [Management.Automation.Language.ScriptBlockAst] -and $null -ne $a.CleanBlock
        }
    }
    @{ Name = 'ForEach-Object -Parallel'; Test = {
            param($a)
            if ($a -isnot [Management.Automation.Language.CommandAst]) { return $false }
            if ($a.GetCommandName() -notin 'ForEach-Object', 'foreach', '%') { return $false }
            # a parameter name may be shortened to any unambiguous prefix: -Pa, -Par, ...
            foreach ($element in $a.CommandElements) {
                if ($element -is [Management.Automation.Language.CommandParameterAst] -and
                    $element.ParameterName.Length -ge 2 -and 'Parallel'.StartsWith($element.ParameterName, 'OrdinalIgnoreCase')) {
                    return $true
                }
            }
            $false
        }
    }
)

foreach ($file in $Path) {
    $tokens = $null
    $errors = $null
    $ast = [Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$errors)
    foreach ($e in $errors) {
        '{0}:{1}: parse error: {2}' -f $file, $e.Extent.StartLineNumber, $e.Message
    }
    foreach ($rule in $syntax) {
        foreach ($found in $ast.FindAll($rule.Test, $true)) {
            '{0}:{1}: {2}' -f $file, $found.Extent.StartLineNumber, $rule.Name
        }
    }
}
