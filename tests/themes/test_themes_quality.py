"""Quality floors of the suggester, measured with `evaluation` on labelled statements.

`data/themes-dev.jsonl` is a copy of the project's labelled dev file (../shared/data); the lexicons
were tuned on its odd ids. `data/heldout.jsonl` holds 64 statements written for this purpose before
any tuning on them. Floors: micro-F1 on domains of at least 0.80 overall and 0.70 on non-Dutch lines
(the targets), and 0.80 on the held-out set; raised to just under the figures measured after issue
20's third pass (dev 0.961, non-Dutch 0.981, halves 0.959 and 0.964, held-out 0.970).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from participatie.tagging.evaluation import evaluate
from participatie.tagging.suggester import suggest

DATA = Path(__file__).parent / "data"


def scored(name: str, keep: Any = lambda row: True) -> dict[str, Any]:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if keep(row)]
    preds = [suggest(row["text"], row["lang"]).__dict__ for row in rows]
    facets: dict[str, Any] = evaluate(rows, preds)["facets"]
    return facets


def micro_f1(facets: dict[str, Any], facet: str = "domains") -> float:
    return float(facets[facet]["overall"]["micro"]["f1"])


def test_dev_file_is_the_shared_one_when_available() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "data" / "themes-dev.jsonl"
    if shared.exists():
        assert shared.read_bytes() == (DATA / "themes-dev.jsonl").read_bytes()


def test_domains_overall_on_dev() -> None:
    assert micro_f1(scored("themes-dev.jsonl")) >= 0.95


def test_domains_non_dutch_on_dev() -> None:
    assert micro_f1(scored("themes-dev.jsonl", lambda row: row["lang"] != "nl")) >= 0.97


@pytest.mark.parametrize("parity", [0, 1])
def test_domains_on_each_half_of_dev(parity: int) -> None:
    """Odd ids were used for tuning, even ids were not: both halves must pass the floor."""
    facets = scored("themes-dev.jsonl", lambda row: int(row["id"][1:]) % 2 == parity)
    assert micro_f1(facets) >= 0.95


def test_held_out_statements() -> None:
    facets = scored("heldout.jsonl")
    assert micro_f1(facets) >= 0.96
    assert micro_f1(facets, "kind") >= 0.80
    assert micro_f1(facets, "barriers") >= 0.65


def test_barriers_and_kind_on_dev() -> None:
    facets = scored("themes-dev.jsonl")
    assert micro_f1(facets, "barriers") >= 0.75
    assert micro_f1(facets, "kind") >= 0.85
