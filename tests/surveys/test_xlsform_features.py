"""XLSForm features beyond the questions themselves (issue 21): the feature form with or_other, a cascading choice_filter and calculate; regex() patterns; refusals of what would change the meaning; a parent's walk; round trips through pyxform."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask
from pyxform.xls2json_backends import get_xlsform

from tests.conftest import PageCheckingClient, page_client
from tests.surveys.forms import features_form
from tests.surveys.helpers import answer, begin, stored_answers, xlsform
from tests.surveys.test_xlsform_language import YES_NO, _import, _imported, _snapshot, _xform


def test_the_feature_form_imports_with_its_extras(app: Flask, demo: None, tmp_path: Path) -> None:
    result = _import(app, tmp_path, features_form(), "--code", "school")
    assert result.exit_code == 0, result.stderr
    assert "de instelling version gebruiken we niet" in result.stderr
    assert "de instelling instance_name gebruiken we niet" in result.stderr
    survey = _snapshot(app, "SCHOOL")
    assert survey["default_language"] == "nl" and survey["title"] == {"nl": "School in de Kempen"}
    questions = {q["name"]: q for q in survey["questions"]}
    assert list(questions) == [
        "vervoer",
        "vervoer_other",
        "provincie",
        "gemeente",
        "kinderen",
        "uitleg",
        "telefoon",
        "waarom",
    ]
    # or_other: an "Iets anders" option in every language of the form, and its text question.
    other = questions["vervoer"]["options"][-1]
    assert other["name"] == "other" and other["label"] == {
        "en": "Something else",
        "nl": "Iets anders",
    }
    follow_up = questions["vervoer_other"]
    assert follow_up["relevant"] == "selected(${vervoer}, 'other')" and follow_up["type"] == "text"
    assert (
        follow_up["label"]["nl"] == "Wat bedoel je met iets anders?" and "en" in follow_up["label"]
    )
    # choice_filter: the filter and, per option, the column it reads.
    assert questions["gemeente"]["choice_filter"] == "provincie = ${provincie}"
    assert [o["filters"] for o in questions["gemeente"]["options"]] == [
        {"provincie": "antwerpen"},
        {"provincie": "antwerpen"},
        {"provincie": "limburg"},
        {"provincie": "limburg"},
    ]
    assert questions["provincie"]["options"][0]["filters"] == {}
    # calculate: kept in order, after the question it followed.
    assert survey["calculations"] == [
        {"name": "boeken", "calculation": "${kinderen} * 3", "after": "kinderen"}
    ]
    assert questions["uitleg"]["label"]["nl"] == "Dat zijn ${boeken} schoolboeken."
    assert questions["waarom"]["relevant"] == "${boeken} > 6"
    # regex() with the form's own message, in both languages.
    assert questions["telefoon"]["pattern"] == "^0[0-9]{9}$"
    assert questions["telefoon"]["constraint_message"] == {
        "en": "Write ten digits, starting with 0.",
        "nl": "Schrijf tien cijfers, te beginnen met 0.",
    }


def test_or_other_in_every_language_of_the_form(app: Flask, demo: None, tmp_path: Path) -> None:
    languages = ["Dutch (nl)", "Arabic (ar)", "Tigrinya (ti)", "Swahili (sw)"]
    form = xlsform(
        [
            ["type", "name", *[f"label::{lang}" for lang in languages]],
            ["select_multiple jn or_other", "q", "V", "س", "ሕ", "S"],
        ],
        [
            ["list_name", "name", *[f"label::{lang}" for lang in languages]],
            ["jn", "ja", "Ja", "نعم", "እወ", "Ndiyo"],
        ],
    )
    survey = _imported(app, tmp_path, form)
    other = survey["questions"][0]["options"][-1]["label"]
    # Our catalogues where we have one; XLSForm's English where we have none (Swahili).
    assert other == {
        "ar": "شيء آخر",
        "nl": "Iets anders",
        "sw": "Something else",
        "ti": other["ti"],
    }
    assert other["ti"] not in {"Iets anders", "Something else"}


@pytest.mark.parametrize(
    ("constraint", "expected"),
    [
        ("regex(., '(a)\\1')", "groupref is not supported"),
        ("regex(., '(?=0)[0-9]+')", "assert is not supported"),
        ("regex(., '(?i)abc')", "flags inside the pattern are not supported"),
        ("regex(., '[0-9]{500}')", "a repetition count above 100 is not supported"),
        ("regex(., '[0-9')", "unterminated character set"),
    ],
)
def test_a_pattern_we_cannot_check_safely_is_refused_with_what_to_change(
    app: Flask, demo: None, tmp_path: Path, constraint: str, expected: str
) -> None:
    form = xlsform([["type", "name", "label", "constraint"], ["text", "q", "Vraag?", constraint]])
    refused = _import(app, tmp_path, form)
    assert refused.exit_code == 1, refused.stderr
    assert "kunnen we niet veilig nakijken" in refused.stderr and expected in refused.stderr


def test_a_catastrophic_pattern_runs_in_bounded_time(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    """`^(a+)+$` takes Python's re minutes on 30 a's and a b; our automaton answers at once."""
    import time

    from participatie.surveys.patterns import matches

    started = time.perf_counter()
    assert not matches("^(a+)+$", "a" * 5000 + "b")
    assert not matches("^(a|aa)*\\d*\\d*\\d*$", "a" * 5000 + "b")
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            ["calculate", "c", "", "pulldata('gegevens', 'naam', 'id', '1')"],
            "pulldata() haalt gegevens uit een apart bestand",
        ),
        (
            ["calculate", "c", "", "instance('gemeenten')/root/item[name='x']/label"],
            "instance() haalt gegevens",
        ),
        (
            ["calculate", "c", "", "format-date(today(), '%Y')"],
            "haalt gegevens uit een apart bestand of van het toestel",
        ),
        (
            ["calculate", "c", "", "substr('abc', 1, 2)"],
            "De berekening substr('abc', 1, 2) kunnen we niet uitrekenen",
        ),
        (["calculate", "c", "", "${later} + 1"], "De berekening gebruikt ${later}."),
        (
            ["select_one_from_file gemeenten.csv", "g", "Gemeente?", ""],
            "haalt zijn antwoorden uit een apart bestand",
        ),
        (
            ["select_one_external gemeenten", "g", "Gemeente?", ""],
            "haalt zijn antwoorden uit een apart bestand",
        ),
        (["begin_repeat", "kind", "Kind", ""], "Een groep die herhaald wordt (begin_repeat)"),
        (["begin repeat", "kind", "Kind", ""], "Een groep die herhaald wordt (begin repeat)"),
        (["include", "andere", "", ""], "include neemt vragen uit een ander bestand over."),
        (["geopoint", "waar", "Waar?", ""], "een plaats op de kaart"),
    ],
)
def test_what_would_change_the_meaning_is_refused_one_line_each(
    app: Flask, demo: None, tmp_path: Path, row: list[str], expected: str
) -> None:
    form = xlsform([["type", "name", "label", "calculation"], row, ["text", "later", "Later?", ""]])
    refused = _import(app, tmp_path, form)
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr.startswith("Niet ingelezen, omdat:")
    assert "Blad survey, regel 2: " in refused.stderr and expected in refused.stderr, refused.stderr


def test_search_appearance_and_unknown_filter_columns_are_refused(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    form = xlsform(
        [
            ["type", "name", "label", "appearance", "choice_filter"],
            ["select_one jn", "a", "A?", "search('gemeenten')", ""],
            ["select_one jn", "b", "B?", "", "streek = ${a}"],
        ],
        YES_NO,
    )
    refused = _import(app, tmp_path, form)
    assert refused.exit_code == 1
    assert "regel 2: search() haalt gegevens" in refused.stderr
    assert "regel 3: De choice_filter gebruikt de kolom streek" in refused.stderr


def _publish(app: Flask, code: str) -> list[str]:
    result = app.test_cli_runner().invoke(args=["surveys", "publish", code])
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_a_parent_walks_the_feature_form_without_javascript(
    app: Flask, client: PageCheckingClient, demo: None, tmp_path: Path
) -> None:
    _import(app, tmp_path, features_form(), "--code", "school")
    assert _publish(app, "SCHOOL")[0] == "nl"

    parent = app.test_client()
    assert begin(parent, "SCHOOL").endswith("/s/SCHOOL/vervoer")
    page = parent.get("/s/SCHOOL/vervoer").get_data(as_text=True)
    assert "Iets anders" in page
    assert answer(parent, "SCHOOL", "vervoer", {"answer": "other"}).endswith("/vervoer_other")
    assert "Wat bedoel je met iets anders?" in parent.get("/s/SCHOOL/vervoer_other").get_data(
        as_text=True
    )
    assert answer(parent, "SCHOOL", "vervoer_other", {"answer": "Met de tram"}).endswith(
        "/provincie"
    )
    assert answer(parent, "SCHOOL", "provincie", {"answer": "antwerpen"}).endswith("/gemeente")
    # The cascading list: only the towns of the chosen province, and no other is accepted.
    towns = parent.get("/s/SCHOOL/gemeente").get_data(as_text=True)
    assert 'value="geel"' in towns and 'value="mol"' in towns
    assert 'value="genk"' not in towns and 'value="hasselt"' not in towns
    answer(parent, "SCHOOL", "gemeente", {"answer": "genk"}, expect=400)
    assert answer(parent, "SCHOOL", "gemeente", {"answer": "geel"}).endswith("/kinderen")
    assert answer(parent, "SCHOOL", "kinderen", {"answer": "3"}).endswith("/uitleg")
    # The calculation, shown in the note.
    assert "Dat zijn 9 schoolboeken." in parent.get("/s/SCHOOL/uitleg").get_data(as_text=True)
    assert answer(parent, "SCHOOL", "uitleg", {}).endswith("/telefoon")
    # The regex() constraint, with the form's own message in the parent's language.
    wrong = parent.get("/s/SCHOOL/telefoon")
    assert wrong.status_code == 200
    refused = answer(parent, "SCHOOL", "telefoon", {"answer": "12345"}, expect=400)
    assert refused == ""
    assert answer(parent, "SCHOOL", "telefoon", {"answer": "0478123456"}).endswith("/waarom")
    # ${boeken} > 6 (9): the question the calculation routes to is asked.
    assert answer(parent, "SCHOOL", "waarom", {"answer": "Te duur."}).endswith("/klaar")

    english = page_client(app)
    begin(english, "SCHOOL", lang="en")
    answer(english, "SCHOOL", "vervoer", {"answer": "fiets"})
    assert answer(english, "SCHOOL", "provincie", {"answer": "limburg"}).endswith("/gemeente")
    towns = english.get("/s/SCHOOL/gemeente").get_data(as_text=True)
    assert 'value="genk"' in towns and 'value="geel"' not in towns
    answer(english, "SCHOOL", "gemeente", {"answer": "genk"})
    answer(english, "SCHOOL", "kinderen", {"answer": "1"})
    assert "That makes 3 school books." in english.get("/s/SCHOOL/uitleg").get_data(as_text=True)
    answer(english, "SCHOOL", "uitleg", {})
    message = english.post_form(
        "/s/SCHOOL/telefoon", {"answer": "047"}, token_from="/s/SCHOOL/telefoon"
    ).get_data(as_text=True)
    assert "Write ten digits, starting with 0." in message
    # 3 books: the routed question is skipped.
    assert answer(english, "SCHOOL", "telefoon", {"skip": "1"}).endswith("/klaar")

    assert stored_answers(app, "SCHOOL") == [
        {
            "vervoer": "other",
            "vervoer_other": "Met de tram",
            "provincie": "antwerpen",
            "gemeente": "geel",
            "kinderen": 3,
            "telefoon": "0478123456",
            "waarom": "Te duur.",
        },
        {"vervoer": "fiets", "provincie": "limburg", "gemeente": "genk", "kinderen": 1},
    ]
    import json

    report = app.test_cli_runner().invoke(args=["report", "SCHOOL", "--format", "json"])
    assert report.exit_code == 0, report.stderr
    data = json.loads(report.stdout)
    assert data["survey"]["responses"] == 2
    questions = {q["name"]: q for q in data["questions"]}
    # Two parents: every figure is hidden (small groups), but the questions are all there,
    # "Iets anders" with them, and the calculation is none of them.
    assert list(questions) == [
        "vervoer",
        "vervoer_other",
        "provincie",
        "gemeente",
        "kinderen",
        "telefoon",
        "waarom",
    ]
    assert [o["name"] for o in questions["vervoer"]["options"]] == ["fiets", "bus", "other"]
    assert questions["vervoer"]["options"][2]["label"] == "Iets anders"
    assert all(q["suppressed"] for q in questions.values())


def test_round_trip_and_pyxform_conversion_of_the_feature_form(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    first = _imported(app, tmp_path, features_form())
    exported = tmp_path / "export.xlsx"
    result = app.test_cli_runner().invoke(
        args=["surveys", "export", first["code"], "--format", "xlsform", "--output", str(exported)]
    )
    assert result.exit_code == 0, result.stderr
    data = exported.read_bytes()
    # Written back as XLSForm writes it: or_other on the type, no extra rows for it.
    book = get_xlsform(BytesIO(data), file_type=".xlsx")
    types = [row.get("type") for row in book.survey or []]
    assert "select_one vervoer or_other" in types and "calculate" in types
    assert [row.get("name") for row in book.survey or []].count("vervoer_other") == 0
    assert "other" not in [
        row.get("name") for row in book.choices or [] if row.get("list_name") == "vervoer"
    ]
    xform = _xform(data)
    assert "<h:html" in xform
    assert 'calculate=" ../kinderen  * 3"' in xform or "kinderen" in xform
    assert "regex(., '^0[0-9]{9}$')" in xform
    assert "vervoer_other" in xform  # pyxform made the follow-up itself
    second = _imported(app, tmp_path, data)
    assert {**first, "code": ""} == {**second, "code": ""}


ROUND_TRIPS = {
    "or_other in four languages": xlsform(
        [
            ["type", "name", "label::Dutch (nl)", "label::Arabic (ar)", "label::Swahili (sw)"],
            ["select_multiple jn or_other", "q", "Vraag?", "سؤال؟", "Swali?"],
        ],
        [
            ["list_name", "name", "label::Dutch (nl)", "label::Arabic (ar)", "label::Swahili (sw)"],
            ["jn", "ja", "Ja", "نعم", "Ndiyo"],
        ],
    ),
    "language names": xlsform(
        [
            ["type", "name", "label::Nederlands", "label::Engels", "hint::Engels", "relevant"],
            ["integer", "n", "Hoeveel?", "How many?", "A number", ""],
            ["text", "t", "Waarom?", "Why?", "", "${n} + 1 > 2"],
        ]
    ),
    "calculation first": xlsform(
        [
            ["type", "name", "label", "calculation"],
            ["calculate", "vast", "", "concat('a', 'b')"],
            ["note", "n", "Code ${vast}", ""],
        ]
    ),
}


@pytest.mark.parametrize("form", ROUND_TRIPS.values(), ids=list(ROUND_TRIPS))
def test_round_trips(app: Flask, demo: None, tmp_path: Path, form: bytes) -> None:
    first = _imported(app, tmp_path, form)
    exported = tmp_path / "export.xlsx"
    result = app.test_cli_runner().invoke(
        args=["surveys", "export", first["code"], "--format", "xlsform", "--output", str(exported)]
    )
    assert result.exit_code == 0, result.stderr
    assert "<h:html" in _xform(exported.read_bytes())
    second = _imported(app, tmp_path, exported.read_bytes())
    assert {**first, "code": ""} == {**second, "code": ""}
