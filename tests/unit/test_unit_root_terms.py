"""The unit-root tests say when a trend is due: a series stationary around a constant is not advised trend `ct`
(testing with a trend alone did), one stationary only around its trend is; and when some variables look
integrated and others stationary, the advice does not difference them all (a transform differences every
variable) but leaves levels against differences to the holdout."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.tsa.stattools import adfuller, kpss

from varlib import analyse_integration


def _ar1(rng, rows: int, mean: float, phi: float = 0.5) -> np.ndarray:
    x = np.empty(rows)
    x[0] = mean
    for t in range(1, rows):
        x[t] = mean + phi * (x[t - 1] - mean) + rng.normal()
    return x


def test_series_stationary_around_a_constant_are_not_advised_a_trend():
    rng = np.random.default_rng(7)
    levels = np.column_stack([_ar1(rng, 80, 10.0), _ar1(rng, 80, 20.0)])
    result = analyse_integration(levels, ["a", "b"])
    assert [(u.verdict, u.regression) for u in result.unit_roots] == [("stationary", "c")] * 2
    assert result.advice.startswith("Every variable looks stationary around a constant: a VAR in levels (transform")
    assert not result.trend_advised
    logs = np.log(levels[:, 0])  # positive: tested in logs, and the row shows the constant-only pair
    assert result.unit_roots[0].adf_pvalue == pytest.approx(adfuller(logs, regression="c", autolag="AIC")[1])
    assert result.unit_roots[0].kpss_statistic == pytest.approx(kpss(logs, regression="c", nlags="auto")[0])


def test_series_stationary_only_around_a_trend_are_advised_trend_ct():
    rng = np.random.default_rng(2)
    t = np.arange(80.0)
    levels = np.column_stack([_ar1(rng, 80, 0.0) + 0.3 * t, _ar1(rng, 80, 0.0) - 0.1 * t])  # not positive: levels
    result = analyse_integration(levels, ["a", "b"])
    assert [(u.verdict, u.regression) for u in result.unit_roots] == [("stationary", "ct")] * 2
    assert result.trend_advised and "(transform `none`, trend `ct`) fits them" in result.advice
    b = levels[:, 1]
    assert result.unit_roots[1].adf_pvalue == pytest.approx(adfuller(b, regression="ct", autolag="AIC")[1])


def test_a_unit_root_beside_a_stationary_series_leaves_levels_or_differences_to_the_holdout():
    rng = np.random.default_rng(11)
    levels = np.column_stack([100 + np.cumsum(rng.normal(size=200)), _ar1(rng, 200, 50.0, 0.3)])
    result = analyse_integration(levels, ["walk", "noise"])
    assert [u.verdict for u in result.unit_roots] == ["integrated", "stationary"]
    assert result.recommended_transform is None
    assert result.advice == (
        "walk looks integrated (a unit root), while noise looks stationary: a transform differences every variable,"
        " which throws the level of noise away. Compare a VAR in levels (transform `none`; it stays consistent"
        " with a unit root among its variables) and `logdiff` (or `diff` if the values are logs already, or rates) on"
        " the holdout."
    )


def test_growth_rates_the_tests_with_a_trend_leave_unclear_are_stationary_when_those_with_a_constant_agree():
    """Quarterly growth rates (400 x log differences, 1985-2004): ADF with a trend does not reject for realcons
    (p 0.13) where ADF and KPSS with a constant both call it stationary; it was "unclear", advised `diff`."""
    from varlib import load_dataset

    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"], start="1985Q1", end="2004Q4")
    growth = 400 * np.diff(np.log(dataset.frame.to_numpy(dtype=float)), axis=0)
    result = analyse_integration(growth, dataset.variables)
    cons = result.unit_roots[1]
    assert adfuller(growth[:, 1], regression="ct", autolag="AIC")[1] > 0.05  # the test with a trend alone: unclear
    assert (cons.verdict, cons.regression) == ("stationary", "c") and cons.adf_pvalue < 0.05 <= cons.kpss_pvalue
    assert result.recommended_transform == "none" and result.advice.startswith("Every variable looks stationary")
