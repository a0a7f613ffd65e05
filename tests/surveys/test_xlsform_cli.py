"""The XLSForm command line and small broken forms: usage, refusals, and a clear line for each mistake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.surveys.forms import odk_school_form
from tests.surveys.test_xlsform import _import


def test_command_line_usage_and_refusals(app: Flask, demo: None, tmp_path: Path) -> None:
    runner = app.test_cli_runner()
    path = tmp_path / "form.xlsx"
    path.write_bytes(odk_school_form())
    assert runner.invoke(args=["surveys", "import", str(path)]).exit_code == 2  # no --project
    assert (
        runner.invoke(
            args=["surveys", "import", str(path), "--project", "demo", "--code", "a b!"]
        ).exit_code
        == 2
    )
    nope = runner.invoke(args=["surveys", "import", str(path), "--project", "nope"])
    assert nope.exit_code == 1 and "No project" in nope.stderr
    taken = runner.invoke(
        args=["surveys", "import", str(path), "--project", "demo", "--code", "demo"]
    )
    assert taken.exit_code == 1 and "Deze code is al in gebruik." in taken.stderr
    assert (
        runner.invoke(
            args=["surveys", "export", "DEMO", "--format", "csv", "--output", str(path)]
        ).exit_code
        == 2
    )
    missing = runner.invoke(
        args=["surveys", "export", "NOPE", "--format", "xlsform", "--output", str(path)]
    )
    assert missing.exit_code == 1 and "No survey" in missing.stderr


@pytest.mark.parametrize(
    ("survey", "choices", "expected"),
    [
        ([["type", "name", "label"]], None, "Het bestand heeft geen blad survey met vragen."),
        (
            [["type", "name", "label"], ["select_one", "q", "Kies"]],
            None,
            "Na select_one hoort één lijstnaam",
        ),
        (
            [["type", "name", "label"], ["select_one x", "q", "Kies"]],
            [["list_name", "name", "label"]],
            "De lijst x staat niet op het blad choices.",
        ),
        (
            [["type", "name", "label"], ["select_one x or_other", "q", "Kies"]],
            [["list_name", "name", "label"], ["x", "a", "A"], ["x", "other", "Ander"]],
            "De lijst x heeft al een antwoord other.",
        ),
        (
            [["type", "name", "label"], ["text", "q", "Vraag"], ["end_group"]],
            None,
            "Hier sluit een groep die niet begonnen is.",
        ),
        (
            [["type", "name", "label"], ["begin_group", "g", "Groep"], ["text", "q", "Vraag"]],
            None,
            "een groep wordt niet afgesloten",
        ),
        (
            [["type", "name", "label"], ["text", "q"]],
            None,
            "Deze vraag heeft geen tekst in de kolom label.",
        ),
        (
            [["type", "name", "label", "appearance"], ["text", "q", "Vraag", "likert"]],
            None,
            "De weergave likert past niet bij het type text.",
        ),
        (
            [
                ["type", "name", "label", "relevant"],
                ["text", "q", "Vraag", "${later} = 'x'"],
                ["text", "later", "Later"],
            ],
            None,
            "Dat moet een vraag zijn die eerder in de vragenlijst staat.",
        ),
        (
            # Valid for our reader (it would rename the second), but XLSForm itself forbids it.
            [["type", "name", "label"], ["text", "q", "Vraag"], ["text", "q", "Nog een vraag"]],
            None,
            "Het XLSForm klopt niet:",
        ),
    ],
)
def test_small_broken_forms_say_what_is_wrong(
    app: Flask,
    demo: None,
    tmp_path: Path,
    survey: list[Any],
    choices: list[Any] | None,
    expected: str,
) -> None:
    from tests.surveys.helpers import xlsform

    result = _import(app, tmp_path, xlsform(survey, choices))
    assert result.exit_code == 1 and expected in result.stderr, result.stderr
