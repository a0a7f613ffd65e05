"""The coordinators' and site admin's area: one blueprint, its routes in the sub-packages.

Each sub-package (admin, surveys, focusgroups, review, themes, codebook, agreement, privacy, and
the home pages in home) adds its routes to this blueprint; blueprints.py imports them. The
templates live in templates/coordinate/<sub-package>/.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("coordinate", __name__, template_folder="templates")
