"""Issue 20, point 6: the format of part b of the third held-out set of long statements,
``long-heldout3-b.jsonl`` (ar, tr and eight more languages), written by a new writer.

The set was written and labelled before the suggester was run on it. This test checks the format
only; it never runs the suggester, so it scores nothing and tunes nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS

DATA = Path(__file__).parent / "data"
PART = DATA / "long-heldout3-b.jsonl"
MINIMUM_PER_LANGUAGE = {
    "ar": 25, "tr": 25,
    **{lang: 4 for lang in ("pl", "ro", "bg", "uk", "ru", "so", "ti", "fa_AF")},
}  # fmt: skip
MINIMUM_PER_DOMAIN = 6
MINIMUM_PER_MINOR_KIND = 8
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
}  # fmt: skip


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def others() -> list[dict[str, Any]]:
    return [row for path in sorted(DATA.glob("*.jsonl")) if path != PART for row in rows(path)]


def test_every_line_is_a_labelled_long_statement() -> None:
    for row in rows(PART):
        assert set(row) == {"id", "lang", "text", "domains", "barriers", "kind"}, row
        id_match = ID_PATTERN.fullmatch(row["id"])
        assert id_match and id_match.group(1) == row["lang"], row["id"]
        assert 40 <= len(row["text"].split()) <= 200, row["id"]
        assert 1 <= len(row["domains"]) <= 3, row["id"]
        assert set(row["domains"]) <= set(DOMAINS), row["id"]
        assert set(row["barriers"]) <= set(BARRIERS), row["id"]
        assert len(set(row["domains"])) == len(row["domains"]), row["id"]
        assert len(set(row["barriers"])) == len(row["barriers"]), row["id"]
        assert row["kind"] in KINDS, row["id"]


def test_every_statement_is_written_in_its_own_languages_script() -> None:
    for row in rows(PART):
        letters = [char for char in row["text"] if char.isalpha()]
        own = [char for char in letters if SCRIPT_OF_LANGUAGE[row["lang"]].match(char)]
        assert len(own) > 0.8 * len(letters), row["id"]


def test_ids_are_unique_here_and_in_the_other_labelled_files() -> None:
    ids = [row["id"] for row in rows(PART)]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {row["id"] for row in others()}


def test_enough_statements_per_language_domain_and_kind() -> None:
    statements = rows(PART)
    per_language = Counter(row["lang"] for row in statements)
    assert set(per_language) == set(MINIMUM_PER_LANGUAGE)
    for lang, minimum in MINIMUM_PER_LANGUAGE.items():
        assert per_language[lang] >= minimum, lang
    per_domain = Counter(code for row in statements for code in row["domains"])
    for domain in DOMAINS:
        assert per_domain[domain] >= MINIMUM_PER_DOMAIN, domain
    per_kind = Counter(row["kind"] for row in statements)
    assert set(per_kind) == set(KINDS)
    assert per_kind["knelpunt"] > len(statements) / 2
    for kind in set(KINDS) - {"knelpunt"}:
        assert per_kind[kind] >= MINIMUM_PER_MINOR_KIND, kind


def test_no_text_is_a_copy_of_another_labelled_statement() -> None:
    texts = [row["text"] for row in rows(PART)]
    assert len(texts) == len(set(texts))
    assert not set(texts) & {row["text"] for row in others()}
