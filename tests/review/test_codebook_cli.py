"""`participatie codebook seed|export` through the CLI runner, against the test database."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from lxml import etree
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Code, Organisation, Project

XSD = Path(__file__).parent / "data" / "Codebook.xsd"


def _codes(app: Flask, slug: str) -> int:
    with app.app_context():
        found = db.session.scalar(
            select(func.count(Code.id)).join(Project).where(Project.slug == slug)
        )
        db.session.remove()
        return int(found or 0)


def test_seed_is_idempotent_and_export_is_valid(app: Flask, tmp_path: Path) -> None:
    with app.app_context():
        db.session.add(Project(organisation=Organisation(name="Nieuw"), name="Nieuw", slug="nieuw"))
        db.session.commit()
        db.session.remove()
    runner = app.test_cli_runner()
    first = runner.invoke(args=["codebook", "seed", "--project", "nieuw"])
    assert first.exit_code == 0 and first.output.strip() == "20"
    again = runner.invoke(args=["codebook", "seed", "--project", "nieuw"])
    assert again.exit_code == 0 and again.output.strip() == "0"
    assert _codes(app, "nieuw") == 20

    result = runner.invoke(args=["codebook", "export", "--project", "nieuw", "--lang", "nl"])
    assert result.exit_code == 0
    document = etree.fromstring(result.stdout.encode("utf-8"))
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(document)
    output = tmp_path / "codeboek.qdc"
    result = runner.invoke(
        args=["codebook", "export", "--project", "nieuw", "--output", str(output)]
    )
    assert result.exit_code == 0 and output.read_bytes().startswith(b"<?xml")


def test_refusals_and_usage_errors(app: Flask) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["codebook", "seed", "--project", "bestaat-niet"])
    assert result.exit_code == 1 and "No project with slug 'bestaat-niet'" in result.stderr
    assert runner.invoke(args=["codebook", "seed"]).exit_code == 2
    assert (
        runner.invoke(args=["codebook", "export", "--project", "x", "--lang", "xx"]).exit_code == 2
    )
