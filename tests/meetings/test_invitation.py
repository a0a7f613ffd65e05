"""The invitation: page in plain language, sign-up with clear messages, .ics, A4/A5 PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC
from pathlib import Path

import pytest
from flask import Flask
from icalendar import Calendar

from participatie.surveys.jargon import DEFAULT_JARGON
from participatie.surveys.readability import jargon_in
from tests.conftest import PageCheckingClient
from tests.meetings.helpers import coming_oudergroep, sign_up
from tests.test_plain_language import MINIMUM, flesch_douma


def test_the_invitation_says_day_hour_place_childcare_vergoeding_and_whom_to_call(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    token, _start, _due, place = coming_oudergroep(app)
    page = client.get(f"/m/{token}?lang=nl")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for words in (
        place,
        "19:00",
        "21:00",
        "Het duurt 2 uur.",
        "opvang voor je kinderen",
        "€\xa015,00",
        "in cash",
        "Bel Sara: 0470 12 34 56",
        "Je mag iemand meebrengen.",
    ):
        assert words in html, words
    assert '<html lang="nl" dir="ltr">' in html
    assert flesch_douma(html) >= MINIMUM
    text = re.sub(r"<[^>]+>", " ", html)
    assert jargon_in(text, DEFAULT_JARGON) == []
    arabic = client.get(f"/m/{token}?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic and "Je mag iemand meebrengen" not in arabic
    assert len(page.data) < 14_600


def test_an_unknown_invitation_is_not_found(client: PageCheckingClient, demo: None) -> None:
    assert client.get("/m/not-a-real-token").status_code == 404


@pytest.mark.parametrize(
    ("lang", "fields", "message"),
    [
        ("nl", {"phone": "12345", "email": "mama@example.org"}, "Dit is geen gsm-nummer."),
        ("nl", {"phone": "011 22 33 44"}, "Dit is geen gsm-nummer."),  # a fixed line: no SMS
        ("nl", {"email": "mama@"}, "Dit is geen e-mailadres."),
        ("nl", {}, "Schrijf een gsm-nummer of een e-mailadres."),
        ("ar", {"phone": "12345"}, None),
    ],
)
def test_bad_input_gets_a_message_on_the_same_page_and_keeps_the_fields(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    lang: str,
    fields: dict[str, str],
    message: str | None,
) -> None:
    token, *_ = coming_oudergroep(app)
    response = sign_up(client, token, lang, **fields)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'class="error-summary"' in html
    if message:
        assert message in html
    else:
        assert "Dit is geen gsm-nummer." not in html  # said in Arabic
    for value in fields.values():
        assert f'value="{value}"' in html


def test_without_the_consent_tick_nothing_is_kept(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from participatie.extensions import db
    from participatie.models import Contact

    token, *_ = coming_oudergroep(app)
    response = client.post_form(
        f"/m/{token}", {"phone": "0470 12 34 56", "language": "nl"}, token_from=f"/m/{token}"
    )
    assert response.status_code == 400
    assert "Zet een vinkje" in response.get_data(as_text=True)
    assert 'value="0470 12 34 56"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Contact).count() == 0
        db.session.remove()


def test_the_calendar_file_parses_and_starts_at_the_right_moment_in_utc(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    token, start, _due, place = coming_oudergroep(app)
    response = client.get(f"/m/{token}/agenda.ics?lang=nl")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert b"Z\r\n" in response.data  # DTSTART written in UTC
    event = next(iter(Calendar.from_ical(response.data).walk("VEVENT")))
    assert event.decoded("dtstart") == start.astimezone(UTC)
    assert event.decoded("dtstart").utcoffset().total_seconds() == 0
    assert place in str(event.get("location"))


@pytest.mark.pdf
@pytest.mark.parametrize(("lang", "words"), [("nl", "Je mag iemand meebrengen"), ("ar", "19:00")])
@pytest.mark.parametrize("size", ["a4", "a5"])
def test_the_printable_invitation_reads_back(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    tmp_path: Path,
    lang: str,
    words: str,
    size: str,
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found (apt-get install poppler-utils)")
    token, _start, _due, place = coming_oudergroep(app)
    response = client.get(f"/m/{token}/{size}.pdf?lang={lang}")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    pdf = tmp_path / "invitation.pdf"
    pdf.write_bytes(response.data)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert words in text and place in text
    if lang == "ar":
        assert re.search(r"[\u0600-\u06ff]{3}", text), text
