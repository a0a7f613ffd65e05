"""Routing conditions: picked from earlier questions in the builder, written as XLSForm `relevant`.

The builder offers rows of (question, operator, value) joined by "and" or "or"; this module turns
them into expressions such as `selected(${moeilijk}, 'wonen')` or `${kinderen} > 2`, reads our own
expressions back into rows, and checks any expression (typed, imported or generated): it must
parse (participatie.surveys.relevance) and refer only to questions asked before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from flask_babel import gettext as _

from participatie.surveys import relevance
from participatie.surveys.question_types import question_type
from participatie.surveys.relevance import ExpressionError, Node

OPERATORS = ("eq", "ne", "gt", "ge", "lt", "le", "answered", "unanswered")
VALUE_FREE = frozenset({"answered", "unanswered"})
NUMERIC_ONLY = frozenset({"gt", "ge", "lt", "le"})
_SYMBOLS = {"eq": "=", "ne": "!=", "gt": ">", "ge": ">=", "lt": "<", "le": "<="}
_FROM_SYMBOL = {symbol: name for name, symbol in _SYMBOLS.items()}


@dataclass(frozen=True)
class Condition:
    question: str
    operator: str
    value: str = ""


def number_literal(text: str) -> str | None:
    """ "2,5" → "2.5", "3" → "3"; None when it is no number."""
    try:
        number = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return str(int(number)) if number.is_integer() else str(number)


def condition_expression(condition: Condition, type_name: str) -> str:
    ref = "${" + condition.question + "}"
    if condition.operator == "answered":
        return f"{ref} != ''"
    if condition.operator == "unanswered":
        return f"{ref} = ''"
    shape = question_type(type_name).condition_shape
    if shape == "selected":
        selected = f"selected({ref}, '{condition.value}')"
        return selected if condition.operator == "eq" else f"not({selected})"
    symbol = _SYMBOLS[condition.operator]
    if shape == "number":
        return f"{ref} {symbol} {number_literal(condition.value) or condition.value}"
    return f"{ref} {symbol} '{condition.value}'"


def conditions_expression(
    conditions: Iterable[Condition], join: str, types: Mapping[str, str]
) -> str:
    parts = [condition_expression(c, types[c.question]) for c in conditions]
    return f" {'or' if join == 'or' else 'and'} ".join(parts)


def _leaves(node: Node, kind: str) -> list[Node]:
    if node.kind == kind:
        return [leaf for child in node.children for leaf in _leaves(child, kind)]
    return [node]


def _condition(node: Node) -> Condition | None:
    negated = node.kind == "not"
    inner = node.children[0] if negated else node
    if inner.kind == "selected":
        subject, choice = inner.children
        if subject.kind == "ref" and choice.kind == "literal":
            return Condition(subject.value, "ne" if negated else "eq", str(choice.value))
        return None
    if negated or node.kind != "compare":
        return None
    left, right = node.children
    if left.kind != "ref" or right.kind != "literal" or isinstance(right.value, bool):
        return None
    value = str(right.value)
    if value == "" and node.value in {"=", "!="}:
        return Condition(left.value, "unanswered" if node.value == "=" else "answered")
    return Condition(left.value, _FROM_SYMBOL[node.value], value)


def conditions_from_expression(expression: str) -> tuple[list[Condition], str] | None:
    """The rows and their join ("and"/"or") for an expression the pickers can show, else None
    (an empty expression gives no rows)."""
    try:
        node = relevance.parse(expression)
    except ExpressionError:
        return None
    if node is None:
        return [], "and"
    join = node.kind if node.kind in {"and", "or"} else "and"
    found = [_condition(leaf) for leaf in _leaves(node, join)]
    if any(condition is None for condition in found):
        return None
    return [c for c in found if c is not None], join


def expression_problem(expression: str, earlier: Iterable[str]) -> str | None:
    """A clear sentence when the expression cannot be used here, else None."""
    try:
        node = relevance.parse(expression)
    except ExpressionError as error:
        return _(
            "We kunnen deze voorwaarde niet lezen (%(detail)s). Kijk het na, of kies de voorwaarde met de keuzelijsten.",
            detail=str(error),
        )
    allowed = set(earlier)
    for name in sorted(relevance.references(node)):
        if name not in allowed:
            return _(
                "De voorwaarde gebruikt ${%(name)s}. Dat moet een vraag zijn die eerder in de vragenlijst staat.",
                name=name,
            )
    return None


def rename_references(expression: str, old: str, new: str) -> str:
    return expression.replace("${" + old + "}", "${" + new + "}")


def references(expression: str) -> set[str]:
    try:
        return relevance.references(relevance.parse(expression))
    except ExpressionError:
        return set()
