"""The `assist` blueprint: volunteers beside parents, on paper and without a connection."""

from __future__ import annotations

from flask import Blueprint
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.models import Role

bp = Blueprint("assist", __name__, template_folder="templates")

# Who may use the volunteer pages of a project: its volunteers, and its coordinators (who help
# too, and who alone may correct a keyed-in paper form). The stuurgroep has no business here.
HELPERS = (Role.VOLUNTEER, Role.COORDINATOR)

Page = str | WerkzeugResponse | tuple[str, int]
