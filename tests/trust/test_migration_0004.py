"""Migration 0004 merges the suggester's duplicate tags already stored (issue 17, item 13): a
database just before 0004 with two suggested rows for one (statement, code) comes out of the upgrade with
one, a decided row kept before a merely suggested one; then the partial unique index holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from participatie.extensions import db
from tests.conftest import make_app
from tests.database import demo_just_before


def test_upgrade_merges_duplicate_suggestions(own_database_url: str, tmp_path: Path) -> None:
    app = make_app(own_database_url, tmp_path)
    with app.app_context():
        demo_just_before(app, "0004")
        first, second = db.session.execute(
            text(
                "SELECT s.id, c.id FROM statements s, codes c WHERE NOT EXISTS ("
                "SELECT 1 FROM tags t WHERE t.statement_id = s.id AND t.code_id = c.id) "
                "ORDER BY s.id, c.id LIMIT 2"
            )
        ).all()
        insert = (
            "INSERT INTO tags (statement_id, code_id, coder_id, status, score, evidence, "
            "is_blind_sample, created_at, updated_at) VALUES (:s, :c, NULL, :status, 0.5, "
            "'[]', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
        # Two queue openings at once stored the first suggestion twice; of the second, the
        # later row was decided already.
        for pair, status in ((first, "suggested"), (first, "suggested")):
            db.session.execute(text(insert), {"status": status, "s": pair[0], "c": pair[1]})
        for pair, status in ((second, "suggested"), (second, "accepted")):
            db.session.execute(text(insert), {"status": status, "s": pair[0], "c": pair[1]})
        db.session.commit()
        upgrade()
        rows = db.session.execute(
            text(
                "SELECT statement_id, code_id, status FROM tags WHERE coder_id IS NULL "
                "AND ((statement_id = :s1 AND code_id = :c1) OR "
                "(statement_id = :s2 AND code_id = :c2))"
            ),
            {"s1": first[0], "c1": first[1], "s2": second[0], "c2": second[1]},
        ).all()
        assert sorted(rows) == sorted(
            [(first[0], first[1], "suggested"), (second[0], second[1], "accepted")]
        )
        with pytest.raises(IntegrityError):
            db.session.execute(text(insert), {"status": "suggested", "s": first[0], "c": first[1]})
        db.session.rollback()
        db.session.remove()
        db.engine.dispose()
