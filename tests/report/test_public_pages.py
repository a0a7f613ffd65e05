"""The public feedback page: plain words, small numbers hidden, the Dutch fallback marked, light, the poster, and hidden cells that say why."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess

import pytest
from flask import Flask

from participatie.extensions import db
from participatie.models import (
    Action,
    CodeKind,
    Decision,
    DecisionOutcome,
    Theme,
)
from participatie.models.base import utcnow
from participatie.report.releases import publish_release
from tests.conftest import PageCheckingClient, login
from tests.report import builders as b
from tests.report.test_pages import STUURGROEP


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
    # (Names are looked for as words in the text: a random token in an attribute may hold "P1".)
    text = re.sub(r"<[^>]*>", " ", page)
    assert not re.search(r"\b(?:Jan|P1)\b", text) and "<script" not in page
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
