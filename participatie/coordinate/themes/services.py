"""Themes (bevindingen): statements grouped under a title within a domain, with chosen quotes.

Every change goes through the undo log (see `review_undo`), shared with the review queue so that
"add to theme" from the queue is undone from the queue too. A theme the stuurgroep already
decided on is not deleted here: its decisions would go with it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from participatie.coordinate.review.undo import ChangeLog, record_action, theme_state
from participatie.extensions import db
from participatie.models import (
    Answer,
    Code,
    Decision,
    Project,
    Quote,
    Statement,
    Theme,
    ThemeStatement,
)


def project_themes(project: Project) -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme)
            .where(Theme.project_id == project.id)
            .order_by(Theme.created_at, Theme.id)
            .options(selectinload(Theme.links), selectinload(Theme.domain))
        )
    )


def find_theme(project: Project, public_id: str) -> Theme | None:
    return db.session.scalar(
        select(Theme).where(Theme.project_id == project.id, Theme.public_id == public_id)
    )


def theme_links(theme: Theme) -> list[ThemeStatement]:
    return list(
        db.session.scalars(
            select(ThemeStatement)
            .where(ThemeStatement.theme_id == theme.id)
            .join(Statement, Statement.id == ThemeStatement.statement_id)
            .order_by(ThemeStatement.chosen_quote.desc(), Statement.created_at, Statement.id)
            .options(
                selectinload(ThemeStatement.statement)
                .selectinload(Statement.answer)
                .selectinload(Answer.question),
                selectinload(ThemeStatement.statement)
                .selectinload(Statement.quote)
                .selectinload(Quote.focus_group),
                selectinload(ThemeStatement.statement)
                .selectinload(Statement.quote)
                .selectinload(Quote.attendee),
            )
        )
    )


def _link(theme: Theme, statements: list[Statement], log: ChangeLog) -> int:
    present = set(
        db.session.scalars(
            select(ThemeStatement.statement_id).where(ThemeStatement.theme_id == theme.id)
        )
    )
    added = 0
    for statement in statements:
        if statement.id in present:
            continue
        db.session.add(ThemeStatement(theme_id=theme.id, statement_id=statement.id))
        log.link(theme.id, statement.id, None, {"chosen": False})
        present.add(statement.id)
        added += 1
    db.session.flush()
    return added


def create_theme(
    project: Project, title: dict[str, str], domain: Code | None, statements: list[Statement]
) -> Theme:
    theme = Theme(project_id=project.id, title=title, domain_id=domain.id if domain else None)
    db.session.add(theme)
    db.session.flush()
    log = ChangeLog()
    log.theme(theme.id, None, theme_state(theme))
    _link(theme, statements, log)
    record_action(
        "theme.create",
        project,
        log,
        {"action": "create", "statements": len(statements)},
        object_type="theme",
        object_id=theme.public_id,
    )
    return theme


def add_to_theme(project: Project, theme: Theme, statements: list[Statement]) -> int:
    log = ChangeLog()
    added = _link(theme, statements, log)
    record_action(
        "theme.add",
        project,
        log,
        {"action": "add", "statements": added},
        object_type="theme",
        object_id=theme.public_id,
    )
    return added


def remove_from_theme(project: Project, theme: Theme, statement: Statement) -> None:
    link = db.session.get(ThemeStatement, (theme.id, statement.id))
    log = ChangeLog()
    if link is not None:
        log.link(theme.id, statement.id, {"chosen": link.chosen_quote}, None)
        db.session.delete(link)
        db.session.flush()
    record_action(
        "theme.remove",
        project,
        log,
        {"action": "remove", "statements": 1},
        object_type="theme",
        object_id=theme.public_id,
    )


def set_chosen_quote(project: Project, theme: Theme, statement: Statement, chosen: bool) -> None:
    link = db.session.get(ThemeStatement, (theme.id, statement.id))
    log = ChangeLog()
    if link is not None and link.chosen_quote != chosen:
        log.link(theme.id, statement.id, {"chosen": link.chosen_quote}, {"chosen": chosen})
        link.chosen_quote = chosen
        db.session.flush()
    record_action(
        "theme.quote",
        project,
        log,
        {"action": "quote" if chosen else "unquote", "statements": 1},
        object_type="theme",
        object_id=theme.public_id,
    )


def edit_theme(project: Project, theme: Theme, title: dict[str, str], domain: Code | None) -> None:
    log = ChangeLog()
    before = theme_state(theme)
    theme.title = title
    theme.domain_id = domain.id if domain else None
    db.session.flush()
    after = theme_state(theme)
    if after != before:
        log.theme(theme.id, before, after)
    record_action(
        "theme.edit",
        project,
        log,
        {"action": "edit"},
        object_type="theme",
        object_id=theme.public_id,
    )


def has_decisions(theme: Theme) -> bool:
    return bool(
        db.session.scalar(select(func.count(Decision.id)).where(Decision.theme_id == theme.id))
    )


def delete_theme(project: Project, theme: Theme) -> bool:
    """Deletes the theme and its links; False (nothing done) when the stuurgroep decided on it."""
    if has_decisions(theme):
        return False
    log = ChangeLog()
    for link in theme_links(theme):
        log.link(theme.id, link.statement_id, {"chosen": link.chosen_quote}, None)
        db.session.delete(link)
    db.session.flush()
    log.theme(theme.id, theme_state(theme), None)
    public_id = theme.public_id
    db.session.expire(theme, ["links"])
    db.session.delete(theme)
    db.session.flush()
    record_action(
        "theme.delete", project, log, {"action": "delete"}, object_type="theme", object_id=public_id
    )
    return True


def statements_by_public_id(project: Project, public_ids: list[str]) -> list[Statement]:
    """The project's statements among `public_ids` (others, from other projects too, are ignored)."""
    if not public_ids:
        return []
    return list(
        db.session.scalars(
            select(Statement)
            .where(Statement.project_id == project.id, Statement.public_id.in_(public_ids))
            .order_by(Statement.created_at, Statement.id)
            .options(selectinload(Statement.tags))
        )
    )
