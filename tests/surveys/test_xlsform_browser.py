"""XLSForm import in Chromium (issue 21): the upload page with its language step, the refusal
report, and the feature form (or_other, a cascading choice_filter, a calculation in a note, a
regex()) answered by a parent with JavaScript; the offline journey is in
tests/assist/test_xlsform_offline_browser.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from tests.browser.conftest import ContextFactory
from tests.browser.fixtures import log_in
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.surveys.forms import bad_form, features_form
from tests.surveys.helpers import stored_answers, xlsform

pytestmark = pytest.mark.browser

COORDINATOR = "coordinator@kempenaar.example"
IMPORT = "/projecten/demo/vragenlijsten/inlezen"


def _log_in(app: Flask, page: Page, live_server: LiveServer) -> None:
    log_in(page, app, live_server.url, COORDINATOR)


def _upload(page: Page, live_server: LiveServer, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    page.goto(live_server.url + IMPORT)
    page.set_input_files("#file", str(path))
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_load_state("load")


def test_the_import_page_asks_for_unknown_languages_and_keeps_the_file(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    tmp_path: Path,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _log_in(app, page, live_server)
    form = xlsform(
        [
            [
                "type",
                "name",
                "label::Nederlands",
                "label::Kempisch",
                "label::Engels",
                "calculation",
            ],
            [
                "integer",
                "kinderen",
                "Hoeveel kinderen?",
                "Hoeveul kinder?",
                "How many children?",
                "",
            ],
            ["calculate", "dubbel", "", "", "", "${kinderen} * 2"],
            ["note", "uitleg", "Dat is ${dubbel}.", "Da's ${dubbel}.", "That is ${dubbel}."],
        ],
        None,
        [["version", "style"], ["3", "pages"]],
    )
    _upload(page, live_server, tmp_path / "kempisch.xlsx", form)
    # The second step: a question per unknown name, the file kept in the page.
    expect(page.get_by_role("heading", name="Welke talen zijn dit?")).to_be_visible()
    assert page.locator("input[type=file]").count() == 0
    assert_no_axe_violations(page)
    problems.assert_none(IMPORT)
    page.get_by_role("button", name="Inlezen").click()  # nothing chosen: said beside the field
    expect(page.locator(".error-summary")).to_contain_text("Kies de taal van deze kolommen.")
    problems.console_errors.clear()  # that answer was a 400, as it should be
    page.get_by_label("Welke taal is Kempisch?").select_option("ro")
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_load_state("load")
    # Imported, with the notes: the builder shows the survey and what was skipped.
    assert "/vragenlijsten/" in page.url and "inlezen" not in page.url
    body = page.locator("main").inner_text()
    assert "de instelling version gebruiken we niet" in body
    assert "de instelling style gebruiken we niet" in body
    problems.assert_none(IMPORT)


def test_the_import_page_lists_what_is_not_imported_and_why(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    assert_no_axe_violations: Callable[[Page], None],
    tmp_path: Path,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    _log_in(app, page, live_server)
    _upload(page, live_server, tmp_path / "slecht.xlsx", bad_form())
    summary = page.locator(".error-summary")
    for line in [
        "pulldata() haalt gegevens uit een apart bestand",
        "Een groep die herhaald wordt (begin_repeat)",
        "select_one_from_file gemeenten.csv haalt zijn antwoorden uit een apart bestand",
        "include neemt vragen uit een ander bestand over.",
        "we weten niet welke taal Vlaamsch is. Zet de taalcode erbij",
    ]:
        expect(summary).to_contain_text(line)
    expect(page.get_by_role("heading", name="Wat we overslaan")).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("js", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_parent_answers_the_feature_form_in_chromium(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    tmp_path: Path,
    js: bool,
) -> None:
    path = tmp_path / "school.xlsx"
    path.write_bytes(features_form())
    runner = app.test_cli_runner()
    imported = runner.invoke(
        args=["surveys", "import", str(path), "--project", "demo", "--code", "school"]
    )
    assert imported.exit_code == 0, imported.stderr
    assert runner.invoke(args=["surveys", "publish", "SCHOOL"]).exit_code == 0

    page = new_context(js=js).new_page()
    problems = page_problems(page)
    page.goto(live_server("/s/SCHOOL"))
    page.locator("main form button").first.click()
    page.get_by_label("Iets anders").check()
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Wat bedoel je met iets anders?").fill("Met de tram")
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Limburg").check()
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_label("Genk")).to_be_visible()
    assert page.get_by_label("Geel").count() == 0
    page.get_by_label("Hasselt").check()
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Hoeveel kinderen gaan naar school?").fill("4")
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", name="Dat zijn 12 schoolboeken.")).to_be_visible()
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Je telefoonnummer?").fill("12")
    page.get_by_role("button", name="Verder").click()
    expect(page.locator("#answer-error")).to_contain_text(
        "Schrijf tien cijfers, te beginnen met 0."
    )
    problems.console_errors.clear()  # that page was a 400, as it should be
    page.get_by_label("Je telefoonnummer?").fill("0478123456")
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Waarom is dat moeilijk?").fill("Te zwaar.")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/klaar")
    assert stored_answers(app, "SCHOOL") == [
        {
            "vervoer": "other",
            "vervoer_other": "Met de tram",
            "provincie": "limburg",
            "gemeente": "hasselt",
            "kinderen": 4,
            "telefoon": "0478123456",
            "waarom": "Te zwaar.",
        }
    ]
    problems.assert_none("/s/SCHOOL")


PATTERNS = {
    "capitals": xlsform(
        [["Type", "Name", "Label"], ["select_one jn", "q", "Vraag?"]],
        [["List_Name", "Name", "Label"], ["jn", "ja", "Ja"]],
    ),
    "list name": xlsform(
        [["type", "name", "label"], ["select_one jn", "q", "Vraag?"]],
        [["list name", "name", "label"], ["jn", "ja", "Ja"]],
    ),
    "label:English": xlsform([["type", "name", "label:English"], ["text", "q", "Question?"]]),
    "label::english": xlsform([["type", "name", "label::english"], ["text", "q", "Question?"]]),
    "label::English (en)": xlsform(
        [["type", "name", "label::English (en)", "hint::English (en)"], ["text", "q", "Q?", "H"]]
    ),
    "names": xlsform(
        [
            ["type", "name", "label::Engels", "label::Anglais", "label::العربية", "label::Türkçe"],
            ["text", "q", "Q?", "Q?", "س؟", "S?"],
        ]
    ),
    "media::audio": xlsform(
        [["type", "name", "label", "media::audio::English (en)"], ["text", "q", "Vraag?", "q.mp3"]]
    ),
    "or_other": xlsform(
        [["type", "name", "label"], ["select_one jn or_other", "q", "Vraag?"]],
        [["list_name", "name", "label"], ["jn", "ja", "Ja"]],
    ),
    "choice_filter": features_form(),
    "regex": xlsform(
        [["type", "name", "label", "constraint"], ["text", "q", "Vraag?", "regex(., '^[0-9]{4}$')"]]
    ),
}


def test_each_pattern_imports_through_the_upload_page(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    tmp_path: Path,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _log_in(app, page, live_server)
    for name, data in PATTERNS.items():
        _upload(page, live_server, tmp_path / "form.xlsx", data)
        assert "inlezen" not in page.url, (name, page.locator("main").inner_text()[:800])
        expect(page.get_by_text("De vragenlijst is ingelezen")).to_be_visible()
    problems.assert_none(IMPORT)
