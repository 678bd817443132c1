# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reads a PowerShell module's `$spec = @{...}` with a real PowerShell grammar
(tree-sitter-powershell) and evaluates its literals: hashtables, arrays,
strings, integers, $true/$false/$null. Anything else is refused, so the spec
stays a literal that this test can see whole."""
from __future__ import annotations

from typing import Any

import tree_sitter_powershell
from tree_sitter import Language, Node, Parser, Tree

_PASSTHROUGH = {
    "pipeline", "pipeline_chain", "logical_expression", "bitwise_expression", "comparison_expression",
    "additive_expression", "multiplicative_expression", "format_expression", "range_expression",
    "unary_expression",
}
_VARIABLES = {"$true": True, "$false": False, "$null": None}


def parse(source: bytes) -> Tree:
    return Parser(Language(tree_sitter_powershell.language())).parse(source)


def errors(tree: Tree) -> list[str]:
    """Where the grammar found an error or a missing token."""
    found: list[str] = []

    def walk(node: Node) -> None:
        if node.type == "ERROR" or node.is_missing:
            found.append(f"line {node.start_point[0] + 1}: {node.type}")
        for child in node.children:
            walk(child)

    walk(tree.root_node)
    return found


def node_text(node: Node) -> str:
    return node.text.decode() if node.text is not None else ""


def value(node: Node) -> Any:
    kind = node.type
    named = node.named_children
    if kind in _PASSTHROUGH:
        if len(named) != 1:
            raise ValueError(f"not a literal: {node_text(node)!r}")
        return value(named[0])
    if kind == "array_literal_expression":
        elements = [value(child) for child in named]
        return elements[0] if len(elements) == 1 else elements
    if kind == "expression_with_unary_operator":
        if node.children[0].type != ",":
            raise ValueError(f"not a literal: {node_text(node)!r}")
        return [value(named[0])]
    if kind == "array_expression":
        statements = [c for c in named if c.type == "statement_list"]
        items: list[Any] = []
        for statement in statements[0].named_children if statements else []:
            result = value(statement)
            items.extend(result if isinstance(result, list) else [result])
        return items
    if kind == "hash_literal_expression":
        entries: dict[str, Any] = {}
        for body in (c for c in named if c.type == "hash_literal_body"):
            for entry in body.named_children:
                key, pipeline = entry.named_children[0], entry.named_children[-1]
                entries[node_text(key)] = value(pipeline)
        return entries
    if kind == "string_literal":
        text = node_text(node)
        return text[1:-1].replace("''", "'") if text.startswith("'") else text[1:-1]
    if kind == "integer_literal":
        return int(node_text(node))
    if kind == "variable" and node_text(node).lower() in _VARIABLES:
        return _VARIABLES[node_text(node).lower()]
    raise ValueError(f"not a literal: {kind} {node_text(node)!r}")


def module_spec(source: bytes) -> dict[str, Any]:
    """The value assigned to $spec."""
    tree = parse(source)
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "assignment_expression" and node_text(node.named_children[0]).lower() == "$spec":
            return value(node.named_children[-1])
        stack.extend(node.children)
    raise ValueError("no $spec assignment")
