"""Indirect participation on the public page (issue 15 item 5): a priority the oudergroep
proposed and the stuurgroep chose says so in the plan, and a decision that follows the
oudergroep's proposal says so under its theme — in the reader's language."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Decision, Priority, ProposedBy
from tests.conftest import PageCheckingClient

CHOSEN_FROM_PARENTS = {
    "nl": "De oudergroep stelde voor om hier eerst aan te werken. De stuurgroep koos het ook.",
    "ar": "اقترحت مجموعة الآباء والأمهات البدء بهذا. واختارته اللجنة التوجيهية أيضًا.",
}
FOLLOWS = {
    "nl": "Zo volgt de stuurgroep wat de oudergroep voorstelde.",
    "ar": "بهذا تتبع اللجنة التوجيهية ما اقترحته مجموعة الآباء والأمهات.",
}


def _page(client: PageCheckingClient, lang: str) -> str:
    response = client.get(f"/p/demo?lang={lang}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_oudergroeps_proposal_shows_on_the_public_page(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    with app.app_context():
        # The demo year: onderwijs was proposed by the oudergroep and chosen, and has a werkgroep.
        from_parents = db.session.scalars(
            select(Priority).where(Priority.proposed_by == ProposedBy.OUDERGROEP)
        ).all()
        assert any(p.chosen for p in from_parents)
        decision = db.session.scalars(select(Decision).order_by(Decision.id)).first()
        assert decision is not None
        assert not decision.follows_oudergroep
    for lang in ("nl", "ar"):
        page = _page(client, lang)
        assert page.count(CHOSEN_FROM_PARENTS[lang]) == 1
        assert FOLLOWS[lang] not in page

    with app.app_context():
        decision = db.session.scalars(select(Decision).order_by(Decision.id)).first()
        assert decision is not None
        decision.follows_oudergroep = True
        for priority in db.session.scalars(select(Priority)):
            priority.proposed_by = ProposedBy.STUURGROEP
        db.session.commit()
    for lang in ("nl", "ar"):
        page = _page(client, lang)
        assert page.count(FOLLOWS[lang]) == 1
        # Chosen by the stuurgroep alone now: the plan no longer credits the oudergroep.
        assert CHOSEN_FROM_PARENTS[lang] not in page
