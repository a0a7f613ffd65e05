"""Issue 20, point 6: the format of the third held-out set of long statements, in two parts by
two writers: ``long-heldout3-a.jsonl`` (nl, fr, en) and ``long-heldout3-b.jsonl`` (ar, tr and
eight more languages).

The set was written and labelled before the suggester was run on it (``data/LONG.md``). This test
checks the format only; it never runs the suggester, so it scores nothing and tunes nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS

DATA = Path(__file__).parent / "data"
ID_PATTERN = re.compile(r"H3([a-z]{2}(?:_[A-Z]{2})?)\d{3}")
# Each language's own script, so that a statement filed under the wrong language (a Dari text
# marked ``ar``, a Tigrinya one transliterated into Latin) is caught; Dutch loanwords such as
# OCMW or leefloon stay in Latin letters, hence "most letters" rather than "all letters".
ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ETHIOPIC = re.compile(r"[\u1200-\u137F]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
SCRIPT_OF_LANGUAGE = {
    "ar": ARABIC, "fa_AF": ARABIC, "bg": CYRILLIC, "uk": CYRILLIC, "ru": CYRILLIC,
    "ti": ETHIOPIC, "tr": LATIN, "pl": LATIN, "ro": LATIN, "so": LATIN,
    "nl": LATIN, "fr": LATIN, "en": LATIN,
}  # fmt: skip


@dataclass(frozen=True)
class Part:
    path: Path
    minimum_per_language: dict[str, int]
    minimum_per_domain: int
    minimum_per_minor_kind: int  # kracht and droom; knelpunt is the majority


PARTS = [
    Part(DATA / "long-heldout3-a.jsonl", {"nl": 80, "fr": 25, "en": 25}, 10, 15),
    Part(
        DATA / "long-heldout3-b.jsonl",
        {
            "ar": 25,
            "tr": 25,
            **{lang: 4 for lang in ("pl", "ro", "bg", "uk", "ru", "so", "ti", "fa_AF")},
        },
        6,
        8,
    ),
]
each_part = pytest.mark.parametrize("part", PARTS, ids=lambda part: part.path.stem)


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def others(part: Part) -> list[dict[str, Any]]:
    return [row for path in sorted(DATA.glob("*.jsonl")) if path != part.path for row in rows(path)]


@each_part
def test_every_line_is_a_labelled_long_statement(part: Part) -> None:
    for row in rows(part.path):
        assert set(row) == {"id", "lang", "text", "domains", "barriers", "kind"}, row
        id_match = ID_PATTERN.fullmatch(row["id"])
        assert id_match and id_match.group(1) == row["lang"], row["id"]
        assert row["lang"] in part.minimum_per_language, row["id"]
        assert 40 <= len(row["text"].split()) <= 200, row["id"]
        assert 1 <= len(row["domains"]) <= 3, row["id"]
        assert set(row["domains"]) <= set(DOMAINS), row["id"]
        assert set(row["barriers"]) <= set(BARRIERS), row["id"]
        assert len(set(row["domains"])) == len(row["domains"]), row["id"]
        assert len(set(row["barriers"])) == len(row["barriers"]), row["id"]
        assert row["kind"] in KINDS, row["id"]


@each_part
def test_every_statement_is_written_in_its_own_languages_script(part: Part) -> None:
    for row in rows(part.path):
        letters = [char for char in row["text"] if char.isalpha()]
        own = [char for char in letters if SCRIPT_OF_LANGUAGE[row["lang"]].match(char)]
        assert len(own) > 0.8 * len(letters), row["id"]


@each_part
def test_ids_and_texts_are_unique_here_and_in_the_other_labelled_files(part: Part) -> None:
    statements, elsewhere = rows(part.path), others(part)
    for field in ("id", "text"):
        values = [row[field] for row in statements]
        assert len(values) == len(set(values)), field
        assert not set(values) & {row[field] for row in elsewhere}, field


@each_part
def test_enough_statements_per_language_domain_and_kind(part: Part) -> None:
    statements = rows(part.path)
    per_language = Counter(row["lang"] for row in statements)
    for lang, minimum in part.minimum_per_language.items():
        assert per_language[lang] >= minimum, lang
    per_domain = Counter(code for row in statements for code in row["domains"])
    for domain in DOMAINS:
        assert per_domain[domain] >= part.minimum_per_domain, domain
    per_kind = Counter(row["kind"] for row in statements)
    assert set(per_kind) == set(KINDS)
    # Problems are what parents mostly bring; strengths and wishes must still be there to measure.
    assert per_kind["knelpunt"] * 2 > len(statements)
    for kind in set(KINDS) - {"knelpunt"}:
        assert per_kind[kind] >= part.minimum_per_minor_kind, kind
