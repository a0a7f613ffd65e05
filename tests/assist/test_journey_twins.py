"""The whole offline journey in JavaScript (static/offline/flow.js) against the server's: the same routed survey, the same answers, the same pages and stored answers."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.datastructures import MultiDict

from participatie.surveys.answers import parse_answer
from tests.assist.test_twins import HERE, NODE, needs_node

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
