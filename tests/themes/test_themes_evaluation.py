"""Evaluation metrics against a small example computed by hand."""

from __future__ import annotations

from typing import Any

import pytest

from participatie.tagging.evaluation import evaluate, format_table, prf

GOLD: list[dict[str, Any]] = [
    {"lang": "nl", "domains": ["wonen", "inkomen"], "barriers": [], "kind": "knelpunt"},
    {"lang": "nl", "domains": ["werk"], "barriers": ["bereikbaarheid"], "kind": "kracht"},
    {"lang": "fr", "domains": ["gezin"], "barriers": [], "kind": None},
]
PRED: list[dict[str, Any]] = [
    {"domains": ["wonen"], "barriers": [], "kind": "knelpunt"},
    {"domains": ["werk", "gezin"], "barriers": ["bereikbaarheid"], "kind": "knelpunt"},
    {"domains": [], "barriers": ["betaalbaarheid"], "kind": None},
]


def test_prf_handles_empty_counts() -> None:
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(1, 1, 0) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}


def test_domains_by_hand() -> None:
    # wonen tp; inkomen fn; werk tp; gezin fp (row 2) and fn (row 3): tp 2, fp 1, fn 2
    domains = evaluate(GOLD, PRED)["facets"]["domains"]
    assert domains["overall"]["micro"] == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714}
    # macro over the four codes seen: F1 1, 0, 1, 0
    assert domains["overall"]["macro"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    gezin = domains["per_code"]["gezin"]
    assert (gezin["tp"], gezin["fp"], gezin["fn"], gezin["support"]) == (0, 1, 1, 1)
    assert domains["per_code"]["mobiliteit"]["support"] == 0
    # nl rows: wonen tp, inkomen fn, werk tp, gezin fp -> P 2/3, R 2/3
    assert domains["per_language"]["nl"]["micro"]["f1"] == 0.6667
    assert domains["per_language"]["nl"]["n"] == 2
    assert domains["per_language"]["fr"]["micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_barriers_and_kind_by_hand() -> None:
    facets = evaluate(GOLD, PRED)["facets"]
    barriers = facets["barriers"]["overall"]["micro"]
    assert barriers == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    kind = facets["kind"]
    # knelpunt: tp 1, fp 1; kracht: fn 1; the row without a kind adds nothing
    assert kind["per_code"]["knelpunt"]["precision"] == 0.5
    assert kind["per_code"]["kracht"]["recall"] == 0.0
    assert kind["overall"]["micro"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert kind["overall"]["macro"]["f1"] == pytest.approx((0.6667 + 0.0) / 2, abs=1e-4)


def test_table_lists_codes_languages_and_averages() -> None:
    table = format_table(evaluate(GOLD, PRED))
    for needle in (
        "== domains ==",
        "== barriers ==",
        "== kind ==",
        "gezin",
        "overall micro",
        "overall macro",
        "fr ",
    ):
        assert needle in table


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        evaluate(GOLD, PRED[:2])
