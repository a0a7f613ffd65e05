"""`participatie responses import` followed by `participatie report`: published-style tables.

80 imported responses, k = 5, hand-computed:
kleur   80 answered: rood 13 (16.25 → 16,3), groen 27 (33.75 → 33,8), blauw 40 (50,0): the column
        adds up to 100,1, as published tables do.
fiets   37 answered: ja 6 (16.216 → 16,2), nee 31 (83,8).
hobby   select_multiple, 80 answered: lezen 30 (37,5), sport 50 (62,5), muziek 8 (10,0).
klein   4 answered: hidden in every format.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from flask import Flask

from participatie.extensions import db
from participatie.models import Answer, Response, Survey
from participatie.models.base import utcnow
from tests.report import builders as b

QUESTIONS: list[dict[str, Any]] = [
    {
        "name": "kleur",
        "type": "select_one",
        "label": {"nl": "Welke kleur?"},
        "options": [{"name": n, "label": {"nl": n.title()}} for n in ("rood", "groen", "blauw")],
    },
    {
        "name": "fiets",
        "type": "select_one",
        "label": {"nl": "Heb je een fiets?"},
        "options": [{"name": n, "label": {"nl": n.title()}} for n in ("ja", "nee")],
    },
    {
        "name": "hobby",
        "type": "select_multiple",
        "label": {"nl": "Wat doe je graag?"},
        "options": [{"name": n, "label": {"nl": n.title()}} for n in ("lezen", "sport", "muziek")],
    },
    {
        "name": "klein",
        "type": "select_one",
        "label": {"nl": "Kleine vraag"},
        "options": [{"name": n, "label": {"nl": n.upper()}} for n in ("a", "b")],
    },
]


def _rows() -> list[dict[str, str]]:
    colours = ["rood"] * 13 + ["groen"] * 27 + ["blauw"] * 40
    rows = []
    for i in range(80):
        hobbies = (
            (["lezen"] if i < 30 else [])
            + (["sport"] if i >= 30 else [])
            + (["muziek"] if i % 10 == 0 else [])
        )
        rows.append(
            {
                "_uuid": f"uuid-{i:03d}",
                "kleur": colours[i],
                "fiets": "ja" if i < 6 else "nee" if i < 37 else "",
                "hobby": " ".join(hobbies),
                "klein": "a" if i < 4 else "",
            }
        )
    return rows


def _write_csv(path: Path) -> None:
    rows = _rows()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


def _insert_directly(survey: Survey) -> None:
    """What `responses import` stores, for as long as that command is not there."""
    by_name = {q.name: q for q in survey.questions}
    for row in _rows():
        response = Response(
            survey=survey, consent_version=1, consented_at=utcnow(), completed_at=utcnow()
        )
        for name, value in row.items():
            if name.startswith("_") or not value:
                continue
            stored: Any = value.split() if by_name[name].type == "select_multiple" else value
            response.answers.append(Answer(question=by_name[name], value=stored))
        db.session.add(response)
    db.session.commit()


@pytest.fixture
def imported(app: Flask, tmp_path: Path) -> Flask:
    with app.app_context():
        project = b.project(slug="cli", k=5)
        b.survey(project, QUESTIONS, code="KLEUR")
        db.session.commit()
        path = tmp_path / "kobo.csv"
        _write_csv(path)
        if "responses" in app.cli.commands:
            result = app.test_cli_runner().invoke(args=["responses", "import", "KLEUR", str(path)])
            assert result.exit_code == 0, result.output
        else:
            _insert_directly(db.session.query(Survey).filter_by(code="KLEUR").one())
        db.session.remove()
    return app


def report(app: Flask, *args: str) -> Result:
    return app.test_cli_runner().invoke(args=["report", *args])


def test_json_reproduces_the_published_table(imported: Flask) -> None:
    result = report(imported, "KLEUR", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["survey"] == {"code": "KLEUR", "title": "Testlijst", "responses": 80}
    questions = {q["name"]: q for q in data["questions"]}
    table = {
        name: [(o["name"], o["count"], o["percent"]) for o in q["options"]]
        for name, q in questions.items()
    }
    assert table["kleur"] == [("rood", 13, 16.3), ("groen", 27, 33.8), ("blauw", 40, 50.0)]
    assert table["fiets"] == [("ja", 6, 16.2), ("nee", 31, 83.8)]
    assert table["hobby"] == [("lezen", 30, 37.5), ("sport", 50, 62.5), ("muziek", 8, 10.0)]
    assert questions["fiets"]["n"] == 37
    assert questions["klein"]["suppressed"] is True
    assert all(
        o["count"] is None and o["percent"] is None and o["suppressed"]
        for o in questions["klein"]["options"]
    )


def test_dutch_csv_uses_semicolons_and_decimal_commas(imported: Flask) -> None:
    result = report(imported, "KLEUR", "--format", "csv", "--lang", "nl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "question;option;label;count;percent;suppressed"
    assert "kleur;rood;Rood;13;16,3;false" in lines
    assert "fiets;ja;Ja;6;16,2;false" in lines
    assert "kleur;blauw;Blauw;40;50,0;false" in lines
    assert "klein;a;A;;;true" in lines


def test_english_csv_uses_commas_and_decimal_points(imported: Flask) -> None:
    result = report(imported, "KLEUR", "--format", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert ["fiets", "ja", "Ja", "6", "16.2", "false"] in rows


def test_spreadsheets_mark_suppressed_cells(imported: Flask, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    xlsx = tmp_path / "r.xlsx"
    assert report(imported, "KLEUR", "--format", "xlsx", "--output", str(xlsx)).exit_code == 0
    sheet = load_workbook(xlsx)["answers"]
    rows = {(r[0].value, r[1].value): r for r in sheet.iter_rows(min_row=2)}
    rood = rows[("kleur", "rood")]
    assert (rood[3].value, rood[4].value, rood[4].number_format, rood[5].value) == (
        13,
        16.3,
        "0.0",
        False,
    )
    klein = rows[("klein", "a")]
    assert (klein[3].value, klein[4].value, klein[5].value) == (None, None, True)

    ods = tmp_path / "r.ods"
    assert report(imported, "KLEUR", "--format", "ods", "--output", str(ods)).exit_code == 0
    ods_rows = {(r[0], r[1]): r for r in _ods_rows(ods, "answers")[1:]}
    assert ods_rows[("kleur", "rood")][3:6] == [13.0, 16.3, False]
    assert ods_rows[("klein", "a")][3:6] == [None, None, True]


def _ods_rows(path: Path, sheet: str) -> list[list[object]]:
    """The typed cell values of one sheet of an .ods file (None for an empty cell)."""
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    def value(cell: object) -> object:
        kind = cell.getAttrNS(OFFICENS, "value-type")  # type: ignore[attr-defined]
        if kind == "float":
            return float(cell.getAttrNS(OFFICENS, "value"))  # type: ignore[attr-defined]
        if kind == "boolean":
            return cell.getAttrNS(OFFICENS, "boolean-value") == "true"  # type: ignore[attr-defined]
        text = str(cell).strip()
        return text or None

    rows: list[list[object]] = []
    for table in load(str(path)).spreadsheet.getElementsByType(Table):
        if table.getAttrNS(TABLENS, "name") != sheet:
            continue
        for row in table.getElementsByType(TableRow):
            cells: list[object] = []
            for cell in row.getElementsByType(TableCell):
                repeat = int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1)
                cells += [value(cell)] * min(repeat, 50)
            rows.append(cells)
    return rows


def test_usage_and_data_errors_have_their_exit_codes(imported: Flask) -> None:
    assert report(imported, "KLEUR", "--format", "xlsx").exit_code == 2  # needs --output
    assert report(imported, "KLEUR", "--format", "json", "--lang", "xx").exit_code == 2
    assert report(imported, "KLEUR").exit_code == 2  # --format is required
    unknown = report(imported, "NOPE", "--format", "json")
    assert unknown.exit_code == 1 and "NOPE" in unknown.output


def test_the_report_is_audited(imported: Flask) -> None:
    from participatie.models import AuditEvent

    report(imported, "KLEUR", "--format", "json")
    with imported.app_context():
        event = db.session.query(AuditEvent).filter_by(action="report.export").one()
        assert event.details["format"] == "json" and event.details["via"] == "cli"


@pytest.mark.pdf
def test_pdf_report_in_dutch_and_arabic(imported: Flask, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found (apt-get install poppler-utils)")
    for lang in ("nl", "ar"):
        pdf = tmp_path / f"r-{lang}.pdf"
        result = report(imported, "KLEUR", "--format", "pdf", "--lang", lang, "--output", str(pdf))
        assert result.exit_code == 0, result.output
        assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "r-nl.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "16,3" in text and "Welke kleur?" in text
    assert "Daarom tonen we er niets over" in text  # the hidden question says so


def test_pdf_without_pango_fails_clearly(
    imported: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    result = report(imported, "KLEUR", "--format", "pdf", "--output", str(tmp_path / "r.pdf"))
    assert result.exit_code == 1
    assert "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core" in result.output
    assert report(imported, "KLEUR", "--format", "json").exit_code == 0
