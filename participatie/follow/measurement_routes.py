"""Deleting a measurement of an indicator (routes on the follow blueprint; measurements are added
on the indicator's page, indicator_routes.py; see goal_routes.py for the access rule)."""

from __future__ import annotations

from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.follow import messages, services
from participatie.follow.access import require_edit
from participatie.follow.blueprint import C, W, bp
from participatie.follow.indicators import format_value
from participatie.follow.plan_pages import confirm_delete, indicator_url
from participatie.models import Project


@bp.route(
    "/projecten/<slug>/indicatoren/<indicator_id>/metingen/<measurement_id>/verwijderen",
    methods=["GET", "POST"],
)
@project_role(C, W)
def delete_measurement(
    project: Project, indicator_id: str, measurement_id: str
) -> str | WerkzeugResponse:
    found = services.indicator_in(project, indicator_id)
    require_edit(project, services.workgroup_of(found))
    measurement = services.measurement_in(found, measurement_id)
    return confirm_delete(
        project,
        what="measurement",
        name=f"{measurement.measured_on.isoformat()}: {format_value(measurement.value, found.unit)}",
        measurements=1,
        back=indicator_url(project, found),
        delete=lambda: services.delete_measurement(project, measurement),
        deleted_message=messages.MEASUREMENT_DELETED,
        then=indicator_url(project, found) + "#metingen",
    )
