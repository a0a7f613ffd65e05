"""How much learning from coordinators helps: domain F1 after 0, 50, 100, 200 decisions.

A decision is what a coordinator does in the review queue with one suggested or missing code of
one statement: accept a code (the reference has it) or reject one (the suggester proposed it and
the reference does not have it). ``decisions`` replays that for labelled statements in file
order, ``curve`` learns weights from the first N decisions and scores the suggester with them on
other statements that the learner never saw.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from participatie.tagging.evaluation import evaluate
from participatie.tagging.learning import Example, learn_weights
from participatie.tagging.suggester import Weights, suggest


def decisions(rows: Iterable[Mapping[str, Any]]) -> list[Example]:
    """The accept/reject decisions a coordinator would make on these labelled statements."""
    out: list[Example] = []
    for row in rows:
        s = suggest(row["text"], row["lang"])
        gold = {
            *row["domains"],
            *row.get("barriers", ()),
            *([row["kind"]] if row.get("kind") else []),
        }
        proposed = {*s.domains, *s.barriers, *([s.kind] if s.kind else [])}
        out += [(row["text"], row["lang"], code, True) for code in sorted(gold)]
        out += [(row["text"], row["lang"], code, False) for code in sorted(proposed - gold)]
    return out


def domain_f1(rows: Sequence[Mapping[str, Any]], weights: Weights | None) -> float:
    preds = [suggest(r["text"], r["lang"], weights).__dict__ for r in rows]
    return float(evaluate(rows, preds)["facets"]["domains"]["overall"]["micro"]["f1"])


def curve(
    train: Sequence[Mapping[str, Any]],
    test: Sequence[Mapping[str, Any]],
    sizes: Sequence[int] = (0, 50, 100, 200),
) -> dict[int, float]:
    """Domain micro-F1 on ``test`` after learning from the first N decisions on ``train``."""
    replayed = decisions(train)
    return {n: round(domain_f1(test, learn_weights(replayed[:n]) if n else None), 4) for n in sizes}
