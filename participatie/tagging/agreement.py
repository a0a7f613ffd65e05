"""Inter-coder agreement: Cohen's kappa, Krippendorff's alpha and the disagreements, as pure functions.

How a codebook becomes numbers: every code is its own binary question per statement ("does this
statement touch `wonen`?"), so a coder's work on one statement is the set of codes they gave it and
each code is scored separately, present or absent.

* Cohen's kappa compares two coders on the statements both coded:
  kappa = (p_o - p_e) / (1 - p_e), with p_o the share of statements where they agree and p_e the
  agreement expected by chance from each coder's own rate of "present".
* Krippendorff's alpha (nominal) allows two or more coders and missing data (a coder who did not
  code a statement): alpha = 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011,
  "Computing Krippendorff's Alpha-Reliability"). Statements coded by fewer than two coders drop out.

Both are undefined when chance agreement is already perfect (every coder said "absent" for every
statement, say): the functions return None then, and the page says why instead of showing 1 or 0.
Arithmetic is done in fractions so hand-computed examples match exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import permutations
from typing import Generic, TypeVar

Item = TypeVar("Item", bound=Hashable)
Coder = TypeVar("Coder", bound=Hashable)


def cohen_kappa(first: Sequence[bool], second: Sequence[bool]) -> float | None:
    """Cohen's kappa of two coders' present/absent decisions on the same items, in order."""
    if len(first) != len(second):
        raise ValueError("both coders need a decision for every item")
    n = len(first)
    if n == 0:
        return None
    observed = Fraction(sum(1 for a, b in zip(first, second, strict=True) if a == b), n)
    rate_first = Fraction(sum(1 for a in first if a), n)
    rate_second = Fraction(sum(1 for b in second if b), n)
    chance = rate_first * rate_second + (1 - rate_first) * (1 - rate_second)
    if chance == 1:
        return None
    return float((observed - chance) / (1 - chance))


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal values; each unit lists one value per coder, None = missing."""
    # o_ck: each ordered pair of values within a unit, weighted 1 / (m_u - 1).
    coincidences: defaultdict[tuple[Hashable, Hashable], Fraction] = defaultdict(Fraction)
    for unit in units:
        values = [value for value in unit if value is not None]
        pairable = len(values)
        if pairable < 2:
            continue
        for c, k in permutations(values, 2):
            coincidences[(c, k)] += Fraction(1, pairable - 1)
    totals: defaultdict[Hashable, Fraction] = defaultdict(Fraction)
    for (c, _k), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values(), Fraction(0))
    if n <= 1:
        return None
    observed_disagreement = sum((w for (c, k), w in coincidences.items() if c != k), Fraction(0))
    expected_disagreement = sum(
        (totals[c] * totals[k] for c in totals for k in totals if c != k), Fraction(0)
    )
    if expected_disagreement == 0:
        return None
    return float(1 - (n - 1) * observed_disagreement / expected_disagreement)


def kappa_per_code(
    first: Mapping[Item, set[str]], second: Mapping[Item, set[str]], codes: Iterable[str]
) -> dict[str, float | None]:
    """Cohen's kappa per code over the items both coders coded (a code: present or absent)."""
    items = [item for item in first if item in second]
    return {
        code: cohen_kappa([code in first[i] for i in items], [code in second[i] for i in items])
        for code in codes
    }


def alpha_per_code(
    codings: Mapping[Coder, Mapping[Item, set[str]]], codes: Iterable[str]
) -> dict[str, float | None]:
    """Krippendorff's alpha per code; a coder who did not code an item counts as missing there."""
    coders = list(codings)
    items = list(dict.fromkeys(item for coder in coders for item in codings[coder]))
    result: dict[str, float | None] = {}
    for code in codes:
        units = [
            [(code in codings[coder][item]) if item in codings[coder] else None for coder in coders]
            for item in items
        ]
        result[code] = krippendorff_alpha(units)
    return result


@dataclass(frozen=True)
class Disagreement(Generic[Item, Coder]):
    """Coders who coded `item` did not agree on `code`: some gave it, others did not."""

    item: Item
    code: str
    present: tuple[Coder, ...]
    absent: tuple[Coder, ...]


def disagreements(
    codings: Mapping[Coder, Mapping[Item, set[str]]], codes: Sequence[str]
) -> list[Disagreement[Item, Coder]]:
    """Every (item, code) on which the coders who coded the item disagree, in item and code order."""
    coders = list(codings)
    items = list(dict.fromkeys(item for coder in coders for item in codings[coder]))
    found: list[Disagreement[Item, Coder]] = []
    for item in items:
        who = [coder for coder in coders if item in codings[coder]]
        if len(who) < 2:
            continue
        for code in codes:
            present = tuple(c for c in who if code in codings[c][item])
            if present and len(present) < len(who):
                absent = tuple(c for c in who if code not in codings[c][item])
                found.append(Disagreement(item, code, present, absent))
    return found
