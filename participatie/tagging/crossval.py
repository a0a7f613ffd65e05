"""Cross-validation by story: how well the fitted domain model holds on statements it was not fitted on.

``python -m participatie.tagging.crossval [--folds 5] [--seed 0] [--shown-calibration-only]``

Why: the held-out files get spent (each score read is a little tuning), and a new one takes a
day to write. Cross-validation re-uses the labelled development statements honestly for what is
*fitted* (the model of ``calibration``, ``fit_calibration.fit``): every fold refits it on the other
folds with the real build step and scores the fold left out.

The protocol, exactly:

* Statements: ``DEV_FILES`` (the development files and ``long-heldout.jsonl``, spent as a held-out
  set and development data since issue 20's fifth pass). Never ``long-calibration.jsonl`` (it fits
  the certainty shown only) nor any ``long-heldout2-*`` file.
* Folds by story: a statement's story is its file plus its domains. Every language version of
  one story is in one file with the same domains (drempels and kind sometimes differ between
  versions), so all versions land in one fold; different stories with the same domains are kept
  together too, which only makes the estimate stricter (a fold's combination of domains is rarer
  in the rest). Stories are shuffled with ``--seed`` and dealt round-robin over the folds.
* Per fold: ``fit_calibration.fit`` on the other folds of the ``TRAINING_FILES`` (logistic
  regression, out-of-fold isotonic map, fallback; ``--fit-heldout`` adds the other folds of
  ``long-heldout.jsonl``: no better, so the build does not); the certainty shown on long
  statements is ``fit_calibration.fit_shown`` on ``long-calibration.jsonl`` plus the
  ``long-heldout.jsonl`` statements of the other folds, as the build fits it on both
  (``--shown-calibration-only``: on the calibration set alone, as before). The fold left out is then suggested as ``suggester`` does (threshold,
  fallback, at most three, raw >= ``MIN_DOMAIN_RAW``).
* Reported: domains micro-F1 (and P, R) overall, per file and per language; the ECE of the scores
  shown for every domain scored, as ``participatie themes evaluate`` counts them.

What it cannot measure: the word lists were written while reading all development files except
``long-heldout.jsonl``, so on those files the figure is the fitted model's, on a lexicon that knows
them. The ``long-heldout.jsonl`` rows are the closest to a new story here.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from participatie.tagging import calibration, fit_calibration
from participatie.tagging.calibration import Evidence
from participatie.tagging.suggester import MAX_DOMAINS, MIN_DOMAIN_RAW, suggest

HELDOUT = "long-heldout.jsonl"
DEV_FILES = (*fit_calibration.TRAINING_FILES, HELDOUT)
SHOWN_FILES = fit_calibration.SHOWN_FILES


@dataclass
class Scored:
    """One statement: its labels and the evidence the lexicon found, computed once."""

    row: dict[str, Any]
    evidence: dict[str, Evidence]


def story(row: dict[str, Any]) -> str:
    """The fold key: file and domains (see the module docstring)."""
    return f"{row['source']}|{','.join(sorted(row['domains']))}"


def fold_of(rows: list[dict[str, Any]], folds: int, seed: int) -> list[int]:
    stories = sorted({story(row) for row in rows})
    random.Random(seed).shuffle(stories)  # noqa: S311 - a reproducible split, not a secret
    number = {key: i % folds for i, key in enumerate(stories)}
    return [number[story(row)] for row in rows]


def candidates(scored: list[Scored], long_only: bool = False) -> list[fit_calibration.Candidate]:
    """``fit_calibration.candidates`` from evidence computed once (numbered as ``scored``)."""
    return [
        (n, code, calibration.features(e), int(code in s.row["domains"]))
        for n, s in enumerate(scored)
        for code, e in s.evidence.items()
        if not long_only or e.total_sentences >= fit_calibration.SHOWN_MIN_SENTENCES
    ]


def pick(
    probabilities: dict[str, float], evidence: dict[str, Evidence], table: dict[str, Any]
) -> set[str]:
    """The domains ``suggester`` would suggest with ``table`` (as ``suggester._pick_domains``)."""
    allowed = {c: p for c, p in probabilities.items() if evidence[c].raw >= MIN_DOMAIN_RAW}
    ranked = sorted(allowed, key=lambda c: -allowed[c])
    chosen = [c for c in ranked if allowed[c] >= table["threshold"]][:MAX_DOMAINS]
    if not chosen and ranked and allowed[ranked[0]] >= table["fallback"]:
        chosen = [ranked[0]]
    return set(chosen)


def run(
    folds: int = 5, seed: int = 0, shown_with_heldout: bool = True, fit_heldout: bool = False
) -> dict[str, Any]:
    rows = fit_calibration.load_rows(DEV_FILES)
    scored = [Scored(row, suggest(row["text"], row["lang"]).domain_evidence) for row in rows]
    calibration_rows = fit_calibration.load_rows(tuple(n for n in SHOWN_FILES if n != HELDOUT))
    calibration_scored = [
        Scored(row, suggest(row["text"], row["lang"]).domain_evidence) for row in calibration_rows
    ]
    fold = fold_of(rows, folds, seed)
    predicted: list[set[str]] = [set() for _ in rows]
    shown: list[tuple[int, float, bool]] = []
    for k in range(folds):
        train = [s for s, f in zip(scored, fold, strict=True) if f != k]
        fitted = [s for s in train if fit_heldout or s.row["source"] != HELDOUT]
        table = fit_calibration.fit([s.row for s in fitted], candidates(fitted))
        shown_from = calibration_scored + (
            [s for s in train if s.row["source"] == HELDOUT] if shown_with_heldout else []
        )
        table["shown"] = fit_calibration.fit_shown(
            [s.row for s in shown_from], candidates(shown_from, long_only=True)
        )
        for i, s in enumerate(scored):
            if fold[i] != k:
                continue
            probabilities = {c: calibration.probability(e, table) for c, e in s.evidence.items()}
            predicted[i] = pick(probabilities, s.evidence, table)
            for code, e in s.evidence.items():
                p = calibration.shown_probability(e, table, known=probabilities[code])
                shown.append((i, p, code in s.row["domains"]))
    return report(rows, predicted, shown)


def shown_cv(
    folds: int = 5, seed: int = 0, ridge: float = fit_calibration.SHOWN_RIDGE
) -> dict[str, Any]:
    """ECE of the certainty shown on long stories no word list was tuned on, by story folds.

    The pool is ``SHOWN_FILES`` (``long-calibration.jsonl`` and ``long-heldout.jsonl``); each fold
    is scored by the shown model fitted on the other folds of the pool (the domain model stays the
    shipped one: it is fitted on neither file). Reported together and per file of the pool.
    """
    rows = fit_calibration.load_rows(SHOWN_FILES)
    scored = [Scored(row, suggest(row["text"], row["lang"]).domain_evidence) for row in rows]
    fold = fold_of(rows, folds, seed)
    table = dict(calibration.model())
    pairs: list[tuple[int, float, bool]] = []
    for k in range(folds):
        train = [s for s, f in zip(scored, fold, strict=True) if f != k]
        table["shown"] = fit_calibration.fit_shown(
            [s.row for s in train], candidates(train, long_only=True), ridge
        )
        for i, s in enumerate(scored):
            if fold[i] == k:
                for code, e in s.evidence.items():
                    pairs.append(
                        (i, calibration.shown_probability(e, table), code in s.row["domains"])
                    )
    out: dict[str, Any] = {
        "ridge": ridge,
        "ece": calibration.reliability([(p, y) for _, p, y in pairs])[1],
    }
    for name in SHOWN_FILES:
        keep = [(p, y) for i, p, y in pairs if rows[i]["source"] == name]
        out[f"ece {name}"] = calibration.reliability(keep)[1]
    return out


def _f1(rows: list[dict[str, Any]], predicted: list[set[str]], keep: list[int]) -> dict[str, float]:
    tp = fp = fn = 0
    for i in keep:
        gold = set(rows[i]["domains"])
        tp += len(gold & predicted[i])
        fp += len(predicted[i] - gold)
        fn += len(gold - predicted[i])
    return {
        "n": len(keep),
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "f1": round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0,
    }


def report(
    rows: list[dict[str, Any]], predicted: list[set[str]], shown: list[tuple[int, float, bool]]
) -> dict[str, Any]:
    everything = list(range(len(rows)))
    long = [i for i in everything if str(rows[i]["source"]).startswith("long")]
    groups: dict[str, list[int]] = defaultdict(list)
    for i in everything:
        groups[f"file {rows[i]['source']}"].append(i)
        if i in long:
            groups[f"long, {rows[i]['lang']}"].append(i)
    long_set = set(long)
    heldout = {i for i in everything if rows[i]["source"] == HELDOUT}
    return {
        "all": _f1(rows, predicted, everything),
        "long": _f1(rows, predicted, long),
        "groups": {key: _f1(rows, predicted, keep) for key, keep in sorted(groups.items())},
        "ece_all": calibration.reliability([(p, y) for _, p, y in shown])[1],
        "ece_long": calibration.reliability([(p, y) for i, p, y in shown if i in long_set])[1],
        "ece_heldout": calibration.reliability([(p, y) for i, p, y in shown if i in heldout])[1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--shown-calibration-only",
        action="store_true",
        help="fit the certainty shown without the long-heldout folds (as before issue 20's fifth pass)",
    )
    parser.add_argument(
        "--fit-heldout",
        action="store_true",
        help="also fit the domain model on the long-heldout folds (measured: no better)",
    )
    args = parser.parse_args()
    result = run(args.folds, args.seed, not args.shown_calibration_only, args.fit_heldout)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
