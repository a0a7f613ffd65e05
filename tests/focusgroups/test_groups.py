"""Creating and editing focus groups, attendees, and the attendance sheet."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, FocusGroup
from tests.conftest import PageCheckingClient, login
from tests.focusgroups.helpers import BASE, add_attendee, create_group, demo_group


@pytest.fixture
def coordinator(client: PageCheckingClient, demo: None) -> PageCheckingClient:
    login(client, "coordinator@kempenaar.example")
    return client


def test_a_guide_template_fills_the_questions_without_saving(
    app: Flask, coordinator: PageCheckingClient
) -> None:
    response = coordinator.post_form(
        f"{BASE}/nieuw",
        {"title": "Droomgroep", "languages": ["nl"], "template": "vrije_tijd", "use_template": "1"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Stel je voor dat je schepen van jeugd bent." in body
    assert 'value="Droomgroep"' in body
    with app.app_context():
        assert (
            db.session.scalar(select(AuditEvent).where(AuditEvent.action == "focus_group.create"))
            is None
        )
    group_id = create_group(coordinator, template="droom")
    with app.app_context():
        group = demo_group(app, group_id)
        assert group.guide[0].startswith("Stel: je wordt wakker in een gemeente die perfect is")
        assert group.languages == ["nl", "ar"] and str(group.held_on) == "2026-10-14"


def test_bad_input_is_explained_and_kept(coordinator: PageCheckingClient) -> None:
    response = coordinator.post_form(
        f"{BASE}/nieuw",
        {
            "title": "  ",
            "held_on": "14 oktober",
            "place": "Zaal",
            "languages": [],
            "guide": "Vraag?",
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    for message in (
        "Geef de focusgroep een naam.",
        "Vul een datum in zoals 14-10-2026.",
        "Kies minstens één taal.",
    ):
        assert message in body
    assert 'value="Zaal"' in body and "Vraag?" in body
    tampered = coordinator.post_form(f"{BASE}/nieuw", {"title": "X", "languages": ["xx"]})
    assert "Kies een van de mogelijkheden in de lijst." in tampered.get_data(as_text=True)


def test_editing_a_group_and_an_attendee(app: Flask, coordinator: PageCheckingClient) -> None:
    group_id = create_group(coordinator)
    edit = f"{BASE}/{group_id}/bewerken"
    page = coordinator.get(edit).get_data(as_text=True)
    assert "Wat maakte het verschil?" in page
    response = coordinator.post_form(
        edit, {"title": "Nieuwe naam", "languages": ["nl"], "guide": "Eén\n\nTwee\n"}
    )
    assert response.status_code == 302
    add_attendee(coordinator, group_id)
    attendee = f"{BASE}/{group_id}/deelnemers/P1"
    assert (
        coordinator.post_form(
            attendee, {"participant_group": "jongere", "language": "tr", "consent_version": "abc"}
        ).status_code
        == 400
    )
    bad = coordinator.post_form(
        attendee, {"participant_group": "baas", "language": "tr", "consent_version": "1"}
    )
    assert "Kies een van de mogelijkheden in de lijst." in bad.get_data(as_text=True)
    response = coordinator.post_form(
        attendee,
        {
            "participant_group": "jongere",
            "language": "tr",
            "consent_version": "2",
            "consent": "y",
            "compensation": "",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        group = demo_group(app, group_id)
        assert group.title == "Nieuwe naam" and group.guide == ["Eén", "Twee"]
        (p1,) = group.attendees
        assert (p1.participant_group, p1.language, p1.consent_version) == ("jongere", "tr", 2)
        assert p1.compensation == ""
    # Consent withdrawn: the record goes.
    coordinator.post_form(
        attendee, {"participant_group": "jongere", "language": "tr", "consent_version": "2"}
    )
    with app.app_context():
        (p1,) = demo_group(app, group_id).attendees
        assert p1.consented_at is None and p1.consent_version is None
    assert coordinator.get(f"{BASE}/{group_id}/deelnemers/P7").status_code == 404


def test_an_attendee_with_quotes_stays(app: Flask, coordinator: PageCheckingClient) -> None:
    with app.app_context():
        demo_id = db.session.scalar(
            select(FocusGroup.public_id).where(FocusGroup.title.startswith("Praatcafé De Brug"))
        )
        assert demo_id is not None
    response = coordinator.post_form(
        f"{BASE}/{demo_id}/deelnemers/P1/verwijderen", {}, token_from=f"{BASE}/{demo_id}"
    )
    assert response.status_code == 302
    with app.app_context():
        assert "P1" in [a.pseudonym for a in demo_group(app, demo_id).attendees]


def _pdf_text(data: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


@pytest.mark.pdf
def test_attendance_sheet_has_only_what_is_needed(
    app: Flask, coordinator: PageCheckingClient
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed (apt-get install poppler-utils)")
    group_id = create_group(coordinator, title="Avond in De Brug")
    add_attendee(coordinator, group_id)
    add_attendee(
        coordinator,
        group_id,
        **{"new-language": "ar", "new-consent": "", "new-compensation": "Busticket"},
    )
    response = coordinator.get(f"{BASE}/{group_id}/aanwezigheidslijst.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = _pdf_text(response.data)
    assert "Aanwezigheidslijst: Avond in De Brug" in text
    for expected in (
        "P1",
        "P2",
        "ouder",
        "Vrijetijdscheque 20 euro",
        "Busticket",
        "Toestemming",
        "P3",
    ):
        assert expected in text, expected
    assert "Handtekening" not in text
    signed = _pdf_text(
        coordinator.get(f"{BASE}/{group_id}/aanwezigheidslijst.pdf?handtekening=1").data
    )
    assert "Handtekening" in signed
    with app.app_context():
        assert (
            db.session.scalar(
                select(AuditEvent).where(AuditEvent.action == "focus_group.attendance_sheet")
            )
            is not None
        )


def test_attendance_sheet_without_pango_says_what_to_install(
    coordinator: PageCheckingClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    group_id = create_group(coordinator)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if importing it failed
    response = coordinator.get(f"{BASE}/{group_id}/aanwezigheidslijst.pdf")
    assert response.status_code == 503
    assert "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core" in response.get_data(as_text=True)
