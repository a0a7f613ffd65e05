"""Blind second coding and the agreement between coders.

A coordinator asks one or more colleagues (coordinators of the same project) to code a random,
seeded sample of statements that were already tagged in the queue, without seeing anyone's tags or
suggestions. Their decisions are Tag rows with `is_blind_sample=True` and their coder id: one row
per top-level code, accepted when they gave it and rejected when they did not, so "absent" is
recorded too. The queue's accepted tags are the first coder ("the queue"); the figures compare
per code: Cohen's kappa for the queue and one colleague, Krippendorff's alpha for more.

Samples are small (tens of statements) and live in `Project.settings["agreement_samples"]`; the
blind tags themselves are ordinary rows. While a colleague still has statements of a sample to
code, the queue hides those statements from them, so their second coding stays blind.
"""

from __future__ import annotations

import random
import secrets
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import selectinload

from participatie import audit
from participatie.extensions import db
from participatie.models import (
    Answer,
    Code,
    CodeKind,
    Membership,
    Project,
    Quote,
    Role,
    Statement,
    Tag,
    TagStatus,
    User,
)
from participatie.models.base import utcnow
from participatie.tagging.agreement import (
    Disagreement,
    alpha_per_code,
    disagreements,
    kappa_per_code,
)
from participatie.tagging.project_codebook import Codebook

SETTING = "agreement_samples"
MAX_SAMPLE = 200
QUEUE = "queue"  # the first coder in the figures: the queue's accepted tags


@dataclass(frozen=True)
class Sample:
    id: str
    seed: int
    statement_ids: tuple[int, ...]
    coder_ids: tuple[int, ...]
    requested_by: int
    created_at: str

    def as_setting(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "seed": self.seed,
            "statements": list(self.statement_ids),
            "coders": list(self.coder_ids),
            "requested_by": self.requested_by,
            "created_at": self.created_at,
        }

    @classmethod
    def from_setting(cls, data: dict[str, Any]) -> Sample:
        return cls(
            id=str(data["id"]),
            seed=int(data["seed"]),
            statement_ids=tuple(int(i) for i in data["statements"]),
            coder_ids=tuple(int(i) for i in data["coders"]),
            requested_by=int(data["requested_by"]),
            created_at=str(data["created_at"]),
        )


def samples(project: Project) -> list[Sample]:
    return [Sample.from_setting(s) for s in (project.settings or {}).get(SETTING, [])]


def find_sample(project: Project, sample_id: str) -> Sample | None:
    return next((s for s in samples(project) if s.id == sample_id), None)


def _store(project: Project, updated: list[Sample]) -> None:
    settings = dict(project.settings or {})
    settings[SETTING] = [s.as_setting() for s in updated]
    project.settings = settings


def colleagues(project: Project, user: User) -> list[User]:
    """Other coordinators of the project: who may be asked to code blind."""
    return list(
        db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.project_id == project.id,
                Membership.role == Role.COORDINATOR,
                User.id != user.id,
                User.active.is_(True),
            )
            .order_by(User.name, User.email)
        )
    )


def colleague(project: Project, user: User, public_id: str) -> User:
    """One of `colleagues` by public id (the form offered only those)."""
    return next(c for c in colleagues(project, user) if c.public_id == public_id)


def _consensus(status: TagStatus | None = None) -> Any:
    condition = and_(Tag.statement_id == Statement.id, Tag.is_blind_sample.is_(False))
    if status is not None:
        condition = and_(condition, Tag.status == status)
    return condition


def eligible_statement_ids(project: Project, coder_ids: list[int]) -> list[int]:
    """Statements tagged in the queue that none of the coders has tagged there themselves."""
    return list(
        db.session.scalars(
            select(Statement.id)
            .where(
                Statement.project_id == project.id,
                exists().where(_consensus(TagStatus.ACCEPTED)),
                ~exists().where(_consensus(), Tag.coder_id.in_(coder_ids)),
            )
            .order_by(Statement.id)
        )
    )


def draw_sample(
    project: Project, requester: User, coder: User, size: int, seed: int | None
) -> Sample | None:
    """A new seeded random sample for `coder`; None when no statement qualifies yet."""
    pool = eligible_statement_ids(project, [coder.id])
    if not pool:
        return None
    seed = seed if seed is not None else secrets.randbelow(10**6)
    chosen = random.Random(seed).sample(pool, min(size, len(pool)))  # noqa: S311  (a sample, not a secret)
    sample = Sample(
        id=secrets.token_urlsafe(9),
        seed=seed,
        statement_ids=tuple(sorted(chosen)),
        coder_ids=(coder.id,),
        requested_by=requester.id,
        created_at=utcnow().isoformat(),
    )
    _store(project, [*samples(project), sample])
    audit.record(
        "agreement.sample",
        project=project,
        object_type="agreement_sample",
        object_id=sample.id,
        coder=coder.public_id,
        size=len(chosen),
        seed=seed,
    )
    return sample


def coded_in_queue(sample: Sample, coder: User) -> bool:
    """Whether the colleague tagged sampled statements in the queue (then they are not blind)."""
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    Tag.statement_id.in_(sample.statement_ids),
                    Tag.is_blind_sample.is_(False),
                    Tag.coder_id == coder.id,
                )
            )
        )
    )


def add_coder(project: Project, sample: Sample, coder: User) -> Sample:
    updated = replace(sample, coder_ids=(*sample.coder_ids, coder.id))
    _store(project, [updated if s.id == sample.id else s for s in samples(project)])
    audit.record(
        "agreement.add_coder",
        project=project,
        object_type="agreement_sample",
        object_id=sample.id,
        coder=coder.public_id,
    )
    return updated


def done_ids(sample: Sample, coder_id: int) -> set[int]:
    """Statements of the sample the coder has coded blind."""
    return set(
        db.session.scalars(
            select(Tag.statement_id).where(
                Tag.statement_id.in_(sample.statement_ids),
                Tag.is_blind_sample.is_(True),
                Tag.coder_id == coder_id,
            )
        )
    )


def hidden_statement_ids(project: Project, user: User) -> set[int]:
    """Statements the queue hides from `user` until they have coded them blind."""
    hidden: set[int] = set()
    for sample in samples(project):
        if user.id in sample.coder_ids:
            hidden |= set(sample.statement_ids) - done_ids(sample, user.id)
    return hidden


def blind_codes(codebook: Codebook) -> list[Code]:
    """The codes a blind coder chooses from: top-level codes that are switched on."""
    return [row.code for row in codebook.pickable() if row.code.parent_id is None]


def sample_statements(project: Project, sample: Sample) -> list[Statement]:
    return list(
        db.session.scalars(
            select(Statement)
            .where(Statement.project_id == project.id, Statement.id.in_(sample.statement_ids))
            .order_by(Statement.id)
            .options(
                selectinload(Statement.tags),
                selectinload(Statement.answer).selectinload(Answer.question),
                selectinload(Statement.quote).selectinload(Quote.attendee),
                selectinload(Statement.quote).selectinload(Quote.focus_group),
            )
        )
    )


def save_blind_coding(
    project: Project,
    sample: Sample,
    coder: User,
    statement: Statement,
    chosen: set[int],
    codebook: Codebook,
) -> None:
    """Store the coder's decision for every offered code: present (accepted) or absent (rejected)."""
    rows = {
        tag.code_id: tag
        for tag in statement.tags
        if tag.is_blind_sample and tag.coder_id == coder.id
    }
    for code in blind_codes(codebook):
        status = TagStatus.ACCEPTED if code.id in chosen else TagStatus.REJECTED
        tag = rows.get(code.id)
        if tag is None:
            statement.tags.append(
                Tag(code_id=code.id, coder_id=coder.id, status=status, is_blind_sample=True)
            )
        else:
            tag.status = status
    db.session.flush()
    audit.record(
        "agreement.code",
        project=project,
        object_type="statement",
        object_id=statement.public_id,
        sample=sample.id,
        codes=sorted(codebook.by_id[i].key for i in chosen),
    )


def _rollup(codebook: Codebook, code_id: int) -> Code:
    """Agreement is per top-level code: a sub-code counts for its domain, a merged code for its target."""
    code = codebook.effective(codebook.by_id[code_id])
    return codebook.effective(codebook.top(code))


def codings(
    sample: Sample, statements: list[Statement], codebook: Codebook
) -> dict[Any, dict[int, set[str]]]:
    """Per coder (QUEUE or a user id): statement id -> the top-level code keys they gave it."""
    result: dict[Any, dict[int, set[str]]] = defaultdict(dict)
    for statement in statements:
        blind_seen: dict[int, set[str]] = defaultdict(set)
        queue_codes: set[str] = set()
        for tag in statement.tags:
            key = _rollup(codebook, tag.code_id).key
            if tag.is_blind_sample and tag.coder_id in sample.coder_ids:
                blind_seen.setdefault(tag.coder_id, set())
                if tag.status == TagStatus.ACCEPTED:
                    blind_seen[tag.coder_id].add(key)
            elif not tag.is_blind_sample and tag.status == TagStatus.ACCEPTED:
                queue_codes.add(key)
        if queue_codes:
            result[QUEUE][statement.id] = queue_codes
        for coder_id, keys in blind_seen.items():
            result[coder_id][statement.id] = keys
    return {QUEUE: result.get(QUEUE, {}), **{c: result.get(c, {}) for c in sample.coder_ids}}


@dataclass(frozen=True)
class Figures:
    kind: CodeKind
    # code key -> value (None: cannot be computed, nobody varied)
    kappa: dict[str, float | None]
    alpha: dict[str, float | None]


@dataclass(frozen=True)
class AgreementReport:
    compared: int  # statements coded by the queue and at least one colleague
    figures: list[Figures]
    disagreements: list[Disagreement[int, Any]]


def agreement_report(
    sample: Sample, statements: list[Statement], codebook: Codebook
) -> AgreementReport:
    by_coder = codings(sample, statements, codebook)
    queue = by_coder[QUEUE]
    colleagues_done = [c for c in sample.coder_ids if by_coder[c]]
    compared = {item for c in colleagues_done for item in by_coder[c] if item in queue}
    figures = []
    for kind in (CodeKind.DOMAIN, CodeKind.BARRIER, CodeKind.KIND):
        keys = [c.key for c in blind_codes(codebook) if c.kind == kind]
        kappa = (
            kappa_per_code(queue, by_coder[colleagues_done[0]], keys)
            if len(colleagues_done) == 1
            else {}
        )
        figures.append(Figures(kind, kappa, alpha_per_code(by_coder, keys)))
    keys = [c.key for c in blind_codes(codebook)]
    return AgreementReport(len(compared), figures, disagreements(by_coder, keys))
