"""Migrations are the only schema path: the migrated schema must match the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from participatie.extensions import db
from tests.conftest import make_app

ROOT = Path(__file__).resolve().parent.parent


def test_models_and_migrations_agree(app: Flask) -> None:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == [], f"models and migrations disagree: {differences}"


def test_current_head_is_pinned(app: Flask) -> None:
    # Two people adding migrations at once shows up here as a conflict, not as two heads.
    with app.app_context():
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
        heads = script.get_heads()
    assert len(heads) == 1
    pinned = (ROOT / "migrations" / ".current-alembic-head").read_text().strip()
    assert heads[0] == pinned, "update migrations/.current-alembic-head"


def test_every_constraint_is_named(app: Flask) -> None:
    for table in db.metadata.sorted_tables:
        for constraint in table.constraints:
            assert constraint.name, f"unnamed constraint on {table.name}"


def test_every_migration_goes_down_to_nothing_and_up_again(
    own_database_url: str, tmp_path: Path
) -> None:
    # Every downgrade runs, in order, down to an empty database (the initial one drops its
    # tables only: their indexes go with them), and the way back up gives the models' schema.
    app = make_app(own_database_url, tmp_path)
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        db.session.remove()
        db.engine.dispose()
