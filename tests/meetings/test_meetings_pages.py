"""The coordinator's meeting pages and `participatie meetings list`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Meeting, MeetingAttendee
from tests.conftest import PageCheckingClient, login

BASE = "/projecten/demo/bijeenkomsten"
MEETING = {
    "kind": "werkgroep",
    "title": "Werkgroep onderwijs",
    "series": "",
    "day": "2027-03-02",
    "start": "19:00",
    "end": "20:30",
    "place": "Bibliotheek",
    "address": "Markt 3",
    "compensation": "12.50",
    "payment_method": "bon",
    "contact_name": "Nadia",
    "contact_phone": "0471 00 00 00",
    "reminder_days_before": "1",
    "reminder_time": "10:00",
}


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("coordinator@kempenaar.example", 200),
        ("stuurgroep@kempenaar.example", 403),
        ("vrijwilliger@kempenaar.example", 403),
    ],
)
def test_meeting_pages_are_for_coordinators(
    client: PageCheckingClient, demo: None, email: str, expected: int
) -> None:
    login(client, email)
    assert client.get(BASE).status_code == expected
    assert client.get(BASE + "/nieuw").status_code == expected


def test_a_coordinator_plans_a_meeting_with_agenda_attendance_and_vergoeding(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    login(client, "coordinator@kempenaar.example")
    bad = client.post_form(BASE + "/nieuw", {**MEETING, "end": "18:00"})
    assert bad.status_code == 400 and "Het einduur komt na het beginuur." in bad.get_data(
        as_text=True
    )
    assert 'value="Werkgroep onderwijs"' in bad.get_data(as_text=True)
    created = client.post_form(BASE + "/nieuw", MEETING)
    assert created.status_code == 302
    page_url = created.headers["Location"]
    page = client.get(page_url).get_data(as_text=True)
    assert "Werkgroep onderwijs" in page and "/m/" in page and "<svg" in page
    client.post_form(
        page_url + "/agenda",
        {"text": "Schoolkosten", "theme": "", "decision": ""},
        token_from=page_url,
    )
    for pseudonym in ("P1", "P2"):
        added = client.post_form(
            page_url + "/aanwezigen",
            {"pseudonym": pseudonym, "participant_group": "ouder", "compensation": "12.50"},
            token_from=page_url,
        )
        assert added.status_code == 302
    twice = client.post_form(
        page_url + "/aanwezigen",
        {"pseudonym": "P1", "participant_group": "ouder"},
        token_from=page_url,
    )
    assert twice.status_code == 400 and "al gebruikt" in twice.get_data(as_text=True)
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.title == "Werkgroep onderwijs"))
        assert meeting is not None and meeting.starts_at.isoformat() == "2027-03-02T18:00:00+00:00"
        assert [a.text for a in meeting.agenda] == ["Schoolkosten"]
        assert sum(a.compensation_cents for a in meeting.attendees) == 2500
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert {"meeting.create", "meeting.agenda_add", "meeting.attendee_add"} <= actions
        db.session.remove()
    moved = client.post_form(page_url + "/bewerken", {**MEETING, "start": "18:30"})
    assert moved.status_code == 302


@pytest.mark.pdf
def test_the_attendance_sheet_gives_totals_per_meeting_and_period(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    tmp_path: Path,
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found (apt-get install poppler-utils)")
    login(client, "coordinator@kempenaar.example")
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).join(MeetingAttendee).limit(1))
        assert meeting is not None
        public_id = meeting.public_id
        db.session.remove()
    for url in (
        f"{BASE}/{public_id}/aanwezigheid.pdf",
        f"{BASE}/aanwezigheid.pdf?start=2020-01-01&end=2099-12-31",
    ):
        response = client.get(url)
        assert response.status_code == 200 and response.data.startswith(b"%PDF")
        pdf = tmp_path / "sheet.pdf"
        pdf.write_bytes(response.data)
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "P1" in text and "45,00" in text and "Totaal voor de periode" in text


def test_meetings_list_prints_the_design_shape(app: Flask, demo: None) -> None:
    result = app.test_cli_runner().invoke(
        args=["meetings", "list", "--project", "demo", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {row["kind"] for row in rows} >= {"oudergroep", "stuurgroep", "focusgroep"}
    for row in rows:
        assert set(row) == {"id", "kind", "title", "start", "place", "invitation_url"}
        assert row["start"][-6:] in ("+01:00", "+02:00") and "/m/" in row["invitation_url"]
    missing = app.test_cli_runner().invoke(args=["meetings", "list", "--project", "nope"])
    assert missing.exit_code == 1


def test_gesprekstafel_postits_become_statements_to_tag_per_table_and_round(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    from participatie.models import Quote, Statement, StatementSource

    login(client, "coordinator@kempenaar.example")
    created = client.post_form(
        BASE + "/nieuw", {**MEETING, "kind": "gesprekstafel", "title": "Gesprekstafel wonen"}
    )
    page_url = created.headers["Location"]
    empty = client.post_form(
        page_url + "/postits",
        {"table": "2", "round_number": "1", "postit_language": "nl", "postits": "  "},
        token_from=page_url,
    )
    assert empty.status_code == 400 and "Schrijf minstens één post-it." in empty.get_data(
        as_text=True
    )
    saved = client.post_form(
        page_url + "/postits",
        {
            "table": "2",
            "round_number": "1",
            "postit_language": "nl",
            "postits": "De huur is te hoog\n\nVocht in de slaapkamer\nDe buren helpen",
        },
        token_from=page_url,
    )
    assert saved.status_code == 302
    page = client.get(page_url).get_data(as_text=True)
    assert "Tafel 2 · ronde 1" in page and "Vocht in de slaapkamer" in page
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.title == "Gesprekstafel wonen"))
        assert meeting is not None and meeting.focus_group_id is not None
        quotes = db.session.scalars(
            select(Quote).where(Quote.focus_group_id == meeting.focus_group_id)
        ).all()
        assert [q.text for q in quotes] == [
            "De huur is te hoog",
            "Vocht in de slaapkamer",
            "De buren helpen",
        ]
        assert {q.attendee_id for q in quotes} == {None}
        statements = db.session.scalars(
            select(Statement).where(Statement.quote_id.in_([q.id for q in quotes]))
        ).all()
        assert len(statements) == 3 and {s.source for s in statements} == {
            StatementSource.FOCUS_GROUP
        }
        db.session.remove()
    queue = client.get("/projecten/demo/uitspraken?status=untagged")
    assert queue.status_code == 200


def test_agenda_items_and_decisions_taken_link_to_themes_and_decision_records(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    from participatie.models import Decision, MeetingDecision, Theme

    login(client, "coordinator@kempenaar.example")
    with app.app_context():
        decision = db.session.scalars(select(Decision).order_by(Decision.id)).first()
        assert decision is not None, "the demo has decisions"
        decision_id, theme_id = decision.id, decision.theme_id
        meeting = db.session.scalar(select(Meeting).where(Meeting.kind == "stuurgroep"))
        assert meeting is not None
        page_url = f"{BASE}/{meeting.public_id}"
        db.session.remove()
    added = client.post_form(
        page_url + "/agenda",
        {"text": "Prioriteiten kiezen", "theme": str(theme_id), "decision": ""},
        token_from=page_url,
    )
    assert added.status_code == 302
    taken = client.post_form(
        page_url + "/beslissingen", {"taken_decision": str(decision_id)}, token_from=page_url
    )
    assert taken.status_code == 302
    wrong = client.post_form(
        page_url + "/beslissingen", {"taken_decision": "999999"}, token_from=page_url
    )
    assert wrong.status_code == 400
    page = client.get(page_url).get_data(as_text=True)
    assert "Prioriteiten kiezen" in page
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.kind == "stuurgroep"))
        assert meeting is not None
        assert [item.theme_id for item in meeting.agenda] == [theme_id]
        links = db.session.scalars(
            select(MeetingDecision).where(MeetingDecision.meeting_id == meeting.id)
        ).all()
        assert [link.decision_id for link in links] == [decision_id]
        assert db.session.get(Theme, theme_id) is not None
        db.session.remove()
