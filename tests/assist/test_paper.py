"""Paper forms: the printable PDF, and keying the forms in by their printed number."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from participatie.assist.paper import UnknownPaperSurvey, render_paper_pdf
from participatie.extensions import db
from participatie.models import (
    Answer,
    AuditEvent,
    Organisation,
    Project,
    Question,
    Response,
    ResponseMode,
    Statement,
    Survey,
    SurveyStatus,
)
from tests.assist.helpers import COORDINATOR, VOLUNTEER, csrf
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


def test_print_form_checks_its_input(client: PageCheckingClient, demo: None) -> None:
    login(client, VOLUNTEER)
    page = client.get(PAPER).get_data(as_text=True)
    assert '<option selected value="nl">Nederlands</option>' in page
    refused = client.post(
        PAPER, data={"csrf_token": csrf(page), "language": "xx", "copies": "veel"}
    )
    assert refused.status_code == 400
    body = refused.get_data(as_text=True)
    assert "Kies de taal van het formulier." in body
    assert "Vul in hoeveel formulieren je wilt afdrukken, van 1 tot 100." in body  # a volunteer
    assert 'value="veel"' in body  # what was typed stays


def test_data_entry_checks_numbers_and_answers(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    first, second = allocate(app, 2)
    login(client, VOLUNTEER)
    page = client.get(JUMP).get_data(as_text=True)
    assert "autofocus" in page
    typo = first[:-1] + str((int(first[-1]) + 1) % 10)
    refused = client.post(JUMP, data={"csrf_token": csrf(page), "number": typo})
    assert refused.status_code == 400
    assert "het laatste cijfer is een controlecijfer" in refused.get_data(as_text=True)
    from participatie.assist.paper_numbers import with_check_digit

    unknown = with_check_digit(999999)
    refused = client.post(JUMP, data={"csrf_token": csrf(page), "number": unknown})
    assert "Dit nummer werd niet afgedrukt voor deze vragenlijst." in refused.get_data(as_text=True)
    # Wrong answers: the message per field, and everything typed stays.
    saved = key_in(
        client,
        first,
        {
            "Wie ben je?": "4",
            "Hoeveel kinderen wonen bij jou?": "twintig",
            "Heb je een UiTPAS met korting?": "1 2",
        },
        expect=400,
    )
    body = saved.get_data(as_text=True)
    assert "Vul het nummer van een antwoord in, van 1 tot 3." in body
    assert "Vul een getal in, zoals 3." in body
    assert "Bij deze vraag hoort maar één antwoord. Vul één nummer in." in body
    assert 'value="twintig"' in body
    response = paper_response(app, first)
    assert answers_of(app, response.id) == {}
    # Typed right: "13" is options 1 and 3 when a question has at most nine options.
    key_in(
        client,
        first,
        {
            "Wie ben je?": "1",
            "Hoeveel kinderen wonen bij jou?": "2",
            "Waar loopt het moeilijk?": "7",
            "Wat houdt je kinderen tegen om naar een club te gaan?": "13",
            "Wat zou voor jouw gezin een echt verschil maken?": "Een speelplein.",
        },
    )
    stored = paper_response(app, first)
    assert stored.consented_at is not None and stored.completed_at is not None
    assert stored.mode == ResponseMode.PAPER and stored.participant_group == "ouder"
    assert answers_of(app, stored.id) == {
        "wie": "ouder",
        "kinderen": 2,
        "moeilijk": ["vrije_tijd"],
        "vrije_tijd_drempel": ["duur", "onbekend"],
        "verschil": "Een speelplein.",
    }
    with app.app_context():
        assert db.session.scalar(
            select(Statement.id).join(Answer).where(Answer.response_id == stored.id)
        )
    # Routing: a follow-up question answered on paper although it was skipped is not kept.
    key_in(
        client,
        second,
        {
            "Waar loopt het moeilijk?": "3",
            "Wat houdt je kinderen tegen om naar een club te gaan?": "1",
        },
    )
    assert answers_of(app, paper_response(app, second).id) == {"moeilijk": ["wonen"]}


def test_a_keyed_in_form_is_not_for_other_volunteers_but_a_coordinator_may_correct_it(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    (number,) = allocate(app, 1)
    login(client, VOLUNTEER)
    key_in(client, number, {"Wie ben je?": "1"})
    response = paper_response(app, number)
    entry = f"{JUMP}/{response.public_id}"
    assert client.get(entry).status_code == 200  # its typist, in the same session, may fix it
    client.post("/logout", data={"csrf_token": csrf(client.get("/account").get_data(as_text=True))})
    login(client, VOLUNTEER)
    refused = client.get(entry)
    assert refused.status_code == 302
    page = client.get(JUMP).get_data(as_text=True)
    again = client.post(JUMP, data={"csrf_token": csrf(page), "number": number})
    assert "Dit formulier is al ingevoerd." in again.get_data(as_text=True)
    client.post("/logout", data={"csrf_token": csrf(client.get("/account").get_data(as_text=True))})
    login(client, COORDINATOR)
    form = client.get(entry).get_data(as_text=True)
    assert "je verbetert het nu" in form and 'value="1"' in form
    key_in(client, number, {"Wie ben je?": "3"})
    assert answers_of(app, response.id) == {"wie": "andere"}
    with app.app_context():
        actions = db.session.scalars(
            select(AuditEvent.action).where(AuditEvent.object_id == response.public_id)
        ).all()
    # Reading it and correcting it are logged; the volunteer's typing left no trace.
    assert set(actions) == {"paper_response.viewed", "paper_response.corrected"}


def test_the_qr_code_link_opens_its_copy(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from participatie.assist.paper import entry_address
    from participatie.surveys.definition import load_definition

    (number,) = allocate(app, 1)
    with app.app_context():
        survey = load_definition("DEMO")
        assert survey is not None
        address = entry_address(survey, number.replace("-", ""))
    assert address == f"http://localhost{JUMP}?nummer={number.replace('-', '')}"
    login(client, VOLUNTEER)
    opened = client.get(address.removeprefix("http://localhost"))
    assert opened.headers["Location"].endswith(f"/invoer/{paper_response(app, number).public_id}")
    # A keyboard-wedge scanner types the whole address into the number field: that works too.
    page = client.get(JUMP).get_data(as_text=True)
    typed = client.post(JUMP, data={"csrf_token": csrf(page), "number": address})
    assert typed.headers["Location"] == opened.headers["Location"]


def test_a_number_of_another_survey_is_unknown_here(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from tests.assist.helpers import other_project

    other_project(app)
    (number,) = allocate(app, 1, code="ANDER")
    login(client, VOLUNTEER)
    page = client.get(JUMP).get_data(as_text=True)
    refused = client.post(JUMP, data={"csrf_token": csrf(page), "number": number})
    assert "Dit nummer werd niet afgedrukt voor deze vragenlijst." in refused.get_data(as_text=True)
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "ANDER"))
        assert survey is not None


@pytest.mark.pdf
def test_the_cli_exports_the_paper_form_and_its_numbers_can_be_keyed_in(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    tmp_path: Path,
) -> None:
    needs_pdf_tools()
    output = tmp_path / "DEMO-ar.pdf"
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "surveys",
            "export",
            "DEMO",
            "--format",
            "pdf",
            "--lang",
            "ar",
            "--copies",
            "2",
            "--output",
            str(output),
        ]
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(output.read_bytes())
    assert "كيف حال عائلتك؟" in text
    numbers = printed_numbers(text)
    assert len(numbers) == 2
    login(client, VOLUNTEER)  # the CLI committed the numbers: data entry finds them
    key_in(client, numbers[0], {"Wie ben je?": "3"})
    assert answers_of(app, paper_response(app, numbers[0]).id) == {"wie": "andere"}
    with app.app_context():
        _demo_without("ti")
        db.session.remove()
    refused = runner.invoke(
        args=[
            "surveys",
            "export",
            "DEMO",
            "--format",
            "pdf",
            "--lang",
            "ti",
            "--output",
            str(output),
        ]
    )
    assert refused.exit_code == 1 and "not offered in 'ti'" in refused.output


@pytest.mark.pdf
def test_a_coordinator_may_print_a_draft_and_it_is_logged(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from tests.assist.helpers import set_survey

    needs_pdf_tools()
    set_survey(app, status=SurveyStatus.DRAFT)
    login(client, VOLUNTEER)
    assert client.get(PAPER).status_code == 404  # volunteers print open surveys only
    client.post("/logout", data={"csrf_token": csrf(client.get("/account").get_data(as_text=True))})
    login(client, COORDINATOR)
    page = client.get(PAPER).get_data(as_text=True)
    printed = client.post(PAPER, data={"csrf_token": csrf(page), "language": "fr", "copies": "2"})
    assert printed.status_code == 200 and printed.data.startswith(b"%PDF")
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "paper_forms.printed")
        )
        assert event is not None and event.details == {"copies": 2, "language": "fr"}
