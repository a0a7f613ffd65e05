"""The test database: SQLite by default, PostgreSQL when DATABASE_URL names one.

A fresh database is created per test session and built with the migrations (never create_all).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def postgres_server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return (
        url
        if url.startswith("postgresql")
        else os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    )


def postgres_available() -> bool:
    try:
        engine = create_engine(postgres_server_url())
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    server = make_url(postgres_server_url())
    name = "participatie_test_" + secrets.token_hex(4)
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
        # A test database need not survive a crash: commits do not wait for the WAL to reach
        # the disk (the server's own databases keep their setting).
        connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_database(tmp_dir: Path) -> Iterator[str]:
    if os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        with fresh_postgres_database() as url:
            yield url
    else:
        yield f"sqlite:///{tmp_dir / 'test.db'}"


def using_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgresql")


def demo_just_before(app: Flask, revision: str) -> None:
    """The demo data in a database migrated to just before `revision`, whatever the chain in
    front of it (branches land in any order): only the migrations from `revision` on are undone.
    Call inside the app's context."""
    from alembic.script import ScriptDirectory
    from flask_migrate import downgrade, upgrade

    from participatie.demo import load_demo
    from participatie.extensions import db

    upgrade()
    load_demo()
    db.session.commit()
    script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    before = script.get_revision(revision).down_revision
    assert isinstance(before, str)
    downgrade(revision=before)
