"""Cohen's kappa, Krippendorff's alpha and the disagreements, against hand-computed examples."""

from __future__ import annotations

import pytest

from participatie.tagging.agreement import (
    Disagreement,
    alpha_per_code,
    cohen_kappa,
    disagreements,
    kappa_per_code,
    krippendorff_alpha,
)

# Ten statements, one code (say `wonen`), two coders:
#   A: yes yes yes yes no  no no no no no
#   B: yes yes yes no  yes no no no no no
A = [True, True, True, True, False, False, False, False, False, False]
B = [True, True, True, False, True, False, False, False, False, False]


def test_cohen_kappa_by_hand() -> None:
    # Agree on items 1-3 (yes) and 6-10 (no): p_o = 8/10 = 0.8.
    # Each said yes 4 times in 10: p_e = 0.4*0.4 + 0.6*0.6 = 0.16 + 0.36 = 0.52.
    # kappa = (0.8 - 0.52) / (1 - 0.52) = 0.28 / 0.48 = 7/12.
    assert cohen_kappa(A, B) == pytest.approx(7 / 12)
    # Always opposite, half yes each: p_o = 0, p_e = 0.5, kappa = (0 - 0.5) / 0.5 = -1.
    assert cohen_kappa([True, False], [False, True]) == pytest.approx(-1.0)
    assert cohen_kappa(A, A) == pytest.approx(1.0)
    # Nobody ever gave the code: p_e = 1, kappa is undefined.
    assert cohen_kappa([False] * 4, [False] * 4) is None
    assert cohen_kappa([], []) is None
    with pytest.raises(ValueError):
        cohen_kappa([True], [])


def test_krippendorff_alpha_two_coders_by_hand() -> None:
    # Coincidences (ordered pairs, weight 1/(m-1) = 1): o_11 = 2*3 = 6, o_00 = 2*5 = 10,
    # o_10 = o_01 = 2 (items 4 and 5). n_1 = 8, n_0 = 12, n = 20.
    # alpha = 1 - (n - 1) * (o_10 + o_01) / (n_1*n_0 + n_0*n_1) = 1 - 19*4/192 = 29/48.
    assert krippendorff_alpha(zip(A, B, strict=True)) == pytest.approx(29 / 48)


def test_krippendorff_alpha_three_coders_with_missing_data_by_hand() -> None:
    units = [
        (True, True, None),  # m=2, weight 1: o_11 += 2
        (True, False, True),  # m=3, weight 1/2: o_10 += 1, o_01 += 1, o_11 += 1
        (False, False, False),  # o_00 += 6 * 1/2 = 3
        (None, None, True),  # one value: not pairable, left out
        (False, None, False),  # o_00 += 2
    ]
    # o_11 = 3, o_10 = o_01 = 1, o_00 = 5; n_1 = 4, n_0 = 6, n = 10.
    # alpha = 1 - 9 * 2 / (2 * 4 * 6) = 1 - 18/48 = 0.625.
    assert krippendorff_alpha(units) == pytest.approx(0.625)
    assert krippendorff_alpha([(False, False), (False, None)]) is None  # no variation at all
    assert krippendorff_alpha([(True, None)]) is None  # nothing pairable


def test_krippendorff_alpha_matches_the_published_nominal_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", 4 observers, 12 units,
    # missing data: nominal alpha = 0.743.
    coders = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    alpha = krippendorff_alpha(zip(*coders, strict=True))
    assert alpha is not None and round(alpha, 3) == 0.743


def test_per_code_figures_and_the_disagreements() -> None:
    queue = {1: {"wonen"}, 2: {"wonen", "inkomen"}, 3: set()}
    second = {1: {"wonen"}, 2: {"wonen"}, 3: {"inkomen"}, 4: {"werk"}}
    kappas = kappa_per_code(queue, second, ["wonen", "inkomen", "werk"])
    # Items 1-3 only (item 4 was coded by one coder). wonen: both [1,1,0]: kappa 1.
    # inkomen: queue [0,1,0], second [0,0,1]: p_o = 1/3, p_e = 1/3*1/3 + 2/3*2/3 = 5/9,
    # kappa = (1/3 - 5/9) / (4/9) = -1/2. werk: nobody on items 1-3: undefined.
    assert kappas == {"wonen": pytest.approx(1.0), "inkomen": pytest.approx(-0.5), "werk": None}
    alphas = alpha_per_code({"q": queue, "s": second}, ["wonen"])
    assert alphas["wonen"] == pytest.approx(1.0)
    found = disagreements({"q": queue, "s": second}, ["wonen", "inkomen", "werk"])
    assert found == [
        Disagreement(2, "inkomen", ("q",), ("s",)),
        Disagreement(3, "inkomen", ("s",), ("q",)),
    ]
