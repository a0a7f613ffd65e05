"""Shared steps for the survey tests: building through the builder's pages, writing XLSForms by
hand (as the XLSForm spec describes them) and answering as a participant over HTTP."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any, Protocol

from flask import Flask
from openpyxl import Workbook
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, AuditEvent, Question, Response, Survey
from tests.conftest import login

COORDINATOR = "coordinator@kempenaar.example"
IDEM = re.compile(r'name="idem" value="([^"]+)"')
BUILDER = re.compile(r"/projecten/demo/vragenlijsten/([A-Za-z0-9_-]{20,})$")


def as_coordinator(client: Any) -> None:
    login(client, COORDINATOR)


def new_survey(
    client: Any, title: str = "Hoe gaat het?", start: str = "", subject: str = ""
) -> str:
    """Creates a survey through the builder; returns its public id."""
    response = client.post_form(
        "/projecten/demo/vragenlijsten/nieuw", {"title": title, "start": start, "subject": subject}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    match = BUILDER.search(response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def survey_url(survey_id: str, rest: str = "") -> str:
    return f"/projecten/demo/vragenlijsten/{survey_id}{rest}"


def add_question(client: Any, survey_id: str, label: str, kind: str) -> str:
    """Adds a question; returns its name (from the edit page the builder sends us to)."""
    response = client.post_form(
        survey_url(survey_id, "/vragen"),
        {"label": label, "kind": kind},
        token_from=survey_url(survey_id),
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response.headers["Location"].rsplit("/", 1)[-1]


def edit_question(
    client: Any, survey_id: str, question: str, expect: int = 302, **fields: Any
) -> Any:
    """Posts the question form with the current values, changed by `fields`.

    `options` is a list of (label, name, pictogram) tuples, written into the option rows.
    """
    url = survey_url(survey_id, f"/vragen/{question}")
    page = client.get(url).get_data(as_text=True)
    data = form_values(page, "question-form")
    options = fields.pop("options", None)
    if options is not None:
        data = {k: v for k, v in data.items() if not k.startswith("options-")}
        for index, (label, option_name, pictogram) in enumerate(options):
            data[f"options-{index}-label"] = label
            data[f"options-{index}-name"] = option_name
            data[f"options-{index}-pictogram"] = pictogram
    for key, value in fields.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    response = client.post_form(url, data)
    assert response.status_code == expect, response.get_data(as_text=True)[:800]
    return response


_INPUT = re.compile(r"<input ([^>]*)>")
_TEXTAREA = re.compile(r"<textarea ([^>]*)>(.*?)</textarea>", re.S)
_SELECT = re.compile(r"<select ([^>]*)>(.*?)</select>", re.S)
_ATTR = re.compile(r'([a-z-]+)(?:="([^"]*)")?')


def _attrs(text: str) -> dict[str, str]:
    return {k: v for k, v in _ATTR.findall(text)}


def form_values(page: str, css_class: str) -> dict[str, Any]:
    """The values a browser would submit from the form with this class (no JavaScript)."""
    start = page.index(f'class="{css_class}"')
    end = page.index("</form>", start)
    form = page[start:end]
    data: dict[str, Any] = {}
    for raw in _INPUT.findall(form):
        attrs = _attrs(raw)
        name, kind = attrs.get("name"), attrs.get("type", "text")
        if not name or name == "csrf_token" or kind in {"submit", "file"}:
            continue
        if kind in {"checkbox", "radio"}:
            if "checked" in attrs:
                data[name] = attrs.get("value", "y")
            continue
        data[name] = _unescape(attrs.get("value", ""))
    for raw, text in _TEXTAREA.findall(form):
        data[_attrs(raw)["name"]] = _unescape(text.lstrip("\n"))
    for raw, options in _SELECT.findall(form):
        chosen = re.search(r'<option (?:selected )?value="([^"]*)" selected', options) or re.search(
            r'<option selected value="([^"]*)"', options
        )
        data[_attrs(raw)["name"]] = chosen.group(1) if chosen else ""
    return data


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def publish(client: Any, survey_id: str) -> Any:
    return client.post_form(
        survey_url(survey_id, "/status"), {"action": "publish"}, token_from=survey_url(survey_id)
    )


def survey_row(app: Flask, survey_id: str) -> Survey:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None
        db.session.expunge_all()
        return survey


def survey_code(app: Flask, survey_id: str) -> str:
    return survey_row(app, survey_id).code


def audit_actions(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


# --- The participant's side ---------------------------------------------------------------------


def begin(client: Any, code: str, lang: str | None = None) -> str:
    welcome = f"/s/{code}" + (f"?lang={lang}" if lang else "")
    assert client.get(welcome).status_code == 200
    response = client.post_form(f"/s/{code}/start", {}, token_from=welcome)
    assert response.status_code == 302
    return str(response.headers["Location"])


def answer(client: Any, code: str, name: str, data: dict[str, Any], expect: int = 302) -> str:
    page = client.get(f"/s/{code}/{name}")
    assert page.status_code == 200, (name, page.status_code)
    key = IDEM.search(page.get_data(as_text=True))
    assert key is not None
    response = client.post_form(
        f"/s/{code}/{name}", {"idem": key.group(1), **data}, token_from=f"/s/{code}/{name}"
    )
    assert response.status_code == expect, response.get_data(as_text=True)[:500]
    return str(response.headers.get("Location", ""))


def stored_answers(app: Flask, code: str) -> list[dict[str, Any]]:
    """Every response of the survey as {question name: value}, oldest first."""
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        rows = db.session.execute(
            select(Response.id, Question.name, Answer.value, Answer.declined)
            .join(Answer, Answer.response_id == Response.id)
            .join(Question, Question.id == Answer.question_id)
            .where(Response.survey_id == survey.id)
            .order_by(Response.id)
        ).all()
    found: dict[int, dict[str, Any]] = {}
    for response_id, name, value, declined in rows:
        found.setdefault(response_id, {})[name] = "DECLINED" if declined else value
    return list(found.values())


# --- XLSForms written by hand -----------------------------------------------------------------


def xlsform(
    survey: list[list[Any]],
    choices: list[list[Any]] | None = None,
    settings: list[list[Any]] | None = None,
) -> bytes:
    """An .xlsx with the survey, choices and settings sheets; the first row of each is its header."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        if rows:
            extra = book.create_sheet(title)
            for row in rows:
                extra.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


class _Serving(Protocol):
    served: int


class Counted:
    """How many requests a fast path (the participant pages' or the answers') served during a
    block: `Counted(middleware)`, then `.served`."""

    def __init__(self, middleware: _Serving) -> None:
        self.middleware = middleware
        self.start = middleware.served

    @property
    def served(self) -> int:
        return self.middleware.served - self.start
