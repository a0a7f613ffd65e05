"""The project's home page (issue 22): how long GET /projecten/demo takes, with the demo data and
with 100,000 more responses, on PostgreSQL.

The page is requested in-process through Flask's test client, logged in as the demo coordinator
through the real login forms: routing, access check, the figures' queries, the release status
and the template are all in the time. Warm (one untimed request first), best and median of N.

    .venv/bin/python -m bench.home_bench [--rounds 15] [--responses 100000] [--output bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from bench.database import SECRETS, libpq_url, prepare
from bench.report_bench import _create_survey
from bench.report_data import add_responses
from participatie import create_app
from participatie.extensions import db
from tests.conftest import current_totp
from tests.database import fresh_postgres_database

COORDINATOR = "coordinator@kempenaar.example"
PASSWORD = "demo-wachtwoord"
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
TARGET_MS = 150.0
SECTION = "## Home page (issue 22)"


@dataclass(frozen=True)
class HomeTiming:
    label: str
    responses: int
    best_ms: float
    median_ms: float
    cpu_ms: float  # this process's CPU time per request (median): not slowed by others' load
    queries: int


def _app(database_url: str) -> Flask:
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SESSION_COOKIE_SECURE": False,
            "RATELIMIT_ENABLED": False,
            **SECRETS,
        }
    )


def _post(client: FlaskClient, path: str, data: dict[str, str]) -> str:
    token = TOKEN.search(client.get(path).get_data(as_text=True))
    assert token, f"no CSRF token on {path}"
    response = client.post(path, data={**data, "csrf_token": token.group(1)})
    assert response.status_code == 302, (path, response.status_code)
    return response.headers["Location"]


def _login(app: Flask) -> FlaskClient:
    client = app.test_client()
    location = _post(client, "/login", {"email": COORDINATOR, "password": PASSWORD})
    if "/login/code" in location:
        _post(client, location, {"code": current_totp(app, COORDINATOR)})
    return client


def _time_home(
    app: Flask, client: FlaskClient, label: str, responses: int, rounds: int
) -> HomeTiming:
    queries = 0

    def count(*_args: object) -> None:
        nonlocal queries
        queries += 1

    assert client.get("/projecten/demo").status_code == 200  # warm: imports, caches, buffers
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        seconds, cpu = [], []
        for _ in range(rounds):
            queries = 0
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get("/projecten/demo")
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            assert response.status_code == 200
        per_request = queries
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return HomeTiming(
        label,
        responses,
        min(seconds) * 1000,
        statistics.median(seconds) * 1000,
        statistics.median(cpu) * 1000,
        per_request,
    )


def measure(database_url: str, rounds: int, extra: int) -> list[HomeTiming]:
    prepare(database_url)
    app = _app(database_url)
    client = _login(app)
    timings = [_time_home(app, client, "demo data", 0, rounds)]
    with app.app_context():
        survey_id, questions = _create_survey()
        # No transaction of ours stays open: VACUUM could not mark pages all-visible under it.
        db.session.remove()
        with psycopg.connect(libpq_url(database_url)) as connection:
            add_responses(connection, survey_id, questions, extra, seed=extra)
            connection.commit()
            # What autovacuum does soon after a bulk insert (its insert threshold is 20% of the
            # table): fresh statistics for the planner, and the visibility map that lets the
            # counts read the index of participants without visiting the table's pages.
            connection.autocommit = True
            connection.execute("VACUUM ANALYZE responses")
            connection.execute("VACUUM ANALYZE answers")
        db.session.remove()
    timings.append(_time_home(app, client, f"demo data + {extra:,} responses", extra, rounds))
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    return timings


def markdown(timings: list[HomeTiming], rounds: int, load: tuple[float, float]) -> str:
    lines = [
        SECTION,
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; `python -m bench.home_bench`. "
        "GET /projecten/demo (the task list, 'Wat vraagt aandacht', the release status) through "
        "Flask's test client, logged in as the demo coordinator, on PostgreSQL; warm, "
        f"{rounds} requests per size. Target: < {TARGET_MS:.0f} ms. Load average "
        f"{load[0]:.1f} at the start, {load[1]:.1f} at the end (2 cores): wall times include "
        "waiting for a CPU, for this process and for PostgreSQL; 'app CPU' is this process's "
        "own CPU time per request.",
        "",
        "| data | best ms | median ms | app CPU ms (median) | SQL statements per request | target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for t in timings:
        met = "met" if t.median_ms < TARGET_MS else "**not met**"
        lines.append(
            f"| {t.label} | {t.best_ms:.1f} | {t.median_ms:.1f} | {t.cpu_ms:.1f} | {t.queries} "
            f"| {met} |"
        )
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replaces this benchmark's section of RESULTS.md (or adds it), leaving the others."""
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    start = text.find(SECTION)
    if start >= 0:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name("RESULTS.md"))
    args = parser.parse_args(argv)
    start_load = os.getloadavg()[0]
    with fresh_postgres_database() as database_url:
        timings = measure(database_url, args.rounds, args.responses)
    section = markdown(timings, args.rounds, (start_load, os.getloadavg()[0]))
    print(section)
    write_section(args.output, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
