"""Small-number protection: which figures may be shown.

Every page, chart, export, the CLI and the public page take their numbers from the services in
this package, and those services decide what is hidden with the functions here, so a figure is
hidden the same way everywhere.

The rules (k is the project's `k_threshold`, 5 by default and never below 3):

1. **Threshold.** A figure counts at least k participants, or it is zero, or it is hidden,
   everywhere: the cells of a survey question's distribution too (issue 17 ended the old
   exception that showed every cell of a question answered by k people, such as a group of 4
   in "Wie ben je?"). A question with n < k is hidden entirely: n, declined, every cell and its
   statistics. A number question never shows a minimum or maximum (distribution.py).
2. **Groups too small to show.** In a split (by participant group, source, mode or language) a
   column whose base (the people in that group) is below k is hidden whole, zeros included: even
   "nobody in this small group said X" is not told.
3. **Complementary suppression.** Tables are published with totals: a row of a split adds up to
   the figure shown in the overall ranking, the column bases add up to the number of
   participants, and two figures about nested sets (all participants and survey participants:
   two overlapping filters) differ by the people in the one and not in the other. Each such
   relation is given to `protect` as a linear equation. `protect` then hides more cells until
     a. no hidden sensitive cell (one that rule 1 or 2 hid, or a private difference of two
        overlapping filters that counts 1 … k-1 people) can be computed from the shown figures
        and the equations: checked exactly, with rational Gaussian elimination on the hidden
        unknowns (a hidden cell is known exactly when its unit vector lies in the row space of
        the equations restricted to the hidden cells); and
     b. in every equation whose hidden cells are all parts (same sign), those cells together
        count 0 or at least k people, so "the hidden rest" is never a group smaller than k.
   As complement it takes the smallest non-zero cell of an equation that involves the exposed
   cell (a zero cell only as a last resort), and never a figure published elsewhere (`fixed`).

What is not protected, on purpose: the number of responses of a survey (the JSON contract
publishes it), and differences between figures whose sets are not defined by something known
about people (for example "raised a domain" versus "chose it in the domain question": the
difference is who raised it only in their own words, not a group anyone can name).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

Key = Hashable
Relation = Mapping[Key, int]

ONE_DECIMAL = Decimal("0.1")


def percent(count: int, n: int) -> Decimal | None:
    """100·count/n to one decimal, half away from zero (DESIGN.md §6); None when n is 0."""
    if n <= 0:
        return None
    return (Decimal(100 * count) / Decimal(n)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def shown(count: int, k: int) -> bool:
    """Rule 1 for a single figure: zero or at least k."""
    return count == 0 or count >= k


@dataclass(frozen=True)
class Protection:
    hidden: frozenset[Key]
    # Sensitive cells that could not be protected (only when every other figure is fixed).
    exposed: frozenset[Key] = frozenset()

    def __contains__(self, key: object) -> bool:
        return key in self.hidden


def protect(
    values: Mapping[Key, int],
    relations: Iterable[Relation],
    k: int,
    *,
    fixed: Iterable[Key] = (),
    private: Iterable[Key] = (),
    forced: Iterable[Key] = (),
) -> Protection:
    """The cells to hide so that rules 1-3 of the module docstring hold.

    values: every cell, published or not; relations: equations sum(coefficient·value) = 0;
    fixed: figures published elsewhere (never hidden, never sensitive); private: cells never
    published (differences of overlapping filters); forced: cells hidden whatever their value.
    """
    equations = [dict(r) for r in relations if r]
    fixed_set, private_set, forced_set = set(fixed), set(private), set(forced)
    hidden = set(private_set) | set(forced_set)
    hidden |= {key for key, v in values.items() if key not in fixed_set and 0 < v < k}
    hidden -= fixed_set - private_set
    sensitive = {
        key
        for key in hidden
        if 0 < values[key] < k or (key in forced_set and key not in private_set)
    }
    exposed_keys: set[Key] = set()
    order = {key: index for index, key in enumerate(values)}
    given_up: set[Key] = set()
    # Each round hides one more cell or gives one problem up, so this ends.
    while (
        problem := _first_problem(values, equations, hidden, sensitive, k, given_up)
    ) is not None:
        label, exposed, tiers = problem
        choice = None
        for tier in tiers:  # nearest candidates first
            viable = [c for c in tier if c not in hidden and c not in fixed_set]
            choice = _cheapest(viable, values, order)
            if choice is not None:
                break
        if choice is None:
            given_up.add(label)
            exposed_keys.add(exposed)
        else:
            hidden.add(choice)
    return Protection(hidden=frozenset(hidden - private_set), exposed=frozenset(exposed_keys))


def _cheapest(
    candidates: list[Key], values: Mapping[Key, int], order: dict[Key, int]
) -> Key | None:
    if not candidates:
        return None
    return min(candidates, key=lambda c: (values[c] == 0, values[c], order.get(c, 0)))


def _first_problem(
    values: Mapping[Key, int],
    relations: list[dict[Key, int]],
    hidden: set[Key],
    sensitive: set[Key],
    k: int,
    given_up: set[Key],
) -> tuple[Key, Key, list[list[Key]]] | None:
    """(label, exposed cell, candidate complements from nearest to farthest) of the first breach
    of rule 3, or None."""
    known = determined(relations, hidden)
    for key in sorted(known & sensitive, key=repr):
        if ("cell", key) not in given_up:
            near = [c for r in relations if r.get(key) for c in r]
            # The cell may follow through other hidden cells that are known themselves.
            through = [c for r in relations if any(r.get(x) for x in known) for c in r]
            anywhere = [c for r in relations if any(r.get(x) for x in hidden) for c in r]
            return ("cell", key), key, [near, through, anywhere]
    for index, relation in enumerate(relations):
        parts = [c for c in relation if c in hidden and relation[c]]
        signs = {relation[c] > 0 for c in parts}
        if len(signs) != 1 or ("relation", index) in given_up:
            continue
        pooled = sum(values[c] for c in parts)
        if 0 < pooled < k:
            same = [c for c in relation if (relation[c] > 0) in signs]
            other = [c for c in relation if (relation[c] > 0) not in signs]
            return ("relation", index), parts[0], [[c for c in same if values[c]], other, same]
    return None


def determined(relations: list[dict[Key, int]], hidden: set[Key]) -> set[Key]:
    """The hidden cells whose value follows from the shown cells and the relations."""
    unknowns = sorted({c for r in relations for c in r if c in hidden and r[c]}, key=repr)
    if not unknowns:
        return set()
    column = {key: index for index, key in enumerate(unknowns)}
    rows = []
    for relation in relations:
        row = [Fraction(0)] * len(unknowns)
        for key, coefficient in relation.items():
            if key in column:
                row[column[key]] = Fraction(coefficient)
        if any(row):
            rows.append(row)
    pivots = _reduce(rows, len(unknowns))
    return {
        unknowns[pivot]
        for pivot, row in pivots
        if sum(1 for value in row if value) == 1  # the row is the unit vector of its pivot
    }


def _reduce(rows: list[list[Fraction]], width: int) -> list[tuple[int, list[Fraction]]]:
    """Reduced row echelon form: (pivot column, row) pairs."""
    pivots: list[tuple[int, list[Fraction]]] = []
    remaining = rows
    for col in range(width):
        index = next((i for i, row in enumerate(remaining) if row[col]), None)
        if index is None:
            continue
        pivot_row = remaining.pop(index)
        lead = pivot_row[col]
        pivot_row = [value / lead for value in pivot_row]
        remaining = [_eliminate(row, pivot_row, col) for row in remaining]
        pivots = [(p, _eliminate(row, pivot_row, col)) for p, row in pivots]
        pivots.append((col, pivot_row))
    return pivots


def _eliminate(row: list[Fraction], pivot_row: list[Fraction], col: int) -> list[Fraction]:
    factor = row[col]
    if not factor:
        return row
    return [a - factor * b for a, b in zip(row, pivot_row, strict=True)]
