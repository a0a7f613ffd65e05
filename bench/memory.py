"""Web-worker memory after serving pages and tag suggestions in all 13 languages.

One gunicorn worker (deploy/gunicorn.conf.py with WEB_CONCURRENCY=1) serves everything, so the
worker measured is certainly the one that did all of it: the worst case for a worker. Steps, with
the worker's VmRSS (from /proc) after each:

1. a participant in each of the 13 languages opens the welcome page and every question page;
2. the demo coordinator logs in (password, then TOTP code);
3. per language: participants answer the open questions with statements from the labelled dev
   corpus, then the coordinator opens the review queue filtered on that language (`?taal=`),
   which runs the tag suggester in the worker for the statements it has not seen (the first
   visit also covers those already in the database: the demo's, in six languages, and the
   load test's open answers).

The database then confirms that the new statements of every language received suggestions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
import pyotp

from bench.bench_tagging import corpus
from bench.database import libpq_url
from bench.participants import JOURNEY, SURVEY, Step, answer, start
from bench.processes import Memory, gunicorn_workers, memory
from bench.servers import started
from participatie.demo import DEMO_PASSWORD, DEMO_SLUG, demo_totp_secret
from participatie.tagging.codebook import LANGUAGES
from tests.deploy.http import Session
from tests.deploy.servers import gunicorn

Log = Callable[[str], None]
COORDINATOR = "coordinator@kempenaar.example"
OPEN_QUESTIONS = ("verschil", "goed")
# The review queue's first visit per language tags every statement it has not seen and loads that
# language's lexicons: on a busy machine that can take longer than a page should. This part measures
# memory, not speed, so it waits (up to gunicorn's own worker timeout).
QUEUE_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class WorkerMemory:
    at_start: Memory
    after_pages: Memory
    after_login: Memory
    after_language: dict[str, Memory]  # after that language's statements and review queue
    statements: dict[str, int]  # new statements per language
    suggested: dict[str, int]  # of those, how many got suggested tags

    @property
    def after_suggestions(self) -> Memory:
        return list(self.after_language.values())[-1]


def _texts(per_language: int) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    for text, language in corpus(1):
        if len(texts[language]) < per_language:
            texts[language].append(text)
    return texts


def _view_pages(base: str, language: str) -> None:
    web = Session(base)
    start(web, language)
    for step in JOURNEY:
        if web.get(f"/s/{SURVEY}/{step.question}").status != 200:
            raise RuntimeError(f"question page {step.question} in {language} did not answer 200")


def _give_statements(base: str, language: str, texts: list[str]) -> None:
    """Participants in `language` answering the two open questions (two statements each)."""
    for first in range(0, len(texts), 2):
        web = Session(base)
        start(web, language)
        for name, text in zip(OPEN_QUESTIONS, texts[first : first + 2], strict=False):
            following = "goed" if name == "verschil" else "klaar"
            answer(web, Step(name, {"answer": text}, following))


def log_in(base: str, email: str) -> Session:
    """The coordinator's login through the real forms: password, then the TOTP code."""
    web = Session(base)
    page = web.get("/login")
    reply = web.post(
        "/login",
        {"csrf_token": Session.field(page.body, "csrf_token"), "email": email,
         "password": DEMO_PASSWORD},
    )  # fmt: skip
    location = reply.headers.get("Location", "")
    if reply.status != 302 or "/login/code" not in location:
        raise RuntimeError(f"login of {email} did not ask for a code: {reply.status} {location}")
    page = web.get(location)
    code = pyotp.TOTP(demo_totp_secret(email)).now()
    reply = web.post(location, {"csrf_token": Session.field(page.body, "csrf_token"), "code": code})
    if reply.status != 302 or "/login" in reply.headers.get("Location", ""):
        raise RuntimeError(f"two-factor login of {email} failed: {reply.status}")
    return web


def _statement_counts(database_url: str, after_id: int) -> tuple[dict[str, int], dict[str, int]]:
    with psycopg.connect(libpq_url(database_url)) as connection:
        rows = connection.execute(
            """
            SELECT s.language, count(DISTINCT s.id),
                   count(DISTINCT s.id) FILTER (WHERE t.id IS NOT NULL)
            FROM statements s
            LEFT JOIN tags t ON t.statement_id = s.id AND t.coder_id IS NULL
                            AND t.score IS NOT NULL
            WHERE s.id > %s
            GROUP BY s.language
            """,
            (after_id,),
        ).fetchall()
    return {r[0]: int(r[1]) for r in rows}, {r[0]: int(r[2]) for r in rows}


def _last_statement_id(database_url: str) -> int:
    with psycopg.connect(libpq_url(database_url)) as connection:
        row = connection.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()
    return int(row[0]) if row else 0


def measure_memory(database_url: str, texts_per_language: int, log: Log) -> WorkerMemory:
    texts = _texts(texts_per_language)
    missing = [language for language in LANGUAGES if not texts.get(language)]
    if missing:
        raise RuntimeError(f"the dev corpus has no statements in {', '.join(missing)}")
    before = _last_statement_id(database_url)
    after_language = {}
    with started(lambda: gunicorn(database_url, workers=1)) as address:
        base = f"http://{address}"
        (worker,) = gunicorn_workers(address)
        at_start = memory(worker)
        log(f"one worker (pid {worker}): participant pages in {len(LANGUAGES)} languages")
        for language in LANGUAGES:
            _view_pages(base, language)
        after_pages = memory(worker)
        coordinator = log_in(base, COORDINATOR)
        coordinator.timeout = QUEUE_TIMEOUT_SECONDS
        after_login = memory(worker)
        log("per language: statements, then the review queue (suggestions in the worker)")
        for language in LANGUAGES:
            _give_statements(base, language, texts[language])
            queue = coordinator.get(f"/projecten/{DEMO_SLUG}/uitspraken?taal={language}")
            if queue.status != 200:
                raise RuntimeError(f"review queue ({language}) answered {queue.status}")
            after_language[language] = memory(worker)
    statements, suggested = _statement_counts(database_url, before)
    return WorkerMemory(
        at_start=at_start,
        after_pages=after_pages,
        after_login=after_login,
        after_language=after_language,
        statements=statements,
        suggested=suggested,
    )
