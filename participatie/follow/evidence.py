"""What the stuurgroep sees beside each levensdomein when it picks the prioritaire domeinen.

Every figure comes through `domain_figures`: the ONE place that decides which figures are shown,
the latest release's frozen domain figures (DESIGN §2: published, not live). Before the first
release there are none, and every domain of the codebook is still listed, without figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participatie.content import Localised, localise
from participatie.extensions import db
from participatie.models import Code, CodeKind, Decision, Priority, Project, Release, Theme
from participatie.report.domains import DomainResults
from participatie.report.release_figures import release_view


def domain_figures(project: Project, locale: str) -> tuple[Release | None, DomainResults]:
    """The latest release and its domain figures (empty ones before the first release)."""
    release, results = release_view(project, locale, surveys=[])
    return release, results.domains


@dataclass
class DomainEvidence:
    key: str
    label: Localised
    participants: int | None  # distinct participants who raised it; None = hidden (< k)
    groups: list[tuple[str, int | None]]  # per participant group, protected like the report
    themes: list[tuple[Theme, Decision | None]] = field(default_factory=list)
    priority: Priority | None = None

    def evidence(self) -> dict[str, object]:
        """The figures frozen on a priority when it is chosen."""
        return {
            "participants": self.participants,
            "groups": {group: count for group, count in self.groups},
            "themes": len(self.themes),
        }


def priority_board(project: Project, locale: str) -> tuple[Release | None, list[DomainEvidence]]:
    """The latest release, and every active domain of the codebook with its evidence from that
    release and its priority (if any): published figures largest first, then the rest in
    codebook order (as the report ranks them, so an order never hints at a hidden size)."""
    release, figures = domain_figures(project, locale)
    split = figures.splits.get("group")
    groups = {row.key: cells for row, cells in split.rows} if split is not None else {}
    ranked = {row.key: position for position, row in enumerate(figures.ranking)}
    counts = {row.key: row.count for row in figures.ranking}
    codes = db.session.scalars(
        select(Code)
        .where(Code.project_id == project.id, Code.kind == CodeKind.DOMAIN, Code.active)
        .order_by(Code.position, Code.id)
    ).all()
    themes = db.session.scalars(
        select(Theme)
        .where(Theme.project_id == project.id)
        .options(selectinload(Theme.decisions), selectinload(Theme.domain))
        .order_by(Theme.id)
    ).all()
    priorities = {
        p.domain_id: p
        for p in db.session.scalars(select(Priority).where(Priority.project_id == project.id))
    }
    board = [
        DomainEvidence(
            key=code.key,
            label=localise(code.label, locale) if code.label else Localised(code.key),
            participants=counts.get(code.key),
            groups=[
                (column.key, cell)
                for column, cell in zip(
                    split.columns if split is not None else [],
                    groups.get(code.key, []),
                    strict=False,
                )
            ],
            themes=[
                (theme, theme.decisions[-1] if theme.decisions else None)
                for theme in themes
                if theme.domain_id == code.id
            ],
            priority=priorities.get(code.id),
        )
        for code in codes
    ]
    order = {code.key: index for index, code in enumerate(codes)}
    board.sort(key=lambda row: (ranked.get(row.key, len(ranked)), order[row.key]))
    return release, board
