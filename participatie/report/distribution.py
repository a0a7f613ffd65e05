"""Small-number protection inside one question's distribution (suppression.py, rules 1-3).

- A cell (an option, a bin of a number question, "Ik wil dit niet zeggen", agree/disagree)
  counts 0 or at least k people, or it is hidden: no "group of 4" is ever shown, not even the
  small group in "Wie ben je?".
- The question's n is published, and the options of a select_one question add up to n, so one
  hidden option would follow by subtraction: `protect` hides a complement too. The same holds for
  the bins of a number question, and for "(eerder) akkoord" and "(eerder) niet akkoord", which
  add up the halves of a scale.
- A number question never shows its minimum or maximum (each is one person's answer); it shows
  its median (the question is shown only when n ≥ k) and a distribution in bins of equal width,
  each bin protected like an option.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from participatie.report.suppression import Key, percent, protect

MAX_BINS = 6
NICE_STEPS = (1, 2, 5)


@dataclass(frozen=True)
class Bin:
    """Answers from `low` (included) to `high` (not included)."""

    low: float
    high: float
    count: int | None
    percent: Decimal | None
    integer: bool = True

    @property
    def suppressed(self) -> bool:
        return self.count is None

    @property
    def label(self) -> str:
        """Digits only, so it reads the same in every language: 0–4 holds 0, 1, 2, 3 and 4."""
        if self.integer:
            last = int(self.high) - 1
            return str(int(self.low)) if last == int(self.low) else f"{int(self.low)}–{last}"
        return f"{_plain(self.low)}–{_plain(self.high)}"


def bin_width(low: float, high: float, integer: bool) -> float:
    """The smallest width of 1, 2 or 5 times a power of ten that covers low…high in at most
    MAX_BINS bins aligned on multiples of the width (whole numbers for whole-number questions)."""
    span = max(high - low, 0.0)
    exponent = math.floor(math.log10(span / MAX_BINS)) if span > 0 else 0
    if integer:
        exponent = max(exponent, 0)
    while True:
        for step in NICE_STEPS:
            width = step * 10.0**exponent
            start = math.floor(low / width) * width
            if high < start + width * MAX_BINS:
                return width
        exponent += 1


def number_bins(
    values: list[tuple[float, int]],
    k: int,
    *,
    integer: bool,
    lowest: float | None = None,
    highest: float | None = None,
) -> list[Bin]:
    """The distribution of (value, how many) pairs in bins. `lowest`/`highest` are the question's
    own bounds when it has them, so the bins do not depend on anyone's answer."""
    if not values:
        return []
    low = min(v for v, _ in values) if lowest is None else min(lowest, values[0][0])
    high = max(v for v, _ in values) if highest is None else max(highest, values[-1][0])
    width = bin_width(low, high, integer)
    start = math.floor(low / width) * width
    edges = []
    edge = start
    while edge <= high:
        edges.append(edge)
        edge += width
    counts = [0] * len(edges)
    for value, how_many in values:
        counts[min(int((value - start) // width), len(edges) - 1)] += how_many
    n = sum(counts)
    cells: dict[Key, int] = {("bin", i): c for i, c in enumerate(counts)}
    hidden = protect(
        {**cells, "n": n}, [{"n": -1, **{key: 1 for key in cells}}], k, fixed={"n"}
    ).hidden
    return [
        Bin(
            low=_plain(edges[i]),
            high=_plain(edges[i] + width),
            count=None if ("bin", i) in hidden else counts[i],
            percent=None if ("bin", i) in hidden else percent(counts[i], n),
            integer=integer,
        )
        for i in range(len(edges))
    ]


def protected_options(
    counts: list[int], n: int, k: int, *, single: bool, halves: int = 0
) -> tuple[set[int], bool, bool]:
    """(hidden option indexes, disagree hidden, agree hidden). `single`: each person chose one
    option, so the options add up to n. `halves`: the size of each half of an agreement scale
    (0: not a scale)."""
    cells: dict[Key, int] = {("o", i): c for i, c in enumerate(counts)}
    values: dict[Key, int] = {**cells, "n": n}
    relations: list[dict[Key, int]] = []
    if single:
        relations.append({"n": -1, **{key: 1 for key in cells}})
    if halves:
        low, high = range(halves), range(len(counts) - halves, len(counts))
        values["disagree"] = sum(counts[i] for i in low)
        values["agree"] = sum(counts[i] for i in high)
        relations.append({"disagree": -1, **{("o", i): 1 for i in low}})
        relations.append({"agree": -1, **{("o", i): 1 for i in high}})
    hidden = protect(values, relations, k, fixed={"n"}).hidden
    options = {i for i in range(len(counts)) if ("o", i) in hidden}
    return options, "disagree" in hidden, "agree" in hidden


def _plain(number: float) -> float:
    rounded = round(number, 10)
    return int(rounded) if float(rounded).is_integer() else rounded


def group_counts(
    answered: list[tuple[Any, int]], group_of: Callable[[Any], str | None]
) -> list[tuple[str, int, Decimal | None]]:
    """Answers counted per group a question type names (a date per month), in order, each with
    its percent; then protected like the options of a single choice (protected_options)."""
    counts: Counter[str] = Counter()
    for value, how_many in answered:
        group = group_of(value)
        if group is not None:
            counts[group] += how_many
    n = sum(counts.values())
    return [(group, counts[group], percent(counts[group], n)) for group in sorted(counts)]
