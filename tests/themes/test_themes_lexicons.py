"""The 13 lexicon files: valid, complete, within the stem rules, and their expanded builds current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from participatie.tagging import build_lexicons
from participatie.tagging.codebook import ALL_CODES, DOMAINS, LANGUAGES
from participatie.tagging.matcher import parse_entry
from participatie.tagging.normalize import script_min_stem

LEXICON_DIR = build_lexicons.LEXICON_DIR
TOP_LEVEL = {
    "lang",
    "simplemma",
    "notes",
    "decompound",
    "decompound_skip",
    "negated_form",
    "phrase_gap",
    "own_paradigm",
    "form_keeps_skeleton",
    "fold_diacritics",
    "negation_after",
    "prefixes",
    "suffixes",
    "negations",
    "contrast",
    "codes",
}


def source(lang: str) -> dict[str, Any]:
    lexicon: dict[str, Any] = json.loads((LEXICON_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    return lexicon


def test_one_file_per_language_and_nothing_else() -> None:
    assert sorted(p.stem for p in LEXICON_DIR.glob("*.json")) == sorted(LANGUAGES)
    assert sorted(p.stem for p in build_lexicons.EXPANDED_DIR.glob("*.json")) == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_is_valid_and_covers_every_code(lang: str) -> None:
    data = source(lang)
    assert data["lang"] == lang
    assert set(data) <= TOP_LEVEL
    assert set(data["codes"]) == set(ALL_CODES)
    for code, spec in data["codes"].items():
        assert set(spec) <= {"terms", "not", "exact"}, code
        assert spec["terms"], f"{lang}/{code} has no terms"
        for key in ("terms", "not"):
            for raw in spec.get(key, []):
                entry = parse_entry(raw, code, lang)
                assert 0 < entry.weight <= 2, raw
                for pattern in entry.patterns:
                    stem = pattern.strip("=*")
                    if pattern.endswith("*") or pattern.startswith("*"):
                        assert len(stem) >= script_min_stem(stem), f"{lang}/{code}: stem {raw!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicons_are_rich_enough(lang: str) -> None:
    """At least 40 entries per domain in Dutch and 25 elsewhere (the brief's floor)."""
    floor = 40 if lang == "nl" else 25
    codes = source(lang)["codes"]
    thin = {
        code: len(codes[code]["terms"]) for code in DOMAINS if len(codes[code]["terms"]) < floor
    }
    assert not thin


@pytest.mark.parametrize("lang", LANGUAGES)
def test_expanded_build_is_current(lang: str) -> None:
    """Editing a lexicon without `python -m participatie.tagging.build_lexicons` fails here."""
    raw = (LEXICON_DIR / f"{lang}.json").read_bytes()
    built = json.loads((build_lexicons.EXPANDED_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    assert built["source_digest"] == build_lexicons.source_digest(raw)
    assert built["source"] == json.loads(raw)


def test_expanded_files_stay_small() -> None:
    total = sum(p.stat().st_size for p in Path(build_lexicons.EXPANDED_DIR).glob("*.json"))
    assert total < 4_000_000


def test_languages_without_simplemma_are_documented() -> None:
    for lang in ("so", "ti"):
        data = source(lang)
        assert data["simplemma"] is None
        assert "simplemma" in data["notes"]
    assert source("fa_AF")["simplemma"] == "fa"
