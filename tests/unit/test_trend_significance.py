"""A series the unit-root tests with a trend call stationary (where those with a constant only do not) is advised
trend `ct` only when its trend's t-test in the ADF regression is significant at 5% (Dolado, Jenkinson and
Sosvilla-Rivero's sequential procedure): slices of the bundled macro data that studies/trend_significance.py
found with a trend that is not there were advised one, which drifts every forecast of a VAR in levels."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.datasets import macrodata
from statsmodels.tsa.stattools import adfuller

from varlib import analyse_integration
from varlib.integration_advice import recommend
from varlib.integration_results import UnitRoot
from varlib.version_advice import advice_for_model

DATA = macrodata.load_pandas().data
CT = "trend `ct`"


def _slice(name: str, kind: str, rows: int, start: int) -> np.ndarray:
    x = DATA[name].to_numpy(float)
    values = x if kind == "level" else np.diff(np.log(x)) * 400
    return values[start : start + rows]


# three slices of the study, tested in levels (each has negative values or is a growth rate with them)
FLAT = (("infl", "level", 60, 40), ("cpi", "growth", 60, 40), ("realcons", "growth", 60, 90))


def _statsmodels_trend_p(x: np.ndarray) -> float:
    """The trend's p-value in statsmodels' own ADF regression (constant and trend, AIC's lags): its last column."""
    return float(
        adfuller(x, regression="ct", autolag="AIC", regresults=True, result_object=False)[-1].resols.pvalues[-1]
    )


@pytest.mark.parametrize("name, kind, rows, start", FLAT)
def test_study_slices_whose_trend_is_not_significant_are_not_advised_a_trend(name, kind, rows, start):
    x = _slice(name, kind, rows, start)
    result = analyse_integration(x.reshape(-1, 1), [name])
    (root,) = result.unit_roots
    assert (root.verdict, root.regression) == ("stationary", "ct")  # the pair with a trend stands, as before
    assert root.trend_pvalue == pytest.approx(_statsmodels_trend_p(x), rel=1e-10) and root.trend_pvalue >= 0.05
    assert not root.trending and not result.trend_advised and CT not in result.advice
    assert result.recommended_transform == "none" and result.advice.startswith("Every variable looks stationary around")
    assert result.advice.endswith(
        f"ADF and KPSS with a constant and a trend call {name} stationary, but the trend's t-test in the ADF"
        f" regression finds no trend at 5% ({name}: p {root.trend_pvalue:.3g}): it is stationary around a constant."
    )
    # a version fitted with the trend is told to drop it, one without it does what the advice says
    assert "refit with trend `c` (`--trend c`)" in advice_for_model(result, False, "none", trend="ct")
    assert advice_for_model(result, False, "none", trend="c").endswith("This version does so (transform `none`).")


def test_the_words_say_the_trend_is_not_significant_where_the_tests_are_shown():
    x = _slice("infl", "level", 60, 40)
    result = analyse_integration(x.reshape(-1, 1), ["infl"])
    words = f"stationary around a constant (trend p {result.unit_roots[0].trend_pvalue:.3g}, not significant)"
    assert result.unit_roots[0].verdict_text == words
    table = result.table()  # the p in a column of its own: a long verdict was cut in the page's table
    assert table.frame["verdict"].tolist() == ["stationary around a constant"]
    assert table.frame["trend p"].tolist() == [f"{result.unit_roots[0].trend_pvalue:.3g}"]
    assert table.frame["tested with"].tolist() == ["constant and trend"]
    assert "the t-test of the trend in the ADF regression is significant at 5% (trend p)" in table.caption


def test_a_significant_trend_beside_a_flat_one_is_still_advised_and_the_flat_one_named():
    """infl (trend p 0.068) beside realinv over the same rows (levels, with infl's negatives: p 0.0004)."""
    infl, inv = _slice("infl", "level", 60, 40), _slice("realinv", "level", 60, 40)
    result = analyse_integration(np.column_stack([infl, inv]), ["infl", "realinv"])
    flat, trending = result.unit_roots
    assert trending.trending and trending.trend_pvalue == pytest.approx(_statsmodels_trend_p(inv), rel=1e-10)
    assert trending.trend_pvalue < 0.05 and trending.verdict_text.startswith("stationary around a trend (trend p ")
    assert not flat.trending and result.trend_advised
    assert result.advice.startswith("Every variable looks stationary, realinv around a linear trend")
    assert "call infl stationary, but" in result.advice and f"(infl: p {flat.trend_pvalue:.3g})" in result.advice


def test_the_trend_p_value_is_written_out_and_a_series_without_a_test_has_none():
    x = _slice("cpi", "growth", 60, 40)
    root = analyse_integration(x.reshape(-1, 1), ["cpi"]).unit_roots[0]
    assert root.to_dict()["trend_pvalue"] == root.trend_pvalue is not None
    # a series with nothing random: NaN statistics, and no trend test
    nan = float("nan")
    fixed = UnitRoot("t", nan, nan, nan, nan, nan, "constant or a straight line", None)
    assert fixed.to_dict()["trend_pvalue"] is None and fixed.verdict_text == "constant or a straight line"


def test_integrated_and_constant_only_series_have_no_trend_test():
    rng = np.random.default_rng(3)
    walk, noise = np.cumsum(rng.normal(size=150)), rng.normal(size=150)
    result = analyse_integration(np.column_stack([walk, noise]), ["walk", "noise"])
    assert [(u.verdict, u.regression, u.trend_pvalue) for u in result.unit_roots] == [
        ("integrated", "ct", None),
        ("stationary", "c", None),
    ]
    assert [u.verdict_text for u in result.unit_roots] == ["integrated", "stationary"]


def test_the_advice_writes_a_trend_p_as_the_verdict_and_the_table_do():
    """A trend p of 0.99986 is `> 0.999` in the advice too, as p_text writes it beside: `p 1` claimed a certainty."""
    root = UnitRoot("flat", -4.0, 0.001, 0.05, 0.1, 0.001, "stationary", 0, "ct", 0.99986)
    _, advice = recommend((root,), False, None)
    assert root.verdict_text == "stationary around a constant (trend p > 0.999, not significant)"
    assert "(flat: p > 0.999)" in advice and "p 1)" not in advice
