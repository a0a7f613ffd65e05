"""An app on a PostgreSQL database of its own, with the demo loaded: for tests of what two
requests at the same moment do (SQLite serialises writers, so races only show on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade

from participatie.extensions import db
from tests.conftest import PageCheckingClient, make_app
from tests.database import fresh_postgres_database, postgres_available


@pytest.fixture
def postgres_app(tmp_path: Path) -> Iterator[Flask]:
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with fresh_postgres_database() as url:
        app = make_app(url, tmp_path, SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 20})
        app.test_client_class = PageCheckingClient
        with app.app_context():
            upgrade()
            from participatie.demo import load_demo

            load_demo()
            db.session.commit()
            db.session.remove()
        try:
            yield app
        finally:
            with app.app_context():
                db.engine.dispose()
