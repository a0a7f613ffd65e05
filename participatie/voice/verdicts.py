"""The participants' verdict on a decision: "Is dit wat jullie vroegen?" — Ja / Een beetje / Nee.

Anonymous: a vote stores the decision, the answer and the day, nothing about who voted. One vote
per browser session per decision: the session (a signed cookie the browser keeps, not a table)
remembers which decisions this browser voted on. A second vote on the same decision changes
nothing, so one person cannot tilt the figures by tapping again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import session
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Decision, Verdict, VerdictChoice
from participatie.models.base import utcnow

BRUSSELS = ZoneInfo("Europe/Brussels")
SESSION_KEY = "voted"
# A session remembers this many decisions; far more than any project shows.
REMEMBERED = 200


@dataclass(frozen=True)
class VerdictCounts:
    yes: int
    partly: int
    no: int

    @property
    def total(self) -> int:
        return self.yes + self.partly + self.no

    def as_json(self) -> dict[str, int]:
        return {"yes": self.yes, "partly": self.partly, "no": self.no}


def voted_here(decision: Decision) -> bool:
    return decision.public_id in session.get(SESSION_KEY, [])


def cast(decision: Decision, choice: VerdictChoice, now: datetime | None = None) -> bool:
    """Counts the vote unless this browser already voted on this decision; True when counted."""
    if voted_here(decision):
        return False
    moment = now or utcnow()
    db.session.add(
        Verdict(decision_id=decision.id, choice=choice, day=moment.astimezone(BRUSSELS).date())
    )
    remembered = [*session.get(SESSION_KEY, []), decision.public_id]
    session[SESSION_KEY] = remembered[-REMEMBERED:]
    return True


def counts(decision_ids: Iterable[int], k: int) -> dict[int, VerdictCounts | None]:
    """Votes per decision; None where fewer than k people voted (nothing shown yet)."""
    ids = list(decision_ids)
    found: dict[int, dict[VerdictChoice, int]] = {i: {} for i in ids}
    if ids:
        rows = db.session.execute(
            select(Verdict.decision_id, Verdict.choice, func.count(Verdict.id))
            .where(Verdict.decision_id.in_(ids))
            .group_by(Verdict.decision_id, Verdict.choice)
        ).all()
        for decision_id, choice, number in rows:
            found[decision_id][VerdictChoice(choice)] = number
    result: dict[int, VerdictCounts | None] = {}
    for decision_id, per_choice in found.items():
        tally = VerdictCounts(
            per_choice.get(VerdictChoice.YES, 0),
            per_choice.get(VerdictChoice.PARTLY, 0),
            per_choice.get(VerdictChoice.NO, 0),
        )
        result[decision_id] = tally if tally.total >= k else None
    return result
