"""XLSForm expressions for the common cases, evaluated on the server: `relevant`, `calculation`
and `choice_filter` share this one engine.

Supported: `${q}`, string and number literals, `=`, `!=`, `<`, `<=`, `>`, `>=`, `selected(${q}, 'x')`,
`count-selected(${q})`, `not(...)`, `and`, `or`, parentheses, arithmetic (`+ - * div mod`) and the
functions in FUNCTIONS. In a `choice_filter` a bare word names a column of the choices sheet. As in
ODK, an unanswered question is the empty string, a comparison with a number is numeric when both
sides are numbers, and arithmetic on something that is not a number gives NaN.
The offline journey has a JavaScript twin of this evaluator; both run the same tables of cases.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from participatie.surveys.expressions import (
    FUNCTIONS,
    ExpressionError,
    Node,
    columns,
    parse,
    references,
)

__all__ = ["FUNCTIONS", "ExpressionError", "Node", "columns", "parse", "references"]


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


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        if value.is_integer():
            return str(int(value))
    return str(value)


def _as_number(value: Any) -> float | None:
    try:
        return float(_as_text(value))
    except ValueError:
        return None


@dataclass
class Scope:
    """What names mean while evaluating: the answers, the form's calculations (name → expression,
    computed when first needed) and, in a choice_filter, the columns of one choice."""

    answers: Mapping[str, Any]
    calculations: Mapping[str, str] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    _computed: dict[str, Any] = field(default_factory=dict)
    _busy: set[str] = field(default_factory=set)

    def lookup(self, name: str) -> Any:
        if name in self.calculations and name not in self.answers:
            if name not in self._computed:
                if name in self._busy:  # a calculation that needs itself (refused on import)
                    return ""
                self._busy.add(name)
                self._computed[name] = _value(parse(self.calculations[name]), self)
                self._busy.discard(name)
            return self._computed[name]
        return self.answers.get(name)


def _scope(answers: Mapping[str, Any] | Scope) -> Scope:
    return answers if isinstance(answers, Scope) else Scope(answers)


def _arithmetic(operator: str, left: Any, right: Any) -> float:
    a, b = _as_number(left), _as_number(right)
    if a is None or b is None:
        return math.nan
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if b == 0:  # XPath divides by zero into infinity or NaN, it does not fail
        return (
            math.nan
            if a == 0 or operator == "mod"
            else math.copysign(math.inf, a) * (math.copysign(1, b))
        )
    return a / b if operator == "div" else math.fmod(a, b)


def _round(number: float | None, digits: float | None) -> float:
    """XPath's round(): half away from zero, the same in JavaScript."""
    if number is None or digits is None or math.isnan(number) or math.isinf(number):
        return math.nan if number is None or digits is None else number
    scale = 10 ** int(digits)
    return math.copysign(math.floor(abs(number) * scale + 0.5) / scale, number)


def _call(node: Node, scope: Scope) -> Any:
    name, arguments = node.value, node.children
    if name == "if":
        chosen = arguments[1] if evaluate(arguments[0], scope) else arguments[2]
        return _value(chosen, scope)
    values = [_value(argument, scope) for argument in arguments]
    if name == "concat":
        return "".join(_as_text(value) for value in values)
    if name == "coalesce":
        return values[0] if _as_text(values[0]) != "" else values[1]
    if name == "string-length":
        return float(len(_as_text(values[0])))
    number = _as_number(values[0])
    if name == "round":
        return _round(number, _as_number(values[1]) if len(values) > 1 else 0.0)
    if number is None or math.isnan(number) or math.isinf(number):
        return math.nan
    return float(math.trunc(number)) if name == "int" else number


def _value(node: Node | None, scope: Scope) -> Any:
    if node is None:
        return ""
    if node.kind == "ref":
        return scope.lookup(node.value)
    if node.kind == "column":
        return scope.columns.get(node.value, "")
    if node.kind == "literal":
        return node.value
    if node.kind == "count":
        subject = node.children[0]
        selected = scope.lookup(subject.value) if subject.kind == "ref" else None
        return len(selected) if isinstance(selected, list) else (1 if selected else 0)
    if node.kind == "arithmetic":
        left, right = (_value(child, scope) for child in node.children)
        return _arithmetic(node.value, left, right)
    if node.kind == "call":
        return _call(node, scope)
    return evaluate(node, scope)


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


def evaluate(node: Node | None, answers: Mapping[str, Any] | Scope) -> bool:
    scope = _scope(answers)
    if node is None:
        return True
    if node.kind == "and":
        return evaluate(node.children[0], scope) and evaluate(node.children[1], scope)
    if node.kind == "or":
        return evaluate(node.children[0], scope) or evaluate(node.children[1], scope)
    if node.kind == "not":
        return not evaluate(node.children[0], scope)
    if node.kind == "compare":
        left, right = (_value(child, scope) for child in node.children)
        return _compare(node.value, left, right)
    if node.kind == "selected":
        subject = _value(node.children[0], scope)
        choice = _as_text(_value(node.children[1], scope))
        chosen = subject if isinstance(subject, list) else _as_text(subject).split()
        return choice in [str(c) for c in chosen]
    if node.kind == "count":
        return bool(_value(node, scope))
    value = _value(node, scope)
    if isinstance(value, float) and math.isnan(value):
        return False
    return bool(value) and _as_text(value) not in {"", "false", "0"}


def is_relevant(
    expression: str, answers: Mapping[str, Any], calculations: Mapping[str, str] | None = None
) -> bool:
    return evaluate(parse(expression), Scope(answers, calculations or {}))


def calculate(
    expression: str, answers: Mapping[str, Any], calculations: Mapping[str, str] | None = None
) -> str:
    """A calculation's result as the text a label shows ("" where XPath gives NaN)."""
    value = _value(parse(expression), Scope(answers, calculations or {}))
    text = _as_text(value)
    return "" if text in {"nan", "inf", "-inf"} else text


def choice_passes(
    expression: str,
    answers: Mapping[str, Any],
    option_columns: Mapping[str, str],
    calculations: Mapping[str, str] | None = None,
) -> bool:
    """Whether a choice stays in the list under the question's choice_filter."""
    return evaluate(parse(expression, True), Scope(answers, calculations or {}, option_columns))
