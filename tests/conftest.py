from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text
from werkzeug.test import TestResponse

from participatie import create_app
from participatie.extensions import db
from tests.database import fresh_database, using_postgres
from tests.pages import check_page

# One set of browser fixtures for every folder (see tests/browser/conftest.py).
pytest_plugins = ["tests.browser.fixtures"]

IN_CI = os.environ.get("CI", "").lower() == "true"

# Hypothesis's 200 ms deadline per example measures the machine, not the code: with parallel
# workers on a shared machine it fails correct tests. Hangs are caught by pytest-timeout.
hypothesis_settings.register_profile("participatie", deadline=None)
hypothesis_settings.load_profile("participatie")
CSRF_PATTERN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


# --- CI: a skipped test is a failure; pass counts per marker -----------------------------------

_outcomes: Counter[tuple[str, str]] = Counter()
MARKERS = ("browser", "postgres", "redis", "pdf", "nginx", "slow", "timing")  # not `db`: most tests


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    outcome: Any = yield
    report = outcome.get_result()
    if IN_CI and report.skipped:
        # What skips on a laptop must run in CI.
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (CI=true makes a skip a failure): {report.longrepr}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # `db`: the test uses the test database (its fixtures need `database_url`). CI runs the
    # PostgreSQL pass on these only (`-m db`); everything else runs once, on SQLite.
    for item in items:
        if {"database_url", "own_database_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # Counted where reports arrive, so it also works with pytest-xdist's workers.
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        kinds = [m for m in MARKERS if m in report.keywords] or ["unit"]
        for kind in kinds:
            _outcomes[(kind, report.outcome)] += 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _outcomes:
        return
    database = "postgresql" if using_postgres() else "sqlite"
    terminalreporter.write_sep("-", f"outcomes per marker (database: {database})")
    for kind in sorted({kind for kind, _ in _outcomes}):
        counts = {state: _outcomes[(kind, state)] for state in ("passed", "failed", "skipped")}
        terminalreporter.write_line(
            f"{kind:10} passed {counts['passed']:4}  failed {counts['failed']:3}  "
            f"skipped {counts['skipped']:3}"
        )


# --- The application and its database ----------------------------------------------------------


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with fresh_database(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture
def own_database_url(tmp_path: Path) -> Iterator[str]:
    """An empty database of the test's own, on the pass's database (SQLite, or PostgreSQL): for
    migration tests, which go up and down the chain the shared database must stay at the head of."""
    with fresh_database(tmp_path) as url:
        yield url


def make_app(database_url: str, instance: Path, **overrides: Any) -> Flask:
    config = {
        "TESTING": True,
        # Real error handling: a failure must show as the page a person would get.
        "PROPAGATE_EXCEPTIONS": False,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "RESUME_CODE_KEY": "test-resume-key",
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": None,
        "BASE_URL": "http://localhost",
        # Cheap argon2id in tests only (participatie/auth/passwords.py): ~50 ms less per login.
        "PASSWORD_HASH_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
    }
    config.update(overrides)
    app = create_app(config)
    app.instance_path = str(instance)
    return app


# Read-aloud audio (participatie/surveys/speech.py) is named by a hash of voice and text and
# written atomically, so one folder can serve every process of a CI run: .ci/run names it, and
# each template's texts are spoken once per run instead of once per worker and per database
# (measured: publishing a template cost 13-27 s of espeak-ng and opusenc CPU per test).
SPEECH_CACHE = os.environ.get("SPEECH_CACHE")


@pytest.fixture(scope="session")
def app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    instance = tmp_path_factory.mktemp("instance")
    if SPEECH_CACHE:
        (instance / "speech").symlink_to(Path(SPEECH_CACHE), target_is_directory=True)
    app = make_app(database_url, instance)
    with app.app_context():
        upgrade()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


def _empty_all_tables() -> None:
    # Published surveys are cached per revision in-process; rows re-inserted by the next test
    # start again at revision 1, which a cached later revision must not shadow.
    from participatie.surveys import definition

    definition._cache.clear()
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    if db.engine.dialect.name == "postgresql":
        # DELETE, not TRUNCATE: TRUNCATE gives each of the ~46 tables a new file on every test
        # (measured 1.8-2.8 s a test on the shared CI machine, against 0.2-0.6 s for DELETE on
        # tables this small). The sequences start again at 1, as TRUNCATE's RESTART IDENTITY did.
        db.session.execute(
            text(
                "SELECT setval(c.oid::regclass, 1, false) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind = 'S' AND n.nspname = current_schema()"
            )
        )
    db.session.commit()


def answered_flag_mismatches() -> int:
    """Responses whose `answered` flag is not "has an answer row" (tests/surveys/
    test_answered_flag.py): the participant counts read the flag, so it must never drift."""
    return int(
        db.session.scalar(
            text(
                "SELECT count(*) FROM responses WHERE answered <> EXISTS "
                "(SELECT 1 FROM answers WHERE answers.response_id = responses.id)"
            )
        )
        or 0
    )


@pytest.fixture(autouse=True)
def _clean_database(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "app" in request.fixturenames:
        app: Flask = request.getfixturevalue("app")
        with app.app_context():
            db.session.rollback()
            # Whatever path the test took (journey, paper, sync, import, purge, undo...), the
            # flag the counts read still says whether each response has an answer.
            mismatches = answered_flag_mismatches()
            _empty_all_tables()
            db.session.remove()
        assert mismatches == 0, f"{mismatches} responses with a wrong `answered` flag"


@pytest.fixture
def app_ctx(app: Flask) -> Iterator[Flask]:
    with app.app_context():
        yield app
        db.session.remove()


# --- A client that checks every page it fetches ------------------------------------------------


class PageCheckingClient(FlaskClient):
    """Every HTML response is validated; a 500 is always a failure."""

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        response = super().open(*args, **kwargs)
        path = args[0] if args and isinstance(args[0], str) else kwargs.get("path", "")
        assert response.status_code != 500, (
            f"500 for {path}: {response.get_data(as_text=True)[:500]}"
        )
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            check_page(response.get_data(as_text=True), str(path))
        return response

    def csrf_token(self, path: str = "/") -> str:
        page = self.get(path).get_data(as_text=True)
        match = CSRF_PATTERN.search(page)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def post_form(
        self, path: str, data: dict[str, Any], token_from: str | None = None, **kwargs: Any
    ) -> TestResponse:
        data = dict(data)
        data.setdefault("csrf_token", self.csrf_token(token_from or path))
        return self.post(path, data=data, **kwargs)


def page_client(app: Flask) -> PageCheckingClient:
    """A test client of ``app`` that checks every page it fetches."""
    app.test_client_class = PageCheckingClient
    checking = app.test_client()
    assert isinstance(checking, PageCheckingClient)
    return checking


@pytest.fixture
def client(app: Flask) -> PageCheckingClient:
    return page_client(app)


@dataclass
class DemoData:
    """The demo data, loaded once per session through `load_demo`: as rows to insert again, and
    on SQLite also as a copy of the whole database file."""

    rows: dict[str, list[dict[str, Any]]]
    sqlite_copy: sqlite3.Connection | None


@pytest.fixture(scope="session")
def _demo_rows(app: Flask) -> Iterator[DemoData]:
    """Re-inserting rows takes milliseconds, loading the demo (password hashes, suggestions)
    takes seconds. On SQLite, copying the database back with SQLite's backup API is cheaper
    still (measured 0.03 s against 0.13 s of CPU a test, deleting afterwards included)."""
    from participatie.demo import load_demo

    with app.app_context():
        load_demo()
        db.session.commit()
        rows = {
            table.name: [dict(row._mapping) for row in db.session.execute(table.select())]
            for table in db.metadata.sorted_tables
        }
        copy = None
        if db.engine.dialect.name == "sqlite":
            db.session.remove()
            copy = sqlite3.connect(":memory:")
            _sqlite_backup(into_database=False, copy=copy)
        _empty_all_tables()
        db.session.remove()
    yield DemoData(rows, copy)
    if copy is not None:
        copy.close()


def _sqlite_backup(*, into_database: bool, copy: sqlite3.Connection) -> None:
    """Copies the test database into `copy`, or `copy` into the test database (SQLite's backup
    API: page by page, in C), through a connection of the app's own pool."""
    pooled = db.engine.raw_connection()
    try:
        connection = pooled.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        if into_database:
            copy.backup(connection)
        else:
            connection.backup(copy)
    finally:
        pooled.close()


@pytest.fixture
def demo(app: Flask, _demo_rows: DemoData) -> None:
    with app.app_context():
        if _demo_rows.sqlite_copy is not None:
            # Every page of the database as it was right after load_demo: the same rows, ids and
            # sequences as inserting them again.
            db.session.remove()
            _sqlite_backup(into_database=True, copy=_demo_rows.sqlite_copy)
            return
        for table in db.metadata.sorted_tables:
            if _demo_rows.rows[table.name]:
                db.session.execute(table.insert(), _demo_rows.rows[table.name])
        if db.engine.dialect.name == "postgresql":
            # Rows came with their ids: move each sequence past them.
            for table in db.metadata.sorted_tables:
                for column in table.primary_key.columns:
                    if column.autoincrement is True or (
                        column.autoincrement == "auto" and column.type.python_type is int
                    ):
                        db.session.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', '{column.name}'), "
                                f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
                            )
                        )
        db.session.commit()
        db.session.remove()


def current_totp(app: Flask, email: str) -> str:
    """A code the server accepts now: a code works once, so after a login in the same 30 s
    this is the next step's code (the server allows one step of clock drift).

    A third login of one person within the same 30 s would need the code after that, which the
    server refuses as too far ahead: the helper used to sleep until the clock moved on (up to
    30 s of an idle CI worker; one test logged in four times and waited a minute). Instead the
    server's replay guard (users.totp_last_step) is moved back to the step before now, as if
    the earlier logins had been a while ago, and the code of now is sent. The server checks the
    code as always; tests/trust/test_sessions_and_codes.py checks the guard itself."""
    import time

    import pyotp

    from participatie.auth.services import find_user

    with app.app_context():
        user = find_user(email)
        assert user is not None and user.totp_secret, f"{email} has no two-factor secret"
        totp = pyotp.TOTP(user.totp_secret)
        current = totp.timecode(time.time())
        last = user.totp_last_step
        step = current if last is None else max(current, last + 1)
        if step > current + 1:
            step = current
            user.totp_last_step = current - 1
            db.session.commit()
        db.session.remove()
    return totp.generate_otp(step)


def login(client: PageCheckingClient, email: str, password: str = "demo-wachtwoord") -> None:
    """Logs in through the real forms, second factor included for coordinators and admins."""
    response = client.post_form("/login", {"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    if "/login/code" in response.headers["Location"]:
        code = current_totp(client.application, email)
        response = client.post_form(response.headers["Location"], {"code": code})
        assert response.status_code == 302, response.get_data(as_text=True)[:400]
    assert "/login" not in response.headers["Location"], response.headers["Location"]
