"""XLSForm as people really write it (issue 21): header spellings, language names, settings,
or_other, choice_filter, calculate, regex() and the refusals, through the command line and the
upload page; the feature form walked by a parent; export → import and pyxform's conversion."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from pyxform.builder import create_survey_element_from_dict
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import get_xlsform
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Survey
from participatie.surveys.snapshot import survey_to_definition
from tests.surveys.helpers import xlsform

YES_NO = [["list_name", "name", "label"], ["jn", "ja", "Ja"], ["jn", "nee", "Nee"]]


def _import(app: Flask, tmp_path: Path, data: bytes, *extra: str) -> Any:
    path = tmp_path / "form.xlsx"
    path.write_bytes(data)
    return app.test_cli_runner().invoke(
        args=["surveys", "import", str(path), "--project", "demo", *extra]
    )


def _snapshot(app: Flask, code: str) -> dict[str, Any]:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        return survey_to_definition(survey)


def _imported(app: Flask, tmp_path: Path, data: bytes, *extra: str) -> dict[str, Any]:
    result = _import(app, tmp_path, data, *extra)
    assert result.exit_code == 0, result.stderr
    return _snapshot(app, result.stdout.strip())


def _xform(data: bytes) -> str:
    """pyxform's conversion, without ODK Validate (no Java, nothing downloaded)."""
    book = get_xlsform(BytesIO(data), file_type=".xlsx")
    form = workbook_to_json(book, form_name="data", fallback_form_name="survey", warnings=[])
    return str(create_survey_element_from_dict(form).to_xml(validate=False, warnings=[]))


@pytest.mark.parametrize(
    ("survey", "choices"),
    [
        # Headers in another case, as spreadsheets capitalise them.
        (
            [["Type", "Name", "Label"], ["select_one jn", "q", "Vraag?"]],
            [["List_Name", "Name", "Label"], ["jn", "ja", "Ja"]],
        ),
        # The legacy spelling of list_name.
        (
            [["type", "name", "label"], ["select_one jn", "q", "Vraag?"]],
            [["list name", "name", "label"], ["jn", "ja", "Ja"]],
        ),
        ([["TYPE", "NAME", "LABEL", "HINT"], ["text", "q", "Vraag?", "Uitleg"]], None),
    ],
    ids=["capitals", "list name", "upper case"],
)
def test_header_spellings(
    app: Flask, demo: None, tmp_path: Path, survey: list[Any], choices: list[Any] | None
) -> None:
    question = _imported(app, tmp_path, xlsform(survey, choices))["questions"][0]
    assert question["label"] == {"nl": "Vraag?"}
    if choices:
        assert question["options"][0]["name"] == "ja"
    else:
        assert question["hint"] == {"nl": "Uitleg"}


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("label:English", "en"),
        ("label::English", "en"),
        ("label::english", "en"),
        ("label::English (en)", "en"),
        ("Label::Engels", "en"),
        ("label::Anglais", "en"),
        ("label::العربية", "ar"),
        ("label::Arabisch", "ar"),
        ("label::Türkçe", "tr"),
        ("label::Turkish", "tr"),
        ("label::Français", "fr"),
        ("label::Soomaali", "so"),
        ("label::ትግርኛ", "ti"),
        ("label::Dari", "fa_AF"),
        ("label::Polski", "pl"),
        ("label::Kiswahili", "sw"),
    ],
)
def test_language_names_without_a_code(
    app: Flask, demo: None, tmp_path: Path, header: str, code: str
) -> None:
    hint = header.replace("label", "hint").replace("Label", "hint")
    form = xlsform(
        [["type", "name", "label::Nederlands", header, hint], ["text", "q", "Vraag?", "Q?", "H"]]
    )
    question = _imported(app, tmp_path, form)["questions"][0]
    assert question["label"] == {"nl": "Vraag?", code: "Q?"}
    assert question["hint"] == {code: "H"}


def test_media_columns_are_a_notice_not_a_refusal(app: Flask, demo: None, tmp_path: Path) -> None:
    form = xlsform(
        [
            [
                "type",
                "name",
                "label::English (en)",
                "media::audio::English (en)",
                "image",
                "hint::English (en)",
            ],
            ["text", "q", "Question?", "q.mp3", "q.png", "A hint"],
        ]
    )
    result = _import(app, tmp_path, form)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Ingelezen, met deze opmerkingen:")
    assert "de kolom media::audio::English (en) nemen we niet over" in result.stderr
    assert "de kolom image nemen we niet over" in result.stderr
    question = _snapshot(app, result.stdout.strip())["questions"][0]
    assert question["hint"] == {"en": "A hint"}


@pytest.mark.parametrize("name", ["Kempisch", "West-Vlaams dialect", "Taal 2"])
def test_an_unknown_language_name_is_asked_on_the_command_line(
    app: Flask, demo: None, tmp_path: Path, name: str
) -> None:
    form = xlsform(
        [["type", "name", "label::Nederlands", f"label::{name}"], ["text", "q", "Vraag?", "Vroag?"]]
    )
    refused = _import(app, tmp_path, form)
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr.startswith("Niet ingelezen, omdat:")
    assert (
        f'We weten niet welke taal {name} is. Zeg het met --language "{name}=CODE"'
        in refused.stderr
    )
    question = _imported(app, tmp_path, form, "--language", f"{name}=ro")["questions"][0]
    assert question["label"] == {"nl": "Vraag?", "ro": "Vroag?"}


def test_two_unknown_names_and_a_wrong_code(app: Flask, demo: None, tmp_path: Path) -> None:
    form = xlsform(
        [
            ["type", "name", "label::Kempisch", "label::Limburgs plat"],
            ["text", "q", "Vroag?", "Vraog?"],
        ],
        None,
        [["default_language"], ["Kempisch"]],
    )
    refused = _import(app, tmp_path, form, "--language", "Kempisch=nl")
    assert refused.exit_code == 1
    assert "Limburgs plat" in refused.stderr and "taal Kempisch" not in refused.stderr
    wrong = _import(app, tmp_path, form, "--language", "Kempisch=xx-nonsense")
    assert wrong.exit_code == 2 and "NAME=CODE" in wrong.stderr
    survey = _imported(
        app, tmp_path, form, "--language", "Kempisch=nl", "--language", "Limburgs plat=li"
    )
    assert survey["default_language"] == "nl"
    assert survey["questions"][0]["label"] == {"nl": "Vroag?", "li": "Vraog?"}


SETTINGS = [
    ("version", "2024061201"),
    ("instance_name", "concat('gezin-', ${q})"),
    ("submission_url", "https://kc.kobotoolbox.org/submission"),
    ("public_key", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"),
    ("omit_instanceID", "yes"),
    ("clean_text_values", "yes"),
    ("allow_choice_duplicates", "yes"),
    ("style", "pages"),
    ("auto_send", "true"),
    ("namespaces", 'esri="http://esri.com/xforms"'),
]


@pytest.mark.parametrize(("setting", "value"), SETTINGS, ids=[s for s, _v in SETTINGS])
def test_settings_we_have_no_use_for_are_one_line_each(
    app: Flask, demo: None, tmp_path: Path, setting: str, value: str
) -> None:
    form = xlsform(
        [["type", "name", "label"], ["text", "q", "Vraag?"]],
        None,
        [["Form_Title", "form_id", setting], ["Gezinnen", "gezin", value]],
    )
    result = _import(app, tmp_path, form)
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "instelling" in line]
    assert lines == [f"Blad settings: de instelling {setting.lower()} gebruiken we niet."]
    survey = _snapshot(app, result.stdout.strip())
    assert survey["title"] == {"nl": "Gezinnen"} and survey["form_id"] == "gezin"
