"""The results, decisions and public pages: who sees them, what they show, what they record."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    Action,
    AuditEvent,
    Decision,
    DecisionOutcome,
    Theme,
)
from tests.conftest import PageCheckingClient, login
from tests.report import builders as b

COORDINATOR = "coordinator@kempenaar.example"
STUURGROEP = "stuurgroep@kempenaar.example"


def _demo_theme(app: Flask, title: str) -> str:
    with app.app_context():
        theme = db.session.query(Theme).filter(Theme.title["nl"].as_string() == title).one()
        return theme.public_id


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        (COORDINATOR, 200),
        (STUURGROEP, 200),
        ("vrijwilliger@kempenaar.example", 403),
        ("admin@kempenaar.example", 404),  # not a member of the project
    ],
)
def test_results_and_decisions_are_for_coordinators_and_stuurgroep(
    client: PageCheckingClient, demo: None, email: str, expected: int
) -> None:
    login(client, email)
    assert client.get("/projecten/demo/resultaten").status_code == expected
    assert client.get("/projecten/demo/beslissingen").status_code == expected
    assert client.get("/projecten/demo/resultaten/DEMO/csv").status_code == expected


def test_results_page_shows_figures_charts_and_hidden_cells(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, STUURGROEP)
    page = client.get("/projecten/demo/resultaten?lang=nl").get_data(as_text=True)
    assert page.count('<svg class="chart" role="img"') >= 5  # ranking and every select question
    assert "<table" in page and "<caption" in page
    assert page.count('class="vh">verborgen</span>') >= 1  # the demo has small groups
    assert "Lidgeld van clubs is te hoog" in page  # a demo theme with its quotes
    assert "(Eerder) akkoord" in page
    for fmt in ("json", "csv", "xlsx", "ods", "pdf"):
        assert f"/projecten/demo/resultaten/DEMO/{fmt}" in page
    with app.app_context():
        assert db.session.query(AuditEvent).filter_by(action="report.view").count() == 1


def test_downloads_are_the_export_formats_and_are_audited(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, COORDINATOR)
    csv_response = client.get("/projecten/demo/resultaten/DEMO/csv?lang=nl")
    assert csv_response.mimetype == "text/csv"
    body = csv_response.get_data(as_text=True)
    assert body.startswith("\ufeffquestion;option;label;count;percent;suppressed")
    # The group of 4 is hidden, and a complement with it, so it cannot be worked out from n.
    assert re.search(r"\nwie;andere;[^;]+;;;true", body)
    assert re.search(r"\nwie;ervaringsdeskundige;[^;]+;;;true", body)
    assert (
        client.get("/projecten/demo/resultaten/DEMO/json").get_json()["survey"]["responses"] == 130
    )
    for fmt, mimetype in [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ]:
        response = client.get(f"/projecten/demo/resultaten/DEMO/{fmt}")
        assert (
            response.mimetype == mimetype
            and "attachment" in response.headers["Content-Disposition"]
        )
    assert client.get("/projecten/demo/resultaten/DEMO/docx").status_code == 404
    assert client.get("/projecten/demo/resultaten/NOPE/csv").status_code == 404
    with app.app_context():
        formats = [
            e.details["format"]
            for e in db.session.query(AuditEvent).filter_by(action="report.export")
        ]
        assert sorted(formats) == ["csv", "json", "ods", "xlsx"]


def test_pdf_download_without_pango_explains_and_the_site_keeps_working(
    client: PageCheckingClient, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    login(client, COORDINATOR)
    response = client.get("/projecten/demo/resultaten/DEMO/pdf")
    assert response.status_code == 503
    assert "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core" in response.get_data(as_text=True)
    assert client.get("/p/demo/poster.pdf").status_code == 503
    assert client.get("/projecten/demo/resultaten").status_code == 200


def test_decision_needs_a_motivation_when_not_taken_up(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, STUURGROEP)
    theme_id = _demo_theme(app, "Brieven en formulieren zijn moeilijk")
    url = f"/projecten/demo/beslissingen/{theme_id}/nieuw"
    refused = client.post_form(url, {"outcome": "later"})
    assert refused.status_code == 200
    assert "Schrijf waarom de stuurgroep dit niet opneemt." in refused.get_data(as_text=True)
    saved = client.post_form(
        url,
        {
            "outcome": "later",
            "motivation_nl": "Eerst de brieven herschrijven.",
            "motivation_en": "",
        },
    )
    assert saved.status_code == 302
    with app.app_context():
        decision = (
            db.session.query(Decision).filter(Decision.outcome == DecisionOutcome.LATER).one()
        )
        assert decision.motivation == {"nl": "Eerst de brieven herschrijven."}
        assert db.session.query(AuditEvent).filter_by(action="decision.create").count() == 1


def test_taken_up_needs_no_motivation_and_actions_are_kept(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, COORDINATOR)
    theme_id = _demo_theme(app, "Brieven en formulieren zijn moeilijk")
    assert (
        client.post_form(
            f"/projecten/demo/beslissingen/{theme_id}/nieuw", {"outcome": "opgenomen"}
        ).status_code
        == 302
    )
    with app.app_context():
        decision = db.session.scalars(
            select(Decision)
            .where(Decision.outcome == DecisionOutcome.TAKEN_UP)
            .order_by(Decision.id.desc())
        ).first()
        assert decision is not None
        decision_id = decision.public_id
    new_action = f"/projecten/demo/beslissingen/besluit/{decision_id}/acties/nieuw"
    bad = client.post_form(
        new_action,
        {"title_nl": "Brieven in klare taal", "owner": "", "progress": "120", "status": "gepland"},
    )
    assert bad.status_code == 200
    text = bad.get_data(as_text=True)
    assert "Schrijf wie dit doet" in text and "Vul een getal in van 0 tot 100." in text
    ok = client.post_form(
        new_action,
        {
            "title_nl": "Brieven in klare taal",
            "title_ar": "رسائل بلغة واضحة",
            "owner": "Sociaal huis",
            "due_on": "2027-05-01",
            "output_indicator": "Tien standaardbrieven herschreven",
            "outcome_indicator": "Minder mensen bellen met vragen",
            "status": "bezig",
            "progress": "25",
        },
    )
    assert ok.status_code == 302
    with app.app_context():
        action = db.session.query(Action).filter(Action.owner == "Sociaal huis").one()
        assert (action.title["ar"], action.progress, str(action.due_on)) == (
            "رسائل بلغة واضحة",
            25,
            "2027-05-01",
        )
        action_id = action.public_id
    edit = f"/projecten/demo/beslissingen/acties/{action_id}"
    assert "Brieven in klare taal" in client.get(edit).get_data(as_text=True)
    assert (
        client.post_form(
            edit,
            {
                "title_nl": "Brieven in klare taal",
                "owner": "Sociaal huis",
                "status": "klaar",
                "progress": "100",
            },
        ).status_code
        == 302
    )
    page = client.get("/projecten/demo/beslissingen").get_data(as_text=True)
    assert "klaar, 100%" in page
    # Delete: first a page that asks, then the post that does it.
    confirm = client.get(f"{edit}/verwijderen")
    assert "Ja, verwijderen" in confirm.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Action).filter(Action.owner == "Sociaal huis").count() == 1
    assert client.post_form(f"{edit}/verwijderen", {}).status_code == 302
    with app.app_context():
        assert db.session.query(Action).filter(Action.owner == "Sociaal huis").count() == 0
        actions = [e.action for e in db.session.query(AuditEvent).order_by(AuditEvent.id)]
        assert [a for a in actions if a.startswith(("decision.", "action."))] == [
            "decision.create",
            "action.create",
            "action.update",
            "action.delete",
        ]


def test_a_decision_can_be_edited_and_undone(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, STUURGROEP)
    with app.app_context():
        decision = (
            db.session.query(Decision)
            .filter(Decision.outcome == DecisionOutcome.NOT_POSSIBLE)
            .one()
        )
        decision_id, actions_before = decision.public_id, db.session.query(Action).count()
    url = f"/projecten/demo/beslissingen/besluit/{decision_id}"
    assert (
        client.post_form(
            url, {"outcome": "werkgroep", "motivation_nl": "We bekijken het met De Lijn."}
        ).status_code
        == 302
    )
    with app.app_context():
        assert (
            db.session.query(Decision).filter_by(public_id=decision_id).one().outcome
            == DecisionOutcome.WORKING_GROUP
        )
    assert client.post_form(f"{url}/verwijderen", {}).status_code == 302
    with app.app_context():
        assert db.session.query(Decision).filter_by(public_id=decision_id).count() == 0
        assert db.session.query(Action).count() == actions_before  # that decision had none


def test_influence_figures(app: Flask, client: PageCheckingClient, demo: None) -> None:
    login(client, STUURGROEP)
    page = client.get("/projecten/demo/beslissingen?lang=nl").get_data(as_text=True)
    # Demo: 4 themes, 3 decided, 1 taken up.
    assert "75,0%" in page and "3 van de 4 thema's hebben een beslissing" in page
    assert "25,0%" in page and "1 van de 4 thema's zijn opgenomen in het plan" in page
    assert "dagen" in page


def test_objects_of_another_project_are_not_found(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    with app.app_context():
        other = b.project(slug="ander")
        theme = Theme(project_id=other.id, title={"nl": "Elders"})
        db.session.add(theme)
        db.session.commit()
        theme_id = theme.public_id
    login(client, COORDINATOR)
    assert client.get(f"/projecten/demo/beslissingen/{theme_id}/nieuw").status_code == 404


# --- The public page -----------------------------------------------------------------------------
