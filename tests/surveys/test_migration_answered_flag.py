"""Migration 0016_answered_flag fills responses.answered from the answers already stored, and its
downgrade takes the flag, the triggers and the index away again (issue 22)."""

from __future__ import annotations

from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import inspect, text

from participatie.extensions import db
from tests.conftest import answered_flag_mismatches, make_app
from tests.database import demo_just_before

REVISION = "0016_answered_flag"


def test_upgrade_backfills_the_flag_and_downgrade_removes_it(
    own_database_url: str, tmp_path: Path
) -> None:
    app = make_app(own_database_url, tmp_path)
    with app.app_context():
        demo_just_before(app, REVISION)
        assert "answered" not in {c["name"] for c in inspect(db.engine).get_columns("responses")}
        # Without the triggers (a trigger left behind would fail on the missing column): one
        # response loses its answers, one more has none at all.
        emptied = db.session.scalar(text("SELECT min(response_id) FROM answers"))
        db.session.execute(text("DELETE FROM answers WHERE response_id = :r"), {"r": emptied})
        db.session.execute(
            text(
                "INSERT INTO responses (public_id, survey_id, survey_version, mode, language,"
                " consented_at, created_at, updated_at) SELECT 'zonder-antwoord', survey_id, 1,"
                " 'self', 'nl', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
                " FROM responses WHERE id = :r"
            ),
            {"r": emptied},
        )
        db.session.commit()
        upgrade()
        flags = db.session.scalars(
            text("SELECT answered FROM responses WHERE id = :r OR public_id = 'zonder-antwoord'"),
            {"r": emptied},
        ).all()
        assert [bool(flag) for flag in flags] == [False, False]
        answered = db.session.scalar(text("SELECT count(*) FROM responses WHERE answered"))
        assert answered and answered == db.session.scalar(
            text("SELECT count(DISTINCT response_id) FROM answers")
        )
        assert answered_flag_mismatches() == 0
        db.session.remove()
        db.engine.dispose()
