"""The date question (surveys/question_types/date.py) end to end through the real entry points:
the participant's pages, paper print and entry, the spreadsheet import, the report per month and
its CSV, and XLSForm out and back in."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Project, Question, Response, ResponseMode, SurveyStatus
from participatie.models.base import utcnow
from participatie.surveys.assemble import survey_from_definition
from tests.assist.helpers import VOLUNTEER, csrf
from tests.conftest import PageCheckingClient, login
from tests.surveys.helpers import COORDINATOR

IDEM = re.compile(r'name="idem" value="([^"]+)"')
CODE = "DATUM"
DATE_SURVEY: dict[str, Any] = {
    "code": CODE,
    "title": {"nl": "Wanneer was het?"},
    "questions": [
        {
            "name": "geboren",
            "type": "date",
            "required": True,
            "label": {"nl": "Wanneer is je jongste kind geboren?"},
        },
        {
            "name": "verhuisd",
            "type": "date",
            "label": {"nl": "Wanneer ben je verhuisd?"},
            "minimum": 20200101,
            "maximum": 20241231,
        },
    ],
}


def make_date_survey(app: Flask, status: SurveyStatus = SurveyStatus.OPEN) -> None:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        survey = survey_from_definition(project, DATE_SURVEY)
        survey.status = status
        db.session.add(survey)
        db.session.commit()


@pytest.fixture
def date_survey(app: Flask, demo: None) -> None:
    make_date_survey(app)


def _post(client: PageCheckingClient, name: str, answer: list[str], expect: int) -> str:
    page = client.get(f"/s/{CODE}/{name}").get_data(as_text=True)
    form = {"idem": IDEM.search(page).group(1), "answer": answer}  # type: ignore[union-attr]
    response = client.post_form(f"/s/{CODE}/{name}", form, token_from=f"/s/{CODE}/{name}")
    assert response.status_code == expect, response.get_data(as_text=True)[:400]
    return str(response.get_data(as_text=True))


def _stored(app: Flask) -> dict[str, Any]:
    with app.app_context():
        rows = db.session.execute(
            select(Question.name, Answer.value)
            .join(Answer.question)
            .join(Response, Response.id == Answer.response_id)
            .where(Response.mode == ResponseMode.SELF)
            .where(Question.name.in_(["geboren", "verhuisd"]))
        ).all()
        return dict(rows)


def test_the_date_page_without_javascript(
    app: Flask, client: PageCheckingClient, date_survey: None
) -> None:
    client.post_form(f"/s/{CODE}/start", {}, token_from=f"/s/{CODE}")
    page = client.get(f"/s/{CODE}/geboren").get_data(as_text=True)
    # Three labelled plain fields, numeric keyboard, one fieldset whose legend is the question.
    assert '<legend><h1 id="q"' in page
    for field, label in (("answer", "Dag"), ("answer-month", "Maand"), ("answer-year", "Jaar")):
        assert f'<label for="{field}">{label}</label>' in page
        assert re.search(rf'<input id="{field}" name="answer"[^>]+inputmode="numeric"', page)
    # Required, empty.
    assert "Vul een datum in." in _post(client, "geboren", ["", "", ""], 400)
    # 31 February does not exist; what was typed stays in the fields.
    refused = _post(client, "geboren", ["31", "02", "2020"], 400)
    assert "Vul een datum in die bestaat, zoals 15 3 2021." in refused
    assert 'value="31"' in refused and 'value="02"' in refused and 'value="2020"' in refused
    assert 'aria-invalid="true"' in refused and 'href="#answer"' in refused
    # Half a date, letters, a two-digit year.
    assert "die bestaat" in _post(client, "geboren", ["15", "", "2020"], 400)
    assert "die bestaat" in _post(client, "geboren", ["15", "maart", "2020"], 400)
    assert "die bestaat" in _post(client, "geboren", ["15", "3", "20"], 400)
    # No date in the future by default.
    tomorrow = date.today() + timedelta(days=1)
    future = [str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)]
    assert "Deze datum ligt in de toekomst." in _post(client, "geboren", future, 400)
    # Arabic-Indic digits and a leap day are read like any other; stored as an ISO date.
    _post(client, "geboren", ["٢٩", "2", "2020"], 302)
    assert _stored(app)["geboren"] == "2020-02-29"
    # Back on the page: the stored date in its three fields.
    again = client.get(f"/s/{CODE}/geboren").get_data(as_text=True)
    assert 'value="29"' in again and 'value="02"' in again and 'value="2020"' in again
    # The definition's own limits, in its messages.
    assert "Vul een datum in vanaf 1-1-2020." in _post(
        client, "verhuisd", ["31", "12", "2019"], 400
    )
    assert "Vul een datum in tot 31-12-2024." in _post(client, "verhuisd", ["1", "1", "2025"], 400)
    _post(client, "verhuisd", ["15", "6", "2022"], 302)
    assert _stored(app)["verhuisd"] == "2022-06-15"


def test_the_paper_form_prints_boxes_and_entry_keys_a_date_in(
    app: Flask, client: PageCheckingClient, date_survey: None
) -> None:
    from participatie.assist.paper import paper_html
    from participatie.assist.paper_numbers import allocate, display
    from participatie.surveys.definition import load_definition

    with app.test_request_context("/"):
        survey = load_definition(CODE)
        assert survey is not None
        printed = paper_html(survey, "nl")
        numbers = [display(n) for n in allocate(survey, "nl", 1)]
        db.session.commit()
    assert "Schrijf de dag, de maand en het jaar in de vakjes." in printed
    assert printed.count('<div class="number-box"></div>') == 6  # two dates, three boxes each
    jump = f"/projecten/demo/samen/{CODE}/invoer"
    login(client, VOLUNTEER)
    page = client.get(jump).get_data(as_text=True)
    url = client.post(jump, data={"csrf_token": csrf(page), "number": numbers[0]}).headers[
        "Location"
    ]
    form = client.get(url).get_data(as_text=True)
    assert 'placeholder="15-3-2021"' in form

    def key_in(first: str, second: str, expect: int) -> str:
        page = client.get(url).get_data(as_text=True)
        saved = client.post(url, data={"csrf_token": csrf(page), "q0": first, "q1": second})
        assert saved.status_code == expect, saved.get_data(as_text=True)[:400]
        return str(saved.get_data(as_text=True))

    refused = key_in("31-2-2020", "2022", 400)
    assert "Vul een datum in die bestaat, zoals 15 3 2021." in refused
    assert 'value="31-2-2020"' in refused
    key_in("15/3/2021", "1 6 2022", 302)
    with app.app_context():
        rows: dict[str, object] = dict(
            db.session.execute(
                select(Question.name, Answer.value)
                .join(Answer.question)
                .join(Response, Response.id == Answer.response_id)
                .where(Response.mode == ResponseMode.PAPER)
                .where(Question.name.in_(["geboren", "verhuisd"]))
            ).all()
        )
    assert rows == {"geboren": "2021-03-15", "verhuisd": "2022-06-01"}
    # Opened again, the typist sees the dates as on paper.
    again = client.get(url).get_data(as_text=True)
    assert 'value="15-3-2021"' in again and 'value="1-6-2022"' in again


def _respond(survey_id: int, questions: dict[str, int], values: list[str]) -> None:
    for value in values:
        response = Response(
            survey_id=survey_id,
            mode=ResponseMode.SELF,
            language="nl",
            consented_at=utcnow(),
            completed_at=utcnow(),
        )
        response.answers.append(Answer(question_id=questions["geboren"], value=value))
        db.session.add(response)


def test_the_report_counts_dates_per_month_never_a_first_or_last(
    app: Flask, client: PageCheckingClient, date_survey: None
) -> None:
    with app.app_context():
        survey_id = db.session.scalar(select(Question.survey_id).where(Question.name == "geboren"))
        assert survey_id is not None
        questions = dict(
            db.session.execute(
                select(Question.name, Question.id).where(Question.survey_id == survey_id)
            ).all()
        )
        # k is 5 in the demo: March has 6, April 5, and one lone date in 2019 (hidden, and a
        # second cell with it, so it cannot be worked out from the total).
        march = [f"2021-03-{day:02d}" for day in range(1, 7)]
        april = [f"2021-04-{day:02d}" for day in range(10, 15)]
        _respond(survey_id, questions, [*march, *april, "2019-07-04"])
        db.session.commit()
    login(client, COORDINATOR)
    page = client.get("/projecten/demo/resultaten?lang=nl&live=1").get_data(as_text=True)
    section = page[page.index("Wanneer is je jongste kind geboren?") :]
    section = section[: section.index("</table>")]
    assert "maart 2021" in section and "april 2021" in section
    assert "2021-03-01" not in page and "2019-07-04" not in page  # no one's own date
    assert "Mediaan" not in section and "mediaan" not in section
    body = client.get(f"/projecten/demo/resultaten/{CODE}/csv?lang=nl&live=1").get_data(
        as_text=True
    )
    rows = [line.split(";") for line in body.splitlines() if line.startswith("geboren;")]
    by_month = {row[1]: row for row in rows}
    assert set(by_month) == {"2019-07", "2021-03", "2021-04"}  # ISO months
    assert by_month["2021-03"][2] == "maart 2021"
    assert by_month["2019-07"][3:] == ["", "", "true"]  # one person: hidden
    assert by_month["2021-04"][3:] == ["", "", "true"]  # hidden with it (complement)
    assert by_month["2021-03"][3] == "6"


def test_a_spreadsheet_of_answers_takes_iso_dates(app: Flask, date_survey: None) -> None:
    from participatie.surveys.definition import load_definition
    from participatie.surveys.responses_csv import read_responses

    data = b"geboren;verhuisd\n2021-03-15;15-6-2022\n2021-02-30;\n"
    with app.test_request_context("/"):
        survey = load_definition(CODE)
        assert survey is not None
        result = read_responses(data, survey, ResponseMode.PAPER)
    assert [(error.row, error.column) for error in result.errors] == [(3, "geboren")]
    assert "die bestaat" in result.errors[0].message


def test_xlsform_round_trip_keeps_the_date_and_its_limits(app: Flask, date_survey: None) -> None:
    from participatie.models import Survey
    from participatie.surveys.xlsform import read_xlsform
    from participatie.surveys.xlsform_export import export_xlsform

    with app.test_request_context("/"):
        survey = db.session.scalar(select(Survey).where(Survey.code == CODE))
        assert survey is not None
        workbook = export_xlsform(survey)
        result = read_xlsform(workbook)
    assert result.ok, result.problems
    assert result.definition is not None
    imported = {q["name"]: q for q in result.definition["questions"]}
    assert imported["geboren"]["type"] == "date"
    assert (imported["geboren"]["minimum"], imported["geboren"]["maximum"]) == (None, None)
    assert imported["verhuisd"]["type"] == "date"
    assert (imported["verhuisd"]["minimum"], imported["verhuisd"]["maximum"]) == (
        20200101,
        20241231,
    )


def test_the_builder_offers_a_date_and_keeps_its_limits(
    app: Flask, client: PageCheckingClient, date_survey: None
) -> None:
    from participatie.models import Survey
    from tests.surveys.helpers import add_question, as_coordinator, edit_question, new_survey

    with app.app_context():
        public_id = db.session.scalar(select(Survey.public_id).where(Survey.code == CODE))
    as_coordinator(client)
    builder = client.get(f"/projecten/demo/vragenlijsten/{public_id}").get_data(as_text=True)
    assert builder.count("Een datum") >= 2  # the two questions' kind, and the "add" list
    edit_question(client, str(public_id), "verhuisd", label="Wanneer ben je hierheen verhuisd?")
    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.name == "verhuisd"))
        assert question is not None
        assert (question.label["nl"], question.minimum, question.maximum) == (
            "Wanneer ben je hierheen verhuisd?",
            20200101,
            20241231,
        )
    draft = new_survey(client, "Nieuw")
    name = add_question(client, draft, "Wanneer begon je?", "date")
    with app.app_context():
        added = db.session.scalar(select(Question).where(Question.name == name))
        assert added is not None and str(added.type) == "date"
