"""Undo for coordinators' tagging, theme and codebook changes, kept in the audit log.

Every undoable action writes one audit event whose details hold the steps to reverse it: for each
row it touched, the state before and after. Undo reverses the newest of the user's own events that
no later undo event points at, so pressing it again steps further back. The audit log stays
append-only: an undo is one more event (`<area>.undo`, details `undoes`), never an edit.

A step is only reversed while the row still looks as the action left it; when someone changed it
since, that step is skipped and the coordinator is told not everything could be undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select

from participatie import audit
from participatie.extensions import db
from participatie.models import (
    AuditEvent,
    Code,
    Decision,
    Project,
    Tag,
    TagStatus,
    Theme,
    ThemeStatement,
    User,
)

# Undo stacks: the queue and the themes page share one, the codebook has its own.
AREAS: dict[str, tuple[str, ...]] = {
    "review": ("review.", "theme."),
    "codebook": ("codebook.",),
}
LOOK_BACK = 200

State = dict[str, Any] | None


def tag_state(tag: Tag) -> dict[str, Any]:
    return {"status": tag.status.value, "coder": tag.coder_id}


def theme_state(theme: Theme) -> dict[str, Any]:
    return {
        "project": theme.project_id,
        "public_id": theme.public_id,
        "title": dict(theme.title),
        "summary": dict(theme.summary),
        "domain": theme.domain_id,
    }


def code_state(code: Code) -> dict[str, Any]:
    return {
        "label": dict(code.label),
        "scope_note": code.scope_note,
        "active": code.active,
        "merged_into": code.merged_into_id,
    }


@dataclass
class ChangeLog:
    """The reversible steps of one action, in the order they were made."""

    steps: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.steps)

    def tag(self, tag: Tag, before: State) -> None:
        self.steps.append({"op": "tag", "id": tag.id, "before": before, "after": tag_state(tag)})

    def link(self, theme_id: int, statement_id: int, before: State, after: State) -> None:
        self.steps.append(
            {
                "op": "link",
                "theme": theme_id,
                "statement": statement_id,
                "before": before,
                "after": after,
            }
        )

    def theme(self, theme_id: int, before: State, after: State) -> None:
        self.steps.append({"op": "theme", "id": theme_id, "before": before, "after": after})

    def code(self, code_id: int, before: State, after: State) -> None:
        self.steps.append({"op": "code", "id": code_id, "before": before, "after": after})


def record_action(
    action: str,
    project: Project,
    log: ChangeLog,
    summary: dict[str, Any],
    *,
    object_type: str = "",
    object_id: str = "",
) -> AuditEvent:
    """The audit event of an action, with what undo needs and a summary to describe it."""
    return audit.record(
        action,
        project=project,
        object_type=object_type,
        object_id=object_id,
        undo=log.steps,
        summary=summary,
    )


def last_undoable(project: Project, user: User, area: str) -> AuditEvent | None:
    """The user's newest action in `area` that has not been undone yet."""
    prefixes = AREAS[area]
    events = db.session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.project_id == project.id,
            AuditEvent.user_id == user.id,
            or_(*(AuditEvent.action.startswith(p) for p in prefixes)),
        )
        .order_by(AuditEvent.id.desc())
        .limit(LOOK_BACK)
    )
    undone: set[int] = set()
    for event in events:
        if event.action == f"{area}.undo":
            undone.add(int(event.details.get("undoes", 0)))
        elif event.id not in undone and event.details.get("undo"):
            return event
    return None


@dataclass(frozen=True)
class UndoResult:
    event: AuditEvent
    complete: bool


def undo_last(project: Project, user: User, area: str) -> UndoResult | None:
    event = last_undoable(project, user, area)
    if event is None:
        return None
    skipped = 0
    for step in reversed(event.details["undo"]):
        if not _REVERSERS[step["op"]](step):
            skipped += 1
    db.session.flush()
    audit.record(
        f"{area}.undo",
        project=project,
        object_type=event.object_type,
        object_id=event.object_id,
        undoes=event.id,
        undone_action=event.action,
        skipped=skipped,
    )
    return UndoResult(event, complete=skipped == 0)


def _reverse_tag(step: dict[str, Any]) -> bool:
    tag = db.session.get(Tag, step["id"])
    if tag is None or tag_state(tag) != step["after"]:
        return tag is None and step["before"] is None
    before = step["before"]
    if before is None:
        db.session.delete(tag)
    else:
        tag.status = TagStatus(before["status"])
        tag.coder_id = before["coder"]
    return True


def _reverse_link(step: dict[str, Any]) -> bool:
    link = db.session.get(ThemeStatement, (step["theme"], step["statement"]))
    current = {"chosen": link.chosen_quote} if link is not None else None
    if current != step["after"]:
        return False
    before = step["before"]
    if before is None and link is not None:
        db.session.delete(link)
    elif before is not None and link is None:
        if db.session.get(Theme, step["theme"]) is None:
            return False
        db.session.add(
            ThemeStatement(
                theme_id=step["theme"],
                statement_id=step["statement"],
                chosen_quote=before["chosen"],
            )
        )
    elif before is not None and link is not None:
        link.chosen_quote = before["chosen"]
    db.session.flush()
    return True


def _reverse_theme(step: dict[str, Any]) -> bool:
    theme = db.session.get(Theme, step["id"])
    current = theme_state(theme) if theme is not None else None
    if current != step["after"]:
        return False
    before = step["before"]
    if before is None and theme is not None:
        has_decisions = db.session.scalar(
            select(func.count(Decision.id)).where(Decision.theme_id == theme.id)
        )
        has_links = db.session.scalar(
            select(func.count()).where(ThemeStatement.theme_id == theme.id)
        )
        if has_decisions or has_links:
            return False
        db.session.delete(theme)
    elif before is not None and theme is None:
        db.session.add(
            Theme(
                id=step["id"],
                project_id=before["project"],
                public_id=before["public_id"],
                title=before["title"],
                summary=before["summary"],
                domain_id=before["domain"],
            )
        )
    elif before is not None and theme is not None:
        theme.title = before["title"]
        theme.summary = before["summary"]
        theme.domain_id = before["domain"]
    db.session.flush()
    return True


def _reverse_code(step: dict[str, Any]) -> bool:
    code = db.session.get(Code, step["id"])
    current = code_state(code) if code is not None else None
    if current != step["after"] or code is None:
        return False
    before = step["before"]
    if before is None:
        in_use = db.session.scalar(select(func.count(Tag.id)).where(Tag.code_id == code.id))
        has_children = db.session.scalar(
            select(func.count(Code.id)).where(
                or_(Code.parent_id == code.id, Code.merged_into_id == code.id)
            )
        )
        if in_use or has_children:
            return False
        db.session.delete(code)
    else:
        code.label = before["label"]
        code.scope_note = before["scope_note"]
        code.active = before["active"]
        code.merged_into_id = before["merged_into"]
    db.session.flush()
    return True


_REVERSERS = {
    "tag": _reverse_tag,
    "link": _reverse_link,
    "theme": _reverse_theme,
    "code": _reverse_code,
}
