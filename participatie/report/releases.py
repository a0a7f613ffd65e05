"""Publishing releases: frozen figures for the stuurgroep and the public page (DESIGN.md §2, §4).

A **new distinct participant** is a participant as report/participants.py defines them (a
consented survey response with at least one answer, or a consented focus-group attendee) who was
not counted in the project's latest release. Each release stores whom it counted (its cut-off),
so a response started before a release but first answered after it is new for the next one.

A release is refused while fewer than k (the project's suppression threshold) new distinct
participants took part since the latest release; the first release needs k participants. So
two releases always differ by at least k people, and comparing them tells nothing about one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import ngettext
from sqlalchemy import func, select

from participatie import audit
from participatie.extensions import db
from participatie.follow.indicators import refresh_survey_indicators
from participatie.models import Project, Release, User
from participatie.models.base import utcnow
from participatie.report.participants import ParticipantKey, current_participants
from participatie.report.release_figures import freeze, latest_release

__all__ = [
    "ReleaseRefused",
    "ReleaseStatus",
    "latest_release",
    "new_release",
    "publish_release",
    "release_status",
]


class ReleaseRefused(Exception):
    """Too few new participants: the message says how many there are and how many are needed."""


@dataclass(frozen=True)
class ReleaseStatus:
    latest: Release | None
    participants: int  # distinct participants now
    new: int  # of whom not counted in the latest release
    needed: int  # k

    @property
    def can_publish(self) -> bool:
        return self.new >= self.needed

    @property
    def missing(self) -> int:
        return max(0, self.needed - self.new)


def release_status(project: Project) -> ReleaseStatus:
    latest = latest_release(project)
    now = current_participants(project)
    return ReleaseStatus(
        latest=latest,
        participants=len(now),
        new=len(_new_keys(now, latest)),
        needed=project.k_threshold,
    )


def publish_release(project: Project, user: User | None) -> Release:
    """Freezes the project's figures as its next release, with an audit event; raises
    ReleaseRefused while fewer than k new distinct participants took part. The caller commits."""
    from participatie.meetings.contacts import notify_release_subscribers

    release, new = new_release(project, user)
    # Parents who asked for news hear of it by SMS or e-mail (`participatie reminders send`).
    notify_release_subscribers(project, release.number)
    audit.record(
        "release.publish",
        project=project,
        object_type="release",
        object_id=str(release.number),
        user_id=user.id if user is not None else None,
        participants=release.participants,
        new=new,
    )
    return release


def new_release(project: Project, user: User | None) -> tuple[Release, int]:
    """(the next release, how many new participants it has), without an audit event: for
    loaders like the demo's, which write no audit events for the data they make either."""
    # One publisher at a time per project (PostgreSQL; SQLite serialises writers anyway).
    db.session.execute(select(Project.id).where(Project.id == project.id).with_for_update())
    latest = latest_release(project)
    figures, counted = freeze(project)
    new = len(_new_keys(counted, latest))
    if new < project.k_threshold:
        raise ReleaseRefused(refusal(new, project.k_threshold, first=latest is None))
    number = (
        db.session.scalar(select(func.max(Release.number)).where(Release.project_id == project.id))
        or 0
    ) + 1
    release = Release(
        project_id=project.id,
        number=number,
        published_at=utcnow(),
        published_by_id=user.id if user is not None else None,
        participants=len(counted),
        counted=_counted_json(counted),
        figures=figures,
    )
    db.session.add(release)
    db.session.flush()
    # Survey-fed indicators of the actieplan get this release's value (DESIGN §4).
    refresh_survey_indicators(project, release)
    return release, new


def refusal(new: int, k: int, *, first: bool) -> str:
    """Why a release cannot be published yet: two whole sentences, each with its own plural."""
    if first:
        told = ngettext(
            "Er deed nog maar %(num)s persoon mee.",
            "Er deden nog maar %(num)s mensen mee.",
            new,
        )
    else:
        told = ngettext(
            "Sinds de vorige publicatie deed %(num)s nieuwe persoon mee.",
            "Sinds de vorige publicatie deden %(num)s nieuwe mensen mee.",
            new,
        )
    needed = ngettext(
        "Een publicatie heeft minstens %(num)s nieuwe deelnemer nodig, zodat niemand te herkennen is door twee publicaties te vergelijken.",
        "Een publicatie heeft minstens %(num)s nieuwe deelnemers nodig, zodat niemand te herkennen is door twee publicaties te vergelijken.",
        k,
    )
    return f"{told} {needed}"


def _new_keys(now: dict[ParticipantKey, Any], latest: Release | None) -> set[ParticipantKey]:
    if latest is None:
        return set(now)
    counted = latest.counted or {}
    seen: set[ParticipantKey] = {("r", int(i)) for i in counted.get("r", [])}
    seen |= {("a", int(i)) for i in counted.get("a", [])}
    return set(now) - seen


def _counted_json(counted: dict[ParticipantKey, Any]) -> dict[str, list[int]]:
    return {
        kind: sorted(key_id for key_kind, key_id in counted if key_kind == kind)
        for kind in ("r", "a")
    }
