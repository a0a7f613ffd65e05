"""Paper forms keyed in: the print form's checks, data entry of numbers and answers, who may correct an entry, the QR code link, numbers of other surveys, the CLI export and printing a draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    Answer,
    AuditEvent,
    ResponseMode,
    Statement,
    Survey,
    SurveyStatus,
)
from tests.assist.helpers import COORDINATOR, VOLUNTEER, csrf
from tests.assist.test_paper import (
    JUMP,
    PAPER,
    _demo_without,
    allocate,
    answers_of,
    key_in,
    needs_pdf_tools,
    paper_response,
    pdf_text,
    printed_numbers,
)
from tests.conftest import PageCheckingClient, login


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
