"""Build step: fit the domain model of ``calibration`` on the labelled development statements.

``python -m participatie.tagging.fit_calibration`` reads the development files in
``tests/themes/data`` (never the held-out ones), collects the evidence of every domain the lexicon
found in every statement, fits the logistic regression and the isotonic map that choose which
domains are suggested, chooses the fallback (the threshold is fixed: ``THRESHOLD``); then fits the
certainty shown on long statements on ``SHOWN_FILES`` only (``long-calibration.jsonl``, the
spent ``long-heldout.jsonl`` and the H2-check half of the second held-out set: stories no lexicon
was tuned on, see
``calibration.shown_probability``), and writes ``calibration.json``. Run it after editing a
lexicon (after ``build_lexicons``) and commit the result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from participatie.tagging import calibration, heldout2_split
from participatie.tagging.suggester import suggest

DATA = Path(__file__).resolve().parents[2] / "tests" / "themes" / "data"
TRAINING_FILES = (
    "themes-dev.jsonl",
    "formal.jsonl",
    "long-dev.jsonl",
    "long-dev2.jsonl",
    "long-dev3.jsonl",
)
FOLDS = 5
# Statements no lexicon was ever tuned on: they fit only the certainty shown on long statements
# (``calibration.shown_probability``). Never add them to TRAINING_FILES, never tune a word on them.
CALIBRATION_FILES = ("long-calibration.jsonl",)
# The certainty shown is fitted on every long story no word list was tuned on: the calibration set
# and the spent held-out half (scored as a whole only, never tuned on; issue 20, fifth pass).
# Measured by story folds over the two (``crossval.shown_cv``, 5 folds, seeds 0, 1, 2): ECE 0.042,
# 0.020, 0.033 when each fold is scored by a model fitted on the others (the held-out half's folds
# alone 0.075, 0.056, 0.058); the model of the calibration set alone scored 0.083 on the held-out half.
# Issue 20, sixth pass: and the half of the spent second held-out set that no word list was tuned on
# (``heldout2_split.CHECK``, never read item by item; its H2-tune half was read and tuned on).
SHOWN_FILES = (*CALIBRATION_FILES, "long-heldout.jsonl", heldout2_split.CHECK)
# The calibration set's stories have 3 to 7 sentences; shorter statements keep ``probability``.
SHOWN_MIN_SENTENCES = 3
# Ridge of the shown model. Measured on 20 random half-splits of long-calibration (fit on one half,
# ECE on the other): ridge 0.3 0.070, 1 0.069, 2 0.063, 5 0.074; an isotonic map 0.083; Platt
# scaling of the development model 0.074; adding the long dev files 0.072 (they make it surer).
SHOWN_RIDGE = 2.0


# (statement number, domain, ``calibration.features``, 1 if the domain is right)
Candidate = tuple[int, str, list[float], int]


def load_rows(names: tuple[str, ...] = TRAINING_FILES, data: Path = DATA) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        if name in (heldout2_split.TUNE, heldout2_split.CHECK):
            rows += [{**row, "source": name} for row in heldout2_split.load(name, data)]
            continue
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append({**json.loads(line), "source": name})
    return rows


def candidates(rows: list[dict[str, Any]]) -> list[Candidate]:
    """(row number, domain, features, is right) for every domain the lexicon found."""
    out = []
    for number, row in enumerate(rows):
        suggestion = suggest(row["text"], row["lang"])
        for code, evidence in suggestion.domain_evidence.items():
            out.append((number, code, calibration.features(evidence), int(code in row["domains"])))
    return out


def _micro_f1(rows: list[dict[str, Any]], chosen: dict[int, set[str]]) -> float:
    tp = fp = fn = 0
    for number, row in enumerate(rows):
        gold, pred = set(row["domains"]), chosen.get(number, set())
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit(rows: list[dict[str, Any]], found: list[Candidate] | None = None) -> dict[str, Any]:
    """The domain model fitted on ``rows`` (``found``: their ``candidates``, when computed)."""
    found = candidates(rows) if found is None else found
    coefficients = calibration.fit_logistic([f for _, _, f, _ in found], [y for *_, y in found])
    # The isotonic step maps out-of-fold scores (each statement scored by a model fitted without
    # it): scores of the statements a model was fitted on are too sure of themselves.
    linear = [0.0] * len(found)
    for fold in range(FOLDS):
        train = [c for c in found if c[0] % FOLDS != fold]
        fold_coefficients = calibration.fit_logistic(
            [f for _, _, f, _ in train], [y for *_, y in train]
        )
        for i, (n, _, f, _) in enumerate(found):
            if n % FOLDS == fold:
                linear[i] = calibration._sigmoid(
                    sum(w * x for w, x in zip(fold_coefficients, f, strict=True))
                )
    isotonic = calibration.fit_isotonic(linear, [y for *_, y in found])
    table: dict[str, Any] = {"coefficients": coefficients, "isotonic": isotonic}
    scored = [
        (n, code, calibration.isotonic_map(p, isotonic))
        for (n, code, _, _), p in zip(found, linear, strict=True)
    ]
    best = _choose_threshold(rows, scored)
    table.update(
        features=list(calibration.FEATURES),
        threshold=best[1],
        fallback=best[2],
        fitted_on=list(TRAINING_FILES),
        training_micro_f1=round(best[0], 4),
    )
    return table


def _mean_f1_per_file(rows: list[dict[str, Any]], chosen: dict[int, set[str]]) -> float:
    sources = sorted({str(row.get("source", "")) for row in rows})
    scores = []
    for source in sources:
        numbers = [n for n, row in enumerate(rows) if row.get("source", "") == source]
        subset = [rows[n] for n in numbers]
        scores.append(_micro_f1(subset, {i: chosen.get(n, set()) for i, n in enumerate(numbers)}))
    return sum(scores) / len(scores)


# A domain is suggested when it is more likely right than wrong. On the development sets F1 is
# flat between 0.40 and 0.55 (the F1-optimal threshold of calibrated scores is half the best F1,
# about 0.45: Lipton, Elkan and Naryanaswamy 2014); a searched optimum moved with every refit and
# every few statements, the plain rule does not, and a review queue is better served by precision.
THRESHOLD = 0.5


def _choose_threshold(
    rows: list[dict[str, Any]], scored: list[tuple[int, str, float]]
) -> tuple[float, float, float]:
    """(F1, threshold, fallback): ``THRESHOLD`` and the fallback with the best F1.

    The F1 is the mean of the files' micro-F1: every development set counts alike, so the many
    candidate domains of long stories do not pull the choice away from what short answers need.
    """
    per_row: dict[int, list[tuple[float, str]]] = {}
    for n, code, p in scored:
        per_row.setdefault(n, []).append((p, code))
    for items in per_row.values():
        items.sort(reverse=True)
    best = (-1.0, THRESHOLD, THRESHOLD)
    for fallback in [f / 100 for f in range(10, 51, 5)]:
        chosen: dict[int, set[str]] = {}
        for n, items in per_row.items():
            picked = [c for p, c in items if p >= THRESHOLD][:3]
            if not picked and items[0][0] >= fallback:
                picked = [items[0][1]]
            chosen[n] = set(picked)
        f1 = _mean_f1_per_file(rows, chosen)
        if f1 > best[0] + 1e-9:
            best = (f1, THRESHOLD, fallback)
    return best


def fit_shown(
    rows: list[dict[str, Any]], found: list[Candidate] | None = None, ridge: float = SHOWN_RIDGE
) -> dict[str, Any]:
    """The model of the certainty shown on long statements, fitted on ``rows`` (untuned ones)."""
    found = candidates_long(rows) if found is None else found
    coefficients = calibration.fit_logistic(
        [f for _, _, f, _ in found], [y for *_, y in found], ridge=ridge
    )
    return {
        "coefficients": coefficients,
        "min_sentences": SHOWN_MIN_SENTENCES,
        "fitted_on": sorted({str(row["source"]) for row in rows}),
        "statements": len(rows),
    }


def candidates_long(rows: list[dict[str, Any]]) -> list[Candidate]:
    """``candidates`` of the statements with at least ``SHOWN_MIN_SENTENCES`` sentences."""
    out = []
    for number, row in enumerate(rows):
        suggestion = suggest(row["text"], row["lang"])
        for code, evidence in suggestion.domain_evidence.items():
            if evidence.total_sentences >= SHOWN_MIN_SENTENCES:
                out.append(
                    (number, code, calibration.features(evidence), int(code in row["domains"]))
                )
    return out


def halves(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A deterministic split: statements alternate between the halves per language, file order."""
    seen: dict[str, int] = {}
    first: list[dict[str, Any]] = []
    second: list[dict[str, Any]] = []
    for row in rows:
        lang = str(row["lang"])
        (first if seen.get(lang, 0) % 2 == 0 else second).append(row)
        seen[lang] = seen.get(lang, 0) + 1
    return first, second


def main() -> None:
    table = fit(load_rows())
    table["shown"] = fit_shown(load_rows(SHOWN_FILES))
    calibration.MODEL_PATH.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in table.items() if k != "coefficients"}), file=sys.stderr)


if __name__ == "__main__":
    main()
