"""A participant's answer (POST /s/<CODE>/<question>) without Flask's dispatch: issue 18's
other hot path, beside the pages of fast_path.py.

Through Flask an answer cost some 6.7 ms of CPU: contexts, the session, Flask-WTF, Flask-Limiter
(for a route without a limit of its own), the ORM's journey load and a transaction of six round
trips. Here the common answer is taken with only what it needs, making the same decisions as
participate/routes.py's question view and surveys/answers.py: the session cookie verified as
fast_path.py does (a participant's session only), the CSRF token checked as Flask-WTF's
CSRFProtect checks it (its field, signature, salt, time limit and session secret; on HTTPS,
after the proxies PROXY_COUNT trusts, the Referer against the host), the body bounded and parsed
as the app's request reads it (Werkzeug's parser, control characters removed as CleanRequest
does), the answer parsed by the question-type registry (parse_answer), the idempotency key,
then, on one pooled connection, the journey's read (fast_query.py) and one write
(fast_answer_write.py), and the same 302, with the same Location and headers, Flask sends.
A group question's answer also sets the response's group, and an open answer gets its
statement to tag, in the same write, as save_answer does.

Flask takes the request, before anything is written, whenever it is not this common case: any
other method, path or query string, a body that is not a small urlencoded form, a session that
is not a participant's or lacks this survey's response, a CSRF token Flask-WTF would refuse
(Flask answers the 400), a draft, closed or unknown survey or question, an answer the page
shows an error for, an empty answer (its row is deleted) or a declined open answer (its
statement is deleted), an answer after which routing skips an answered question (prune_skipped
deletes), an answer that completes the response (the last question, unless the response was
completed already: then complete() changes nothing), an old page without an idempotency key, a
definition not cached yet, and a database that cannot be reached.

Under TESTING both cannot write, so the fast path's writes run in a transaction that reads what
they left and is rolled back; Flask then takes the same request and commits, and the status,
headers, body and the rows (answer, key, response, statement) must be what the fast path would
have left (fast_answers_check.py): every journey test in the suite proves the equivalence.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterable
from io import BytesIO
from typing import TYPE_CHECKING, Any, NamedTuple

from flask_wtf.csrf import same_origin
from itsdangerous import BadData
from werkzeug.datastructures import MultiDict
from werkzeug.formparser import FormDataParser
from werkzeug.http import parse_list_header, parse_options_header

from participatie.extensions import db
from participatie.models.base import new_public_id, utcnow
from participatie.participate.fast_answer_write import AnswerWrite, AnswerWriter
from participatie.participate.fast_query import (
    DatabaseUnavailable,
    JourneyRow,
    StoredAnswer,
    pooled,
)
from participatie.requests import cleaned_pairs
from participatie.security import header_values
from participatie.surveys import navigation as journey
from participatie.surveys.answers import (
    answer_values,
    form_content_hash,
    parse_answer,
    skipped_answers,
)
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import QuestionDef, cached_definition

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

    from participatie.participate.fast_path import ParticipantPages

log = logging.getLogger(__name__)

_FORM = "application/x-www-form-urlencoded"
_LOCATIONS = 1024  # redirects kept per worker (one per survey and question)
_LARGEST = 1 << 20  # a page's answer is far smaller; a larger body goes to Flask


class Planned(NamedTuple):
    """An answer the fast path takes: what it writes and where it sends the participant."""

    write: AnswerWrite
    applied: str  # the Location when the answer is applied
    seen: str  # the Location when its key came with this content before (nothing written)


class Asked(NamedTuple):
    """What the request says, checked without the database."""

    code: str
    public_id: str  # the session's response to this survey
    name: str  # the question
    form: MultiDict[str, str]


class Reply(NamedTuple):
    status: str
    headers: list[tuple[str, str]]
    body: bytes


class FastAnswers:
    """The answer half of the participant pages' middleware (ParticipantPages calls it)."""

    def __init__(self, pages: ParticipantPages) -> None:
        self.pages = pages
        self.app = pages.app
        self.served = 0  # answers taken here (the tests read it)
        self._writer: AnswerWriter | None = None
        self._redirects: dict[str, Reply] = {}

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        endpoint, args = self.pages.route(environ)
        if endpoint != "participate.question":
            return self.pages.wrapped(environ, start_response)
        if self.checked:  # Flask's answers count too: they change the rows the check reads
            from participatie.participate.fast_answers_check import OVERLAPS

            with OVERLAPS.request():
                return self.answer(environ, start_response, args)
        return self.answer(environ, start_response, args)

    def answer(
        self, environ: WSGIEnvironment, start_response: StartResponse, args: dict[str, Any]
    ) -> Iterable[bytes]:
        body = self._body(environ)
        reply = None
        if body is not None:
            try:
                reply = self.take(environ, body, args)
            except DatabaseUnavailable:
                log.warning("answer fast path: no database connection; Flask takes the answer")
            except Exception:
                if self.app.testing:
                    raise
                log.exception("answer fast path failed; Flask takes the answer")
        if reply is None:
            if body is not None:  # Flask reads the body again, from its start
                environ["wsgi.input"] = BytesIO(body)
            return self.pages.wrapped(environ, start_response)
        self.served += 1
        start_response(reply.status, reply.headers)
        return [reply.body]

    def take(self, environ: WSGIEnvironment, body: bytes, args: dict[str, Any]) -> Reply | None:
        """The answer taken and its redirect, or None when Flask must take the request."""
        asked = self.asked(environ, body, args)
        if asked is None:
            return None
        writer = self.writer()
        check = self.checked
        # One connection for the read and the write; on PostgreSQL the write is one statement,
        # so autocommit (no BEGIN and COMMIT) unless the check must roll it back.
        with pooled(writer.engine, autocommit=writer.single and not check) as link:
            found = self.pages.journey_query().fetch(link.cursor, asked.code, asked.public_id)
            planned = None if found is None else self.plan(found, asked)
            if planned is None:
                return None
            if check:
                from participatie.participate import fast_answers_check

                ours = fast_answers_check.our_writes(writer, link, planned)
            else:
                applied = writer.apply(link.cursor, planned.write)
                if not writer.single:
                    link.connection.commit()
        if check:
            return fast_answers_check.same_as_flask(self, environ, body, planned, ours)
        return self.redirect(planned.applied if applied else planned.seen)

    @property
    def checked(self) -> bool:
        """Under TESTING: compared with Flask, which then writes (fast_answers_check.py)."""
        return bool(self.app.config.get("FAST_ANSWERS_CHECK", self.app.testing))

    def _body(self, environ: WSGIEnvironment) -> bytes | None:
        """The body of a small urlencoded POST, read once; None when Flask must take it."""
        if environ.get("QUERY_STRING") or environ.get("HTTP_TRANSFER_ENCODING"):
            return None
        mimetype, _options = parse_options_header(environ.get("CONTENT_TYPE", ""))
        length = environ.get("CONTENT_LENGTH", "")
        if mimetype != _FORM or not length.isdigit():
            return None
        limit = self.app.config.get("MAX_CONTENT_LENGTH") or _LARGEST
        if not 0 < int(length) <= min(limit, _LARGEST):
            return None  # Flask's 413, or an empty form
        return bytes(environ["wsgi.input"].read(int(length)))

    def asked(self, environ: WSGIEnvironment, body: bytes, args: dict[str, Any]) -> Asked | None:
        """The participant's session, form and CSRF token checked as Flask would check them,
        or None when Flask must take the request."""
        pages = self.pages
        if self.app.config.get("TRUSTED_HOSTS"):
            return None  # Flask checks the host first
        session = pages.sessions.load(environ.get("HTTP_COOKIE", ""))
        if session is None or not pages.sessions.participant_only(session):
            return None
        code = find_survey_code(args["code"])
        public_id = session.get("r:" + code) if code else None
        if not (code and isinstance(public_id, str)):
            return None
        form = self._form(environ, body)
        if form is None or not self._csrf_valid(environ, form, session):
            return None
        return Asked(code, public_id, args["name"], form)

    def plan(self, found: JourneyRow, asked: Asked) -> Planned | None:
        """The answer's write and redirects, or None when Flask must take the request."""
        if found.response_id is None:
            return None
        survey = cached_definition(asked.code, found.survey_id, found.revision, found.status)
        if survey is None or survey.status == "draft" or not survey.is_open:
            return None
        names = survey.question_names
        answers = {names[q]: a for q, a in found.answers.items() if q in names}
        earlier = answer_values(answers)
        # place_of's test, without the page's numbers: a question this participant sees.
        question = next(
            (q for q in survey.relevant_questions(earlier) if q.name == asked.name), None
        )
        if question is None:
            return None
        form = asked.form
        parsed = parse_answer(question, form, earlier)
        open_text = question.answer_type.open_text
        if parsed.error is not None or parsed.is_empty or (open_text and parsed.declined):
            return None
        key = form.get("idem", "")
        if not key or len(key) > 64:
            return None  # an old page: Flask stores it without a key
        value = None if parsed.declined else parsed.value
        after = {**answers, question.name: StoredAnswer(value, parsed.declined)}
        if skipped_answers(survey, after):
            return None
        applied = journey.next_after(survey, question.name, answer_values(after))
        seen = journey.next_after(survey, question.name, earlier)
        if (applied is None or seen is None) and not found.completed:
            return None  # this answer completes the response: Flask does that
        write = AnswerWrite(
            key=key,
            public_id=asked.public_id,
            content_hash=form_content_hash(question.name, form),
            response_id=found.response_id,
            question_id=question.id,
            value=value,
            declined=parsed.declined,
            now=utcnow(),
            statement=(survey.project_id, found.language, new_public_id()) if open_text else None,
            group=(value,) if question.is_group_question else None,
        )
        return Planned(
            write, self._location(survey.code, applied), self._location(survey.code, seen)
        )

    def _form(self, environ: WSGIEnvironment, body: bytes) -> MultiDict[str, str] | None:
        """The form as Flask's request reads it: Werkzeug's parser with the app's limits, and
        control characters removed as the app's request class (CleanRequest) removes them."""
        storage = self.app.request_class.parameter_storage_class
        parser = FormDataParser(
            max_content_length=self.app.config.get("MAX_CONTENT_LENGTH"),
            max_form_memory_size=self.app.config.get("MAX_FORM_MEMORY_SIZE"),
            max_form_parts=self.app.config.get("MAX_FORM_PARTS"),
            cls=storage,
        )
        options = parse_options_header(environ.get("CONTENT_TYPE", ""))[1]
        try:
            _stream, form, _files = parser.parse(BytesIO(body), _FORM, len(body), options)
        except Exception:  # a body Werkzeug refuses: Flask answers it
            return None
        cleaned: MultiDict[str, str] = cleaned_pairs(form, storage)
        return cleaned

    def _csrf_valid(
        self, environ: WSGIEnvironment, form: MultiDict[str, str], session: dict[str, Any]
    ) -> bool:
        """Flask-WTF's CSRFProtect.protect for this form: False where it would refuse (Flask
        then gives the 400) or where it is configured otherwise than the app does."""
        config = self.app.config
        if not (config["WTF_CSRF_ENABLED"] and config["WTF_CSRF_CHECK_DEFAULT"]):
            return False  # no check at all: Flask's path, which does none either
        if (
            "POST" not in config["WTF_CSRF_METHODS"]
            or config["WTF_CSRF_FIELD_NAME"] != "csrf_token"
        ):
            return False
        token = form.get("csrf_token")
        secret = session.get("csrf_token")
        if not token or not isinstance(secret, str):
            return False
        try:
            signed = self.pages.csrf_serializer().loads(
                token, max_age=config["WTF_CSRF_TIME_LIMIT"]
            )
        except BadData:
            return False
        if not isinstance(signed, str) or not hmac.compare_digest(secret, signed):
            return False
        secure = _scheme(environ, config["PROXY_COUNT"]) in {"https", "wss"}
        if secure and config["WTF_CSRF_SSL_STRICT"]:
            request = self.app.request_class({**environ, "wsgi.url_scheme": "https"})
            referrer = request.referrer
            if not referrer or not same_origin(referrer, f"https://{request.host}/"):
                return False
        return True

    def _location(self, code: str, following: QuestionDef | None) -> str:
        if following is None:
            return self.pages.url("participate.thanks", code=code)
        return self.pages.url("participate.question", code=code, name=following.name)

    def redirect(self, location: str) -> Reply:
        """Flask's redirect(), with the headers its hooks add (kept per Location)."""
        found = self._redirects.get(location)
        if found is None:
            response = self.app.redirect(location)
            headers = [(name, value) for name, value in response.headers.items()]
            # Flask-Compress names the encoding, the session interface the cookie it read.
            headers.append(("Vary", "Accept-Encoding, Cookie"))
            headers += header_values(None, self.app.config["PRODUCTION"])
            found = Reply(response.status, headers, response.get_data())
            if len(self._redirects) >= _LOCATIONS:
                self._redirects.clear()
            self._redirects[location] = found
        return found

    def writer(self) -> AnswerWriter:
        if self._writer is None:
            with self.app.app_context():
                self._writer = AnswerWriter(db.engine)
        return self._writer


def _scheme(environ: WSGIEnvironment, proxies: int) -> str:
    """The scheme as the app sees it behind ProxyFix (security.py): the X-Forwarded-Proto value
    the trusted proxies set, else the server's."""
    forwarded = environ.get("HTTP_X_FORWARDED_PROTO")
    if proxies and forwarded:
        values = parse_list_header(forwarded)
        if len(values) >= proxies and values[-proxies]:
            return str(values[-proxies])
    return str(environ.get("wsgi.url_scheme", "http"))
