"""Preview as a phone: the participant's pages for a draft, in any project language, following
routing, without creating a response and without changing the coordinator's own language."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Response
from tests.conftest import PageCheckingClient
from tests.surveys.helpers import as_coordinator, new_survey, survey_url

IDEM = re.compile(r'name="idem" value="([^"]+)"')


def _responses(app: Flask) -> int:
    with app.app_context():
        return int(db.session.scalar(select(func.count(Response.id))) or 0)


def test_preview_walks_a_draft_in_two_languages(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client, title="", start="levensdomeinen")
    before = _responses(app)
    welcome = client.get(survey_url(survey_id, "/voorbeeld"))
    body = welcome.get_data(as_text=True)
    assert "Voorbeeld: er wordt niets bewaard" in body and "Hoe gaat het met jouw gezin?" in body
    assert 'class="preview"' in body

    start = client.post_form(
        survey_url(survey_id, "/voorbeeld/start?taal=nl"),
        {},
        token_from=survey_url(survey_id, "/voorbeeld"),
    )
    first = start.headers["Location"]
    assert first.endswith("/voorbeeld/vraag/wie?taal=nl")
    page = client.get(first).get_data(as_text=True)
    # The participant's own question page: one question, progress, the read-aloud button.
    assert "Wie ben je?" in page and "Vraag 1\n" in page and "Lees voor" in page
    # Its links stay in the preview.
    assert "/s/" not in page.replace("/static/", "")

    response = client.post_form(first, {"idem": IDEM.search(page).group(1)}, token_from=first)  # type: ignore[union-attr]
    assert response.status_code == 400 and "Kies een antwoord." in response.get_data(as_text=True)
    location = client.post_form(first, {"answer": "ouder"}, token_from=first).headers["Location"]
    assert "/voorbeeld/vraag/moeilijk?" in location
    location = client.post_form(location, {"answer": ["wonen"]}, token_from=location).headers[
        "Location"
    ]
    assert "/voorbeeld/vraag/moeilijk_vertel" in location  # routing: the follow-up is asked
    assert _responses(app) == before

    # Arabic: right to left, while the coordinator's own pages stay Dutch.
    arabic = client.get(survey_url(survey_id, "/voorbeeld/vraag/wie?taal=ar")).get_data(
        as_text=True
    )
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'lang="nl"' in arabic  # the Dutch text, marked as such, until it is translated
    builder = client.get(survey_url(survey_id)).get_data(as_text=True)
    assert '<html lang="nl" dir="ltr">' in builder

    thanks = client.get(survey_url(survey_id, "/voorbeeld/klaar")).get_data(as_text=True)
    assert "Bedankt!" in thanks
    # A question routing would skip can still be opened straight from the builder.
    skipped = client.get(survey_url(survey_id, "/voorbeeld/vraag/goed_vertel?taal=nl")).get_data(
        as_text=True
    )
    assert "slaat de vragenlijst deze vraag over" in skipped
    assert client.get(survey_url(survey_id, "/voorbeeld/vraag/nope")).status_code == 404
