"""When the database is unreachable, participants get a translated "probeer het zo opnieuw" page
with status 503, and nothing they typed is lost when they retry (PostgreSQL behind a TCP proxy
that the test cuts and restores)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from participatie import database
from participatie.extensions import db
from participatie.models import Answer, Question
from participatie.participate.fast_path import ParticipantPages
from tests.conftest import PageCheckingClient, make_app, page_client
from tests.database import fresh_postgres_database, postgres_available
from tests.trust.tcp_proxy import TcpProxy

pytestmark = pytest.mark.postgres


@pytest.fixture
def outage_app(tmp_path: Path) -> Iterator[tuple[Flask, TcpProxy]]:
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with fresh_postgres_database() as url:
        server = make_url(url)
        proxy = TcpProxy(server.host or "127.0.0.1", server.port or 5432)
        proxied = server.set(host="127.0.0.1", port=proxy.port).render_as_string(
            hide_password=False
        )
        app = make_app(proxied, tmp_path)
        with app.app_context():
            upgrade()
            from participatie.demo import load_demo

            load_demo()
            db.session.commit()
            db.session.remove()
        try:
            yield app, proxy
        finally:
            proxy.close()
            with app.app_context():
                db.engine.dispose()


def _stored(app: Flask, name: str) -> int:
    with app.app_context():
        count = db.session.scalar(
            select(func.count(Answer.id))
            .join(Answer.question)
            .where(
                Question.name == name,
                Answer.response_id == select(func.max(Answer.response_id)).scalar_subquery(),
            )
        )
        db.session.remove()
        return int(count or 0)


def test_outage_gives_a_translated_503_and_the_retry_loses_nothing(
    outage_app: tuple[Flask, TcpProxy],
) -> None:
    app, proxy = outage_app
    app.test_client_class = PageCheckingClient
    client = page_client(app)
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    page = client.get("/s/DEMO/wie").get_data(as_text=True)
    form = {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),  # type: ignore[union-attr]
        "idem": re.search(r'name="idem" value="([^"]+)"', page).group(1),  # type: ignore[union-attr]
        "answer": "ouder",
    }

    proxy.cut()
    down = client.post("/s/DEMO/wie", data=form)
    assert down.status_code == 503
    assert "Probeer het zo opnieuw" in down.get_data(as_text=True)
    assert client.get("/healthz").status_code == 503
    arabic = client.post("/s/DEMO/wie", data=form, headers={"Accept-Language": "ar"})
    assert arabic.status_code == 503 and 'dir="rtl"' in arabic.get_data(as_text=True)

    proxy.restore()
    assert client.get("/healthz").status_code == 200
    # The same form, sent again: stored once, and the journey goes on.
    again = client.post("/s/DEMO/wie", data=form)
    assert again.status_code == 302 and again.headers["Location"].endswith("/kinderen")
    assert client.post("/s/DEMO/wie", data=form).status_code == 302
    assert _stored(app, "wie") == 1

    # A cut in the middle of the journey once more: still nothing half-written.
    proxy.cut()
    assert (
        client.post("/s/DEMO/kinderen", data={**form, "answer": "2", "idem": "k2"}).status_code
        == 503
    )
    proxy.restore()
    assert _stored(app, "kinderen") == 0
    assert (
        client.post("/s/DEMO/kinderen", data={**form, "answer": "2", "idem": "k2"}).status_code
        == 302
    )
    assert _stored(app, "kinderen") == 1


def _terminate_app_connections(app: Flask) -> int:
    """Ends every server process of the app's database, as a PostgreSQL restart does."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    with psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres") as admin:
        admin.autocommit = True
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (url.database,),
        ).fetchall()
    return len(rows)


@pytest.mark.parametrize(("idle_ping_seconds", "status"), [(0.0, 200), (3600.0, 503)])
def test_a_connection_dropped_while_idle_is_replaced_before_use(
    outage_app: tuple[Flask, TcpProxy],
    monkeypatch: pytest.MonkeyPatch,
    idle_ping_seconds: float,
    status: int,
) -> None:
    # No ping on every checkout (it would cost each page a round trip); a connection that sat
    # idle is pinged and, when the server dropped it, replaced. Without that ping (3600 s) the
    # same request meets the dead connection: proof that the ping is what saves it.
    app, _proxy = outage_app
    monkeypatch.setattr(database, "IDLE_PING_SECONDS", idle_ping_seconds)
    app.test_client_class = PageCheckingClient
    client = page_client(app)
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    assert client.get("/s/DEMO/wie").status_code == 200
    assert _terminate_app_connections(app) >= 1
    # ?lang=nl: through Flask, not the participant pages' fast path (which, meeting a dropped
    # connection, leaves the page to Flask: the test below).
    assert client.get("/s/DEMO/wie?lang=nl").status_code == status
    assert client.get("/s/DEMO/wie").status_code == 200  # the pool recovers either way


def test_the_fast_path_meeting_a_dropped_connection_leaves_the_page_to_flask(
    outage_app: tuple[Flask, TcpProxy], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _proxy = outage_app
    monkeypatch.setattr(database, "IDLE_PING_SECONDS", 3600.0)  # no ping: the dead link is met
    app.test_client_class = PageCheckingClient
    client = page_client(app)
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    assert client.get("/s/DEMO/wie").status_code == 200  # rendered: the next one is cached
    fast = app.wsgi_app
    assert isinstance(fast, ParticipantPages)
    served = fast.served
    assert _terminate_app_connections(app) >= 1
    # The fast path's query fails on its (only) pooled connection, which it invalidates; Flask
    # then opens a new one and serves the page.
    assert client.get("/s/DEMO/wie").status_code == 200
    assert fast.served == served
    assert client.get("/s/DEMO/wie").status_code == 200
    assert fast.served == served + 1  # and the fast path works again
