"""Everything a project holds, for the data protection officer: one zip of JSON-lines files.

The volunteer who assisted a response is left out, as in every export: it is kept apart so that no
result or export can tie a parent's answers to a named volunteer.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import click
from flask import Response as FlaskResponse
from flask.cli import with_appcontext
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase

from participatie import audit
from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.extensions import db
from participatie.models import (
    Action,
    Answer,
    Attendee,
    AuditEvent,
    Code,
    Decision,
    FocusGroup,
    Goal,
    Indicator,
    Measurement,
    Membership,
    Option,
    ParentGroupProposal,
    Priority,
    Project,
    Question,
    Quote,
    Release,
    Response,
    Role,
    Statement,
    Survey,
    Tag,
    Theme,
    ThemeStatement,
    User,
    Workgroup,
    WorkgroupMember,
)

LEFT_OUT = {"password_hash", "totp_secret", "resume_hash"}
# Staff accounts: only these columns. A list of what may go out, not of what may not, so a
# secret column added later (a last two-factor step, a session version) stays out by default.
STAFF_COLUMNS = frozenset(
    {"id", "public_id", "email", "name", "is_admin", "active", "locale", "created_at"}
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def _exported(obj: DeclarativeBase, key: str) -> bool:
    if isinstance(obj, User):
        return key in STAFF_COLUMNS
    return key not in LEFT_OUT


def _rows(objects: Iterable[DeclarativeBase]) -> str:
    lines = []
    for obj in objects:
        columns = obj.__table__.columns
        lines.append(
            json.dumps(
                {c.key: _plain(getattr(obj, c.key)) for c in columns if _exported(obj, c.key)},
                ensure_ascii=False,
            )
        )
    return "\n".join(lines) + ("\n" if lines else "")


def project_tables(project: Project) -> dict[str, Iterable[DeclarativeBase]]:
    survey_ids = select(Survey.id).where(Survey.project_id == project.id)
    response_ids = select(Response.id).where(Response.survey_id.in_(survey_ids))
    group_ids = select(FocusGroup.id).where(FocusGroup.project_id == project.id)
    question_ids = select(Question.id).where(Question.survey_id.in_(survey_ids))
    statement_ids = select(Statement.id).where(Statement.project_id == project.id)
    theme_ids = select(Theme.id).where(Theme.project_id == project.id)
    decision_ids = select(Decision.id).where(Decision.theme_id.in_(theme_ids))
    workgroup_ids = select(Workgroup.id).where(Workgroup.project_id == project.id)
    goal_ids = select(Goal.id).where(Goal.workgroup_id.in_(workgroup_ids))
    action_ids = select(Action.id).where(Action.goal_id.in_(goal_ids))
    indicator_ids = select(Indicator.id).where(
        Indicator.goal_id.in_(goal_ids) | Indicator.action_id.in_(action_ids)
    )
    s = db.session.scalars
    return {
        "project": [project],
        "memberships": s(select(Membership).where(Membership.project_id == project.id)),
        "staff_accounts": s(
            # No DISTINCT: PostgreSQL cannot compare the JSON columns of users.
            select(User).where(
                User.id.in_(select(Membership.user_id).where(Membership.project_id == project.id))
            )
        ),
        "surveys": s(select(Survey).where(Survey.id.in_(survey_ids))),
        "questions": s(select(Question).where(Question.id.in_(question_ids))),
        "options": s(select(Option).where(Option.question_id.in_(question_ids))),
        "responses": s(select(Response).where(Response.id.in_(response_ids))),
        "answers": s(select(Answer).where(Answer.response_id.in_(response_ids))),
        "focus_groups": s(select(FocusGroup).where(FocusGroup.id.in_(group_ids))),
        "attendees": s(select(Attendee).where(Attendee.focus_group_id.in_(group_ids))),
        "quotes": s(select(Quote).where(Quote.focus_group_id.in_(group_ids))),
        "codes": s(select(Code).where(Code.project_id == project.id)),
        "statements": s(select(Statement).where(Statement.id.in_(statement_ids))),
        "tags": s(select(Tag).where(Tag.statement_id.in_(statement_ids))),
        "themes": s(select(Theme).where(Theme.id.in_(theme_ids))),
        "theme_statements": s(select(ThemeStatement).where(ThemeStatement.theme_id.in_(theme_ids))),
        "decisions": s(select(Decision).where(Decision.id.in_(decision_ids))),
        "priorities": s(select(Priority).where(Priority.project_id == project.id)),
        "parent_group_proposals": s(
            select(ParentGroupProposal).where(ParentGroupProposal.project_id == project.id)
        ),
        "workgroups": s(select(Workgroup).where(Workgroup.id.in_(workgroup_ids))),
        "workgroup_members": s(
            select(WorkgroupMember).where(WorkgroupMember.workgroup_id.in_(workgroup_ids))
        ),
        "goals": s(select(Goal).where(Goal.id.in_(goal_ids))),
        "actions": s(select(Action).where(Action.id.in_(action_ids))),
        "indicators": s(select(Indicator).where(Indicator.id.in_(indicator_ids))),
        "measurements": s(select(Measurement).where(Measurement.indicator_id.in_(indicator_ids))),
        "audit_events": s(select(AuditEvent).where(AuditEvent.project_id == project.id)),
        # What was published, and whom each release counted (response and attendee ids).
        "releases": s(select(Release).where(Release.project_id == project.id)),
    }


def export_zip(project: Project) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, objects in project_tables(project).items():
            archive.writestr(f"{name}.jsonl", _rows(objects))
        archive.writestr(
            "README.txt",
            f"All data of project {project.slug}, one JSON object per line.\n"
            "Left out: password hashes, two-factor secrets and recovery codes, resume-code "
            "hashes, and which volunteer assisted a response.\n",
        )
    return buffer.getvalue()


@bp.route("/projecten/<slug>/gegevens.zip")
@project_role(Role.COORDINATOR)
def data_export(project: Project) -> FlaskResponse:
    audit.record(
        "project.export_all", project=project, object_type="project", object_id=project.slug
    )
    response = FlaskResponse(export_zip(project), mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{project.slug}-gegevens.zip"'
    response.headers["Cache-Control"] = "no-store"
    return response


@click.command("export-project")
@click.argument("slug")
@click.option("--output", required=True, type=click.Path(dir_okay=False), help="The zip to write.")
@with_appcontext
def export_project_command(slug: str, output: str) -> None:
    """Write all data of one project to a zip (for the data protection officer)."""
    from participatie.console import refuse

    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        refuse(f"No project with slug {slug!r}.")
    with open(output, "wb") as handle:
        handle.write(export_zip(project))
    audit.record("project.export_all", project=project, object_type="project", object_id=slug)
    db.session.commit()
    click.echo(output)
