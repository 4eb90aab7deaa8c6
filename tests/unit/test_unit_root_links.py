"""The unit-root advice on long-run links: relations that are only a stationary variable's own level, or that the
integrated variables alone lack, show no link; a full rank the small-sample factor does not keep is said; and a
variable whose differences keep a unit root (perhaps I(2)) is named."""

from __future__ import annotations

import numpy as np

from studies.samples import danish
from varlib import analyse_integration, load_dataset


def test_a_stationary_variable_is_no_long_run_link_between_the_integrated_ones():
    """Johansen's rank counts a stationary variable's own level as a relation: two independent random walks
    beside white noise gave rank 1 and the advice "a VECM keeps that long-run link" between them."""
    rng = np.random.default_rng(3)
    walks = 100 + np.cumsum(rng.standard_normal((120, 2)), axis=0)
    levels = np.column_stack([walks, 10 + rng.standard_normal(120)])
    result = analyse_integration(levels, ["a", "b", "c"], k_ar=3)
    assert [u.verdict for u in result.unit_roots] == ["integrated", "integrated", "stationary"]
    assert result.johansen is not None and result.johansen.rank == 1
    assert "vecm" not in result.advice and "keeps that long-run link" not in result.advice
    assert "no more than the stationary variables it tested (c), each a relation by itself: no long-run link" in (
        result.advice
    )


def walks_beside_ar1(seed: int, phi: float) -> np.ndarray:
    """120 rows of two independent random walks beside an AR(1) of coefficient `phi` around 50 (0: white noise)."""
    rng = np.random.default_rng(seed)
    walks = 100 + np.cumsum(rng.standard_normal((120, 2)), axis=0)
    third = 50 + rng.standard_normal(120)
    for t in range(1, 120):
        third[t] += phi * (third[t - 1] - 50)
    return np.column_stack([walks, third])


def test_relations_the_integrated_variables_alone_do_not_have_are_no_long_run_link():
    """Two independent random walks beside a persistent AR(1) the unit-root tests leave unclear: Johansen's rank 1
    (perhaps its own level) was advised as "a VECM keeps that long-run link", as no variable was called stationary."""
    result = analyse_integration(walks_beside_ar1(72, 0.85), ["a", "b", "c"], k_ar=2)
    assert [u.verdict for u in result.unit_roots] == ["integrated", "integrated", "unclear"]
    assert result.johansen is not None and result.johansen.rank == 1 and result.vecm_rank == 1
    assert result.recommended_transform is None and "keeps that long-run link" not in result.advice
    assert "finds 1 cointegrating relation at 5% among all the variables, but none among a, b alone: it involves c" in (
        result.advice
    )
    assert "Compare a vector error-correction model (model kind `vecm` with cointegration rank 1" in result.advice
    # beside a variable called stationary, relations the integrated ones alone lack are that variable's own level
    result = analyse_integration(walks_beside_ar1(303, 0.0), ["a", "b", "c"], k_ar=2)
    assert [u.verdict for u in result.unit_roots] == ["integrated", "integrated", "stationary"]
    assert result.johansen is not None and result.johansen.rank == 2 and "vecm" not in result.advice
    assert result.vecm_rank is None
    assert "but none among a, b alone: the stationary level of c is a relation by itself, and no long-run link" in (
        result.advice
    )


def test_a_full_rank_the_small_sample_factor_does_not_keep_is_said():
    """realgdp and realcons 1990Q1-2009Q3 at VAR order 4: trace 16.21 and 6.87 give full rank 2, "which would make
    the levels stationary"; scaled by (T - Kp)/T = 0.893 the first is under its critical value (rank 0), unsaid."""
    dataset = load_dataset(variables=["realgdp", "realcons"], start="1990Q1", end="2009Q3")
    result = analyse_integration(dataset.frame.to_numpy(dtype=float), dataset.variables, k_ar=4)
    assert result.johansen is not None and result.johansen.rank == 2
    assert result.advice.endswith(
        "On 79 rows (75 after the VAR order 4) for 2 variables the test finds relations that are not there more often"
        " than 5% of the time: with Reinsel and Ahn's small-sample factor 0.893 it finds none, so the levels need not"
        " be stationary."
    )


def test_a_variable_whose_differences_keep_a_unit_root_is_not_advised_one_difference_flatly():
    """The Danish price level lpy: ADF p 0.257 on its first differences (order None), yet "difference them"."""
    dataset = danish()
    columns = ["lrm", "lry", "lpy", "ibo"]
    result = analyse_integration(dataset.frame[columns].to_numpy(dtype=float), columns)
    lpy = result.unit_roots[2]
    assert lpy.verdict == "integrated" and lpy.order is None and lpy.diff_adf_pvalue > 0.05
    said = f"The ADF test does not call the first differences of lpy (p {lpy.diff_adf_pvalue:.3g}) stationary either"
    assert said in result.advice and "(two unit roots, I(2))" in result.advice
    assert "lrm (p" not in result.advice and "ibo (p" not in result.advice  # their differences look stationary


def test_an_unclear_variable_whose_differences_keep_a_unit_root_is_said_too():
    """A price level whose level tests disagree was advised "compare none and logdiff" with no word that its
    differences keep a unit root, which integrated variables are told (ADF p 0.068 on its differences)."""
    rng = np.random.default_rng(15)
    price = 100 + np.cumsum(1 + np.cumsum(rng.normal(0, 0.3, 100)))
    result = analyse_integration(np.column_stack([price, 5 + rng.normal(size=100)]), ["price", "rate"])
    assert result.unit_roots[0].verdict == "unclear" and result.unit_roots[0].diff_adf_pvalue > 0.05
    assert result.advice.startswith(
        "The tests disagree for price (common on short samples): compare `none` and `logdiff` (or `diff` if the"
        " values are logs already, or rates) on the holdout."
    )  # positive values: log differences, and `diff` for logs or rates, as the advice to difference says
    assert "The ADF test does not call the first differences of price (p 0.0679) stationary either" in result.advice
