"""What the stuurgroep sees beside each levensdomein when it picks the prioritaire domeinen.

Every figure comes through `domain_figures`: the ONE place that decides which figures are shown.
Until releases exist it reads the live domain counting of report/domains.py (with its
small-number protection); when the Release model lands, switch `domain_figures` to the latest
release's frozen figures and nothing else here changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participatie.content import Localised
from participatie.extensions import db
from participatie.models import Decision, Priority, Project, Theme
from participatie.report.domains import DomainResults, domain_results


def domain_figures(project: Project, locale: str) -> DomainResults:
    """The published domain figures: the switch point for the latest release (see above)."""
    return domain_results(project, locale)


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


def priority_board(project: Project, locale: str) -> list[DomainEvidence]:
    """Every domain of the codebook, with its evidence and its priority (if any), largest first."""
    figures = domain_figures(project, locale)
    split = figures.splits["group"]
    groups = {row.key: cells for row, cells in split.rows}
    themes = db.session.scalars(
        select(Theme)
        .where(Theme.project_id == project.id)
        .options(selectinload(Theme.decisions), selectinload(Theme.domain))
        .order_by(Theme.id)
    ).all()
    priorities = {
        p.domain.key: p
        for p in db.session.scalars(select(Priority).where(Priority.project_id == project.id))
    }
    board = []
    for row in figures.ranking:
        cells = groups.get(row.key, [])
        board.append(
            DomainEvidence(
                key=row.key,
                label=row.label,
                participants=row.count,
                groups=[
                    (column.key, cell) for column, cell in zip(split.columns, cells, strict=False)
                ],
                themes=[
                    (theme, theme.decisions[-1] if theme.decisions else None)
                    for theme in themes
                    if theme.domain is not None and theme.domain.key == row.key
                ],
                priority=priorities.get(row.key),
            )
        )
    return board
