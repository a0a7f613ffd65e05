"""The offline journey's JavaScript evaluators agree with the Python originals.

One table of routing cases (the participant journey's tests/data/relevance_cases.json plus
tests/assist/data/relevance_extra_cases.json) and one table of validation cases
(tests/assist/data/validation_cases.json) run through participatie/surveys/relevance.py and
answers.parse_answer() here, and through static/offline/relevance.js and validate.js in node.
Without node (/usr/bin/node) the JavaScript half is skipped; in CI a skip counts as a failure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from participatie.surveys.answers import parse_answer
from participatie.surveys.definition import OptionDef, QuestionDef
from participatie.surveys.numbers import number_rules
from participatie.surveys.question_types import all_types
from participatie.surveys.relevance import (
    ExpressionError,
    Scope,
    evaluate,
    parse,
    tree_data,
)

HERE = Path(__file__).parent
RELEVANCE_CASES: list[dict[str, Any]] = json.loads(
    (HERE.parent / "data" / "relevance_cases.json").read_text("utf-8")
) + json.loads((HERE / "data" / "relevance_extra_cases.json").read_text("utf-8"))
VALIDATION_CASES: list[dict[str, Any]] = json.loads(
    (HERE / "data" / "validation_cases.json").read_text("utf-8")
)
READABLE_CASES = [case for case in RELEVANCE_CASES if not case.get("error")]
# What the device gets as a parsed tree: `relevant` expressions (a choice_filter's column names
# are read only in a filter), with the form's calculations beside them.
TREE_CASES = [case for case in READABLE_CASES if "columns" not in case]
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(
    NODE is None, reason="node is not installed (apt-get install nodejs)"
)


def expected_relevance(case: dict[str, Any]) -> bool | str:
    return "error" if case.get("error") else bool(case["expected"])


def python_relevance(case: dict[str, Any]) -> bool | str:
    try:
        scope = Scope(case["answers"], case.get("calculations", {}), case.get("columns", {}))
        return evaluate(parse(case["expression"], "columns" in case), scope)
    except ExpressionError:
        return "error"


def question_def(spec: dict[str, Any]) -> QuestionDef:
    return QuestionDef(
        id=0,
        name="q",
        type=spec["type"],
        appearance=spec.get("appearance", ""),
        label={},
        hint={},
        required=bool(spec.get("required")),
        offer_decline=bool(spec.get("offer_decline")),
        relevant="",
        pictogram="",
        minimum=spec.get("minimum"),
        maximum=spec.get("maximum"),
        is_group_question=False,
        options=tuple(
            OptionDef(name=name, label={}, pictogram="") for name in spec.get("options", [])
        ),
    )


# The types a device could hold a definition of without the rules as data (before issue 18).
LEGACY_TYPES = frozenset({"select_one", "select_multiple", "integer", "decimal", "text", "note"})


def offline_data(spec: dict[str, Any]) -> dict[str, Any]:
    question = question_def(spec)
    return question.answer_type.offline(question)


def python_validation(app: Flask, case: dict[str, Any]) -> dict[str, Any]:
    form = MultiDict([(key, value) for key, values in case["form"].items() for value in values])
    with app.test_request_context("/"):
        parsed = parse_answer(question_def(case["question"]), form)
    return {"value": parsed.value, "declined": parsed.declined, "error": parsed.error}


@pytest.fixture(scope="module")
def javascript_results(
    app: Flask, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[Any]]:
    assert NODE is not None
    with app.test_request_context("/"):
        # The types' messages, as the device gets them in its definition (assist/offline.py).
        messages = {key: text for kind in all_types() for key, text in kind.messages().items()}
    cases = tmp_path_factory.mktemp("twins") / "cases.json"
    cases.write_text(
        json.dumps(
            {
                "relevance": RELEVANCE_CASES,
                "relevance_trees": [
                    {
                        "tree": tree_data(case["expression"]),
                        "answers": case["answers"],
                        "calculations": case.get("calculations", {}),
                    }
                    for case in TREE_CASES
                ],
                # Each case as the device gets it, with its type's rules as data; and once more
                # with its type only (a definition stored on a device before the rules were sent).
                "validation": [
                    {**case, "offline": offline_data(case["question"])} for case in VALIDATION_CASES
                ]
                + [case for case in VALIDATION_CASES if case["question"]["type"] in LEGACY_TYPES],
                "number_rules": number_rules(),
                "messages": messages,
            }
        ),
        "utf-8",
    )
    done = subprocess.run(
        [NODE, str(HERE / "js" / "run_cases.js"), str(cases)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: dict[str, list[Any]] = json.loads(done.stdout)
    return results


def _id(case: dict[str, Any]) -> str:
    return str(case.get("title") or case.get("expression") or "(empty)")


@pytest.mark.parametrize(
    "index", range(len(RELEVANCE_CASES)), ids=[_id(c) for c in RELEVANCE_CASES]
)
def test_python_routing_matches_the_table(index: int) -> None:
    case = RELEVANCE_CASES[index]
    assert python_relevance(case) == expected_relevance(case)


@needs_node
@pytest.mark.parametrize(
    "index", range(len(RELEVANCE_CASES)), ids=[_id(c) for c in RELEVANCE_CASES]
)
def test_javascript_routing_agrees_with_python(
    javascript_results: dict[str, list[Any]], index: int
) -> None:
    case = RELEVANCE_CASES[index]
    assert javascript_results["relevance"][index] == python_relevance(case)
    assert javascript_results["relevance"][index] == expected_relevance(case)


@pytest.mark.parametrize(
    "index", range(len(VALIDATION_CASES)), ids=[_id(c) for c in VALIDATION_CASES]
)
def test_python_validation_matches_the_table(app: Flask, index: int) -> None:
    case = VALIDATION_CASES[index]
    assert python_validation(app, case) == case["expected"]


@needs_node
@pytest.mark.parametrize(
    "index", range(len(VALIDATION_CASES)), ids=[_id(c) for c in VALIDATION_CASES]
)
def test_javascript_validation_agrees_with_python(
    app: Flask, javascript_results: dict[str, list[Any]], index: int
) -> None:
    case = VALIDATION_CASES[index]
    assert javascript_results["validation"][index] == python_validation(app, case)


@needs_node
def test_the_device_evaluates_the_servers_parsed_relevance_alike(
    javascript_results: dict[str, list[Any]],
) -> None:
    results = javascript_results["relevance_trees"]
    assert len(results) == len(TREE_CASES) > 50
    for case, result in zip(TREE_CASES, results, strict=True):
        assert result == python_relevance(case), _id(case)


@needs_node
def test_a_definition_without_the_rules_as_data_is_read_as_before(
    app: Flask, javascript_results: dict[str, list[Any]]
) -> None:
    legacy = [case for case in VALIDATION_CASES if case["question"]["type"] in LEGACY_TYPES]
    results = javascript_results["validation"][len(VALIDATION_CASES) :]
    assert len(results) == len(legacy) > 40
    for case, result in zip(legacy, results, strict=True):
        assert result == python_validation(app, case), _id(case)


def test_the_tables_cover_every_question_type_and_rule() -> None:
    types = {case["question"]["type"] for case in VALIDATION_CASES}
    assert types == {answer_type.name for answer_type in all_types()}
    messages = {case["expected"]["error"] for case in VALIDATION_CASES} - {None}
    assert len(messages) >= 9  # required ×4, range, two number formats, length, invalid option
    assert sum(1 for case in RELEVANCE_CASES if case.get("error")) >= 6


# --- The journey itself: where to go next, and what routing drops ------------------------------
