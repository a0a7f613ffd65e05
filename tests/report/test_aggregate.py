"""Survey distributions against a table worked out by hand (DESIGN.md §6's JSON contract).

Ten consented responses R1…R10, one without consent, one consented without any answer; k = 5.

question      answers                                               hand-computed
wie           R1-R7 ouder, R8-R9 ervaringsdeskundige, R10 andere    n 10: 7 (70.0), 2 (20.0), 1 (10.0)
kies (multi)  R1 ab, R2 a, R3 a a c, R4 b, R5 [], R6 declined,      n 7, declined 1: a 4 (57.1),
              R7 c, R8 abc, R10 b                                   b 4 (57.1), c 3 (42.9)
score         R1 6, R2 5, R3 4, R4 1, R5 2, R6 3, R7 6, R8 declined,  n 8: 1,1,1,2,1,2 → 12.5 … 25.0;
              R9 4                                                  akkoord 5 (62.5), niet 3 (37.5)
score_waarom  R1 R2 R3 R4 R7 wrote why (R7's redacted), R5 empty     n 5 = k: beside their scores
aantal        2 3 1 4 2 5                                           n 6: median 2.5, never min/max;
                                                                    bins 1 … 5 of 1, 2, 1, 1, 1
weinig        4 answers                                             n 4 < k: hidden entirely
vijf          x x x x y                                             n 5 = k: x 4, y 1 hidden, z 0

Every cell of 1 … k-1 people is hidden (issue 17: no "group of 4", not even in "Wie ben je?"),
with a complement where the others add up to the published n (distribution.py).
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

import pytest
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from participatie.extensions import db
from participatie.report.aggregate import _median, survey_result
from participatie.report.exports import as_json
from tests.report import builders as b

QUESTIONS: list[dict[str, Any]] = [
    {
        "name": "wie",
        "type": "select_one",
        "is_group_question": True,
        "label": {"nl": "Wie ben je?"},
        "options": [
            {"name": n, "label": {"nl": n.title()}}
            for n in ("ouder", "ervaringsdeskundige", "andere")
        ],
    },
    {
        "name": "kies",
        "type": "select_multiple",
        "label": {"nl": "Kies"},
        "options": [{"name": n, "label": {"nl": n.upper()}} for n in "abc"],
    },
    {
        "name": "score",
        "type": "select_one",
        "appearance": "likert",
        "label": {"nl": "Ik weet waar ik hulp vind."},
        "options": b.LIKERT,
    },
    {"name": "score_waarom", "type": "text", "label": {"nl": "Waarom?"}},
    {"name": "aantal", "type": "integer", "label": {"nl": "Hoeveel?"}},
    {
        "name": "weinig",
        "type": "select_one",
        "label": {"nl": "Weinig"},
        "options": [{"name": "x", "label": {"nl": "X"}}, {"name": "y", "label": {"nl": "Y"}}],
    },
    {
        "name": "vijf",
        "type": "select_one",
        "label": {"nl": "Vijf"},
        "options": [{"name": n, "label": {"nl": n.upper()}} for n in "xyz"],
    },
]

ROWS: list[dict[str, Any]] = [
    {
        "wie": "ouder",
        "kies": ["a", "b"],
        "score": "6",
        "score_waarom": "Ze luisteren",
        "aantal": 2,
        "weinig": "x",
        "vijf": "x",
    },
    {
        "wie": "ouder",
        "kies": ["a"],
        "score": "5",
        "score_waarom": "Snel antwoord",
        "aantal": 3,
        "weinig": "x",
        "vijf": "x",
    },
    {
        "wie": "ouder",
        "kies": ["a", "a", "c"],
        "score": "4",
        "score_waarom": "Soms",
        "aantal": 1,
        "weinig": "y",
        "vijf": "x",
    },
    {
        "wie": "ouder",
        "kies": ["b"],
        "score": "1",
        "score_waarom": "Niemand helpt mij",
        "aantal": 4,
        "weinig": "x",
        "vijf": "x",
    },
    {"wie": "ouder", "kies": [], "score": "2", "score_waarom": "", "aantal": 2, "vijf": "y"},
    {"wie": "ouder", "score": "3", "aantal": 5},
    {"wie": "ouder", "kies": ["c"], "score": "6", "score_waarom": "Heel goed, dank aan Fatima"},
    {"wie": "ervaringsdeskundige", "kies": ["a", "b", "c"]},
    {"wie": "ervaringsdeskundige", "score": "4"},
    {"wie": "andere", "kies": ["b"]},
]
DECLINED = {5: ("kies",), 7: ("score",)}  # R6 and R8 (0-based index)


@pytest.fixture
def report(app_ctx: Flask) -> dict[str, Any]:
    project = b.project(k=5)
    survey = b.survey(project, QUESTIONS)
    responses = [b.respond(survey, row, declined=DECLINED.get(i, ())) for i, row in enumerate(ROWS)]
    b.respond(survey, {"wie": "ouder", "kies": ["a"], "vijf": "z"}, consented=False)
    b.respond(survey, {})  # consented, nothing answered: not one of the responses
    b.statement_of(responses[6], "score_waarom").redacted_text = "Heel goed, dank aan [naam]"
    db.session.flush()
    data = as_json(survey_result(survey, "nl"))
    return {"data": data, "questions": {q["name"]: q for q in data["questions"]}}


def _options(question: dict[str, Any]) -> list[tuple[str, int | None, float | None, bool]]:
    return [(o["name"], o["count"], o["percent"], o["suppressed"]) for o in question["options"]]


def test_survey_header_counts_consented_responses_with_an_answer(report: dict[str, Any]) -> None:
    assert report["data"]["survey"] == {"code": "TEST", "title": "Testlijst", "responses": 10}


def test_select_one_against_the_hand_computed_table(report: dict[str, Any]) -> None:
    wie = report["questions"]["wie"]
    assert (wie["type"], wie["label"], wie["n"], wie["declined"], wie["suppressed"]) == (
        "select_one",
        "Wie ben je?",
        10,
        0,
        False,
    )
    # 2 and 1 are hidden; together 3 < k, so "ouder" goes too: else 10 - 7 = 3 follows.
    assert _options(wie) == [
        ("ouder", None, None, True),
        ("ervaringsdeskundige", None, None, True),
        ("andere", None, None, True),
    ]
    assert wie["options"][0]["label"] == "Ouder"


def test_select_multiple_counts_each_person_once_per_option(report: dict[str, Any]) -> None:
    kies = report["questions"]["kies"]
    # R3 named "a" twice: counted once. R5's empty choice is not an answer; R6 declined.
    # 4, 4 and 3 people, and 1 who declined: each fewer than k, so each is hidden.
    assert (kies["n"], kies["declined"]) == (7, None)
    assert _options(kies) == [
        ("a", None, None, True),
        ("b", None, None, True),
        ("c", None, None, True),
    ]


def test_agreement_scale_counts_percentages_and_shares(report: dict[str, Any]) -> None:
    score = report["questions"]["score"]
    assert (score["n"], score["declined"]) == (8, None)
    assert [(o["count"], o["percent"]) for o in score["options"]] == [(None, None)] * 6
    # "Niet akkoord" (3) is too small; "akkoord" (5) would give it away as 8 - 5: both hidden.
    assert score["agreement"] == {
        "agree": {"count": None, "percent": None},
        "disagree": {"count": None, "percent": None},
    }


def test_reasons_are_shown_with_their_score_redacted_where_redacted(
    app_ctx: Flask, report: dict[str, Any]
) -> None:
    from participatie.models import Survey

    survey = db.session.query(Survey).filter_by(code="TEST").one()
    score = next(q for q in survey_result(survey, "nl").questions if q.name == "score")
    # Every score is hidden (each holds fewer than k people), so no reason shows beside one.
    assert score.reasons == []
    assert report["questions"]["score_waarom"] == {
        "name": "score_waarom",
        "type": "text",
        "label": "Waarom?",
        "n": 5,
        "declined": 0,
        "suppressed": False,
    }


def test_reasons_of_fewer_than_k_people_are_not_shown(app_ctx: Flask) -> None:
    project = b.project(k=5)
    survey = b.survey(project, QUESTIONS[2:4])
    for score, why in [("1", "Te ver"), ("2", "Te duur"), ("6", ""), ("6", ""), ("5", "")]:
        b.respond(survey, {"score": score, "score_waarom": why})
    result = survey_result(survey, "nl").questions[0]
    assert result.n == 5 and result.reasons == []


def test_number_question_has_a_median_and_bins_never_min_or_max(report: dict[str, Any]) -> None:
    aantal = report["questions"]["aantal"]
    assert (aantal["n"], aantal["median"]) == (6, 2.5)
    assert "min" not in aantal and "max" not in aantal and "options" not in aantal
    # Bins of 1 (1 … 5), each of fewer than k people: all hidden.
    assert [(b["from"], b["to"], b["count"], b["suppressed"]) for b in aantal["bins"]] == [
        (value, value + 1, None, True) for value in range(1, 6)
    ]


def test_question_answered_by_k_minus_one_is_hidden_entirely(report: dict[str, Any]) -> None:
    assert report["questions"]["weinig"] == {
        "name": "weinig",
        "type": "select_one",
        "label": "Weinig",
        "n": None,
        "declined": None,
        "options": [
            {"name": "x", "label": "X", "count": None, "percent": None, "suppressed": True},
            {"name": "y", "label": "Y", "count": None, "percent": None, "suppressed": True},
        ],
        "suppressed": True,
    }


def test_question_answered_by_exactly_k_hides_its_small_cells(report: dict[str, Any]) -> None:
    vijf = report["questions"]["vijf"]
    assert vijf["n"] == 5 and not vijf["suppressed"]
    # 4 and 1 are hidden (together 5 = k); nobody chose z, and 0 is shown.
    assert _options(vijf) == [
        ("x", None, None, True),
        ("y", None, None, True),
        ("z", 0, 0.0, False),
    ]


def test_labels_follow_the_language_with_dutch_as_fallback(
    app_ctx: Flask, report: dict[str, Any]
) -> None:
    from participatie.models import Survey

    survey = db.session.query(Survey).filter_by(code="TEST").one()
    result = survey_result(survey, "en")
    assert str(result.title) == "Test survey" and result.title.lang is None
    assert (
        str(result.questions[0].label) == "Wie ben je?" and result.questions[0].label.lang == "nl"
    )


@given(st.lists(st.integers(min_value=-5, max_value=5), min_size=1, max_size=40))
def test_median_of_counted_values_is_the_median_of_the_values(numbers: list[int]) -> None:
    # The report counts in SQL (value, how many); its median must be the plain median.
    counted = sorted(Counter(float(n) for n in numbers).items())
    assert _median(counted, len(numbers)) == statistics.median(numbers)


def test_reasons_show_beside_shown_scores_and_bins_only(app_ctx: Flask) -> None:
    project = b.project(k=5)
    survey = b.survey(
        project,
        [
            *QUESTIONS[2:4],
            {"name": "kinderen", "type": "integer", "label": {"nl": "Hoeveel kinderen?"}},
        ],
    )
    for i in range(12):
        value = "6" if i < 6 else "1" if i < 11 else "3"
        b.respond(
            survey,
            {"score": value, "score_waarom": f"Reden {i}", "kinderen": 1 if i < 11 else 9},
        )
    score, _, kinderen = survey_result(survey, "nl").questions
    shown = {name: len(items) for _option, name, items in score.reasons}
    # The single "3" is hidden, and "1" (5) with it, else 12 - 6 - 5 = 1 follows: their
    # reasons stay hidden too.
    assert [o.count for o in score.options] == [None, 0, None, 0, 0, 6]
    assert shown == {"6": 6}
    # Bins of 2 from 0; the lone 9 is hidden, and the 11 with it, else 12 - 11 = 1 follows.
    assert [(b.label, b.count) for b in kinderen.bins] == [
        ("0–1", None),
        ("2–3", 0),
        ("4–5", 0),
        ("6–7", 0),
        ("8–9", None),
    ]
    assert kinderen.median == 1 and not hasattr(kinderen, "maximum")
