"""Who may change what in the actieplan.

Coordinators change every werkgroep; a `werkgroep` member changes the goals, actions,
indicators and measurements of the werkgroepen they belong to, and nothing else. The stuurgroep
reads the plan and sets the priorities. Routes first pass `project_role` (the URL map test checks
that), then ask `require_edit`/`require_view` for the werkgroep the object belongs to.
"""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from participatie.models import Project, Role, Workgroup

EDITORS = (Role.COORDINATOR, Role.WERKGROEP)
READERS = (Role.COORDINATOR, Role.STUURGROEP, Role.WERKGROEP)


def is_member(workgroup: Workgroup) -> bool:
    return any(m.user_id == current_user.id for m in workgroup.members)


def can_edit(project: Project, workgroup: Workgroup) -> bool:
    if current_user.has_role(project.id, Role.COORDINATOR):
        return True
    return current_user.has_role(project.id, Role.WERKGROEP) and is_member(workgroup)


def can_view(project: Project, workgroup: Workgroup) -> bool:
    if current_user.has_role(project.id, Role.COORDINATOR, Role.STUURGROEP):
        return True
    return is_member(workgroup)


def require_edit(project: Project, workgroup: Workgroup) -> None:
    if not can_edit(project, workgroup):
        abort(403)


def require_view(project: Project, workgroup: Workgroup) -> None:
    if not can_view(project, workgroup):
        abort(403)


def visible_workgroups(project: Project, workgroups: list[Workgroup]) -> list[Workgroup]:
    return [w for w in workgroups if can_view(project, w)]
