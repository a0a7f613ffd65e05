"""The Dutch concepts of lexicon entries (``lexicons/glosses/<lang>.json``), which the review
queue shows beside the words of a statement in another language."""

from __future__ import annotations

import pytest

from participatie.tagging import lexicons
from participatie.tagging.glosses import GLOSS_DIR, dutch_concept, gloss_key, glosses

LANGS = sorted(path.stem for path in GLOSS_DIR.glob("*.json"))


def test_there_are_glosses_for_the_largest_languages_after_dutch() -> None:
    assert {"tr", "ar"} <= set(LANGS)
    assert "nl" not in LANGS  # Dutch words are their own concept


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_that_can_be_evidence_has_a_gloss_and_no_gloss_is_stale(lang: str) -> None:
    entries = lexicons.load(lang).entries
    positive = {gloss_key(entry.text) for entry in entries if not entry.negative}
    known = {gloss_key(entry.text) for entry in entries}
    table = glosses(lang)
    assert sorted(positive - set(table)) == []
    assert sorted(set(table) - known) == []
    assert all(text.strip() and text == text.strip() for text in table.values())


def test_a_gloss_is_found_for_the_entry_as_matched() -> None:
    assert dutch_concept("tr", "taksit*") == "in schijven betalen"
    assert dutch_concept("tr", "=iyi") == "goed"  # a kind cue's exact form means the word
    assert dutch_concept("ar", "الايجار") == "de huur"
    assert dutch_concept("nl", "huur") is None
    assert dutch_concept("so", "guri*") == "huis"
    assert dutch_concept("en", "rent") is None  # no glosses file: the queue names the code
