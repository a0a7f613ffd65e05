"""`participatie backup` and `participatie restore`: a restore gives back exactly what was saved."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask
from sqlalchemy import delete, func, select, text

from participatie.extensions import db
from participatie.models import Response


def _fingerprint() -> dict[str, str]:
    prints = {}
    for table in db.metadata.sorted_tables:
        order = ", ".join(c.name for c in table.primary_key.columns)
        rows = db.session.execute(text(f'SELECT * FROM "{table.name}" ORDER BY {order}')).all()
        prints[table.name] = hashlib.sha256(
            repr([tuple(map(str, r)) for r in rows]).encode()
        ).hexdigest()
    return prints


def test_backup_then_restore_gives_back_every_row(app: Flask, demo: None, tmp_path: Path) -> None:
    runner = app.test_cli_runner()
    target = tmp_path / "backup.dump"
    with app.app_context():
        before = _fingerprint()
        responses = db.session.scalar(select(func.count(Response.id)))
        db.session.remove()
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000

    with app.app_context():  # a mistake: every response deleted
        db.session.execute(delete(Response))
        db.session.commit()
        assert db.session.scalar(select(func.count(Response.id))) == 0
        db.session.remove()

    assert runner.invoke(args=["restore", str(target)]).exit_code == 2  # needs --yes
    result = runner.invoke(args=["restore", str(target), "--yes"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == responses
        assert _fingerprint() == before
        db.session.remove()


def test_restore_of_a_missing_file_is_refused(app: Flask, tmp_path: Path) -> None:
    result = app.test_cli_runner().invoke(args=["restore", str(tmp_path / "nope.dump"), "--yes"])
    assert result.exit_code == 1
    assert "does not exist" in result.output
