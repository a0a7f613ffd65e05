"""Influence seen from both sides (seed 003): what the participants say of the decisions beside
what the coordinator expected them to say, asked once per release."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import (
    Decision,
    InfluenceEstimate,
    Project,
    Theme,
    Verdict,
    VerdictChoice,
)
from participatie.voice.verdicts import VerdictCounts


@dataclass(frozen=True)
class VoiceFigures:
    verdicts: VerdictCounts | None  # all decisions together; None below k votes
    k: int

    @property
    def yes_percent(self) -> int | None:
        if self.verdicts is None:
            return None
        return round(100 * self.verdicts.yes / self.verdicts.total)


def project_verdicts(project: Project) -> VoiceFigures:
    rows = db.session.execute(
        select(Verdict.choice, func.count(Verdict.id))
        .join(Decision, Decision.id == Verdict.decision_id)
        .join(Theme, Theme.id == Decision.theme_id)
        .where(Theme.project_id == project.id)
        .group_by(Verdict.choice)
    ).all()
    per_choice = {VerdictChoice(choice): number for choice, number in rows}
    tally = VerdictCounts(
        per_choice.get(VerdictChoice.YES, 0),
        per_choice.get(VerdictChoice.PARTLY, 0),
        per_choice.get(VerdictChoice.NO, 0),
    )
    k = project.k_threshold
    return VoiceFigures(tally if tally.total >= k else None, k)


def estimate_for(project: Project, release_number: int) -> InfluenceEstimate | None:
    return db.session.scalar(
        select(InfluenceEstimate).where(
            InfluenceEstimate.project_id == project.id,
            InfluenceEstimate.release_number == release_number,
        )
    )


def record_estimate(
    project: Project, release_number: int, percent: int, user_id: int | None
) -> InfluenceEstimate | None:
    """The estimate for this release; None when one was already given (asked once)."""
    if estimate_for(project, release_number) is not None:
        return None
    estimate = InfluenceEstimate(
        project=project,
        release_number=release_number,
        expected_yes_percent=percent,
        recorded_by_id=user_id,
    )
    db.session.add(estimate)
    db.session.flush()
    return estimate
