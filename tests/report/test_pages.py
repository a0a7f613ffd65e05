"""The results, decisions and public pages: who sees them, what they show, what they record."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    Action,
    AuditEvent,
    CodeKind,
    Decision,
    DecisionOutcome,
    Theme,
)
from participatie.models.base import utcnow
from participatie.report.releases import publish_release
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


@pytest.fixture
def small_world(app: Flask) -> None:
    """A project whose wonen was raised by 2 people and inkomen by 6; one decided theme."""
    with app.app_context():
        project = b.project(slug="klein", k=5, languages=["nl", "ar"])
        project.public_intro = {"nl": "Wat we hoorden en wat we doen."}
        survey = b.survey(
            project,
            [
                {
                    "name": "moeilijk",
                    "type": "select_multiple",
                    "appearance": "domains",
                    "label": {"nl": "Wat?"},
                    "options": [
                        {"name": "inkomen", "label": {"nl": "Geld", "ar": "المال"}},
                        {"name": "wonen", "label": {"nl": "Wonen"}},
                    ],
                }
            ],
        )
        for i in range(6):
            b.respond(survey, {"moeilijk": ["inkomen"] + (["wonen"] if i < 2 else [])})
        people = b.focus_group(project, [("P1", "ouder", "nl"), ("P2", "ouder", "ar")])
        b.say(people["P1"], "Mijn buurman Jan zegt dat ook.")
        domain = b.code(project, CodeKind.DOMAIN, "inkomen", label={"nl": "Inkomen", "ar": "الدخل"})
        theme = Theme(
            project_id=project.id,
            domain=domain,
            title={"nl": "Het leefgeld is te laag", "ar": "المال لا يكفي"},
        )
        theme.decisions.append(
            Decision(
                outcome=DecisionOutcome.NOT_POSSIBLE,
                motivation={"nl": "Dat beslist de federale overheid."},
                decided_at=utcnow(),
                actions=[
                    Action(
                        title={"nl": "We schrijven een brief aan de minister"},
                        owner="Schepen",
                        status="gepland",
                    )
                ],
            )
        )
        db.session.add(theme)
        db.session.flush()
        publish_release(project, None)  # the public page shows releases, not live counts
        db.session.commit()


def test_public_page_in_plain_words_with_small_numbers_hidden(
    client: PageCheckingClient, small_world: None
) -> None:
    response = client.get("/p/klein?lang=nl")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    # 6 survey responses are published with the survey; with the total (8) the focus group's 2
    # would follow by subtraction, so the total is not told.
    assert "mensen vertelden ons hoe het gaat" not in page
    assert "Inkomen</span>: 6 mensen" in page
    assert "Wonen</span>: een paar mensen" in page  # 2 people
    assert "Het leefgeld is te laag" in page and "Dit kan niet." in page
    assert "Dat beslist de federale overheid." in page
    assert "We schrijven een brief aan de minister" in page
    # Nothing identifying: no quotes, no pseudonyms, no scripts.
    assert "Jan" not in page and "P1" not in page and "<script" not in page
    assert 'href="/p/klein/poster.pdf?lang=nl"' in page


def test_public_page_falls_back_to_dutch_with_a_lang_attribute(
    client: PageCheckingClient, small_world: None
) -> None:
    page = client.get("/p/klein?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert "المال لا يكفي" in page  # the title has an Arabic version
    assert (
        '<bdi lang="nl" dir="ltr" class="untranslated-text">Dat beslist de federale overheid.</bdi>'
        in page
    )
    assert "الدخل" in page


def test_public_page_is_light(
    client: PageCheckingClient, demo: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("nl", "ar"):
        body = client.get(f"/p/demo?lang={lang}").get_data()
        compressed = len(gzip.compress(body, 9))
        with capsys.disabled():
            print(f"\n/p/demo?lang={lang}: {len(body)} bytes of HTML, {compressed} gzipped")
        assert compressed < 4_000 and len(body) < 14_600
        assert b"<script" not in body and b"report.css" not in body


def test_unknown_public_page_is_404(client: PageCheckingClient) -> None:
    assert client.get("/p/bestaat-niet").status_code == 404
    assert client.get("/p/bestaat-niet/poster.pdf").status_code == 404


@pytest.mark.pdf
def test_poster_is_one_a4_page_with_the_link(client: PageCheckingClient, demo: None) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo not found (apt-get install poppler-utils)")
    for lang in ("nl", "ar"):
        response = client.get(f"/p/demo/poster.pdf?lang={lang}")
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        info = subprocess.run(
            ["pdfinfo", "-"], input=response.data, capture_output=True, check=True
        ).stdout.decode()
        assert re.search(r"Pages:\s+1\n", info)
        assert "(A4)" in info
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=response.data, capture_output=True, check=True
        ).stdout.decode()
        assert f"http://localhost/p/demo?lang={lang}" in text


def test_hidden_columns_and_cells_say_why(client: PageCheckingClient, demo: None) -> None:
    """Issue 17 item 2: complementary suppression explained where it hides a column; the group
    of 4 in "Wie ben je?" is hidden like every small group; no minimum or maximum."""
    login(client, STUURGROEP)
    page = client.get("/projecten/demo/resultaten?lang=nl").get_data(as_text=True)
    assert "verborgen, omdat deze groep minder dan 5 mensen telt." in page
    assert (
        "verborgen, zodat niemand de kleine groep in een andere kolom kan uitrekenen uit de totalen."
        in page
    )
    wie = page[page.index('id="q-DEMO-wie"') : page.index('id="q-DEMO-kinderen"')]
    assert wie.count('class="vh">verborgen</span>') == 4  # two options: count and percent
    assert "zodat je het kleine cijfer niet kunt uitrekenen uit het totaal" in wie
    assert "Kleinste antwoord" not in page and "Grootste antwoord" not in page
    assert "In het midden (mediaan): 3." in page
