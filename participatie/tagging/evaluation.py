"""Precision, recall and F1 of suggested codes against reference labels: pure functions.

Conventions (the usual ones, written down because they change the numbers):

* Every facet is scored as a multi-label problem over its codes: ``domains`` and ``barriers`` are
  sets, ``kind`` is a set of zero or one code. A statement with no reference and no suggested code
  for a facet adds nothing.
* Precision with nothing suggested, or recall with nothing to find, is 0.0 (no division by zero
  hides a code the suggester never proposes).
* Micro: from the summed true/false positives and false negatives of all codes. Macro: the mean of
  the per-code precision, recall and F1 over the codes that were either in the reference or
  suggested at least once in the scored rows (codes absent from both say nothing about quality).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from participatie.tagging.calibration import reliability
from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS

FACETS: dict[str, tuple[str, ...]] = {"domains": DOMAINS, "barriers": BARRIERS, "kind": KINDS}


def labels(row: Mapping[str, Any], facet: str) -> set[str]:
    """The set of codes of ``facet`` in a reference row or a suggestion dict."""
    value = row.get(facet)
    if facet == "kind":
        return {value} if value else set()
    return set(value or ())


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _counts(
    gold: Sequence[set[str]], pred: Sequence[set[str]], codes: Iterable[str]
) -> dict[str, dict[str, int]]:
    counts = {code: {"tp": 0, "fp": 0, "fn": 0} for code in codes}
    for g, p in zip(gold, pred, strict=True):
        for code in g | p:
            if code not in counts:
                counts[code] = {"tp": 0, "fp": 0, "fn": 0}
            if code in g and code in p:
                counts[code]["tp"] += 1
            elif code in p:
                counts[code]["fp"] += 1
            else:
                counts[code]["fn"] += 1
    return counts


def _summary(counts: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, float]]:
    """Micro and macro scores from per-code counts."""
    tp = sum(c["tp"] for c in counts.values())
    fp = sum(c["fp"] for c in counts.values())
    fn = sum(c["fn"] for c in counts.values())
    active = [
        prf(c["tp"], c["fp"], c["fn"]) for c in counts.values() if c["tp"] + c["fp"] + c["fn"]
    ]
    macro = {
        key: round(sum(s[key] for s in active) / len(active), 4) if active else 0.0
        for key in ("precision", "recall", "f1")
    }
    return {"micro": prf(tp, fp, fn), "macro": macro}


def score_facet(
    gold: Sequence[set[str]], pred: Sequence[set[str]], langs: Sequence[str], codes: Iterable[str]
) -> dict[str, Any]:
    """Per-code, per-language and overall scores of one facet."""
    codes = list(codes)
    counts = _counts(gold, pred, codes)
    per_code = {
        code: {**c, "support": c["tp"] + c["fn"], **prf(c["tp"], c["fp"], c["fn"])}
        for code, c in counts.items()
    }
    rows_by_lang: dict[str, list[int]] = defaultdict(list)
    for i, lang in enumerate(langs):
        rows_by_lang[lang].append(i)
    per_language = {}
    for lang, rows in sorted(rows_by_lang.items()):
        lang_counts = _counts([gold[i] for i in rows], [pred[i] for i in rows], codes)
        per_language[lang] = {"n": len(rows), **_summary(lang_counts)}
    return {"overall": _summary(counts), "per_code": per_code, "per_language": per_language}


def evaluate(
    gold_rows: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Score suggestions (dicts with domains/barriers/kind) against reference rows, per facet."""
    if len(gold_rows) != len(predictions):
        raise ValueError("one prediction per reference row is needed")
    langs = [str(row.get("lang", "")) for row in gold_rows]
    report: dict[str, Any] = {"n": len(gold_rows), "facets": {}}
    for facet, codes in FACETS.items():
        report["facets"][facet] = score_facet(
            [labels(r, facet) for r in gold_rows],
            [labels(p, facet) for p in predictions],
            langs,
            codes,
        )
    return report


def calibration_report(
    shown: Sequence[tuple[float, bool]],
    bins: int = 10,
    suggested: Sequence[bool] | None = None,
) -> dict[str, Any]:
    """Reliability of the domain scores: ``(score shown, was right)`` for every domain scored.

    ``suggested`` repeats the table for the domains that were suggested (those the review queue
    shows): ``suggested[i]`` says whether ``shown[i]`` was; without it, the scores reaching the
    model's threshold (on long statements the score shown is not the one the threshold is
    applied to, see ``calibration.shown_probability``, so callers pass it). ``all`` for every
    domain that got a score.
    """
    table, ece = reliability(shown, bins)
    if suggested is None:
        from participatie.tagging.calibration import model

        threshold = float(model()["threshold"])
        suggested = [p >= threshold for p, _ in shown]
    picked = [pair for pair, flag in zip(shown, suggested, strict=True) if flag]
    suggested_table, suggested_ece = reliability(picked, bins)
    return {
        "scored": len(shown),
        "bins": table,
        "ece": ece,
        "suggested": {"n": len(picked), "bins": suggested_table, "ece": suggested_ece},
    }


def format_reliability(calibration: Mapping[str, Any]) -> list[str]:
    """The reliability table as text lines: per band, shown vs observed and the count."""
    lines = [
        "",
        "== reliability of domain scores ==",
        f"{'shown':<12}{'mean shown':>11}{'observed':>10}{'n':>6}",
    ]
    for row in calibration["bins"]:
        if row["n"]:
            band = f"{row['low']:.0%}-{row['high']:.0%}"
            lines.append(f"{band:<12}{row['shown']:>11.3f}{row['observed']:>10.3f}{row['n']:>6}")
    lines.append(
        f"expected calibration error (ECE): {calibration['ece']:.3f} over {calibration['scored']}"
    )
    suggested = calibration["suggested"]
    lines.append(f"ECE of suggested domains only: {suggested['ece']:.3f} over {suggested['n']}")
    return lines


def format_table(report: Mapping[str, Any]) -> str:
    """A plain-text rendering of ``evaluate``'s report, one block per facet."""
    lines = [f"statements: {report['n']}"]
    for facet, result in report["facets"].items():
        lines += ["", f"== {facet} ==", f"{'code':<18}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}"]
        for code, row in result["per_code"].items():
            lines.append(
                f"{code:<18}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
                f"{row['support']:>6}"
            )
        lines.append(f"{'language':<18}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}   (micro; macro F1)")
        for lang, row in result["per_language"].items():
            micro = row["micro"]
            lines.append(
                f"{lang:<18}{micro['precision']:>7.3f}{micro['recall']:>7.3f}{micro['f1']:>7.3f}"
                f"{row['n']:>6}   macro F1 {row['macro']['f1']:.3f}"
            )
        for average in ("micro", "macro"):
            s = result["overall"][average]
            lines.append(
                f"{'overall ' + average:<18}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
            )
    if "calibration" in report:
        lines += format_reliability(report["calibration"])
    return "\n".join(lines)
