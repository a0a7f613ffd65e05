"""Database binding and the one-transaction-per-request rule."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response

from participatie.extensions import db, migrate

MIGRATIONS_DIR = "migrations"


def init_database(app: Flask) -> None:
    from participatie import models  # noqa: F401  (register every table on the metadata)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.config.get("MIGRATIONS_DIR") or _migrations_path()))

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _sqlite_pragmas(app)

    @app.after_request
    def commit_request(response: Response) -> Response:
        # The one place a request's work is committed; an error response rolls back.
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
