"""XLSForm import and export (pyxform), through the command line and the upload page, and the
imported surveys checked by walking them as a participant."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from flask import Flask
from pyxform.builder import create_survey_element_from_dict
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import get_xlsform
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Survey
from participatie.surveys.snapshot import survey_to_definition
from tests.conftest import PageCheckingClient
from tests.surveys.forms import bad_form, kobo_family_form, odk_school_form
from tests.surveys.helpers import (
    answer,
    as_coordinator,
    audit_actions,
    begin,
    publish,
    stored_answers,
)


def _import(
    app: Flask, tmp_path: Path, data: bytes, *extra: str, name: str = "form.xlsx"
) -> Result:
    path = tmp_path / name
    path.write_bytes(data)
    return app.test_cli_runner().invoke(
        args=["surveys", "import", str(path), "--project", "demo", *extra]
    )


def _snapshot(app: Flask, code: str) -> dict:  # type: ignore[type-arg]
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        return survey_to_definition(survey)


def _public_id(app: Flask, code: str) -> str:
    with app.app_context():
        return str(db.session.scalar(select(Survey.public_id).where(Survey.code == code)))


def _pyxform_accepts(data: bytes) -> None:
    from io import BytesIO

    book = get_xlsform(BytesIO(data), file_type=".xlsx")
    form = workbook_to_json(book, form_name="data", fallback_form_name="survey", warnings=[])
    assert "<h:html" in create_survey_element_from_dict(form).to_xml(validate=False, warnings=[])


def test_kobo_form_with_translations_and_routing(
    app: Flask, client: PageCheckingClient, demo: None, tmp_path: Path
) -> None:
    result = _import(app, tmp_path, kobo_family_form(), "--code", "gezin")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "GEZIN"
    # What was skipped is said, line by line.
    assert "regel 2: start is een gegeven over het toestel" in result.stderr
    assert "regel 4: de groep gezin tonen we niet apart" in result.stderr
    assert "de kolom $kuid nemen we niet over" in result.stderr
    assert "de eigen foutmelding van deze voorwaarde gebruiken we niet" in result.stderr
    assert "de instelling version gebruiken we niet" in result.stderr

    survey = _snapshot(app, "GEZIN")
    assert survey["title"] == {"nl": "Gezinnen in Kempenaar"} and survey["form_id"] == "gezin_2026"
    questions = {q["name"]: q for q in survey["questions"]}
    assert list(questions) == ["rol", "kinderen", "moeilijk", "club", "waarom", "dank"]
    assert questions["rol"]["label"] == {"ar": "من أنت؟", "en": "Who are you?", "nl": "Wie ben je?"}
    assert questions["rol"]["required"] and questions["kinderen"]["required"]
    assert (questions["kinderen"]["minimum"], questions["kinderen"]["maximum"]) == (0, 15)
    assert questions["kinderen"]["hint"]["ar"] == "احسب كل الأطفال حتى 18 سنة."
    # Group routing joins each question's own.
    assert questions["moeilijk"]["relevant"] == "${kinderen} > 0"
    assert (
        questions["club"]["relevant"]
        == "(${kinderen} > 0) and (selected(${moeilijk}, 'vrije_tijd'))"
    )
    assert (
        questions["moeilijk"]["appearance"],
        questions["club"]["appearance"],
        questions["waarom"]["appearance"],
    ) == ("domains", "likert", "multiline")
    assert questions["club"]["options"][3]["label"]["en"] == "Strongly agree"

    # Publish through the builder and answer in Arabic, following the routing.
    as_coordinator(client)
    survey_id = _public_id(app, "GEZIN")
    assert publish(client, survey_id).status_code == 302
    parent = app.test_client()
    first = begin(parent, "GEZIN", lang="ar")
    assert first.endswith("/s/GEZIN/rol")
    page = parent.get("/s/GEZIN/rol").get_data(as_text=True)
    assert "من أنت؟" in page and 'dir="rtl"' in page and "أم أو أب" in page
    assert answer(parent, "GEZIN", "rol", {"answer": "ouder"}).endswith("/kinderen")
    answer(parent, "GEZIN", "kinderen", {"answer": "16"}, expect=400)
    assert answer(parent, "GEZIN", "kinderen", {"answer": "2"}).endswith("/moeilijk")
    assert answer(parent, "GEZIN", "moeilijk", {"answer": ["vrije_tijd"]}).endswith("/club")
    assert answer(parent, "GEZIN", "club", {"answer": "2"}).endswith("/waarom")
    assert answer(parent, "GEZIN", "waarom", {"answer": "Het lidgeld."}).endswith("/dank")
    assert answer(parent, "GEZIN", "dank", {}).endswith("/klaar")
    # Without children the whole group is skipped.
    other = app.test_client()
    begin(other, "GEZIN")
    answer(other, "GEZIN", "rol", {"answer": "andere"})
    assert answer(other, "GEZIN", "kinderen", {"answer": "0"}).endswith("/dank")
    assert stored_answers(app, "GEZIN") == [
        {
            "rol": "ouder",
            "kinderen": 2,
            "moeilijk": ["vrije_tijd"],
            "club": "2",
            "waarom": "Het lidgeld.",
        },
        {"rol": "andere", "kinderen": 0},
    ]
    assert "survey.import" in audit_actions(app)


def test_odk_form_in_one_language_with_groups_and_ranges(
    app: Flask, client: PageCheckingClient, demo: None, tmp_path: Path
) -> None:
    result = _import(app, tmp_path, odk_school_form(), name="school.xlsx")
    assert result.exit_code == 0, result.stderr
    code = result.stdout.strip()
    assert (
        "de naam opmerking komt twee keer voor; deze vraag heet nu kind2_opmerking" in result.stderr
    )
    survey = _snapshot(app, code)
    assert survey["title"] == {"nl": "school"}  # no form_title: the file's name
    questions = {q["name"]: q for q in survey["questions"]}
    assert list(questions) == ["naar_school", "leeftijd", "opmerking", "afstand", "kind2_opmerking"]
    assert questions["naar_school"]["label"] == {"nl": "Gaat je kind naar school?"}
    assert (questions["leeftijd"]["minimum"], questions["leeftijd"]["maximum"]) == (1, 18)
    assert questions["afstand"]["minimum"] == 0.5 and questions["afstand"]["maximum"] is None
    assert questions["kind2_opmerking"]["relevant"] == "${leeftijd} >= 3"

    as_coordinator(client)
    publish(client, _public_id(app, code))
    parent = app.test_client()
    begin(parent, code)
    answer(parent, code, "naar_school", {"answer": "ja"})
    answer(parent, code, "leeftijd", {"answer": "0"}, expect=400)
    answer(parent, code, "leeftijd", {"answer": "7"})
    answer(parent, code, "opmerking", {"answer": "Hij leest graag."})
    answer(parent, code, "afstand", {"answer": "2,5"})
    # The form offers no "Ik wil dit niet zeggen" (no offer_decline column): a posted refusal
    # is read as the (empty) answer, so the question is skipped, not refused.
    assert answer(parent, code, "kind2_opmerking", {"decline": "1"}).endswith("/klaar")
    assert stored_answers(app, code)[0] == {
        "naar_school": "ja",
        "leeftijd": 7,
        "opmerking": "Hij leest graag.",
        "afstand": 2.5,
    }


def test_a_bad_form_is_refused_line_by_line(
    app: Flask, client: PageCheckingClient, demo: None, tmp_path: Path
) -> None:
    with app.app_context():
        before = db.session.scalar(select(func.count(Survey.id)))
    result = _import(app, tmp_path, bad_form())
    assert result.exit_code == 1 and result.stdout == ""
    problems = result.stderr
    expected = [
        'We weten niet welke taal Vlaamsch is. Zeg het met --language "Vlaamsch=CODE"',
        "regel 3: pulldata() haalt gegevens uit een apart bestand of van het toestel.",
        "regel 4: Het type geopoint (een plaats op de kaart) kunnen we niet overnemen.",
        "regel 5: Een groep die herhaald wordt (begin_repeat) kunnen we niet overnemen",
        "regel 7: Een groep die herhaald wordt (end_repeat) kunnen we niet overnemen",
        "regel 9: Het type datetime (een datum of tijd) kunnen we niet overnemen.",
        "regel 10: De tekst toont ${onbekend}, maar dat is geen vraag of berekening",
        "regel 11: In de kolom required kan alleen yes of no, niet ${naam} != ''.",
        "regel 11: De voorwaarde regex(., '^[0-9]+$') kunnen we niet overnemen.",
        "regel 12: select_one_from_file gemeenten.csv haalt zijn antwoorden uit een apart bestand",
        "regel 13: De naam start gebruiken we al voor een pagina van de vragenlijst.",
        "regel 14: De berekening format-date(${naam}, '%Y') kunnen we niet uitrekenen",
        "regel 15: search() haalt gegevens uit een apart bestand of van het toestel.",
        "regel 16: include neemt vragen uit een ander bestand over.",
    ]
    assert "regel 8" not in problems  # a picture we do not have: a notice, not a refusal
    for line in expected:
        assert line in problems, line
    with app.app_context():
        assert db.session.scalar(select(func.count(Survey.id))) == before

    # The same through the upload page: nothing stored, every line shown.
    as_coordinator(client)
    from io import BytesIO

    response = client.post_form(
        "/projecten/demo/vragenlijsten/inlezen",
        {"file": (BytesIO(bad_form()), "slecht.xlsx"), "code": ""},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "een plaats op de kaart" in body and "regel 13" in body
    not_excel = client.post_form(
        "/projecten/demo/vragenlijsten/inlezen",
        {"file": (BytesIO(b"type,name\ntext,a\n"), "vragen.xlsx"), "code": ""},
        content_type="multipart/form-data",
    )
    assert "We kunnen dit bestand niet lezen" in not_excel.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Survey.id))) == before


def test_upload_page_imports_and_tells_what_it_skipped(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from io import BytesIO

    as_coordinator(client)
    response = client.post_form(
        "/projecten/demo/vragenlijsten/inlezen",
        {"file": (BytesIO(kobo_family_form()), "gezin.xlsx"), "code": "kempen-1"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    builder = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        "De vragenlijst is ingelezen." in builder
        and "start is een gegeven over het toestel" in builder
    )
    assert "Wie ben je?" in builder and "KEMPEN-1" in builder
    taken = client.post_form(
        "/projecten/demo/vragenlijsten/inlezen",
        {"file": (BytesIO(kobo_family_form()), "gezin.xlsx"), "code": "kempen-1"},
        content_type="multipart/form-data",
    )
    assert taken.status_code == 400 and "Deze code is al in gebruik." in taken.get_data(
        as_text=True
    )


def test_round_trip_import_export_import_keeps_the_survey(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    runner = app.test_cli_runner()
    for form in (kobo_family_form(), odk_school_form()):
        code = _import(app, tmp_path, form).stdout.strip()
        exported = tmp_path / f"{code}.xlsx"
        result = runner.invoke(
            args=[
                "surveys",
                "export",
                code.lower(),
                "--format",
                "xlsform",
                "--output",
                str(exported),
            ]
        )
        assert result.exit_code == 0, result.stderr
        _pyxform_accepts(exported.read_bytes())
        again = _import(app, tmp_path, exported.read_bytes(), name="again.xlsx")
        assert again.exit_code == 0, again.stderr
        first, second = _snapshot(app, code), _snapshot(app, again.stdout.strip())
        assert {**first, "code": ""} == {**second, "code": ""}


def _drop_language(app: Flask, code: str, language: str) -> None:
    """Takes every text in `language` out of a survey (the demo has all 13 languages)."""

    def without(texts: dict[str, str]) -> dict[str, str]:
        return {lang: text for lang, text in texts.items() if lang != language}

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        survey.title, survey.intro = without(survey.title), without(survey.intro)
        survey.thanks = without(survey.thanks)
        for question in survey.questions:
            question.label, question.hint = without(question.label), without(question.hint)
            for option in question.options:
                option.label = without(option.label)
        survey.revision += 1
        db.session.commit()
        db.session.remove()


def test_the_demo_survey_exports_to_a_form_pyxform_accepts(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    output = tmp_path / "demo.xlsx"
    result = app.test_cli_runner().invoke(
        args=["surveys", "export", "DEMO", "--format", "xlsform", "--output", str(output)]
    )
    assert result.exit_code == 0, result.stderr
    _pyxform_accepts(output.read_bytes())
    code = _import(app, tmp_path, output.read_bytes()).stdout.strip()
    demo_survey, copy = _snapshot(app, "DEMO"), _snapshot(app, code)
    # Pictograms, translations, routing, ranges and the "Wie ben je?" question all come back.
    assert copy["questions"] == demo_survey["questions"]
    assert copy["title"] == {"nl": demo_survey["title"]["nl"]}
    only_arabic = tmp_path / "ar.xlsx"
    runner = app.test_cli_runner()
    assert (
        runner.invoke(
            args=[
                "surveys",
                "export",
                "DEMO",
                "--format",
                "xlsform",
                "--lang",
                "ar",
                "--output",
                str(only_arabic),
            ]
        ).exit_code
        == 0
    )
    _pyxform_accepts(only_arabic.read_bytes())
    _drop_language(app, "DEMO", "so")
    refused = runner.invoke(
        args=[
            "surveys",
            "export",
            "DEMO",
            "--format",
            "xlsform",
            "--lang",
            "so",
            "--output",
            str(only_arabic),
        ]
    )
    assert refused.exit_code == 1 and "no texts in 'so'" in refused.stderr
