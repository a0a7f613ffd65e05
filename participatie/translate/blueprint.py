from __future__ import annotations

from flask import Blueprint

bp = Blueprint("translate", __name__, template_folder="templates")
