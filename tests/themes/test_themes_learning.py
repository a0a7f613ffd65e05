"""Learning per-project weights: it must not hurt on held-out statements and must repair a bad lexicon.

The dev file is split by id: weights are learned from the odd half's reference labels (accepted: the
reference codes; rejected: codes the suggester proposed that the reference does not have) and
measured on the even half, which the learner never sees.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from participatie.tagging import lexicons
from participatie.tagging.evaluation import evaluate
from participatie.tagging.learning import (
    learn_weights,
    weights_from_json,
    weights_to_json,
)
from participatie.tagging.matcher import CompiledLexicon
from participatie.tagging.suggester import Weights, suggest, suggest_with

DEV = Path(__file__).parent / "data" / "themes-dev.jsonl"
LexiconFor = Callable[[str], CompiledLexicon]


def dev_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]


def halves() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = dev_rows()
    train = [r for r in rows if int(r["id"][1:]) % 2 == 1]
    test = [r for r in rows if int(r["id"][1:]) % 2 == 0]
    return train, test


def examples(
    rows: list[dict[str, Any]], lexicon_for: LexiconFor
) -> list[tuple[str, str, str, bool]]:
    out = []
    for row in rows:
        s = suggest_with(lexicon_for(row["lang"]), row["text"])
        gold = {*row["domains"], *row["barriers"], *([row["kind"]] if row["kind"] else [])}
        proposed = {*s.domains, *s.barriers, *([s.kind] if s.kind else [])}
        out += [(row["text"], row["lang"], code, True) for code in sorted(gold)]
        out += [(row["text"], row["lang"], code, False) for code in sorted(proposed - gold)]
    return out


def micro_f1(
    rows: list[dict[str, Any]], lexicon_for: LexiconFor, weights: Weights | None
) -> dict[str, float]:
    preds = [suggest_with(lexicon_for(r["lang"]), r["text"], weights).__dict__ for r in rows]
    facets = evaluate(rows, preds)["facets"]
    return {facet: facets[facet]["overall"]["micro"]["f1"] for facet in facets}


@cache
def weakened_dutch() -> CompiledLexicon:
    """The Dutch lexicon with misleading entries: everyday words mapped to the wrong domains."""
    built = json.loads((lexicons.EXPANDED_DIR / "nl.json").read_text(encoding="utf-8"))
    source = copy.deepcopy(built["source"])
    for code, word in [
        ("werk", "=ik"),
        ("gezondheid", "=mijn"),
        ("vrije_tijd", "=de"),
        ("inkomen", "=het"),
        ("participatie", "=we"),
        ("onderwijs", "=is"),
    ]:
        source["codes"][code]["terms"].append(word)
    return CompiledLexicon.from_source(source, built["forms"])


def weakened(lang: str) -> CompiledLexicon:
    return weakened_dutch() if lang == "nl" else lexicons.load(lang)


def test_learning_does_not_hurt_the_real_lexicon_on_held_out_statements() -> None:
    train, test = halves()
    weights = learn_weights(examples(train, lexicons.load))
    before = micro_f1(test, lexicons.load, None)
    after = micro_f1(test, lexicons.load, weights)
    for facet in before:
        assert after[facet] >= before[facet] - 1e-9, (facet, before, after)


def test_learning_repairs_a_weakened_lexicon_on_held_out_statements() -> None:
    train, test = halves()
    before = micro_f1(test, weakened, None)
    weights = learn_weights(examples(train, weakened), lexicon_for=weakened)
    after = micro_f1(test, weakened, weights)
    real = micro_f1(test, lexicons.load, None)["domains"]
    # it is broken (the calibrated domain model already discounts part of the damage) ...
    assert before["domains"] < real - 0.15
    # ... and learning repairs most of what is left
    assert after["domains"] - before["domains"] >= 0.6 * (real - before["domains"]), (before, after)
    for word in ("=ik", "=mijn", "=de"):
        assert any(term == word and delta < 0 for (_, term), delta in weights.items()), word


def test_a_local_name_accepted_three_times_becomes_a_term() -> None:
    examples_ = [
        ("Het Sociaalpunt hielp me met mijn papieren.", "nl", "hulpverlening", True),
        ("Ik ging naar het Sociaalpunt voor een attest.", "nl", "hulpverlening", True),
        ("Het Sociaalpunt belde me terug.", "nl", "hulpverlening", True),
        ("Mijn zoon speelt graag voetbal.", "nl", "vrije_tijd", True),
        ("De huur van mijn woning stijgt.", "nl", "wonen", True),
        ("Het zwembad in de buurt is dicht.", "nl", "vrije_tijd", True),
    ]
    weights = learn_weights(examples_)
    assert weights.get(("hulpverlening", "sociaalpunt"), 0) > 0.5
    assert not any(term in {"mijn", "het", "de"} for _, term in weights)
    suggestion = suggest("Bij het Sociaalpunt is het druk.", "nl", weights)
    assert suggestion.domains == ["hulpverlening"]
    assert suggestion.evidence["hulpverlening"] == ["sociaalpunt"]


def test_rejections_mute_a_term_for_that_project_only() -> None:
    # in this project "bibliotheek" is the school's study room, never leisure
    examples_ = [
        (f"De bibliotheek van de school {end}", "nl", "vrije_tijd", False)
        for end in ("is klein.", "sluit vroeg.", "heeft geen computers.", "is altijd vol.")
    ]
    weights = learn_weights(examples_)
    assert weights[("vrije_tijd", "bibliotheek")] < 0
    assert "vrije_tijd" not in suggest("In de bibliotheek lees ik.", "nl", weights).domains
    assert "vrije_tijd" in suggest("In de bibliotheek lees ik.", "nl").domains


def test_unknown_languages_codes_and_empty_texts_are_skipped() -> None:
    assert (
        learn_weights(
            [
                ("Hallo", "de", "werk", True),
                ("", "nl", "werk", True),
                ("Werk", "nl", "not-a-code", True),
            ]
        )
        == {}
    )


def test_weights_round_trip_through_json() -> None:
    weights = {("wonen", "huur"): -0.5, ("hulpverlening", "sociaalpunt"): 0.8}
    data = weights_to_json(weights)
    assert json.loads(json.dumps(data)) == data
    assert weights_from_json(data) == weights
