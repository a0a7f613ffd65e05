"""Random and hostile form data on every builder form of a real survey: never a 500, and a
survey of another project is never touched (property-based, hypothesis)."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PageCheckingClient
from tests.surveys.helpers import (
    add_question,
    as_coordinator,
    edit_question,
    new_survey,
    survey_url,
)

HOSTILE = [
    "<script>",
    "${x}",
    "selected(${a}, 'b')",
    "'",
    "\x00",
    "x" * 3000,
    "-1",
    "1e309",
    "NaN",
    "",
    " ",
]
values = st.one_of(
    st.sampled_from(HOSTILE), st.text(max_size=60), st.integers(-(10**9), 10**9).map(str)
)


@pytest.mark.slow
def test_builder_forms_never_fail(app: Flask, client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    survey_id = new_survey(client, start="levensdomeinen")
    name = add_question(client, survey_id, "Hoeveel kinderen?", "integer")
    edit_question(client, survey_id, "wie", label="Wie ben je?")
    posts = {
        survey_url(survey_id, "/instellingen"): None,
        survey_url(survey_id, "/status"): ["action"],
        survey_url(survey_id, "/vragen"): ["label", "kind"],
        survey_url(survey_id, "/vragen/wie"): None,
        survey_url(survey_id, "/vragen/goed_vertel/tonen"): None,
        survey_url(survey_id, f"/vragen/{name}/verplaatsen"): ["direction"],
        survey_url(survey_id, "/vertalen/ar"): None,
        survey_url(survey_id, "/voorbeeld/vraag/moeilijk"): ["answer", "decline"],
        "/projecten/demo/vragenlijsten/nieuw": None,
        "/projecten/demo/vragenlijsten/woorden": None,
    }
    token = client.csrf_token(survey_url(survey_id))
    for url, names in posts.items():
        _fuzz(client, url, names, token)
    # The survey still opens as a page after all that.
    assert client.get(survey_url(survey_id)).status_code == 200


def _fuzz(client: PageCheckingClient, url: str, names: list[str] | None, token: str) -> None:
    page = client.get(url.replace("/status", "").replace("/verplaatsen", "")).get_data(as_text=True)
    fields = names or sorted(set(re.findall(r'name="([^"]+)"', page)) - {"csrf_token"}) or ["x"]

    @settings(
        max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(
        st.dictionaries(
            st.sampled_from(fields), st.one_of(values, st.lists(values, max_size=3)), max_size=6
        )
    )
    def post(data: dict) -> None:  # type: ignore[type-arg]
        response = client.post(url, data={**data, "csrf_token": token})
        assert response.status_code < 500, (url, data)

    post()
