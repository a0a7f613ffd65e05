"""The coordinators' page "Hoe goed zijn de voorstellen?": the suggester's accuracy where it is used.

Two sources, side by side:

* this project's own decisions: of the domains the suggester proposed and a coordinator decided,
  the share accepted (precision); of the domains coordinators chose, the share the suggester had
  proposed (recall). Suggestions nobody decided yet do not count. A suggester row keeps its score
  and evidence when decided (``review.services``), which is how it is told from a domain added by
  hand or imported with a transcript;
* the labelled statements the suggester was not tuned on (``tagging.measure``, figures stored in
  the package).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from flask import render_template
from sqlalchemy import select

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.extensions import db
from participatie.models import CodeKind, Project, Role, Statement, Tag, TagStatus
from participatie.tagging.measure import measured
from participatie.tagging.project_codebook import Codebook, load_codebook


@dataclass
class Row:
    """One line of a table: a domain or a language, with its counts."""

    label: str
    accepted: int = 0  # proposed and accepted
    rejected: int = 0  # proposed and rejected
    missed: int = 0  # chosen by a coordinator, not proposed

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def precision(self) -> float | None:
        return self.accepted / self.decided if self.decided else None

    @property
    def recall(self) -> float | None:
        found = self.accepted + self.missed
        return self.accepted / found if found else None


def _is_machine(tag: Tag) -> bool:
    return tag.score is not None and bool(tag.evidence)


def project_rows(project: Project, codebook: Codebook) -> tuple[list[Row], list[Row]]:
    """Rows per domain and per language from the project's decided domain tags."""
    per_domain: dict[int, Row] = {}
    per_language: dict[str, Row] = defaultdict(lambda: Row(""))
    tags = db.session.execute(
        select(Tag, Statement.language)
        .join(Statement, Statement.id == Tag.statement_id)
        .where(Statement.project_id == project.id, Tag.is_blind_sample.is_(False))
    ).all()
    for tag, language in tags:
        code = codebook.by_id.get(tag.code_id)
        if code is None or code.kind != CodeKind.DOMAIN or tag.status == TagStatus.SUGGESTED:
            continue
        target = codebook.effective(code)
        rows = (
            per_domain.setdefault(target.id, Row(codebook.label(target))),
            per_language[language],
        )
        for row in rows:
            if _is_machine(tag):
                if tag.status == TagStatus.ACCEPTED:
                    row.accepted += 1
                else:
                    row.rejected += 1
            elif tag.status == TagStatus.ACCEPTED:
                row.missed += 1
    for language, row in per_language.items():
        row.label = language
    order = {code.id: i for i, code in enumerate(codebook.codes)}
    domains = [per_domain[k] for k in sorted(per_domain, key=lambda k: order.get(k, 0))]
    return domains, [per_language[k] for k in sorted(per_language)]


def labelled_rows(codebook: Codebook) -> tuple[list[Row | dict[str, Any]], dict[str, Any]]:
    """The stored figures on labelled statements, with the project's labels for the domains."""
    figures = measured()
    rows: list[Row | dict[str, Any]] = []
    for key, row in figures.get("per_domain", {}).items():
        code = codebook.by_key.get(key)
        rows.append({**row, "label": codebook.label(code) if code else key})
    return rows, figures


@bp.route("/projecten/<slug>/uitspraken/voorstellen")
@project_role(Role.COORDINATOR)
def suggestion_quality(project: Project) -> str:
    codebook = load_codebook(project)
    domains, languages = project_rows(project, codebook)
    labelled, figures = labelled_rows(codebook)
    return render_template(
        "coordinate/review/quality.html",
        project=project,
        domains=domains,
        languages=languages,
        labelled=labelled,
        figures=figures,
    )
