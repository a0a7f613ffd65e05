"""`participatie responses import CODE FILE.csv` (DESIGN.md §6), against the demo survey."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Answer, AuditEvent, Response, ResponseMode, Statement, Survey

KOBO_HEADER = (
    "start;end;gezin/wie;gezin/kinderen;moeilijk;moeilijk/wonen;moeilijk/vrije_tijd;"
    "vrije_tijd_drempel;uitpas;hulp_vinden;verschil;goed;_id;_uuid;_submission_time;__version__"
)
KOBO_ROWS = [
    "2026-03-01T09:58:00;2026-03-01T10:00:00;ouder;3;wonen vrije_tijd;1;1;duur ver;ja;4;"
    "Een huis zonder vocht.;;1;uuid-0001;2026-03-01T10:00:05+00:00;v1",
    "2026-03-02T09:58:00;2026-03-02T10:00:00;ervaringsdeskundige;0;;0;0;;nee;;;De school helpt;2;"
    "uuid-0002;2026-03-02T10:00:05+00:00;v1",
]


def _write(
    tmp_path: Path, lines: list[str], name: str = "antwoorden.csv", encoding: str = "utf-8"
) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def _import(app: Flask, path: Path, *extra: str) -> Result:
    return app.test_cli_runner().invoke(args=["responses", "import", "demo", str(path), *extra])


def _demo_responses(app: Flask) -> list[Response]:
    with app.app_context():
        survey_id = db.session.scalar(select(Survey.id).where(Survey.code == "DEMO"))
        rows = list(
            db.session.scalars(
                select(Response).where(Response.survey_id == survey_id).order_by(Response.id)
            )
        )
        for row in rows:
            _ = [(a.question.name, a.value) for a in row.answers]
        db.session.expunge_all()
        return rows


def test_a_kobo_export_is_imported_once(app: Flask, demo: None, tmp_path: Path) -> None:
    before = len(_demo_responses(app))
    with app.app_context():
        statements_before = db.session.execute(select(func.count(Statement.id))).scalar_one()
    path = _write(tmp_path, [KOBO_HEADER, *KOBO_ROWS])
    result = _import(app, path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "2 imported, 0 already imported"
    responses = _demo_responses(app)
    assert len(responses) == before + 2
    first, second = responses[-2:]
    assert {a.question.name: a.value for a in first.answers} == {
        "wie": "ouder",
        "kinderen": 3,
        "moeilijk": ["wonen", "vrije_tijd"],
        "vrije_tijd_drempel": ["duur", "ver"],
        "uitpas": "ja",
        "hulp_vinden": "4",
        "verschil": "Een huis zonder vocht.",
    }
    assert {a.question.name: a.value for a in second.answers} == {
        "wie": "ervaringsdeskundige",
        "kinderen": 0,
        "uitpas": "nee",
        "goed": "De school helpt",
    }
    assert first.participant_group == "ouder" and first.mode == ResponseMode.SELF
    assert first.completed_at is not None and first.completed_at.day == 1
    with app.app_context():
        # Open answers became statements to tag, as in the journey.
        assert (
            db.session.execute(select(func.count(Statement.id))).scalar_one()
            == statements_before + 2
        )
        assert db.session.scalar(
            select(AuditEvent.action).where(AuditEvent.action == "responses.import")
        )

    again = _import(app, path)
    assert again.exit_code == 0 and again.stdout.strip() == "0 imported, 2 already imported"
    assert len(_demo_responses(app)) == before + 2


def test_any_error_imports_nothing_and_lists_rows_and_columns(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    before = len(_demo_responses(app))
    lines = [
        "wie,kinderen,moeilijk,vrije_tijd_drempel,hulp_vinden,goed,kleur",
        "ouder,veel,,,,,",
        "opa,2,wonen,,,,",
        "ouder,20,wonen fietsen,,,,",
        "ouder,2,wonen,duur,,,",
        ",1,,,7,,",
        "ouder,1,,,,Prima,",
    ]
    result = _import(app, _write(tmp_path, lines))
    assert result.exit_code == 1 and result.stdout == ""
    errors = result.stderr
    for expected in (
        "Rij 1, kolom kleur: Deze kolom is geen vraag van deze vragenlijst.",
        "Rij 2, kolom kinderen: Vul een getal in, zoals 3.",
        "Rij 3, kolom wie: opa is geen antwoord van deze vraag.",
        "Rij 4, kolom kinderen: Vul een getal in van 0 tot 15.",
        "Rij 4, kolom moeilijk: fietsen is geen antwoord van deze vraag.",
        "Rij 5, kolom vrije_tijd_drempel: Hier mag geen antwoord staan: de routering slaat deze vraag over.",
        "Rij 6, kolom wie: Deze vraag is verplicht, maar heeft geen antwoord.",
        "Rij 6, kolom hulp_vinden: 7 is geen antwoord van deze vraag.",
    ):
        assert expected in errors, expected
    assert "Rij 7" not in errors
    assert len(_demo_responses(app)) == before


def test_delimiter_encoding_and_mode(app: Flask, demo: None, tmp_path: Path) -> None:
    before = len(_demo_responses(app))
    lines = ["wie\tkinderen\tmode\tlanguage", "ouder\t1\tpapier\tar", "andere\t2\t\t"]
    path = tmp_path / "tab.csv"
    path.write_bytes("\n".join(lines).encode("utf-8-sig"))
    result = _import(app, path, "--mode", "assisted")
    assert result.exit_code == 0, result.stderr
    assert "geen kolom _uuid" in result.stderr  # importing twice would double them: say so
    paper, assisted = _demo_responses(app)[before:]
    assert (paper.mode, paper.language) == (ResponseMode.PAPER, "ar")
    assert (assisted.mode, assisted.language) == (ResponseMode.ASSISTED, "nl")
    semicolons = _write(
        tmp_path, ["wie;kinderen;mode", "ouder;1;online"], name="bad-mode.csv", encoding="cp1252"
    )
    refused = _import(app, semicolons)
    assert (
        refused.exit_code == 1
        and "Rij 2, kolom mode: Kies self, assisted of paper." in refused.stderr
    )
    assert _import(app, _write(tmp_path, [""], name="empty.csv")).exit_code == 1
    assert (
        app.test_cli_runner()
        .invoke(args=["responses", "import", "NOPE", str(semicolons)])
        .exit_code
        == 1
    )


def test_each_answer_of_a_row_is_stored_once(app: Flask, demo: None, tmp_path: Path) -> None:
    with app.app_context():
        answers_before = db.session.execute(select(func.count(Answer.id))).scalar_one()
    _import(app, _write(tmp_path, [KOBO_HEADER, KOBO_ROWS[0]]))
    with app.app_context():
        assert db.session.execute(select(func.count(Answer.id))).scalar_one() == answers_before + 7
