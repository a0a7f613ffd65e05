"""Levensdomeinen by distinct participants, the splits and their protection, themes and quotes.

The world (k = 5), worked out by hand:
- 20 ouders R1-R20, 6 ervaringsdeskundigen E1-E6, 2 anderen A1-A2 answer the survey; a 29th
  response has no consent. Six focus-group attendees P1-P6 (ouders); a 7th without consent.
- inkomen: picked by R1-R12, E1-E6, A1-A2 → 20 people. R1 also says three things tagged
  inkomen: still one person. R13's statement has only a suggested and a rejected inkomen tag.
- wonen: R13 (a tag on the code "oud", merged into wonen) and P1-P6 (tags) → 7 people: 1 from
  the survey, 6 from the focus group.
- vrije_tijd: R14 picks it, P1 says it (knelpunt, betaalbaarheid) → 2 people: hidden.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from participatie.extensions import db
from participatie.models import CodeKind, ResponseMode, TagStatus, Theme, ThemeStatement
from participatie.report.domains import domain_results
from participatie.report.participants import load_evidence
from participatie.report.themes import theme_views
from tests.report import builders as b

QUESTIONS: list[dict[str, Any]] = [
    {
        "name": "wie",
        "type": "select_one",
        "label": {"nl": "Wie ben je?"},
        "options": [
            {"name": n, "label": {"nl": n}} for n in ("ouder", "ervaringsdeskundige", "andere")
        ],
    },
    {
        "name": "moeilijk",
        "type": "select_multiple",
        "appearance": "domains",
        "label": {"nl": "Waar loopt het moeilijk?"},
        "options": [
            {"name": "inkomen", "label": {"nl": "Geld", "ar": "المال"}},
            {"name": "wonen", "label": {"nl": "Wonen"}},
            {"name": "vrije_tijd", "label": {"nl": "Vrije tijd"}},
        ],
    },
    {"name": "verhaal", "type": "text", "label": {"nl": "Vertel"}},
]


@pytest.fixture
def world(app_ctx: Flask) -> dict[str, Any]:
    project = b.project(k=5)
    survey = b.survey(project, QUESTIONS)
    codes = {
        key: b.code(project, CodeKind.DOMAIN, key, position=i)
        for i, key in enumerate(["inkomen", "wonen", "vrije_tijd"])
    }
    codes["oud"] = b.code(
        project, CodeKind.DOMAIN, "oud", merged_into_id=codes["wonen"].id, active=False
    )
    knelpunt = b.code(project, CodeKind.KIND, "knelpunt")
    kracht = b.code(project, CodeKind.KIND, "kracht")
    duur = b.code(project, CodeKind.BARRIER, "betaalbaarheid")
    people: dict[str, Any] = {}
    for i in range(1, 21):
        picks = ["inkomen"] if i <= 12 else ["vrije_tijd"] if i == 14 else []
        answers: dict[str, Any] = {"wie": "ouder", "moeilijk": picks}
        if i in (1, 13):
            answers["verhaal"] = "Het geld is op." if i == 1 else "Het huis is vochtig."
        people[f"R{i}"] = b.respond(survey, answers, language="nl" if i <= 15 else "ar")
    for i in range(1, 7):
        people[f"E{i}"] = b.respond(
            survey,
            {"wie": "ervaringsdeskundige", "moeilijk": ["inkomen"]},
            group="ervaringsdeskundige",
            mode=ResponseMode.PAPER,
        )
    for i in range(1, 3):
        people[f"A{i}"] = b.respond(
            survey,
            {"wie": "andere", "moeilijk": ["inkomen"], "verhaal": f"Verhaal {i}"},
            group="andere",
        )
    b.respond(survey, {"wie": "ouder", "moeilijk": ["inkomen", "wonen"]}, consented=False)
    # R1 talks a lot about inkomen: one person all the same. Six of those are knelpunt.
    r1 = b.statement_of(people["R1"], "verhaal")
    b.tag(r1, codes["inkomen"], knelpunt, kracht)
    for i in range(1, 7):
        extra = b.respond(survey, {"wie": "ouder", "verhaal": f"Rekeningen {i}"})
        people[f"X{i}"] = extra
        b.tag(b.statement_of(extra, "verhaal"), codes["inkomen"], knelpunt)
    r13 = b.statement_of(people["R13"], "verhaal")
    b.tag(r13, codes["oud"])
    b.tag(r13, codes["inkomen"], status=TagStatus.SUGGESTED)
    attendees = b.focus_group(project, [(f"P{i}", "ouder", "nl") for i in range(1, 8)])
    attendees["P7"].consented_at = None
    for pseudonym, attendee in attendees.items():
        said = b.say(attendee, f"Ons huis is te klein ({pseudonym}).")
        b.tag(said, codes["wonen"])
    sport = b.say(attendees["P1"], "De club is te duur.")
    b.tag(sport, codes["vrije_tijd"], knelpunt, duur)
    return {
        "project": project,
        "people": people,
        "attendees": attendees,
        "r1": r1,
        "r13": r13,
        "sport": sport,
    }


def _ranking(results: Any) -> list[tuple[str, int | None]]:
    return [(row.key, row.count) for row in results.ranking]


def test_ranking_counts_distinct_participants(world: dict[str, Any]) -> None:
    results = domain_results(world["project"], "nl")
    # The six X-responses say inkomen in words only: 20 pickers + 6 = 26.
    assert _ranking(results)[:3] == [("inkomen", 26), ("wonen", 7), ("vrije_tijd", None)]
    assert all(count == 0 for _key, count in _ranking(results)[3:])
    assert (results.participants, results.responses, results.attendees) == (40, 34, 6)


def test_every_participant_counts_once_per_domain(world: dict[str, Any]) -> None:
    evidence = load_evidence(world["project"])
    r1 = ("r", world["people"]["R1"].id)
    assert r1 in evidence.domains["inkomen"]
    assert len(evidence.domains["inkomen"]) == 26
    # A suggested tag is not a finding; the merged code counts for the code it went into.
    r13 = ("r", world["people"]["R13"].id)
    assert r13 not in evidence.domains["inkomen"]
    assert r13 in evidence.domains["wonen"]


def test_group_split_hides_a_small_group_and_its_complement(world: dict[str, Any]) -> None:
    split = domain_results(world["project"], "nl").splits["group"]
    assert [(c.key, c.base) for c in split.columns] == [
        ("ouder", 32),  # 26 survey ouders + 6 consented attendees
        ("ervaringsdeskundige", None),  # 6, hidden so that "andere" (2) cannot be subtracted
        ("andere", None),
    ]
    rows = {row.key: cells for row, cells in split.rows}
    assert rows["inkomen"] == [18, None, None]  # 12 + 6 X; ervaringsdeskundige 6, andere 2 hidden
    assert rows["vrije_tijd"] == [None, None, None]  # the domain itself is hidden


def test_source_split_two_overlapping_filters(world: dict[str, Any]) -> None:
    """wonen: 7 people in the ranking (all participants), 1 of them in the survey. Showing the
    focus group's 6 would tell the survey's 1 by subtraction (7 - 6), so both are hidden."""
    results = domain_results(world["project"], "nl")
    split = results.splits["source"]
    assert [(c.key, c.base) for c in split.columns] == [("survey", 34), ("focus_group", 6)]
    rows = {row.key: cells for row, cells in split.rows}
    assert dict(_ranking(results))["wonen"] == 7
    assert rows["wonen"] == [None, None]
    assert rows["inkomen"] == [26, 0]
    # The mode split shares the focus-group column: it is hidden there too.
    modes = {row.key: cells for row, cells in results.splits["mode"].rows}
    assert [c.key for c in results.splits["mode"].columns] == ["self", "paper", "focus_group"]
    assert modes["wonen"][-1] is None


def test_kinds_and_barriers_follow_the_threshold(world: dict[str, Any]) -> None:
    results = domain_results(world["project"], "nl")
    kinds = {row.key: cells for row, cells in results.kinds.rows}
    columns = [key for key, _label in results.kinds.columns]
    assert kinds["inkomen"][columns.index("knelpunt")] == 7  # R1 and X1-X6
    assert kinds["inkomen"][columns.index("kracht")] is None  # R1 alone
    barriers = {row.key: cells for row, cells in results.barriers.rows}
    assert all(cell is None for cell in barriers["vrije_tijd"])
    assert results.kinds.tagged and results.barriers.tagged


def test_labels_come_from_codes_then_the_domain_question_then_the_key(
    app_ctx: Flask, world: dict[str, Any]
) -> None:
    project = world["project"]
    evidence = load_evidence(project)
    label = evidence.label
    assert str(label(CodeKind.DOMAIN, "inkomen", "nl")) == "Inkomen"  # the code's own
    assert str(label(CodeKind.DOMAIN, "inkomen", "ar")) == "المال"  # the question's, in ar
    assert str(label(CodeKind.DOMAIN, "werk", "nl")) == "Werk en opleiding"  # default codebook
    assert str(evidence.label(CodeKind.DOMAIN, "onbekend_domein", "nl")) == "onbekend_domein"


def test_quotes_of_small_groups_lose_their_label(app_ctx: Flask, world: dict[str, Any]) -> None:
    project = world["project"]
    theme = Theme(project_id=project.id, title={"nl": "Geld", "en": "Money"})
    a1 = b.statement_of(world["people"]["A1"], "verhaal")
    world["r1"].redacted_text = "Het geld is op, zegt [naam]."
    theme.links = [
        ThemeStatement(statement=a1, chosen_quote=True),
        ThemeStatement(statement=world["r1"], chosen_quote=True),
        ThemeStatement(statement=world["r13"], chosen_quote=False),
    ]
    db.session.add(theme)
    db.session.flush()
    evidence = load_evidence(project)
    results = domain_results(project, "en", evidence)
    (view,) = theme_views(project, evidence, results, "en")
    assert str(view.title) == "Money"
    assert view.people is None  # 3 people behind it: fewer than k
    assert sorted((q.text, q.group or "") for q in view.quotes) == [
        ("Het geld is op, zegt [naam].", "ouder"),
        ("Verhaal 1", ""),  # "andere" has 2 people: no label
    ]
