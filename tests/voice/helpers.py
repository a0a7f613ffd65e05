"""Shared steps for the voice tests: a resultaatsmeting set up through the coordinator's pages and
answered by parents through the participant pages."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from sqlalchemy import select, update

from participatie.extensions import db
from participatie.models import Project, ResultMeasure, Survey
from tests.surveys.helpers import BUILDER, answer, as_coordinator, begin, publish

VERBS = ("kan", "doe", "durf", "wil", "weet")
CODE = re.compile(r'<p class="code-box" lang="en" dir="ltr">([A-Z0-9-]+)</p>')


def set_k(app: Flask, k: int) -> None:
    with app.app_context():
        db.session.execute(update(Project).where(Project.slug == "demo").values(k_threshold=k))
        db.session.commit()


def new_measure(app: Flask, client: Any, decision: str = "") -> tuple[str, str]:
    """Creates and opens a resultaatsmeting; returns (survey code, measure public id)."""
    as_coordinator(client)
    response = client.post_form(
        "/projecten/demo/resultaatsmetingen/nieuw",
        {"subject": "de huiswerkklas", "decision": decision, "goal": ""},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    match = BUILDER.search(response.headers["Location"])
    assert match
    assert publish(client, match.group(1)).status_code == 302
    with app.app_context():
        measure = db.session.scalar(
            select(ResultMeasure).join(Survey).where(Survey.public_id == match.group(1))
        )
        assert measure is not None
        return measure.survey.code, measure.public_id


def answer_all(client: Any, code: str, verbs: str, satisfied: str = "tevreden") -> None:
    """One parent answers every question; `verbs` gives the option per verb, e.g. 'mmhlm'."""
    names = {"m": "meer", "h": "hetzelfde", "l": "minder", "a": "anders"}
    begin(client, code)
    answer(client, code, "wie", {"answer": "ouder"})
    for verb, letter in zip(VERBS, verbs, strict=True):
        answer(client, code, verb, {"answer": names[letter]})
    answer(client, code, "tevreden", {"answer": satisfied})
    last = answer(client, code, "verschil", {"answer": "Ik ga nu vaker naar school."})
    assert last.endswith(f"/s/{code}/klaar"), last


def keep_meetcode(client: Any, code: str) -> str:
    thanks = client.get(f"/s/{code}/klaar").get_data(as_text=True)
    assert f"/s/{code}/meetcode" in thanks
    response = client.post_form(f"/s/{code}/meetcode", {})
    assert response.status_code == 200
    found = CODE.search(response.get_data(as_text=True))
    assert found, response.get_data(as_text=True)[:800]
    return found.group(1)


def enter_meetcode(client: Any, code: str, meetcode: str, expect: int = 200) -> str:
    response = client.post_form(f"/s/{code}/meetcode", {"meetcode": meetcode})
    assert response.status_code == expect, response.get_data(as_text=True)[:800]
    return str(response.get_data(as_text=True))


def start_after_round(client: Any, measure_id: str) -> None:
    """`client` is the coordinator's, logged in by `new_measure`."""
    url = f"/projecten/demo/resultaatsmetingen/{measure_id}"
    response = client.post_form(url + "/tweede-ronde", {}, token_from=url)
    assert response.status_code == 302
