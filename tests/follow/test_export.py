"""`participatie plan export` (DESIGN §6) and the same downloads from the actieplan page; every
format is read back (JSON keys, pdftotext text, spreadsheet cells)."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Code, Goal, Priority, ProposedBy
from tests.conftest import PageCheckingClient, login
from tests.follow.world import PlanWorld


def plan(app: Flask, *args: str) -> Result:
    return app.test_cli_runner().invoke(args=["plan", "export", *args])


@pytest.fixture
def chosen(app: Flask, plan_world: PlanWorld) -> PlanWorld:
    """Onderwijs proposed by the oudergroep and chosen; a goal whose title looks like a formula."""
    with app.app_context():
        onderwijs = db.session.scalar(select(Code).where(Code.key == "onderwijs"))
        assert onderwijs is not None
        db.session.add(
            Priority(
                project_id=onderwijs.project_id,
                domain=onderwijs,
                proposed_by=ProposedBy.OUDERGROEP,
                chosen=True,
            )
        )
        goal = db.session.scalar(select(Goal).where(Goal.public_id == plan_world.operational))
        assert goal is not None
        goal.title = {"nl": "=SUM(1;2) gratis turnzak", "ar": "حقيبة رياضة مجانية"}
        db.session.commit()
    return plan_world


def _school(data: dict) -> dict:  # type: ignore[type-arg]
    return next(w for w in data["workgroups"] if w["name"] == "Werkgroep school")


def test_json_has_the_design_shape(app: Flask, chosen: PlanWorld) -> None:
    result = plan(app, "demo", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"project", "priorities", "workgroups"}
    assert data["project"] == {"slug": "demo", "name": "Veilige kindertijd Kempenaar"}
    [priority] = data["priorities"]
    assert set(priority) == {"domain", "proposed_by", "chosen", "participants"}
    assert (priority["domain"], priority["proposed_by"], priority["chosen"]) == (
        "onderwijs",
        "oudergroep",
        True,
    )
    assert priority["participants"] is None or isinstance(priority["participants"], int)
    school = _school(data)
    assert set(school) == {"name", "domain", "goals"} and school["domain"] == "onderwijs"
    strategic, operational = school["goals"]
    assert set(strategic) == {
        "title",
        "kind",
        "parent",
        "owner",
        "deadline",
        "themes",
        "actions",
        "indicators",
    }
    assert strategic["kind"] == "strategic" and strategic["parent"] is None
    assert strategic["deadline"] == "2027-06-30" and strategic["owner"] == "Schepen van onderwijs"
    assert operational["kind"] == "operational"
    assert operational["parent"] == "Elk kind kan mee op schooluitstap"
    [action] = strategic["actions"]
    assert action == {
        "title": "Fonds opstarten met de scholen",
        "owner": "OCMW",
        "due": "2027-01-31",
        "status": "gepland",
        "progress": 0,
    }
    [indicator] = strategic["indicators"]
    assert indicator == {
        "name": "Kinderen die meegingen",
        "kind": "outcome",
        "unit": "percentage",
        "baseline": {"value": 60, "date": "2026-09-01"},
        "target": {"value": 95, "date": "2027-06-30"},
        "measurements": [{"date": "2026-12-01", "value": 72, "source": "scholen"}],
    }
    # Actions that came from the demo's decisions are in the plan too, under their goals.
    assert any(
        goal["actions"] for w in data["workgroups"] if w is not school for goal in w["goals"]
    )
    arabic = json.loads(plan(app, "demo", "--format", "json", "--lang", "ar").stdout)
    assert _school(arabic)["goals"][1]["title"] == "حقيبة رياضة مجانية"


def test_usage_and_data_errors(app: Flask, chosen: PlanWorld, tmp_path: Path) -> None:
    for fmt in ("pdf", "ods", "xlsx"):
        assert plan(app, "demo", "--format", fmt).exit_code == 2
    assert plan(app, "demo", "--format", "json", "--lang", "xx").exit_code == 2
    missing = plan(app, "geen-project", "--format", "json")
    assert missing.exit_code == 1 and "geen-project" in missing.stderr


def test_xlsx_and_ods_read_back_with_text_as_text(
    app: Flask, chosen: PlanWorld, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    xlsx = tmp_path / "plan.xlsx"
    assert plan(app, "demo", "--format", "xlsx", "--output", str(xlsx)).exit_code == 0
    book = load_workbook(xlsx)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Werkgroep", "Levensdomein", "Doelstelling"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    goal_column = header.index("Doelstelling")
    formula = next(r for r in rows if "turnzak" in str(r[goal_column] or ""))
    assert formula[goal_column] == "=SUM(1;2) gratis turnzak"
    cell = next(c for c in sheet[rows.index(formula) + 2] if c.value == formula[goal_column])
    assert cell.data_type == "s"
    school = next(r for r in rows if r[goal_column] == "Elk kind kan mee op schooluitstap")
    assert school[header.index("Actie")] == "Fonds opstarten met de scholen"
    assert school[header.index("Beginwaarde")] == 60 and school[header.index("Streefwaarde")] == 95
    assert school[header.index("Laatste meting")] == 72
    priorities = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
    assert priorities[1] == ["onderwijs", "de oudergroep", "ja", priorities[1][3]]

    ods = tmp_path / "plan.ods"
    assert plan(app, "demo", "--format", "ods", "--output", str(ods)).exit_code == 0
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = load(str(ods))
    table = document.spreadsheet.getElementsByType(Table)[0]
    cells = [
        [
            ("".join(str(p) for p in c.getElementsByType(P)), c.getAttribute("valuetype"))
            for c in row.getElementsByType(TableCell)
        ]
        for row in table.getElementsByType(TableRow)
    ]
    texts = [text for row in cells for text, _ in row]
    assert "Fonds opstarten met de scholen" in texts and "Werkgroep school" in texts
    formula_cell = next(c for row in cells for c in row if c[0].startswith("=SUM"))
    assert formula_cell == ("=SUM(1;2) gratis turnzak", "string")
    assert ("72", "float") in [c for row in cells for c in row]
    with zipfile.ZipFile(ods) as archive:
        assert "table:formula" not in archive.read("content.xml").decode()


@pytest.mark.pdf
def test_pdf_reads_back_in_dutch_and_arabic(app: Flask, chosen: PlanWorld, tmp_path: Path) -> None:
    for lang in ("nl", "ar"):
        pdf = tmp_path / f"plan-{lang}.pdf"
        result = plan(app, "demo", "--format", "pdf", "--lang", lang, "--output", str(pdf))
        assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "plan-nl.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in (
        "Actieplan",
        "Werkgroep school",
        "Elk kind kan mee op schooluitstap",
        "Fonds opstarten met de scholen",
        "Kinderen die meegingen",
        "2026-12-01: 72",
    ):
        assert expected in text, expected
    arabic = subprocess.run(
        ["pdftotext", str(tmp_path / "plan-ar.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "حقيبة" in arabic


def test_downloads_from_the_actieplan_page(
    client: PageCheckingClient, app: Flask, chosen: PlanWorld
) -> None:
    login(client, "stuurgroep@kempenaar.example")
    page = client.get("/projecten/demo/actieplan").get_data(as_text=True)
    for fmt in ("json", "pdf", "ods", "xlsx"):
        assert f"/projecten/demo/actieplan/download/{fmt}" in page
    response = client.get("/projecten/demo/actieplan/download/json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert _school(json.loads(response.data))["goals"][0]["owner"] == "Schepen van onderwijs"
    xlsx = client.get("/projecten/demo/actieplan/download/xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.data)).worksheets[0]
    assert any(c.value == "Werkgroep school" for row in sheet.iter_rows() for c in row)
    assert client.get("/projecten/demo/actieplan/download/doc").status_code == 404
