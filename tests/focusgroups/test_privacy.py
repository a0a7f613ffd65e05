"""Personal data in quotes: detection, redaction, and what a report may show."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.demo.texts import DIFFERENCE, FOCUS_GROUP, GOES_WELL
from participatie.extensions import db
from participatie.models import Project, Quote, Statement
from participatie.privacy import (
    FindingKind,
    find_personal_data,
    redact,
    report_text,
    review_fits,
)
from tests.conftest import PageCheckingClient, login
from tests.focusgroups.helpers import (
    BASE,
    add_attendee,
    capture_json,
    create_group,
    json_of,
    token,
)


def _found(text: str, allowed: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind.value, f.text) for f in find_personal_data(text, allowed)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bel me op 0470 12 34 56.", [("phone", "0470 12 34 56")]),
        ("Mijn gsm: 0470/12.34.56", [("phone", "0470/12.34.56")]),
        (
            "Of +32 470 12 34 56 of 0032 14 41 22 33",
            [("phone", "+32 470 12 34 56"), ("phone", "0032 14 41 22 33")],
        ),
        ("Het OCMW: 014 41 22 33.", [("phone", "014 41 22 33")]),
        ("Mijn Turks nummer is +90 532 123 45 67", [("phone", "+90 532 123 45 67")]),
        ("Mail naar fatima.el-amrani@telenet.be aub", [("email", "fatima.el-amrani@telenet.be")]),
        (
            "Ik woon in de Kerkstraat 12 bus 3, 2300 Turnhout.",
            [("address", "Kerkstraat 12 bus 3, 2300 Turnhout")],
        ),
        ("We wonen aan de Grote Markt 1.", [("address", "Grote Markt 1")]),
        ("Rue de la Station 12 is ver.", [("address", "Rue de la Station 12")]),
        ("Nummer 85.07.30-033.28 staat op de kaart.", [("national_number", "85.07.30-033.28")]),
        ("En 85073003328 ook.", [("national_number", "85073003328")]),
        # Born in 2000 or later: the checksum is taken over 2 followed by the nine digits.
        ("Mijn zoon: 17.03.05-123.37", [("national_number", "17.03.05-123.37")]),
        ("Gisteren zei juf Ilse dat het goed ging.", [("name", "Ilse")]),
        ("Meneer de Smet helpt ons.", [("name", "de Smet")]),
        ("Toen belde Jan Peeters van het OCMW.", [("name", "Jan Peeters")]),
        ("Jan Peeters belde.", [("name", "Jan"), ("name", "Peeters")]),
        ("Ik ben Fatima en ik woon hier al lang.", [("name", "Fatima")]),
        ("Mijn zoon Adam speelt graag.", [("name", "Adam")]),
        ("اسمي فاطمة", [("name", "فاطمة")]),
    ],
)
def test_detects_personal_data(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "85073003329 is geen geldig rijksregisternummer.",  # wrong checksum
        "Op 04/03/2021 kreeg ik een brief.",
        "Het lidgeld is 250 euro per jaar, in 2019 was het 200.",
        "Het Huis van het Kind en Kind en Gezin helpen ons.",
        "Onderweg naar school zie ik de bus.",
        "Met de UiTPAS en de Lijn gaat het beter. Ik spreek Arabisch.",
        "Ik woon op straat.",
    ],
)
def test_leaves_ordinary_sentences_alone(text: str) -> None:
    assert _found(text) == []


def test_no_false_alarms_on_the_development_examples() -> None:
    # Measured: the labelled examples and the demo's fictional answers contain no personal data,
    # so every finding here would be a false alarm a coordinator has to dismiss.
    texts = [q[3] for q in FOCUS_GROUP["quotes"]]
    for collection in (DIFFERENCE, GOES_WELL):
        texts += [text for group in collection.values() for text in group]
    examples = Path(__file__).resolve().parents[3] / "shared" / "data" / "themes-dev.jsonl"
    if examples.is_file():
        texts += [json.loads(line)["text"] for line in examples.read_text().splitlines() if line]
    flagged = [text for text in texts if find_personal_data(text)]
    assert flagged == [], flagged
    assert len(texts) >= 40


def test_a_project_can_allow_words() -> None:
    assert _found("We gaan naar De Brug.") == [("name", "De Brug")]
    assert _found("We gaan naar De Brug.", ("De", "Brug")) == []


def test_redaction_and_when_a_review_still_fits() -> None:
    text = "Bel Jan op 0470 12 34 56 of mail jan@voorbeeld.be."
    findings = find_personal_data(text)
    # "Bel" opens the sentence before a name: a finding of its own, which the coordinator keeps.
    assert [(f.kind, f.text) for f in findings] == [
        (FindingKind.NAME, "Bel"),
        (FindingKind.NAME, "Jan"),
        (FindingKind.PHONE, "0470 12 34 56"),
        (FindingKind.EMAIL, "jan@voorbeeld.be"),
    ]
    redacted = redact(text, findings[1:], extra_phrases=["mail"])
    assert redacted == "Bel [naam] op [telefoonnummer] of [weggelaten] [e-mailadres]."
    assert review_fits(redacted, text)
    assert review_fits(text, text)
    assert not review_fits(redacted, text.replace("Bel", "Sms"))
    assert not review_fits("Bel [naam] op [telefoonnummer] of mail [e-mailadres]!", text)
    assert not review_fits("[naam]", "")


def _statement(app: Flask, text: str) -> Statement:
    statement = db.session.scalar(select(Statement).join(Quote).where(Quote.text == text))
    assert statement is not None
    return statement


def test_report_text_hides_unreviewed_findings_and_follows_edits(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, "coordinator@kempenaar.example")
    group_id = create_group(client)
    add_attendee(client, group_id)
    csrf = token(client, f"{BASE}/{group_id}/noteren")
    plain = json_of(capture_json(client, group_id, csrf, "De bus komt te laat.", speaker="P1"))[
        "quote"
    ]
    risky = json_of(
        capture_json(client, group_id, csrf, "Mail me op an@voorbeeld.be", speaker="P1")
    )["quote"]
    assert (plain["needs_review"], risky["needs_review"]) == (False, True)
    with app.app_context():
        assert report_text(_statement(app, "De bus komt te laat.")) == "De bus komt te laat."
        statement = _statement(app, "Mail me op an@voorbeeld.be")
        assert report_text(statement) is None
        statement_id = statement.public_id

    # The privacy list names the statement; the redaction page offers the finding.
    listing = client.get("/projecten/demo/privacy").get_data(as_text=True)
    assert f"/projecten/demo/privacy/{statement_id}" in listing and "e-mailadres" in listing
    path = f"/projecten/demo/privacy/{statement_id}"
    page = client.get(path).get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint" type="hidden" value="([0-9a-f]+)"', page).group(1)  # type: ignore[union-attr]
    response = client.post_form(
        path, {"remove": ["email-11-26"], "extra": "Mail", "fingerprint": fingerprint}
    )
    assert response.status_code == 302
    with app.app_context():
        statement = _statement(app, "Mail me op an@voorbeeld.be")
        assert report_text(statement) == "[weggelaten] me op [e-mailadres]"

    # The words change after the review: the old review no longer counts.
    client.post(
        risky["update_url"],
        json={"text": "Mail me op an@voorbeeld.be of bel 0470 12 34 56", "speaker": "P1"},
        headers={"X-CSRFToken": csrf},
    )
    with app.app_context():
        statement = _statement(app, "Mail me op an@voorbeeld.be of bel 0470 12 34 56")
        assert statement.redacted_text is None and report_text(statement) is None

    # A page opened before the change cannot save a decision about other words.
    stale = client.post_form(path, {"remove": ["email-11-26"], "fingerprint": fingerprint})
    assert stale.status_code == 400
    assert "De tekst is intussen veranderd." in stale.get_data(as_text=True)


def test_kept_words_can_be_remembered_for_the_project(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, "coordinator@kempenaar.example")
    group_id = create_group(client)
    csrf = token(client, f"{BASE}/{group_id}/noteren")
    capture_json(client, group_id, csrf, "We praten in De Brug.")
    with app.app_context():
        statement_id = _statement(app, "We praten in De Brug.").public_id
    path = f"/projecten/demo/privacy/{statement_id}"
    page = client.get(path).get_data(as_text=True)
    assert "<mark>De Brug</mark>" in page
    fingerprint = re.search(r'name="fingerprint" type="hidden" value="([0-9a-f]+)"', page).group(1)  # type: ignore[union-attr]
    client.post_form(path, {"remember": "y", "fingerprint": fingerprint})  # nothing ticked: keep
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        assert {"De", "Brug"} <= set(project.settings["privacy_allowed_words"])
    capture_json(client, group_id, csrf, "Ook in De Brug kun je koffie drinken.")
    with app.app_context():
        later = _statement(app, "Ook in De Brug kun je koffie drinken.")
        assert report_text(later) == "Ook in De Brug kun je koffie drinken."


def test_another_projects_statement_is_not_found(client: PageCheckingClient, demo: None) -> None:
    login(client, "coordinator@kempenaar.example")
    assert client.get("/projecten/demo/privacy/not-a-statement").status_code == 404
