"""Participants started over HTTP, as a phone would: welcome page, start, first question page.

Their session cookies and CSRF tokens are what the wrk script replays; the load test's POSTs then
answer the questions, the first time with a new answer row and afterwards as a participant going
back to change an answer. Each session is played by one wrk connection at a time, so no two
requests of one participant ever race.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from tests.deploy.http import Reply, Session

SURVEY = "DEMO"
FormData = dict[str, str | list[str]]


class JourneyError(RuntimeError):
    """The app answered something a participant's browser would not expect."""


@dataclass(frozen=True)
class Step:
    question: str
    data: FormData
    next: str  # the page the acknowledgement (a 302) sends the participant to


# The demo survey, answered so that routing shows no conditional question (`moeilijk` leaves out
# vrije_tijd): the same path is valid whatever order the load test replays the answers in.
JOURNEY: tuple[Step, ...] = (
    Step("wie", {"answer": "ouder"}, "kinderen"),
    Step("kinderen", {"answer": "2"}, "moeilijk"),
    Step("moeilijk", {"answer": ["wonen", "inkomen"]}, "uitpas"),
    Step("uitpas", {"answer": "ja"}, "hulp_vinden"),
    Step("hulp_vinden", {"answer": "5"}, "verschil"),
    Step("verschil", {"answer": "Een warme woning zonder vocht voor de kinderen."}, "goed"),
    Step("goed", {"answer": "De school helpt ons goed."}, "klaar"),
)


@dataclass(frozen=True)
class Participant:
    cookie: str  # the Cookie header value
    csrf: str


def _expect(reply: Reply, status: int, what: str) -> Reply:
    if reply.status != status:
        raise JourneyError(f"{what}: {reply.status} instead of {status}: {reply.body[:300]}")
    return reply


def start(web: Session, language: str | None = None) -> None:
    """Opens the welcome page (in `language`, if given) and starts a response."""
    query = f"?lang={language}" if language else ""
    welcome = _expect(web.get(f"/s/{SURVEY}{query}"), 200, "welcome page")
    token = Session.field(welcome.body, "csrf_token")
    _expect(web.post(f"/s/{SURVEY}/start", {"csrf_token": token}), 302, "start")


def answer(web: Session, step: Step) -> str:
    """Shows a question page, posts its answer and returns the page's CSRF token."""
    path = f"/s/{SURVEY}/{step.question}"
    page = _expect(web.get(path), 200, path)
    token = Session.field(page.body, "csrf_token")
    form: FormData = {"csrf_token": token, "idem": Session.field(page.body, "idem"), **step.data}
    reply = _expect(web.post(path, form), 302, f"answer to {step.question}")
    location = reply.headers.get("Location", "")
    if not location.endswith(f"/{SURVEY}/{step.next}"):
        raise JourneyError(f"answer to {step.question} went to {location}")
    return token


def _participant(base: str) -> Participant:
    web = Session(base)
    start(web)
    page = _expect(web.get(f"/s/{SURVEY}/{JOURNEY[0].question}"), 200, "first question page")
    cookie = next(c for c in web.jar if c.name == "session")
    return Participant(
        cookie=f"{cookie.name}={cookie.value}", csrf=Session.field(page.body, "csrf_token")
    )


def start_participants(base: str, count: int, parallel: int = 4) -> Sequence[Participant]:
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        return list(pool.map(lambda _: _participant(base), range(count)))
