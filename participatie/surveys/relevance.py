"""XLSForm `relevant` expressions for the common cases, evaluated on the server.

Supported: `${q}`, string and number literals, `=`, `!=`, `<`, `<=`, `>`, `>=`, `selected(${q}, 'x')`,
`count-selected(${q})`, `not(...)`, `and`, `or` and parentheses. As in ODK, an unanswered question
is the empty string, and a comparison with a number is numeric when both sides are numbers.
The offline journey has a JavaScript twin of this evaluator; both run the same table of cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>\$\{(?P<name>[A-Za-z_][A-Za-z0-9._-]*)\})
    | (?P<string>'[^']*'|"[^"]*")
    | (?P<number>-?\d+(?:\.\d+)?)
    | (?P<op><=|>=|!=|=|<|>|\(|\)|,)
    | (?P<word>[A-Za-z][A-Za-z-]*)
    )""",
    re.VERBOSE,
)


class ExpressionError(ValueError):
    """The expression uses syntax we do not support; the message says where."""


@dataclass(frozen=True)
class Node:
    kind: str  # ref, literal, compare, and, or, not, selected, count
    value: Any = None
    children: tuple[Node, ...] = ()


def _tokenize(expression: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    expression = expression.strip()
    while position < len(expression):
        match = TOKEN.match(expression, position)
        if not match or match.end() == position:
            raise ExpressionError(f"cannot read {expression[position : position + 20]!r}")
        position = match.end()
        kind = match.lastgroup
        if kind == "name":
            kind = "ref"
        if kind == "ref":
            tokens.append(("ref", match.group("name")))
        elif kind == "string":
            tokens.append(("literal", match.group("string")[1:-1]))
        elif kind == "number":
            tokens.append(("literal", match.group("number")))
        elif kind == "op":
            tokens.append(("op", match.group("op")))
        else:
            tokens.append(("word", match.group("word")))
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, kind: str, value: str | None = None) -> str:
        token = self.peek()
        if token is None or token[0] != kind or (value is not None and token[1] != value):
            raise ExpressionError(
                f"expected {value or kind}, found {token[1] if token else 'the end'}"
            )
        self.index += 1
        return token[1]

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            raise ExpressionError(f"unexpected {self.peek()[1]!r}")  # type: ignore[index]
        return node

    def or_expr(self) -> Node:
        node = self.and_expr()
        while self.peek() == ("word", "or"):
            self.index += 1
            node = Node("or", children=(node, self.and_expr()))
        return node

    def and_expr(self) -> Node:
        node = self.comparison()
        while self.peek() == ("word", "and"):
            self.index += 1
            node = Node("and", children=(node, self.comparison()))
        return node

    def comparison(self) -> Node:
        node = self.atom()
        token = self.peek()
        if token and token[0] == "op" and token[1] in {"=", "!=", "<", "<=", ">", ">="}:
            self.index += 1
            node = Node("compare", token[1], (node, self.atom()))
        return node

    def atom(self) -> Node:
        token = self.peek()
        if token is None:
            raise ExpressionError("the expression ends too early")
        kind, value = token
        if kind == "ref":
            self.index += 1
            return Node("ref", value)
        if kind == "literal":
            self.index += 1
            return Node("literal", value)
        if kind == "op" and value == "(":
            self.index += 1
            node = self.or_expr()
            self.take("op", ")")
            return node
        if kind == "word" and value in {"selected", "not", "count-selected", "true", "false"}:
            self.index += 1
            if value in {"true", "false"}:
                self.take("op", "(")
                self.take("op", ")")
                return Node("literal", value == "true")
            self.take("op", "(")
            if value == "not":
                node = Node("not", children=(self.or_expr(),))
            elif value == "count-selected":
                node = Node("count", children=(self.atom(),))
            else:
                subject = self.atom()
                self.take("op", ",")
                node = Node("selected", children=(subject, self.atom()))
            self.take("op", ")")
            return node
        raise ExpressionError(f"{value!r} is not supported here")


@lru_cache(maxsize=1024)
def parse(expression: str) -> Node | None:
    """None for an empty expression (always relevant)."""
    if not expression or not expression.strip():
        return None
    return _Parser(_tokenize(expression)).parse()


def tree_data(expression: str) -> dict[str, Any] | None:
    """The parsed expression as JSON for the device, which evaluates this tree with the same
    steps (evaluate() in static/offline/relevance.js) instead of parsing the text again; None
    when always relevant. Raises ExpressionError for an expression we cannot read."""

    def data(node: Node) -> dict[str, Any]:
        return {
            "kind": node.kind,
            "value": node.value,
            "children": [data(c) for c in node.children],
        }

    node = parse(expression)
    return None if node is None else data(node)


def references(node: Node | None) -> set[str]:
    if node is None:
        return set()
    found = {node.value} if node.kind == "ref" else set()
    for child in node.children:
        found |= references(child)
    return found


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_number(value: Any) -> float | None:
    try:
        return float(_as_text(value))
    except ValueError:
        return None


def _value(node: Node, answers: dict[str, Any]) -> Any:
    if node.kind == "ref":
        return answers.get(node.value)
    if node.kind == "literal":
        return node.value
    if node.kind == "count":
        selected = answers.get(node.children[0].value) if node.children[0].kind == "ref" else None
        return len(selected) if isinstance(selected, list) else (1 if selected else 0)
    return evaluate(node, answers)


def _compare(operator: str, left: Any, right: Any) -> bool:
    left_number, right_number = _as_number(left), _as_number(right)
    if operator in {"=", "!="}:
        if left_number is not None and right_number is not None:
            equal = left_number == right_number
        else:
            equal = _as_text(left) == _as_text(right)
        return equal if operator == "=" else not equal
    if left_number is None or right_number is None:
        return False
    return {
        "<": left_number < right_number,
        "<=": left_number <= right_number,
        ">": left_number > right_number,
        ">=": left_number >= right_number,
    }[operator]


def evaluate(node: Node | None, answers: dict[str, Any]) -> bool:
    if node is None:
        return True
    if node.kind == "and":
        return evaluate(node.children[0], answers) and evaluate(node.children[1], answers)
    if node.kind == "or":
        return evaluate(node.children[0], answers) or evaluate(node.children[1], answers)
    if node.kind == "not":
        return not evaluate(node.children[0], answers)
    if node.kind == "compare":
        left, right = (_value(child, answers) for child in node.children)
        return _compare(node.value, left, right)
    if node.kind == "selected":
        subject = _value(node.children[0], answers)
        choice = _as_text(_value(node.children[1], answers))
        chosen = subject if isinstance(subject, list) else _as_text(subject).split()
        return choice in [str(c) for c in chosen]
    if node.kind == "count":
        return bool(_value(node, answers))
    value = _value(node, answers)
    return bool(value) and _as_text(value) not in {"", "false", "0"}


def is_relevant(expression: str, answers: dict[str, Any]) -> bool:
    return evaluate(parse(expression), answers)
