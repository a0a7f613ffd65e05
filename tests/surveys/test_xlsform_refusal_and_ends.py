"""XLSForm carries what the builder sets per question: "Ik wil dit niet zeggen" offered
(`offer_decline`) and the words at both ends of a number scale (`low_label`, `high_label`, in
every language); the demo and a rights circle survive export and import, and a form that sets
them where the builder would not is read the builder's way, with a notice."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Survey
from participatie.surveys.snapshot import survey_to_definition
from tests.surveys.helpers import xlsform

NL, AR = "Dutch (nl)", "Arabic (ar)"


def _run(app: Flask, *args: str) -> tuple[int, str, str]:
    result = app.test_cli_runner().invoke(args=["surveys", *args])
    return result.exit_code, result.stdout.strip(), result.stderr


def _definition(app: Flask, code: str) -> dict:  # type: ignore[type-arg]
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        return survey_to_definition(survey)


def test_refusal_and_scale_ends_survive_export_and_import(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    for code in ("DEMO", "RECHTEN"):  # the demo's survey and its rights circle
        exported = tmp_path / f"{code}.xlsx"
        status, _out, err = _run(
            app, "export", code, "--format", "xlsform", "--output", str(exported)
        )
        assert status == 0, err
        status, copy_code, err = _run(app, "import", str(exported), "--project", "demo")
        assert status == 0, err
        original, copy = _definition(app, code), _definition(app, copy_code)
        assert copy["questions"] == original["questions"]
    demo_questions = _definition(app, "DEMO")["questions"]
    assert sum(q["offer_decline"] for q in demo_questions) == 4
    ends = [q for q in _definition(app, "RECHTEN")["questions"] if q["low_label"]]
    assert ends and all(len(q["low_label"]) == 13 and q["high_label"] for q in ends)


def test_a_form_setting_them_where_the_builder_would_not_is_read_the_builders_way(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    form = xlsform(
        [
            [
                "type",
                "name",
                f"label::{NL}",
                f"label::{AR}",
                "required",
                "offer_decline",
                f"low_label::{NL}",
                f"low_label::{AR}",
                f"high_label::{NL}",
            ],
            ["integer", "cijfer", "Welk cijfer?", "أي رقم؟", "", "yes", "slecht", "سيئ", "goed"],
            ["integer", "kinderen", "Hoeveel kinderen?", "كم طفلا؟", "yes", "yes"],
            ["text", "waarom", "Waarom?", "لماذا؟", "", "", "begin", "", ""],
        ]
    )
    path = tmp_path / "form.xlsx"
    path.write_bytes(form)
    status, code, err = _run(app, "import", str(path), "--project", "demo")
    assert status == 0, err
    assert "de kolom offer_decline nemen we niet over" in err
    assert "bij een verplichte vraag kan „Ik wil dit niet zeggen” niet" in err
    assert "de kolom low_label nemen we niet over" in err
    questions = {q["name"]: q for q in _definition(app, code)["questions"]}
    assert questions["cijfer"]["offer_decline"] is True
    assert questions["cijfer"]["low_label"] == {"nl": "slecht", "ar": "سيئ"}
    assert questions["cijfer"]["high_label"] == {"nl": "goed"}
    assert questions["kinderen"]["offer_decline"] is False
    assert questions["waarom"]["low_label"] == {}
