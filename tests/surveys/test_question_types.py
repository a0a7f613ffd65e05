"""The registry of question types (surveys/question_types/): every type owns its parts, and a
type no module owns fails loudly wherever it used to pass silently (the answer parser took it
for a note, the page showed a text box, the paper form printed nothing, the offline validator
dropped the answer)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask
from jinja2 import TemplateNotFound
from werkzeug.datastructures import MultiDict

from participatie.assist.entry import entry_form, entry_specs
from participatie.assist.offline import definition_json
from participatie.assist.paper import paper_html
from participatie.extensions import db
from participatie.models import Project
from participatie.models import QuestionType as TypeName
from participatie.surveys import definition as definitions
from participatie.surveys.answers import parse_answer
from participatie.surveys.conditions import Condition, condition_expression
from participatie.surveys.definition import QuestionDef, SurveyDef, load_definition
from participatie.surveys.kinds import KINDS, kind_of
from participatie.surveys.question_types import UnknownQuestionType, all_types, question_type
from participatie.surveys.xlsform_export import constraint_for
from tests.assist.helpers import VOLUNTEER
from tests.conftest import PageCheckingClient, login

ROOT = Path(__file__).resolve().parents[2]
OFFLINE = ROOT / "participatie" / "static" / "offline"


def test_every_stored_type_name_has_its_module_and_partials(app: Flask) -> None:
    names = {answer_type.name for answer_type in all_types()}
    assert names == {str(name) for name in TypeName}
    loader = app.jinja_env
    for answer_type in all_types():
        assert question_type(answer_type.name) is answer_type
        loader.get_template(answer_type.page_partial)
        loader.get_template(answer_type.paper_partial)
        assert answer_type.name in answer_type.xlsform_spellings
        assert answer_type.builder_kinds, answer_type.name
    # Every builder kind belongs to one type, and every type and appearance has its kind back.
    for kind in KINDS:
        assert kind_of(*_shape(kind)) == kind


def _shape(kind: str) -> tuple[str, str]:
    from participatie.surveys.kinds import SHAPES, Kind

    type_name, appearance = SHAPES[Kind(kind)]
    return str(type_name), str(appearance)


def _unknown(question: QuestionDef) -> QuestionDef:
    return replace(question, type="colour")


def _corrupted(code: str) -> SurveyDef:
    """The cached definition with one question of a type no module owns (as a row written by
    an older or newer version of the app would be)."""
    survey = load_definition(code)
    assert survey is not None
    questions = tuple(_unknown(q) if q.name == "kinderen" else q for q in survey.questions)
    broken = replace(survey, questions=questions)
    definitions._cache[code] = broken
    return broken


def test_an_unknown_type_fails_loudly_everywhere(
    app: Flask, client: PageCheckingClient, demo: None, caplog: pytest.LogCaptureFixture
) -> None:
    with app.test_request_context("/"):
        survey = _corrupted("DEMO")
        question = survey.question("kinderen")
        assert question is not None
        with pytest.raises(UnknownQuestionType):
            question_type("colour")
        # The parser: before, an unknown type was taken for a note and its answer dropped.
        with pytest.raises(UnknownQuestionType):
            parse_answer(question, MultiDict([("answer", "3")]))
        # The paper form: before, it printed the question with nowhere to answer.
        with pytest.raises(UnknownQuestionType):
            paper_html(survey, "nl")
        # Paper entry and the offline journey's data.
        project = db.session.get(Project, survey.project_id)
        assert project is not None
        with pytest.raises(UnknownQuestionType):
            entry_specs(survey)
        with pytest.raises(UnknownQuestionType):
            definition_json(survey, project)
        # The builder, XLSForm and routing: never "a short answer" in its place.
        with pytest.raises(UnknownQuestionType):
            kind_of("colour")
        with pytest.raises(UnknownQuestionType):
            constraint_for(1, 2, "colour")
        with pytest.raises(UnknownQuestionType):
            condition_expression(Condition("kinderen", "eq", "3"), "colour")
    # The participant's page: before, a text box; now the error page, and the error logged.
    # (The page-checking client refuses any 500, so the refusal is what we expect here.)
    definitions._cache.clear()
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    with app.app_context():
        _corrupted("DEMO")
    with pytest.raises(AssertionError, match=re.escape("500 for /s/DEMO/kinderen")):
        client.get("/s/DEMO/kinderen")
    assert "unknown question type: 'colour'" in caplog.text
    login(client, VOLUNTEER)
    with app.app_context():
        _corrupted("DEMO")
    caplog.clear()
    with pytest.raises(
        AssertionError, match=re.escape("500 for /projecten/demo/samen/DEMO/definitie.json")
    ):
        client.get("/projecten/demo/samen/DEMO/definitie.json")
    assert "unknown question type: 'colour'" in caplog.text
    definitions._cache.clear()


def test_entry_form_of_an_unknown_type_fails(app: Flask, demo: None) -> None:
    from participatie.models import Response

    with app.test_request_context("/"):
        survey = _corrupted("DEMO")
        with pytest.raises(UnknownQuestionType):
            entry_form(survey, Response(id=0, answers=[]), meta={"csrf": False})
        definitions._cache.clear()


def test_a_missing_partial_is_an_error_not_a_blank(app: Flask) -> None:
    with app.app_context(), pytest.raises(TemplateNotFound):
        app.jinja_env.get_template("participate/answer/colour.html")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_offline_evaluator_refuses_an_unknown_type_and_check() -> None:
    script = f"""
    const validate = require({json.dumps(str(OFFLINE / "validate.js"))});
    const out = [];
    for (const question of [{{type: "colour"}}, {{type: "text", check: {{op: "colour"}}}}]) {{
      try {{ validate.parseAnswer(question, {{answer: ["3"]}}); out.push("accepted"); }}
      catch (error) {{ out.push(String(error.message)); }}
    }}
    process.stdout.write(JSON.stringify(out));
    """
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [
        "unknown question type: colour",
        "unknown answer check: colour",
    ]
