"""A participant's welcome and question pages without Flask's dispatch: issue 18's hot path.

Most of these pages are already rendered (page_cache.py); what a request still cost through Flask
was Flask itself: contexts, the session loaded and saved, CSRF, Babel, the ORM session, hooks.
This WSGI middleware serves such a page with only what the page needs: the session cookie
verified by the app's own serializer (and remembered once verified), the locale chosen as
i18n.select_locale chooses it, one query (fast_query.py), the page from the cache with this
request's CSRF token and idempotency key, and the headers the normal path sends.

An answer posted to a question page goes to fast_answers.py, which takes the common one the
same way. Everything else goes to Flask, unchanged: another method or path, a query string (?lang= changes
the session), no valid session or one holding anything but a participant's keys (a login, a
message to show, a session Flask-Login would still mark), an unknown or draft survey, a page
that redirects, a page not cached yet. Under TESTING, Flask also answers every request served
here and both answers must be the same (status, headers, body with its tokens), so every test
that opens a participant page checks this path.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.http import parse_cookie

from participatie.extensions import db
from participatie.i18n import SESSION_KEY as LOCALE_KEY
from participatie.i18n import locale_from
from participatie.participate import page_cache, page_keys
from participatie.participate.fast_answers import FastAnswers
from participatie.participate.fast_query import DatabaseUnavailable, JourneyQuery, StoredAnswer
from participatie.security import header_values
from participatie.surveys import navigation as journey
from participatie.surveys.answers import answer_values
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import SurveyDef, cached_definition

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger(__name__)

# The two routes served here; the app's URL map still decides which endpoint a path is.
ENDPOINTS = frozenset({"participate.welcome", "participate.question"})
# A participant's session: Flask's permanence, Flask-Login's mark (set once it loaded no user:
# a session that was logged in has more keys), the CSRF secret, the language and "r:<CODE>".
_PARTICIPANT_KEYS = frozenset({"_permanent", "_fresh", "csrf_token", LOCALE_KEY})
_REMEMBERED = 1024  # verified cookies (and paths) kept per worker: under a kilobyte each
_SIMPLE_PATH = re.compile(r"/s/[A-Za-z0-9-]{1,32}(?:/[A-Za-z0-9_]{1,64})?")


class Route(NamedTuple):
    endpoint: str | None
    args: dict[str, Any]


class Served(NamedTuple):
    headers: list[tuple[str, str]]
    body: bytes
    values: tuple[str, ...]  # the tokens in the body
    page: page_cache.CachedPage


class Sessions:
    """Session cookies verified once: the same cookie value always holds the same session, and
    only its age must be checked again."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._secret: Any = None
        self._serializer: URLSafeTimedSerializer | None = None
        self._verified: dict[str, tuple[dict[str, Any], int]] = {}

    def load(self, cookie_header: str) -> dict[str, Any] | None:
        serializer = self._current_serializer()
        found = self._verified.get(cookie_header)
        if found is None:
            found = self._verify(serializer, cookie_header)
            if found is None:
                return None
            if len(self._verified) >= _REMEMBERED:
                self._verified.clear()
            self._verified[cookie_header] = found
        data, signed_at = found
        age = int(time.time()) - signed_at
        max_age = int(self.app.permanent_session_lifetime.total_seconds())
        return data if 0 <= age <= max_age else None

    @staticmethod
    def participant_only(session: dict[str, Any]) -> bool:
        return all(key in _PARTICIPANT_KEYS or key.startswith("r:") for key in session)

    def _current_serializer(self) -> URLSafeTimedSerializer:
        if self._serializer is None or self._secret != self.app.secret_key:
            interface = self.app.session_interface
            assert isinstance(interface, SecureCookieSessionInterface)
            serializer = interface.get_signing_serializer(self.app)
            assert serializer is not None
            self._serializer, self._secret = serializer, self.app.secret_key
            self._verified.clear()
        return self._serializer

    def _verify(
        self, serializer: URLSafeTimedSerializer, cookie_header: str
    ) -> tuple[dict[str, Any], int] | None:
        cookies = parse_cookie(cookie_header)
        if self.app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in cookies:
            return None  # Flask-Login would log someone in from it
        value = cookies.get(self.app.config["SESSION_COOKIE_NAME"])
        if not value:
            return None
        try:
            data, signed_at = serializer.loads(value, return_timestamp=True)
        except BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        return data, int(signed_at.timestamp())


class ParticipantPages:
    """WSGI middleware in front of the app (installed by init_fast_path)."""

    def __init__(self, app: Flask, wrapped: WSGIApplication) -> None:
        self.app = app
        self.wrapped = wrapped
        self.sessions = Sessions(app)
        self._query: JourneyQuery | None = None
        self._routes: dict[str, Route] = {}
        self.served = 0  # pages served here (the tests read it)
        self._csrf: tuple[Any, URLSafeTimedSerializer] | None = None
        self._urls: dict[tuple[str, str, str], str] = {}
        self.answers = FastAnswers(self)  # the answers (POST) to these pages

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "POST":
            return self.answers(environ, start_response)
        served = None
        if environ.get("REQUEST_METHOD") == "GET" and not environ.get("QUERY_STRING"):
            try:
                served = self.serve(environ)
            except DatabaseUnavailable:
                log.warning("participant page fast path: no database connection; Flask serves it")
            except Exception:
                if self.app.testing:
                    raise
                log.exception("participant page fast path failed; Flask serves the page")
        if served is None:
            return self.wrapped(environ, start_response)
        if self.app.testing:
            from participatie.participate.fast_path_check import same_as_flask

            same_as_flask(self.wrapped, environ, served)
        self.served += 1
        start_response("200 OK", served.headers)
        return [served.body]

    def serve(self, environ: WSGIEnvironment) -> Served | None:
        """The page, or None when Flask must answer this request."""
        endpoint, args = self.route(environ)
        path = environ.get("PATH_INFO", "")
        if endpoint not in ENDPOINTS:
            return None
        session = self.sessions.load(environ.get("HTTP_COOKIE", ""))
        if session is None or not self.sessions.participant_only(session):
            return None
        code = find_survey_code(args["code"])
        public_id = session.get("r:" + code) if code else None
        csrf_secret = session.get("csrf_token")
        if not (code and isinstance(public_id, str) and isinstance(csrf_secret, str)):
            return None
        found = self.journey_query().run(code, public_id)
        if found is None:
            return None
        survey = cached_definition(code, found.survey_id, found.revision, found.status)
        if survey is None or survey.status == "draft":
            return None
        locale = locale_from(session.get(LOCALE_KEY), environ.get("HTTP_ACCEPT_LANGUAGE", ""))
        csrf_token = self.csrf_serializer().dumps(csrf_secret)
        if endpoint == "participate.welcome":
            key = page_keys.welcome_key(path, locale, found.has_response)
            return self._page(environ, survey, key, (csrf_token,), cache_control=None)
        if not found.has_response or not survey.is_open:
            return None  # the view sends them to the welcome page
        names = survey.question_names
        answers = {names[q]: a for q, a in found.answers.items() if q in names}
        earlier = answer_values(answers)
        place = journey.place_of(survey, args["name"], earlier)
        if place is None:
            return None
        shown: StoredAnswer | None = answers.get(args["name"])
        question_key = page_keys.question_key(path, locale, place, shown, earlier)
        if question_key is None:
            return None
        tokens = (csrf_token, secrets.token_urlsafe(16))
        return self._page(environ, survey, question_key, tokens, cache_control="no-store")

    def _page(
        self,
        environ: WSGIEnvironment,
        survey: SurveyDef,
        key: Any,
        values: tuple[str, ...],
        cache_control: str | None,
    ) -> Served | None:
        page = page_cache.peek(survey, key)
        if page is None:
            return None  # the view renders it and keeps it
        body, gzip = page_cache.encoded(page, values, environ.get("HTTP_ACCEPT_ENCODING", ""))
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
        if gzip:
            headers.append(("Content-Encoding", "gzip"))
        headers.append(("Vary", "Accept-Encoding, Cookie"))  # Flask adds Cookie: a session page
        if cache_control:
            headers.append(("Cache-Control", cache_control))
        headers += header_values(None, self.app.config["PRODUCTION"])
        return Served(headers, body, values, page)

    def route(self, environ: WSGIEnvironment) -> Route:
        """The endpoint the app's URL map gives this request's path (remembered: the map is
        fixed); none for a path no participant page has."""
        path = environ.get("PATH_INFO", "")
        if environ.get("SCRIPT_NAME") or not _SIMPLE_PATH.fullmatch(path):
            return Route(None, {})
        found = self._routes.get(path)
        if found is None:
            adapter = self.app.url_map.bind("localhost", path_info=path)
            try:
                endpoint, args = adapter.match(method="GET")
                found = Route(str(endpoint), dict(args))
            except Exception:  # 404, 405, a redirect to add a slash: Flask's to answer
                found = Route(None, {})
            if len(self._routes) >= _REMEMBERED:
                self._routes.clear()
            self._routes[path] = found
        return found

    def url(self, endpoint: str, code: str, name: str = "") -> str:
        """url_for(endpoint, code=…, name=…) as a request at the root builds it (remembered)."""
        key = (endpoint, code, name)
        found = self._urls.get(key)
        if found is None:
            values = {"code": code, "name": name} if name else {"code": code}
            found = self.app.url_map.bind("localhost", script_name="/").build(endpoint, values)
            if len(self._urls) >= _REMEMBERED:
                self._urls.clear()
            self._urls[key] = found
        return found

    def journey_query(self) -> JourneyQuery:
        if self._query is None:
            with self.app.app_context():
                self._query = JourneyQuery(db.engine)
        return self._query

    def csrf_serializer(self) -> URLSafeTimedSerializer:
        """Flask-WTF's generate_csrf, signing the session's secret the same way."""
        secret = self.app.config.get("WTF_CSRF_SECRET_KEY") or self.app.secret_key
        assert isinstance(secret, str | bytes)
        if self._csrf is None or self._csrf[0] != secret:
            self._csrf = (secret, URLSafeTimedSerializer(secret, salt="wtf-csrf-token"))
        return self._csrf[1]


def init_fast_path(app: Flask) -> None:
    if app.config.get("PARTICIPANT_FAST_PATH", True):
        app.wsgi_app = ParticipantPages(app, app.wsgi_app)  # type: ignore[method-assign]
