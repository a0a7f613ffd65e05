"""Issue 20, point 6: the format of part a of the third held-out set of long statements,
``long-heldout3-a.jsonl`` (nl, fr, en), written by a writer the word lists never met.

The file was written and labelled before the suggester was run on it. This test checks the
format only; it never runs the suggester, so it scores nothing and tunes nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS

DATA = Path(__file__).parent / "data"
PART = DATA / "long-heldout3-a.jsonl"
MINIMUM_PER_LANGUAGE = {"nl": 80, "fr": 25, "en": 25}
MINIMUM_PER_DOMAIN = 10
MINIMUM_PER_MINORITY_KIND = 15
ID_PATTERN = re.compile(r"H3([a-z]{2}(?:_[A-Z]{2})?)\d{3}")


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def others() -> list[dict[str, Any]]:
    return [row for path in sorted(DATA.glob("*.jsonl")) if path != PART for row in rows(path)]


def test_every_line_is_a_labelled_long_statement() -> None:
    for row in rows(PART):
        assert set(row) == {"id", "lang", "text", "domains", "barriers", "kind"}, row
        id_match = ID_PATTERN.fullmatch(row["id"])
        assert id_match and id_match.group(1) == row["lang"], row["id"]
        assert row["lang"] in MINIMUM_PER_LANGUAGE, row["id"]
        assert 40 <= len(row["text"].split()) <= 200, row["id"]
        assert 1 <= len(row["domains"]) <= 3, row["id"]
        assert set(row["domains"]) <= set(DOMAINS), row["id"]
        assert set(row["barriers"]) <= set(BARRIERS), row["id"]
        assert len(set(row["domains"])) == len(row["domains"]), row["id"]
        assert len(set(row["barriers"])) == len(row["barriers"]), row["id"]
        assert row["kind"] in KINDS, row["id"]


def test_ids_are_unique_here_and_in_the_other_labelled_files() -> None:
    ids = [row["id"] for row in rows(PART)]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {row["id"] for row in others()}


def test_enough_statements_per_language_domain_and_kind() -> None:
    statements = rows(PART)
    per_language = Counter(row["lang"] for row in statements)
    for lang, minimum in MINIMUM_PER_LANGUAGE.items():
        assert per_language[lang] >= minimum, lang
    per_domain = Counter(code for row in statements for code in row["domains"])
    for domain in DOMAINS:
        assert per_domain[domain] >= MINIMUM_PER_DOMAIN, domain
    per_kind = Counter(row["kind"] for row in statements)
    assert set(per_kind) == set(KINDS)
    # Problems are what parents mostly bring; strengths and wishes must still be there to measure.
    assert per_kind["knelpunt"] * 2 > len(statements)
    for kind in set(KINDS) - {"knelpunt"}:
        assert per_kind[kind] >= MINIMUM_PER_MINORITY_KIND, kind


def test_no_text_is_a_copy_of_another_labelled_statement() -> None:
    texts = [row["text"] for row in rows(PART)]
    assert len(texts) == len(set(texts))
    assert not set(texts) & {row["text"] for row in others()}
