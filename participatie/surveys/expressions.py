"""XLSForm expressions read into a tree: the grammar that relevance.py evaluates (`relevant`,
`calculation`, `choice_filter`). The offline journey's static/offline/relevance.js has the same
grammar; both run one table of cases (tests/assist/test_twins.py).
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
    | (?P<op><=|>=|!=|=|<|>|\(|\)|,|\+|-|\*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
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
            tokens.append(("number", match.group("number")))
        elif kind == "op":
            tokens.append(("op", match.group("op")))
        else:
            tokens.append(("word", match.group("word")))
    return tokens


# Functions of XLSForm's expression language this engine evaluates (both here and offline), with
# how many arguments each takes (lowest, highest; None = any number).
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "selected": (2, 2),
    "not": (1, 1),
    "count-selected": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "if": (3, 3),
    "concat": (1, None),
    "coalesce": (2, 2),
    "round": (1, 2),
    "int": (1, 1),
    "number": (1, 1),
    "string-length": (1, 1),
}
_COMPARISONS = frozenset({"=", "!=", "<", "<=", ">", ">="})


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], allow_columns: bool) -> None:
        self.tokens = tokens
        self.index = 0
        self.allow_columns = allow_columns

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
        node = self.additive()
        token = self.peek()
        if token and token[0] == "op" and token[1] in _COMPARISONS:
            self.index += 1
            node = Node("compare", token[1], (node, self.additive()))
        return node

    def additive(self) -> Node:
        node = self.multiplicative()
        while True:
            token = self.peek()
            if token is not None and token[0] == "op" and token[1] in {"+", "-"}:
                self.index += 1
                node = Node("arithmetic", token[1], (node, self.multiplicative()))
            elif token is not None and token[0] == "number" and _NEGATIVE.match(token[1]):
                # `${a} -1`: the tokenizer read a negative number; after an operand it subtracts.
                self.index += 1
                node = Node("arithmetic", "-", (node, Node("literal", token[1][1:])))
            else:
                return node

    def multiplicative(self) -> Node:
        node = self.unary()
        while True:
            token = self.peek()
            if token in {("op", "*"), ("word", "div"), ("word", "mod")}:
                self.index += 1
                node = Node("arithmetic", token[1], (node, self.unary()))
            else:
                return node

    def unary(self) -> Node:
        if self.peek() == ("op", "-"):
            self.index += 1
            return Node("arithmetic", "-", (Node("literal", "0"), self.unary()))
        return self.atom()

    def atom(self) -> Node:
        token = self.peek()
        if token is None:
            raise ExpressionError("the expression ends too early")
        kind, value = token
        if kind == "ref":
            self.index += 1
            return Node("ref", value)
        if kind in {"literal", "number"}:
            self.index += 1
            return Node("literal", value)
        if kind == "op" and value == "(":
            self.index += 1
            node = self.or_expr()
            self.take("op", ")")
            return node
        if kind == "word" and self._is_call():
            return self.call(value)
        if kind == "word" and self.allow_columns and value not in {"and", "or", "div", "mod"}:
            self.index += 1
            return Node("column", value)
        raise ExpressionError(f"{value!r} is not supported here")

    def _is_call(self) -> bool:
        following = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        return following == ("op", "(")

    def call(self, name: str) -> Node:
        if name not in FUNCTIONS:
            raise ExpressionError(f"{name}() is not supported here")
        self.index += 2
        arguments: list[Node] = []
        if self.peek() != ("op", ")"):
            arguments.append(self.or_expr())
            while self.peek() == ("op", ","):
                self.index += 1
                arguments.append(self.or_expr())
        self.take("op", ")")
        lowest, highest = FUNCTIONS[name]
        if len(arguments) < lowest or (highest is not None and len(arguments) > highest):
            raise ExpressionError(f"{name}() cannot take {len(arguments)} arguments")
        if name in {"true", "false"}:
            return Node("literal", name == "true")
        if name == "not":
            return Node("not", children=tuple(arguments))
        if name == "count-selected":
            return Node("count", children=tuple(arguments))
        if name == "selected":
            return Node("selected", children=tuple(arguments))
        return Node("call", name, tuple(arguments))


_NEGATIVE = re.compile(r"^-\d")


@lru_cache(maxsize=1024)
def parse(expression: str, allow_columns: bool = False) -> Node | None:
    """None for an empty expression (always relevant). Bare words (columns of the choices
    sheet) only where `allow_columns`: in a choice_filter."""
    if not expression or not expression.strip():
        return None
    return _Parser(_tokenize(expression), allow_columns).parse()


def references(node: Node | None) -> set[str]:
    if node is None:
        return set()
    found = {node.value} if node.kind == "ref" else set()
    for child in node.children:
        found |= references(child)
    return found


def columns(node: Node | None) -> set[str]:
    """The bare words of a choice_filter: columns of the choices sheet."""
    if node is None:
        return set()
    found = {node.value} if node.kind == "column" else set()
    for child in node.children:
        found |= columns(child)
    return found
