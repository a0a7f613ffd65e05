"""Database binding and the one-transaction-per-request rule."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, g

from participatie.extensions import db

MIGRATIONS_DIR = "migrations"


def init_database(app: Flask) -> None:
    from participatie import models  # noqa: F401  (register every table on the metadata)

    db.init_app(app)
    if app.config.get("MIGRATIONS_COMMANDS", True):
        # `flask db …` needs Flask-Migrate, which brings Alembic, Mako and Pygments (some 11 MB
        # per process); the web workers (wsgi.py) never migrate, so they go without.
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(app.config.get("MIGRATIONS_DIR") or _migrations_path()))

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _sqlite_pragmas(app)
    else:
        _ping_idle_connections(app)

    @app.after_request
    def commit_request(response: Response) -> Response:
        # The one place a request's work is committed; an error response rolls back. A page
        # that only reads (journey_session.read_only) ran without a transaction: nothing to do.
        if g.get("read_only"):
            return response
        if response.status_code < 400:
            db.session.commit()
        else:
            db.session.rollback()
        return response


def _migrations_path() -> str:
    from participatie.config import PROJECT_ROOT

    return str(PROJECT_ROOT / MIGRATIONS_DIR)


def _sqlite_pragmas(app: Flask) -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    with app.app_context():
        engine: Engine = db.engine

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()


# A pooled connection unused for this long is pinged before use: a database restart or a proxy
# that closes idle links would otherwise hand the next request a dead connection. Busy
# connections are not pinged, so a loaded server pays no extra round trip per request.
IDLE_PING_SECONDS = 10.0


def _ping_idle_connections(app: Flask) -> None:
    import time

    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.exc import DisconnectionError

    with app.app_context():
        engine: Engine = db.engine

        @event.listens_for(engine, "checkin")
        def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
            record.info["idle_since"] = time.monotonic()

        @event.listens_for(engine, "checkout")
        def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
            idle_since = record.info.get("idle_since")
            if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
                return
            try:
                cursor = dbapi_connection.cursor()
                cursor.execute("SELECT 1")
                cursor.close()
                dbapi_connection.rollback()
            except Exception as error:
                # The pool discards this connection and checks out (or opens) another.
                raise DisconnectionError() from error
