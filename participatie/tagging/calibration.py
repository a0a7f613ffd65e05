"""From lexicon evidence to a probability that a domain is right, and how well that probability holds.

Why a model on top of the lexicon scores: the raw score of a domain (the sum of its entries'
weights) means something else in a one-line answer than in a story of ten sentences, where every
topic gets a word in passing. A small logistic regression over a handful of evidence features
(how much, how many different words, in how many sentences, compared with the strongest domain,
how long the statement is) turns the evidence into a probability, fitted on the labelled
development statements (``tests/themes/data``: the shared dev file, the formal statements and the
three long dev files; never the held-out files). Its coefficients are a small table in
``calibration.json``; fitting it again is a build step
(``python -m participatie.tagging.fit_calibration``).

The suggester suggests the domains whose probability reaches ``model["threshold"]``. The score it
shows is ``shown_probability``: on long statements a second regression fitted only on
``fit_calibration.SHOWN_FILES``, labelled stories kept out of all lexicon tuning (the development
statements make the first one too sure of itself on stories it has not seen). ``reliability`` and ``expected_calibration_error`` measure whether the
probabilities mean what they say (of the suggestions shown as 70-80% sure, 70-80% right).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).resolve().parent / "calibration.json"
FEATURES = (
    "bias",
    "raw",
    "entries",
    "sentences",
    "relative_to_top",
    "is_top",
    "strongest_entry",
    "coverage",
    "long",
    "long_x_relative",
    "long_x_single",
)


@dataclass(frozen=True)
class Evidence:
    """What the lexicon found for one domain in one statement."""

    raw: float  # summed entry weights
    entries: int  # distinct lexicon entries
    sentences: int  # sentences with at least one of them
    strongest: float  # the heaviest entry's weight
    top_raw: float  # the raw score of the statement's strongest domain
    total_sentences: int


def features(e: Evidence) -> list[float]:
    """The model's inputs for one domain (order of ``FEATURES``)."""
    relative = e.raw / e.top_raw if e.top_raw > 0 else 0.0
    long = min(max(e.total_sentences - 1, 0), 7) / 7
    single = 1.0 if e.entries == 1 else 0.0
    return [
        1.0,
        min(e.raw, 4.0),
        min(e.entries, 4) / 2,
        min(e.sentences, 4) / 2,
        relative,
        1.0 if relative >= 1.0 else 0.0,
        min(e.strongest, 1.5),
        e.sentences / max(e.total_sentences, 1),
        long,
        long * relative,
        long * single,
    ]


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


@cache
def model() -> dict[str, Any]:
    """The fitted table: ``{"coefficients": [...], "threshold": t, "fallback": f, ...}``."""
    table: dict[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return table


def linear_score(e: Evidence, coefficients: Sequence[float]) -> float:
    """The logistic regression's probability, before the isotonic step."""
    return _sigmoid(sum(w * x for w, x in zip(coefficients, features(e), strict=True)))


def probability(e: Evidence, table: dict[str, Any] | None = None) -> float:
    """The probability that the domain with evidence ``e`` is one a coordinator would accept.

    The logistic regression ranks; the isotonic table (``"isotonic": [[score, probability],
    ...]``, increasing) maps its score to the share that was right in the development data, by
    linear interpolation between the table's points.
    """
    table = table or model()
    p = isotonic_map(linear_score(e, table["coefficients"]), table.get("isotonic") or [])
    # never "certain": a few dozen statements per band cannot show 0% or 100%
    return min(max(p, 0.01), 0.99)


def shown_probability(
    e: Evidence, table: dict[str, Any] | None = None, known: float | None = None
) -> float:
    """The certainty shown for a domain: of the domains shown this sure, this share is right.

    ``probability`` is fitted on the development statements the lexicons were tuned on, and on a
    long story never tuned on it is too sure of itself (shown 97%, right 87%; shown 3%, right 8%).
    For statements of ``table["shown"]["min_sentences"]`` sentences or more the certainty shown
    comes from a second logistic regression over the same features, fitted only on statements no
    lexicon was tuned on (``fit_calibration.SHOWN_FILES``). Which domains are suggested still follows
    ``probability`` and the threshold: a domain may be suggested and shown as 45% sure.
    Short answers keep ``probability`` (``known``, when the caller has it already): the
    calibration set holds long stories only.
    """
    table = table or model()
    shown = table.get("shown")
    if not shown or e.total_sentences < shown["min_sentences"]:
        return probability(e, table) if known is None else known
    p = _sigmoid(sum(w * x for w, x in zip(shown["coefficients"], features(e), strict=True)))
    return min(max(p, 0.01), 0.99)


def isotonic_map(p: float, points: Sequence[Sequence[float]]) -> float:
    """Interpolate ``p`` in an increasing table of ``(score, probability)`` points."""
    if not points:
        return p
    if p <= points[0][0]:
        return float(points[0][1])
    for (x0, y0), (x1, y1) in pairwise(points):
        if p <= x1:
            return float(y0 + (y1 - y0) * (p - x0) / (x1 - x0)) if x1 > x0 else float(y1)
    return float(points[-1][1])


def fit_isotonic(
    scores: Sequence[float], labels: Sequence[int], min_block: int = 12
) -> list[list[float]]:
    """Pool-adjacent-violators on (score, label), as ``[[mean score, share right], ...]``.

    Blocks hold at least ``min_block`` examples (merged into their neighbour otherwise), so a
    handful of statements never makes a step of its own.
    """
    blocks: list[list[float]] = []  # [sum score, sum label, count]
    for score, label in sorted(zip(scores, labels, strict=True)):
        blocks.append([score, float(label), 1.0])
        while len(blocks) > 1 and (blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]):
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    merged: list[list[float]] = []
    for block in blocks:
        if merged and (merged[-1][2] < min_block or block[2] < min_block):
            for i in range(3):
                merged[-1][i] += block[i]
        else:
            merged.append(block[:])
    return [[round(s / n, 4), round(y / n, 4)] for s, y, n in merged]


def fit_logistic(
    rows: Sequence[Sequence[float]], labels: Sequence[int], ridge: float = 1.0, steps: int = 25
) -> list[float]:
    """Logistic regression by Newton's method with an L2 penalty (bias not penalised).

    Pure Python on purpose: a few hundred rows and eleven features do not need numpy, and the
    package must not grow a dependency for a build step.
    """
    n = len(rows[0])
    w = [0.0] * n
    for _ in range(steps):
        grad = [ridge * w[j] if j else 0.0 for j in range(n)]
        hess = [[(ridge if i == j and i else 0.0) for j in range(n)] for i in range(n)]
        for x, y in zip(rows, labels, strict=True):
            p = _sigmoid(sum(a * b for a, b in zip(w, x, strict=True)))
            g, h = p - y, max(p * (1 - p), 1e-6)
            for i in range(n):
                grad[i] += g * x[i]
                hi = h * x[i]
                row = hess[i]
                for j in range(n):
                    row[j] += hi * x[j]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return [round(v, 5) for v in w]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve ``a x = b`` (Gaussian elimination with partial pivoting; ``a`` is small and SPD)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= factor * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def reliability(
    pairs: Iterable[tuple[float, bool]], bins: int = 10
) -> tuple[list[dict[str, Any]], float]:
    """Reliability table and expected calibration error of ``(shown probability, was right)`` pairs.

    Bins of equal width over [0, 1]; per bin the number of suggestions, the mean probability shown
    and the share that was right. ECE is the count-weighted mean gap between the two.
    """
    table = [
        {"low": i / bins, "high": (i + 1) / bins, "n": 0, "shown": 0.0, "observed": 0.0}
        for i in range(bins)
    ]
    total = 0
    for p, right in pairs:
        row = table[min(int(p * bins), bins - 1)]
        row["n"] += 1
        row["shown"] += p
        row["observed"] += 1.0 if right else 0.0
        total += 1
    ece = 0.0
    for row in table:
        if row["n"]:
            row["shown"] = round(row["shown"] / row["n"], 4)
            row["observed"] = round(row["observed"] / row["n"], 4)
            ece += row["n"] / total * abs(row["shown"] - row["observed"])
    return table, round(ece, 4)
