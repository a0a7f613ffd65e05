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

ROUTED_SURVEY = {
    "code": "ROUTES",
    "title": {"nl": "Alle soorten routing"},
    "questions": [
        {"name": "intro", "type": "note", "label": {"nl": "Welkom"}},
        {
            "name": "s",
            "type": "select_one",
            "required": True,
            "label": {"nl": "S?"},
            "options": [
                {"name": "ja", "label": {"nl": "Ja"}},
                {"name": "nee", "label": {"nl": "Nee"}},
            ],
        },
        {
            "name": "kids",
            "type": "integer",
            "minimum": 0,
            "maximum": 10,
            "label": {"nl": "Hoeveel?"},
            "relevant": "${s} = 'ja'",
        },
        {"name": "ages", "type": "text", "label": {"nl": "Leeftijden?"}, "relevant": "${kids} > 0"},
        {
            "name": "m",
            "type": "select_multiple",
            "label": {"nl": "M?"},
            "options": [{"name": n, "label": {"nl": n}} for n in ("a", "b", "c")],
        },
        {
            "name": "many",
            "type": "note",
            "label": {"nl": "Veel!"},
            "relevant": "count-selected(${m}) >= 2",
        },
        {
            "name": "why",
            "type": "text",
            "appearance": "multiline",
            "label": {"nl": "Waarom?"},
            "relevant": "not(selected(${m}, 'c')) and ${s} != ''",
        },
        {
            "name": "money",
            "type": "decimal",
            "label": {"nl": "Hoeveel euro?"},
            "relevant": "${kids} >= 2 or selected(${m}, 'a')",
        },
        {
            "name": "last",
            "type": "select_one",
            "label": {"nl": "Tot slot?"},
            "relevant": "${why} != ''",
            "options": [{"name": "x", "label": {"nl": "X"}}, {"name": "y", "label": {"nl": "Y"}}],
        },
    ],
}


def _form(*answer: str, decline: bool = False) -> dict[str, Any]:
    return {"answer": list(answer), "decline": "1" if decline else ""}


JOURNEY_CASES: list[tuple[str, dict[str, dict[str, Any]]]] = [
    ("ROUTES", {}),
    ("ROUTES", {"s": _form("ja")}),
    ("ROUTES", {"s": _form("ja"), "kids": _form("0")}),
    (
        "ROUTES",
        {"s": _form("ja"), "kids": _form("3"), "ages": _form("4 en 6"), "m": _form("a", "b")},
    ),
    ("ROUTES", {"s": _form("nee"), "kids": _form("3"), "ages": _form("x"), "m": _form("c")}),
    (
        "ROUTES",
        {
            "s": _form("ja"),
            "kids": _form(decline=True),
            "m": _form("a", "c"),
            "money": _form("2,5"),
            "why": _form("x"),
        },
    ),
    (
        "ROUTES",
        {
            "s": _form("ja"),
            "kids": _form("2"),
            "m": _form("b"),
            "why": _form("omdat"),
            "money": _form("1,5"),
            "last": _form("y"),
        },
    ),
    ("ROUTES", {"s": _form("ja"), "kids": _form("١"), "ages": _form("9"), "why": _form("  ")}),
    ("DEMO", {}),
    ("DEMO", {"wie": _form("ouder"), "kinderen": _form("2"), "moeilijk": _form("vrije_tijd")}),
    (
        "DEMO",
        {"wie": _form("ouder"), "moeilijk": _form("wonen"), "vrije_tijd_drempel": _form("duur")},
    ),
    (
        "DEMO",
        {
            "wie": _form("andere"),
            "moeilijk": _form(decline=True),
            "vrije_tijd_drempel": _form("ver"),
        },
    ),
]


def _python_journey(survey: Any, forms: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from participatie.surveys import navigation as journey

    values = {}
    for name, raw in forms.items():
        question = survey.question(name)
        parsed = parse_answer(question, MultiDict(_pairs(raw)))
        assert parsed.error is None, (name, parsed.error)
        if not parsed.declined:
            values[name] = parsed.value
    shown = [q.name for q in survey.relevant_questions(values)]
    first = journey.first_unanswered(survey, set(forms), values)
    place = journey.place_of(survey, shown[-1], values) if shown else None
    return {
        "visible": shown,
        "next": {
            name: getattr(journey.next_after(survey, name, values), "name", None) for name in shown
        },
        "first": first.name if first else None,
        "last_place": [place.number, place.total] if place else None,
    }


def _pairs(raw: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = [("answer", value) for value in raw.get("answer", [])]
    return pairs + ([("decline", "1")] if raw.get("decline") else [])


def _stored_by_the_server(
    project: Any, user: Any, forms: dict[str, dict[str, Any]], code: str
) -> list[str]:
    """What the server keeps of these answers (save_answer + prune_skipped), via the sync."""
    import secrets

    from sqlalchemy import select

    from participatie.assist.sync import apply
    from participatie.extensions import db
    from participatie.models import Answer, IdempotencyKey, Question, Response

    key = secrets.token_hex(16)
    item = {"key": key, "survey": code, "consent": {"confirmed": True}, "answers": forms}
    assert apply(project, user, item).status == "stored"
    response_id = db.session.scalar(
        select(Response.id)
        .join(IdempotencyKey, IdempotencyKey.object_id == Response.public_id)
        .where(IdempotencyKey.key == key)
    )
    return list(
        db.session.scalars(
            select(Question.name)
            .join(Answer)
            .where(Answer.response_id == response_id)
            .order_by(Question.position)
        )
    )


@needs_node
def test_javascript_journey_agrees_with_python(app: Flask, demo: None, tmp_path: Path) -> None:
    from sqlalchemy import select

    from participatie.assist.offline import definition_json
    from participatie.extensions import db
    from participatie.models import Project, SurveyStatus, User
    from participatie.surveys.assemble import survey_from_definition
    from participatie.surveys.definition import load_definition

    with app.test_request_context("/"):
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        user = db.session.scalar(select(User).where(User.email == "vrijwilliger@kempenaar.example"))
        assert project is not None and user is not None
        survey = survey_from_definition(project, ROUTED_SURVEY)
        survey.status = SurveyStatus.OPEN
        db.session.add(survey)
        db.session.flush()
        surveys = {code: load_definition(code) for code in ("ROUTES", "DEMO")}
        definitions = {code: definition_json(s, project) for code, s in surveys.items() if s}
        expected = []
        for code, forms in JOURNEY_CASES:
            outcome = _python_journey(surveys[code], forms)
            outcome["kept"] = _stored_by_the_server(project, user, forms, code)
            expected.append(outcome)
        db.session.rollback()
    cases = tmp_path / "journey.json"
    cases.write_text(
        json.dumps(
            {
                "relevance": [],
                "validation": [],
                "journey": [
                    {"definition": definitions[code], "forms": forms}
                    for code, forms in JOURNEY_CASES
                ],
            }
        ),
        "utf-8",
    )
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(HERE / "js" / "run_cases.js"), str(cases)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["journey"]
    for (code, forms), python, javascript in zip(JOURNEY_CASES, expected, results, strict=True):
        assert javascript == python, (code, forms)
    # The cases do reach every kind of routing: skipped, shown, and pruned answers.
    assert any(
        len(r["kept"]) < len(forms) for r, (_c, forms) in zip(expected, JOURNEY_CASES, strict=True)
    )
    assert {"many", "why", "money", "last", "ages"} <= {n for r in expected for n in r["visible"]}
