"""The meetcode pairs a parent's "voor" and "na" answers through the participant pages, without an
account; codes that match nothing or were used already are refused with a message."""

from __future__ import annotations

import html

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Meetcode, Response, ResultMeasure
from tests.conftest import PageCheckingClient, page_client
from tests.voice.helpers import (
    answer_all,
    enter_meetcode,
    keep_meetcode,
    new_measure,
    set_k,
    start_after_round,
)

MEASURE = "/projecten/demo/resultaatsmetingen/"


def _row(page: str, label: str) -> str:
    start = page.index(label)
    return page[start : page.index("</tr>", start)]


def test_meetcode_pairs_before_and_after_answers(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    set_k(app, 3)
    code, measure_id = new_measure(app, client)
    parents = [page_client(app) for _ in range(4)]
    # Voor: three parents keep a meetcode, one does not.
    before = ["hhhhh", "lhhhh", "hmhha"]
    meetcodes = []
    for parent, verbs in zip(parents, before, strict=False):
        answer_all(parent, code, verbs, "gaat")
        meetcodes.append(keep_meetcode(parent, code))
    answer_all(parents[3], code, "mmmmm")
    assert len(set(meetcodes)) == 3
    with app.app_context():
        ours = select(ResultMeasure.id).where(ResultMeasure.public_id == measure_id)
        stored = list(
            db.session.scalars(select(Meetcode.code_hash).where(Meetcode.measure_id.in_(ours)))
        )
        assert len(stored) == 3 and not {c.replace("-", "") for c in meetcodes} & set(stored)

    start_after_round(client, measure_id)
    # Na: the first parent on the same phone (a new answer, not the old one reopened), the
    # others on new phones.
    after_clients = [parents[0], page_client(app), page_client(app)]
    after = ["mhhhh", "lhhhh", "hhhla"]
    for index, (parent, verbs) in enumerate(zip(after_clients, after, strict=True)):
        answer_all(parent, code, verbs, "heel")
        thanks = parent.get(f"/s/{code}/klaar").get_data(as_text=True)
        assert "Kreeg je de vorige keer een meetcode?" in thanks
        typed = meetcodes[index].lower() if index == 1 else meetcodes[index]
        page = enter_meetcode(parent, code, typed)
        assert "Gelukt." in page
        if index == 1:  # two of three paired: below k, every row is hidden
            result = client.get(MEASURE + measure_id).get_data(as_text=True)
            assert "Minder dan 3 ouders: niet getoond" in html.unescape(result)

    with app.app_context():
        pairs = db.session.execute(
            select(Meetcode.before_response_id, Meetcode.after_response_id).where(
                Meetcode.measure_id.in_(ours)
            )
        ).all()
        paired = [p for p in pairs if p.after_response_id is not None]
        assert len(paired) == 3
        assert all(p.before_response_id != p.after_response_id for p in paired)
        survey_id = db.session.scalar(
            select(ResultMeasure.survey_id).where(ResultMeasure.public_id == measure_id)
        )
        count = select(db.func.count(Response.id)).where(Response.survey_id == survey_id)
        assert db.session.scalar(count) == 7  # the same phone got a new answer for "na"

    page = html.unescape(client.get(MEASURE + measure_id).get_data(as_text=True))
    # kan: hhh→m (better), l→l (same), h→h (same)
    assert "<td>3</td><td>1</td><td>2</td><td>0</td><td>0</td>" in _row(page, "Wat ouders kunnen")
    # weet: h→h same, h→h same, a→a other
    assert "<td>3</td><td>0</td><td>2</td><td>0</td><td>1</td>" in _row(page, "Wat ouders weten")
    # wil: h→h, h→h, h→l: one worse
    assert "<td>3</td><td>0</td><td>2</td><td>1</td><td>0</td>" in _row(page, "Wat ouders willen")
    # tevreden: gaat → heel for all three
    assert "<td>3</td><td>3</td><td>0</td><td>0</td><td>0</td>" in _row(page, "Hoe tevreden")
    assert "Voor: 4 antwoorden" in page and "Na: 3 antwoorden" in page


def test_unknown_and_used_meetcodes_are_refused(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    code, measure_id = new_measure(app, client)
    first = page_client(app)
    answer_all(first, code, "hhhhh")
    meetcode = keep_meetcode(first, code)
    start_after_round(client, measure_id)

    second, third = page_client(app), page_client(app)
    answer_all(second, code, "mmmmm")
    page = html.unescape(enter_meetcode(second, code, "ACDE-FGHJ", expect=400))
    assert "We vinden deze meetcode niet." in page
    assert 'value="ACDE-FGHJ"' in page  # what was typed stays
    page = html.unescape(enter_meetcode(second, code, "", expect=400))
    assert "Vul je meetcode in." in page
    assert "Gelukt." in enter_meetcode(second, code, meetcode)

    answer_all(third, code, "lllll")
    page = html.unescape(enter_meetcode(third, code, meetcode, expect=400))
    assert "Deze meetcode is al gebruikt voor deze ronde." in page
    with app.app_context():
        ours = select(ResultMeasure.id).where(ResultMeasure.public_id == measure_id)
        rows = db.session.execute(
            select(Meetcode.after_response_id).where(Meetcode.measure_id.in_(ours))
        ).all()
        # One pair only: the code stays with the second parent's answer, the third is not paired.
        assert len(rows) == 1 and rows[0].after_response_id is not None


def test_a_meetcode_is_not_offered_in_an_ordinary_survey(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from tests.surveys.helpers import begin

    begin(client, "DEMO")
    assert client.get("/s/DEMO/meetcode").status_code == 404
    assert "meetcode" not in client.get("/s/DEMO/klaar").get_data(as_text=True)


def test_a_measure_links_to_a_goal_or_an_action(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from participatie.models import Action, Goal

    with app.app_context():
        goal = db.session.scalar(select(Goal).where(Goal.actions.any()))
        assert goal is not None, "the demo has goals with actions"
        action_id = db.session.scalar(select(Action.public_id).where(Action.goal_id == goal.id))
    from tests.conftest import login

    login(client, "coordinator@kempenaar.example")
    form = client.get("/projecten/demo/resultaatsmetingen/nieuw").get_data(as_text=True)
    assert f'value="action:{action_id}"' in form
    response = client.post_form(
        "/projecten/demo/resultaatsmetingen/nieuw",
        {"subject": "de huiswerkklas", "decision": "", "goal": f"action:{action_id}"},
    )
    assert response.status_code == 302
    missing = client.post_form(
        "/projecten/demo/resultaatsmetingen/nieuw", {"subject": "", "decision": "", "goal": ""}
    )
    assert missing.status_code == 400
    assert "Schrijf waarover de vragen gaan" in html.unescape(missing.get_data(as_text=True))
    with app.app_context():
        measure = db.session.scalar(
            select(ResultMeasure).where(ResultMeasure.action_id.is_not(None))
        )
        assert measure is not None and measure.action is not None
        assert measure.action.public_id == action_id
