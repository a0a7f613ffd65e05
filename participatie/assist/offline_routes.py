"""Without a connection: the offline app shell, its survey definition, the service worker, and
the sync endpoint that takes the queued responses when the connection returns.

CSRF for the sync: the JSON endpoint takes the token in the X-CSRFToken header (Flask-WTF checks
it before the view), and the device fetches a fresh token right before every sync, so hours
offline or a new login never leave it with a stale one. On top of that the endpoint accepts only
JSON with our own X-Participatie-Sync header from the same origin: a form on another site can
send neither, and a cross-site script would need a CORS preflight we never grant.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from flask import Response, jsonify, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError, generate_csrf

from participatie.assets import STATIC_DIR, asset_url
from participatie.assist.blueprint import HELPERS, bp
from participatie.assist.offline import CACHE_NAME, definition_json, volunteer_messages
from participatie.assist.services import survey_in_project
from participatie.assist.sync import BadBatch, apply_batch
from participatie.auth.access import project_role, public
from participatie.errors import CSRF_PAGE, render_error
from participatie.models import Project

SYNC_HEADER = "X-Participatie-Sync"
JSON_ENDPOINTS = frozenset({"assist.sync", "assist.sync_token"})
SERVICE_WORKER = Path(STATIC_DIR) / "offline" / "sw.js"
# What the service worker keeps for offline use from the start; pages and definitions are added
# when a volunteer opens them online.
PRECACHED_ASSETS = (
    "app.css",
    "assist.css",
    "offline/expressions.js",
    "offline/relevance.js",
    "offline/patterns.js",
    "offline/validate.js",
    "offline/flow.js",
    "offline/queue.js",
    "offline/sync.js",
    "offline/journey.js",
    "offline/render.js",
)


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _json_error(status: int, error: str) -> tuple[Response, int]:
    return _no_store(jsonify({"error": error})), status


@bp.errorhandler(CSRFError)
def csrf_refused(_error: CSRFError) -> tuple[Response, int] | tuple[str, int]:
    # The sync script needs to know it should fetch a fresh token; people get the usual page.
    if request.endpoint in JSON_ENDPOINTS:
        return _json_error(400, "csrf")
    return render_error(400, *CSRF_PAGE)


def offline_context(project: Project) -> dict[str, object]:
    """Data attributes for sync.js, on every page that shows the queue."""
    return {
        "sync_url": url_for("assist.sync", slug=project.slug),
        "token_url": url_for("assist.sync_token", slug=project.slug),
        "login_url": url_for(
            "auth.login", next=url_for("assist.signed_in_again", slug=project.slug)
        ),
        "sw_url": url_for("assist.service_worker", slug=project.slug),
        "sw_scope": url_for("assist.project_surveys", slug=project.slug),
        "cache_name": CACHE_NAME,
        "messages": volunteer_messages(),
        "slug": project.slug,
    }


@bp.app_context_processor
def inject_offline_context() -> dict[str, object]:
    return {"offline_context": offline_context}


@bp.route("/projecten/<slug>/samen/<code>/zonder-internet")
@project_role(*HELPERS)
def offline_app(project: Project, code: str) -> str:
    survey = survey_in_project(project, code)
    return render_template(
        "assist/offline.html",
        project=project,
        survey=survey,
        definition_url=url_for("assist.definition", slug=project.slug, code=survey.code),
        volunteer=current_user.public_id,
    )


@bp.route("/projecten/<slug>/samen/<code>/definitie.json")
@project_role(*HELPERS)
def definition(project: Project, code: str) -> Response:
    survey = survey_in_project(project, code)
    response = jsonify(definition_json(survey, project))
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/projecten/<slug>/samen/sw.js")
@public  # code only, the same for every slug: nothing to protect, and it must load logged out
def service_worker(slug: str) -> Response:
    precache = [asset_url(name) for name in PRECACHED_ASSETS]
    header = (
        f"const CACHE_NAME = {json.dumps(CACHE_NAME)};\nconst PRECACHE = {json.dumps(precache)};\n"
    )
    response = Response(header + SERVICE_WORKER.read_text("utf-8"), mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    # The scope is /projecten/<slug>/samen itself, one level above the script's folder.
    response.headers["Service-Worker-Allowed"] = url_for("assist.project_surveys", slug=slug)
    return response


@bp.route("/projecten/<slug>/samen/sync/token")
@project_role(*HELPERS)
def sync_token(project: Project) -> Response:  # noqa: ARG001  (project_role passes it; checks access)
    return _no_store(jsonify({"token": generate_csrf()}))


def _same_origin() -> bool:
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    # Host only: behind a TLS-terminating proxy the scheme seen here may differ from the browser's.
    return origin is None or urlsplit(origin).netloc == request.host


@bp.route("/projecten/<slug>/samen/sync", methods=["POST"])
@project_role(*HELPERS)
def sync(project: Project) -> Response | tuple[Response, int]:
    if request.headers.get(SYNC_HEADER) != "1" or not request.is_json or not _same_origin():
        return _json_error(400, "not_a_sync")
    try:
        outcomes = apply_batch(project, current_user, request.get_json(silent=True))
    except BadBatch:
        return _json_error(400, "bad_batch")
    return _no_store(jsonify({"results": [outcome.as_json() for outcome in outcomes]}))


@bp.route("/projecten/<slug>/samen/weer-aangemeld")
@project_role(*HELPERS)
def signed_in_again(project: Project) -> str:
    return render_template("assist/signed_in_again.html", project=project)
