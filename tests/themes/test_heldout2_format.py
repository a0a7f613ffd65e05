"""Issue 20, point 6: the format of the second held-out set of long statements, in two parts:
``long-heldout2-a.jsonl`` (nl, fr, en) and ``long-heldout2-b.jsonl`` (ar, tr and eight more).

The set was written and labelled before the suggester was run on it (``data/LONG.md``). This test
checks the format only; it never runs the suggester, so it scores nothing and tunes nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS

DATA = Path(__file__).parent / "data"
PARTS = (DATA / "long-heldout2-a.jsonl", DATA / "long-heldout2-b.jsonl")
MINIMUM_PER_LANGUAGE = {
    "nl": 70, "fr": 30, "en": 30, "ar": 30, "tr": 30,
    **{lang: 6 for lang in ("pl", "ro", "bg", "uk", "ru", "so", "ti", "fa_AF")},
}  # fmt: skip
MINIMUM_PER_DOMAIN = 12
ID_PATTERN = re.compile(r"H2([a-z]{2}(?:_[A-Z]{2})?)\d{3}")


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def heldout2() -> list[dict[str, Any]]:
    return [row for part in PARTS for row in rows(part)]


def others() -> list[dict[str, Any]]:
    return [row for path in sorted(DATA.glob("*.jsonl")) if path not in PARTS for row in rows(path)]


def test_every_line_is_a_labelled_long_statement() -> None:
    for row in heldout2():
        assert set(row) == {"id", "lang", "text", "domains", "barriers", "kind"}, row
        id_match = ID_PATTERN.fullmatch(row["id"])
        assert id_match and id_match.group(1) == row["lang"], row["id"]
        assert 40 <= len(row["text"].split()) <= 200, row["id"]
        assert row["domains"] and set(row["domains"]) <= set(DOMAINS), row["id"]
        assert set(row["barriers"]) <= set(BARRIERS), row["id"]
        assert len(set(row["domains"])) == len(row["domains"]), row["id"]
        assert len(set(row["barriers"])) == len(row["barriers"]), row["id"]
        assert row["kind"] in KINDS, row["id"]


def test_ids_are_unique_here_and_in_the_other_labelled_files() -> None:
    ids = [row["id"] for row in heldout2()]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {row["id"] for row in others()}


def test_enough_statements_per_language_and_per_domain() -> None:
    statements = heldout2()
    per_language = Counter(row["lang"] for row in statements)
    for lang, minimum in MINIMUM_PER_LANGUAGE.items():
        assert per_language[lang] >= minimum, lang
    per_domain = Counter(code for row in statements for code in row["domains"])
    for domain in DOMAINS:
        assert per_domain[domain] >= MINIMUM_PER_DOMAIN, domain
    assert set(row["kind"] for row in statements) == set(KINDS)


def test_no_text_is_a_copy_of_another_labelled_statement() -> None:
    texts = [row["text"] for row in heldout2()]
    assert len(texts) == len(set(texts))
    assert not set(texts) & {row["text"] for row in others()}
