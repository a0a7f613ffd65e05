"""Small-number protection, against tables worked out by hand (suppression.py's rules)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from participatie.report.suppression import Key, determined, percent, protect


@pytest.mark.parametrize(
    ("count", "n", "expected"),
    [
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (1, 6, "16.7"),
        (6, 37, "16.2"),
        (13, 80, "16.3"),  # 16.25: half away from zero (banker's rounding would give 16.2)
        (1, 16, "6.3"),  # 6.25
        (1, 8, "12.5"),
        (27, 80, "33.8"),  # 33.75
        (0, 9, "0.0"),
        (9, 9, "100.0"),
    ],
)
def test_percent_is_one_decimal_half_away_from_zero(count: int, n: int, expected: str) -> None:
    assert percent(count, n) == Decimal(expected)


def test_percent_of_nobody_is_none() -> None:
    assert percent(0, 0) is None


# A split row: ouder, ervaringsdeskundige, andere add up to the ranking's figure T (published).
ROW: list[dict[Key, int]] = [{"o": 1, "e": 1, "a": 1, "T": -1}]


@pytest.mark.parametrize("k", [3, 5])
def test_a_cell_of_k_minus_one_is_hidden_and_a_cell_of_k_is_shown(k: int) -> None:
    small = protect({"o": 30, "e": k - 1, "a": k, "T": 30 + 2 * k - 1}, ROW, k, fixed={"T"})
    assert "e" in small.hidden
    assert "a" not in small.hidden or "e" in small.hidden  # "a" may be the complement
    exact = protect({"o": 30, "e": k, "a": k, "T": 30 + 2 * k}, ROW, k, fixed={"T"})
    assert exact.hidden == frozenset()


def test_zero_is_shown_and_one_hidden_cell_gets_a_complement() -> None:
    # 20 + 2 + 0 = 22: with only "e" hidden, 22 - 20 - 0 gives it back.
    result = protect({"o": 20, "e": 2, "a": 0, "T": 22}, ROW, 5, fixed={"T"})
    assert result.hidden == {"e", "o"}
    assert not result.exposed


def test_hidden_cells_together_count_at_least_k() -> None:
    # "e" and "a" hidden would leave "2 + 1 = 3 people in those two groups": a group below k.
    result = protect({"o": 20, "e": 2, "a": 1, "T": 23}, ROW, 5, fixed={"T"})
    assert result.hidden == {"o", "e", "a"}


def test_two_overlapping_filters_cannot_be_subtracted() -> None:
    """All participants (12, shown in the ranking) and survey participants: the difference is
    the focus group (2 people). Hiding only the focus-group cell would let 12 - 10 tell it."""
    values: dict[Key, int] = {"survey": 10, "focus_group": 2, "all": 12}
    result = protect(values, [{"survey": 1, "focus_group": 1, "all": -1}], 5, fixed={"all"})
    assert result.hidden == {"survey", "focus_group"}


def test_a_complement_is_not_itself_left_alone_in_another_line() -> None:
    """Two rows, two columns with published column totals. Hiding a (2) and its row complement
    b (8) is not enough: column 1 would give a back from its total. The check is exact: it
    keeps hiding until no hidden small cell follows from the published figures."""
    values: dict[Key, int] = {
        "a": 2,
        "b": 8,
        "c": 9,
        "d": 7,
        "r1": 10,
        "r2": 16,
        "c1": 11,
        "c2": 15,
    }
    relations: list[dict[Key, int]] = [
        {"a": 1, "b": 1, "r1": -1},
        {"c": 1, "d": 1, "r2": -1},
        {"a": 1, "c": 1, "c1": -1},
        {"b": 1, "d": 1, "c2": -1},
    ]
    fixed = {"r1", "r2", "c1", "c2"}
    result = protect(values, relations, 5, fixed=fixed)
    assert result.hidden == {"a", "b", "c", "d"}
    assert not determined(relations, set(result.hidden)) & {"a"}


def test_forced_cells_of_a_small_group_are_protected_even_when_zero() -> None:
    # A group of 3 people (below k): its zero must not be recomputable either.
    result = protect(
        {"o": 20, "e": 0, "T": 20}, [{"o": 1, "e": 1, "T": -1}], 5, fixed={"T"}, forced={"e"}
    )
    assert result.hidden == {"o", "e"}


def test_private_difference_needs_protection_without_being_published() -> None:
    # survey = picker + x, where x (2 people) is never published and the picker count is.
    values: dict[Key, int] = {"survey": 12, "picker": 10, "x": 2}
    result = protect(
        values, [{"survey": 1, "picker": -1, "x": -1}], 5, fixed={"picker"}, private={"x"}
    )
    assert result.hidden == {"survey"}


def test_what_cannot_be_protected_is_reported() -> None:
    values: dict[Key, int] = {"a": 2, "b": 10, "T": 12}
    result = protect(values, [{"a": 1, "b": 1, "T": -1}], 5, fixed={"b", "T"})
    assert result.exposed == {"a"}


def test_determined_sees_through_combinations_of_lines() -> None:
    relations: list[dict[Key, int]] = [{"x": 1, "y": 1}, {"y": 1, "z": 1}, {"x": 1, "z": 1}]
    assert determined(relations, {"x", "y", "z"}) == {"x", "y", "z"}
    assert determined(relations[:2], {"x", "y", "z"}) == set()
