"""XLSForm relevance: one table of cases, shared with the offline JavaScript evaluator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatie.surveys.relevance import ExpressionError, is_relevant, parse, references

CASES = json.loads((Path(__file__).parent / "data" / "relevance_cases.json").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["expression"] or "(empty)" for c in CASES])
def test_relevance_case(case: dict) -> None:  # type: ignore[type-arg]
    assert is_relevant(case["expression"], case["answers"]) is case["expected"]


@pytest.mark.parametrize(
    "expression",
    [
        "${a} ==",
        "selected(${a})",
        "today() > 3",
        "${a} = 'x' and",
        "(${a} = 'x'",
        "pulldata('f', 'c', 'k', ${a})",
    ],
)
def test_unsupported_expressions_are_refused_with_a_reason(expression: str) -> None:
    with pytest.raises(ExpressionError):
        parse(expression)


def test_references() -> None:
    assert references(parse("selected(${a}, 'x') or not(${b} = '1')")) == {"a", "b"}
