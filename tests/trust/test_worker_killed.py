"""A worker killed in the middle of a request leaves nothing half-written (PostgreSQL).

The test holds a lock on the answers table from a second connection, so the app's answer POST
stops inside its transaction; then the worker gets SIGKILL. Nothing of that request may remain,
and the same form sent again is stored exactly once."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import Engine, create_engine, text

from participatie.extensions import db
from tests.conftest import make_app
from tests.database import fresh_postgres_database, postgres_available
from tests.deploy.http import Session
from tests.deploy.servers import gunicorn_process, wait_for, worker_pids

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_killed_worker_leaves_no_half_answer(tmp_path: Path) -> None:
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with fresh_postgres_database() as url:
        app = make_app(url, tmp_path)
        with app.app_context():
            upgrade()
            from participatie.demo import load_demo

            load_demo()
            db.session.commit()
            db.engine.dispose()
        engine = create_engine(url)
        try:
            with gunicorn_process(url, workers=1) as (address, master):
                web = Session(f"http://{address}")
                welcome = web.get("/s/DEMO")
                web.post("/s/DEMO/start", {"csrf_token": web.field(welcome.body, "csrf_token")})
                page = web.get("/s/DEMO/wie")
                form = {
                    "csrf_token": web.field(page.body, "csrf_token"),
                    "idem": web.field(page.body, "idem"),
                    "answer": "ouder",
                }

                with engine.connect() as blocker:
                    blocker.execute(text("BEGIN"))
                    blocker.execute(text("LOCK TABLE answers IN ACCESS EXCLUSIVE MODE"))
                    outcome: dict[str, object] = {}
                    thread = threading.Thread(target=lambda: outcome.update(reply=_try(web, form)))
                    thread.start()
                    _wait_for_the_post_to_wait_on_the_lock(engine)
                    (victim,) = worker_pids(master)
                    os.kill(victim, signal.SIGKILL)
                    thread.join(timeout=20)
                    blocker.execute(text("ROLLBACK"))
                with engine.connect() as check:
                    keys = check.execute(
                        text("SELECT count(*) FROM idempotency_keys WHERE key = :k"),
                        {"k": form["idem"]},
                    ).scalar()
                    assert keys == 0, "a half-done request left its idempotency key behind"
                # gunicorn starts a new worker; the parent sends the same form again once it
                # answers (on a busy machine booting the app took longer than a request's 10 s).
                wait_for(f"http://{address}/healthz", seconds=60)
                again = web.post("/s/DEMO/wie", form)
                assert again.status == 302, Session.main_text(again.body)
                assert web.post("/s/DEMO/wie", form).status == 302
                with engine.connect() as check:
                    stored = check.execute(
                        text(
                            "SELECT count(*) FROM answers a JOIN questions q ON q.id = a.question_id "
                            "JOIN responses r ON r.id = a.response_id WHERE q.name = 'wie' AND r.created_at > now() - interval '5 minutes'"
                        )
                    ).scalar()
                    assert stored == 1
        finally:
            # Also when the test fails: connections left open would be garbage-collected
            # during a later test, which then fails on their ResourceWarning.
            engine.dispose()


def _wait_for_the_post_to_wait_on_the_lock(engine: Engine, seconds: float = 20) -> None:
    """Until the app's connection waits on our lock: the POST is then inside its transaction.

    Watching pg_stat_activity instead of sleeping: a sleep passes (or fails) by luck on a busy
    machine; this fails with a reason when the POST never reaches the lock."""
    deadline = time.monotonic() + seconds
    with engine.connect() as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                )
            ).scalar()
            if waiting:
                return
            time.sleep(0.05)
    raise AssertionError(f"the answer POST did not wait on the answers lock within {seconds} s")


def _try(web: Session, form: dict[str, str]) -> object:
    try:
        return web.post("/s/DEMO/wie", form).status
    except OSError as error:  # the connection dies with the worker
        return error
