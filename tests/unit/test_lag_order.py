"""The default lag search on small real quarterly samples: the documented maximum, orders that stay small,
warnings at the edge of the search and on thin degrees of freedom, and orders refused with the way out."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.api import VAR

from studies.samples import as_quarterly, danish, lutkepohl_e1, macro_84
from varlib import (
    MIN_RESIDUAL_DF,
    InvalidInputError,
    ModelSpec,
    default_max_lags,
    forecast_artifact,
    train_model,
)
from varlib.artifact import build_artifact
from varlib.degrees_of_freedom import residual_df
from varlib.diagnostics import diagnose


@pytest.mark.parametrize("trend", ["n", "c", "ct"])
def test_default_maximum_keeps_the_documented_rule_for_every_sample(trend):
    d = len(trend.replace("n", ""))
    for n in range(20, 401):
        for k in range(2, 7):
            top = default_max_lags(n, k, trend)
            assert 1 <= top <= math.floor(12 * (n / 100) ** 0.25)
            if top > 1:  # a single lag is the floor even when the sample is too short for it
                assert k * top + d <= (n - top) / 2 and residual_df(n, k, top, trend) >= MIN_RESIDUAL_DF


def test_documented_examples_of_the_default_maximum():
    assert default_max_lags(59, 3, "c") == 8  # 60 quarters of 3 variables, differenced
    assert default_max_lags(84, 4, "c") == 9
    assert default_max_lags(202, 2, "c") == 14  # the bundled macro data, differenced


def test_lutkepohl_sample_gets_his_order_without_warnings():
    result = train_model(lutkepohl_e1(), ModelSpec(("invest", "income", "cons"), transform="logdiff"))
    assert result.lag_method == "aic (lags 1-10)" and result.selection.max_lags == 10
    assert result.params.k_ar == 2 and result.warnings == ()
    assert result.evaluation is not None and result.evaluation.rows == 8  # the default holdout leaves room


def _mean_mape(result) -> float:
    return float(np.mean([m["mape"] for m in result.evaluation.metrics.values()]))


def test_the_old_maximum_of_15_overfits_visibly_and_forecasts_worse():
    spec = ModelSpec(("invest", "income", "cons"), transform="logdiff")
    default = train_model(lutkepohl_e1(), spec)
    old = train_model(lutkepohl_e1(), replace(spec, max_lags=15))
    assert old.params.k_ar == 15  # an explicit maximum is honoured, with both warnings
    edge, thin, part = old.warnings  # the holdout's fit, on fewer rows, says what the whole fit does not
    assert part.startswith("On the 68 rows before the holdout (the fit it scores), max lags 15 was cut to 14")
    assert edge.startswith("aic chose the largest order searched (15)")
    assert thin.startswith("VAR(15) estimates 46 coefficients per equation from 60 rows (14 residual degrees")
    assert _mean_mape(old) > 2 * _mean_mape(default)  # the holdout shows what the warnings say


def test_a_maximum_beyond_the_residual_minimum_is_cut_with_a_warning():
    spec = ModelSpec(("invest", "income", "cons"), transform="logdiff", max_lags=20, holdout=0)
    result = train_model(lutkepohl_e1(), spec)
    assert result.selection.max_lags == 16 and residual_df(75, 3, 16, "c") == MIN_RESIDUAL_DF
    assert result.warnings[0] == (
        "max lags 20 was cut to 16: on 75 rows of 3 variables a larger order would keep fewer than 10"
        " residual degrees of freedom per equation"
    )


def test_a_choice_at_the_edge_of_the_search_warns_and_a_smaller_one_does_not():
    variables = ("lrm", "lry", "lpy", "ibo")
    at_cap = train_model(danish(), ModelSpec(variables, holdout=0))
    assert at_cap.selection.max_lags == 5 and at_cap.params.k_ar == 5
    assert any(w.startswith("aic chose the largest order searched (5)") for w in at_cap.warnings)
    small = train_model(danish(), ModelSpec(variables, ic="bic", holdout=0))
    assert small.params.k_ar == 1 and small.warnings == ()


def test_small_four_variable_sample_stays_small_and_forecasts_sanely():
    dataset = macro_84()
    result = train_model(dataset, ModelSpec(tuple(dataset.variables), holdout=0))
    assert result.selection.max_lags == 9 and result.params.k_ar <= 3 and result.warnings == ()
    artifact = build_artifact(result, "macro84", "tester")
    unemp = forecast_artifact(artifact, 4).forecast.mean[:, dataset.variables.index("unemp")]
    assert dataset.frame["unemp"].iloc[-1] == 6.9
    assert abs(unemp[-1] - 6.9) < 1.5  # four quarters on from 6.9%: no runaway path


def test_thin_residual_degrees_of_freedom_warn():
    result = train_model(lutkepohl_e1(), ModelSpec(("invest", "income", "cons"), transform="logdiff", lags=12))
    (thin,) = result.warnings
    assert thin.startswith("VAR(12) estimates 37 coefficients per equation from 63 rows (26 residual degrees")
    assert "use fewer lags or more data" in thin


def test_an_order_below_the_residual_minimum_is_refused_with_the_largest_that_fits():
    with pytest.raises(InvalidInputError) as caught:
        train_model(lutkepohl_e1(), ModelSpec(("invest", "income", "cons"), transform="logdiff", lags=17, holdout=0))
    assert caught.value.field == "lags" and caught.value.value == 17
    assert "use fewer lags (at most 16 here) or at least" in str(caught.value)


def test_a_sample_too_short_for_one_lag_says_how_many_rows_it_needs():
    frame = lutkepohl_e1().frame.iloc[:14]
    with pytest.raises(InvalidInputError) as caught:
        spec = ModelSpec(("invest", "income", "cons"), transform="logdiff", holdout=0)
        train_model(as_quarterly(frame, "short"), spec)
    assert "has 13 usable rows; " in str(caught.value) and "at most 0" not in str(caught.value)  # no VAR(0)
    assert str(caught.value).endswith("even a VAR(1) needs at least 15 usable rows; add rows or use fewer variables")


def test_the_search_from_zero_fits_a_var1_when_the_data_are_noise():
    rng = np.random.default_rng(7)
    dates = pd.date_range("2000", periods=80, freq="QS")
    frame = pd.DataFrame(rng.normal(size=(80, 2)), columns=["a", "b"], index=dates)
    from_zero = train_model(as_quarterly(frame, "noise"), ModelSpec(("a", "b"), min_lags=0, ic="bic", holdout=0))
    assert from_zero.selection.selected["bic"] == 0 and from_zero.params.k_ar == 1
    assert from_zero.lag_method.endswith("0 chosen, 1 fitted")
    assert from_zero.warnings[0].startswith("bic prefers no lags at all")
    from_one = train_model(as_quarterly(frame, "noise"), ModelSpec(("a", "b"), ic="bic", holdout=0))
    assert from_one.selection.table[0]["lag"] == 1 and from_one.params.k_ar == 1


def test_diagnose_searches_the_same_range_as_training():
    result = train_model(danish(), ModelSpec(("lrm", "lry", "lpy", "ibo"), holdout=0))
    diagnostics = diagnose(build_artifact(result, "danish", "tester"))
    assert diagnostics.lag_selection.max_lags == result.selection.max_lags == 5
    assert diagnostics.lag_selection.selected == result.selection.selected


def test_an_order_of_zero_on_lutkepohls_growth_rates_is_said_as_noise_around_their_mean():
    # his sample and maximum (1960Q1-1978Q4, 4 lags): BIC and HQ choose 0, as statsmodels' select_order does; the
    # growth rates are fitted with a constant, so the warning said "noise around their trend" of a trend not fitted
    spec = ModelSpec(("invest", "income", "cons"), transform="logdiff", ic="bic", min_lags=0, max_lags=4, holdout=0)
    result = train_model(lutkepohl_e1(), spec)
    growth = np.diff(np.log(lutkepohl_e1().frame[["invest", "income", "cons"]].to_numpy()), axis=0)
    reference = VAR(growth).select_order(4, trend="c").selected_orders
    assert result.selection.selected == {ic: int(reference[ic]) for ic in ("aic", "bic", "hqic", "fpe")}
    assert result.selection.selected == {"aic": 2, "bic": 0, "hqic": 0, "fpe": 2} and result.params.k_ar == 1
    assert result.warnings[0] == (
        "bic prefers no lags at all: the log differences look like noise around a constant; a VAR(1), the smallest,"
        " is fitted"
    )
