"""The audit log: every coordinator or admin action on data, with who and when.

Append-only: rows are only ever added, in the same transaction as the change they describe.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import Session

from participatie.extensions import db
from participatie.models import AuditEvent, Project


def record(
    action: str,
    *,
    project: Project | None = None,
    object_type: str = "",
    object_id: str = "",
    user_id: int | None = None,
    **details: Any,
) -> AuditEvent:
    """Adds an audit event to the current transaction (the request commits it)."""
    if user_id is None and current_user and current_user.is_authenticated:
        user_id = current_user.id
    event = AuditEvent(
        user_id=user_id,
        project_id=project.id if project is not None else None,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        details=details,
    )
    db.session.add(event)
    return event


class AppendOnlyError(RuntimeError):
    """An audit event may be added, never changed or removed."""


def _refuse_changes(session: Session, _context: object, _instances: object) -> None:
    for instance in list(session.dirty) + list(session.deleted):
        if isinstance(instance, AuditEvent) and (
            instance in session.deleted or session.is_modified(instance)
        ):
            raise AppendOnlyError("the audit log is append-only")


def init_audit(app: Flask) -> None:  # noqa: ARG001  (every init_* takes the app)
    # Every session of the app passes here: a changed or deleted event never reaches the database.
    if not event.contains(Session, "before_flush", _refuse_changes):
        event.listen(Session, "before_flush", _refuse_changes)
