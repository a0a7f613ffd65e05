"""Paper forms: the printable PDF, and keying the forms in by their printed number."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from participatie.assist.paper import UnknownPaperSurvey, render_paper_pdf
from participatie.extensions import db
from participatie.models import (
    Answer,
    Organisation,
    Project,
    Question,
    Response,
    ResponseMode,
    Survey,
    SurveyStatus,
)
from tests.assist.helpers import VOLUNTEER, csrf
from tests.conftest import PageCheckingClient, login

PAPER = "/projecten/demo/samen/DEMO/papier"
JUMP = "/projecten/demo/samen/DEMO/invoer"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PRINTED_NUMBER = re.compile(r"(?<![\d-])(\d{4,}-\d)(?![\d-])")


def needs_pdf_tools() -> None:
    pytest.importorskip("weasyprint", reason="WeasyPrint with Pango is not installed")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    text = BIDI_CONTROLS.sub("", done.stdout.decode("utf-8"))
    return re.sub(r"\s+", " ", text)


def printed_numbers(text: str) -> list[str]:
    """Each copy's number, in print order (it is on every page of its copy)."""
    seen: list[str] = []
    for number in PRINTED_NUMBER.findall(text):
        if number not in seen:
            seen.append(number)
    return seen


def paper_response(app: Flask, printed: str) -> Response:
    with app.app_context():
        response = db.session.scalar(
            select(Response).where(Response.paper_number == printed.replace("-", ""))
        )
        assert response is not None, printed
        db.session.expunge(response)
        return response


def answers_of(app: Flask, response_id: int) -> dict[str, object]:
    with app.app_context():
        rows = db.session.execute(
            select(Question.name, Answer.value)
            .join(Answer.question)
            .where(Answer.response_id == response_id)
        ).all()
        return dict(rows)


def allocate(app: Flask, copies: int, language: str = "nl", code: str = "DEMO") -> list[str]:
    from participatie.assist.paper_numbers import allocate as allocate_numbers
    from participatie.assist.paper_numbers import display
    from participatie.surveys.definition import load_definition

    with app.app_context():
        survey = load_definition(code)
        assert survey is not None
        numbers = allocate_numbers(survey, language, copies)
        db.session.commit()
        db.session.remove()
    return [display(number) for number in numbers]


def key_in(
    client: PageCheckingClient, printed: str, entries: dict[str, str], expect: int = 302
) -> TestResponse:
    """Jump by the printed number, then type the answers; returns the entry page's response."""
    page = client.get(JUMP).get_data(as_text=True)
    jumped = client.post(JUMP, data={"csrf_token": csrf(page), "number": printed})
    assert jumped.status_code == 302, jumped.get_data(as_text=True)[:300]
    url = jumped.headers["Location"]
    form = client.get(url).get_data(as_text=True)
    fields = dict(re.findall(r'<label for="(q\d+)">\d+\. ([^<]+)</label>', form))
    by_label = {label: field for field, label in fields.items()}
    data = {
        "csrf_token": csrf(form),
        **{by_label[label]: typed for label, typed in entries.items()},
    }
    saved = client.post(url, data=data)
    assert saved.status_code == expect, saved.get_data(as_text=True)[:600]
    return saved


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nl",
            [
                "Hoe gaat het met jouw gezin?",
                "Nummer van dit formulier:",
                "Wie ben je?",
                "Mama of papa",
                "Zet een kruisje in het vakje bij je antwoord.",
                "Schrijf een getal van 0 tot 15.",
                "Ik wil dit niet zeggen",  # the box where the survey offers the refusal
                "Koos je bij vraag 3 «Vrije tijd en sport»? Beantwoord dan vraag 4. Anders ga je naar vraag 5.",
            ],
        ),
        # (No words with lam-alef: pdftotext splits that ligature; the print itself is right.)
        ("ar", ["كيف حال عائلتك؟", "من أنت؟", "أم أو أب", "يعيش معك؟", "احسب كل"]),
    ],
)
def test_paper_pdf_text_and_data_entry_of_a_printed_number(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    language: str,
    expected: list[str],
) -> None:
    needs_pdf_tools()
    login(client, VOLUNTEER)
    page = client.get(PAPER).get_data(as_text=True)
    pdf = client.post(PAPER, data={"csrf_token": csrf(page), "language": language, "copies": "3"})
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert f'filename="DEMO-{language}.pdf"' in pdf.headers["Content-Disposition"]
    text = pdf_text(pdf.data)
    for sentence in expected:
        assert sentence in text, sentence
    numbers = printed_numbers(text)
    assert len(numbers) == 3
    responses = [paper_response(app, number) for number in numbers]
    assert {r.mode for r in responses} == {ResponseMode.PAPER}
    assert {r.language for r in responses} == {language}
    assert all(r.consented_at is None for r in responses)  # counts nowhere until keyed in
    # The second printed copy, keyed in: its answers land on its own response.
    second = responses[1]
    key_in(
        client,
        numbers[1],
        {
            "Wie ben je?": "2",
            "Hoeveel kinderen wonen bij jou?": "4",
            "Waar loopt het moeilijk?": "7 1",
        },
    )
    assert answers_of(app, second.id) == {
        "wie": "ervaringsdeskundige",
        "kinderen": 4,
        "moeilijk": ["inkomen", "vrije_tijd"],
    }
    assert answers_of(app, responses[0].id) == {} and answers_of(app, responses[2].id) == {}


@pytest.mark.pdf
def test_tigrinya_and_every_copy_on_its_own_pages(app: Flask, demo: None) -> None:
    needs_pdf_tools()
    from participatie.surveys.assemble import survey_from_definition

    with app.app_context():
        project = Project(
            organisation=Organisation(name="Org"),
            name="Eritrese ouders",
            slug="ti-project",
            languages=["nl", "ti"],
        )
        survey = survey_from_definition(
            project,
            {
                "code": "TIGRINYA",
                "title": {"nl": "Jouw gezin", "ti": "ስድራቤትካ"},
                "questions": [
                    {
                        "name": "q",
                        "type": "select_one",
                        "label": {"nl": "Gaat het goed?", "ti": "ደሓን ዲኻ፧"},
                        "options": [
                            {"name": "ja", "label": {"nl": "Ja", "ti": "እወ"}},
                            {"name": "nee", "label": {"nl": "Nee", "ti": "ኣይፋል"}},
                        ],
                    }
                ],
            },
        )
        survey.status = SurveyStatus.OPEN
        db.session.add_all([project, survey])
        db.session.commit()
        pdf = render_paper_pdf("tigrinya", "ti", copies=4)
        db.session.commit()
        numbers = [
            number
            for number in db.session.scalars(
                select(Response.paper_number).where(Response.survey_id == survey.id)
            )
            if number is not None
        ]
    text = pdf_text(pdf)
    for sentence in ("ስድራቤትካ", "ደሓን ዲኻ፧", "እወ", "ኣይፋል"):
        assert sentence in text
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=False).stdout
    if fonts:  # pdffonts comes with pdftotext (poppler-utils)
        assert b"Ethiopic" in fonts
    assert len(numbers) == 4
    assert [n.replace("-", "") for n in printed_numbers(text)] == sorted(numbers)


def _demo_without(language: str) -> None:
    """The demo survey is complete in every language: take one text away from `language`."""
    survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
    assert survey is not None
    survey.intro = {code: text for code, text in survey.intro.items() if code != language}
    survey.revision += 1
    db.session.commit()


def test_render_paper_pdf_refuses_unknown_surveys_and_languages(app_ctx: Flask, demo: None) -> None:
    with pytest.raises(UnknownPaperSurvey):
        render_paper_pdf("NOPE", "nl")
    _demo_without("ti")
    with pytest.raises(UnknownPaperSurvey, match="not offered in 'ti'"):
        render_paper_pdf("DEMO", "ti")
    with pytest.raises(ValueError):
        render_paper_pdf("DEMO", "nl", copies=0)


def test_without_pango_the_pdf_says_what_to_install(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now fails
    login(client, VOLUNTEER)
    page = client.get(PAPER).get_data(as_text=True)
    refused = client.post(PAPER, data={"csrf_token": csrf(page), "language": "nl", "copies": "2"})
    assert refused.status_code == 503
    body = refused.get_data(as_text=True)
    assert "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core" in body
    with app.app_context():  # nothing was allocated
        assert (
            db.session.scalar(select(Response.id).where(Response.paper_number.is_not(None))) is None
        )
    assert client.get("/projecten/demo/samen").status_code == 200  # the rest still works
