"""A season left in the data names the ways this product has to model it. On Lütkepohl's unadjusted e4 (log
differences, 80 quarters) AIC ran to VAR(11) while HQ and BIC chose 4, and the stability verdict only said
"seasonally adjusted data usually fits better": nothing of seasonal dummies as exogenous columns, whose future
values a forecast can be given, nor of a criterion that penalises lags more."""

from __future__ import annotations

import numpy as np

from studies.samples import lutkepohl_e4
from varlib import ModelSpec, forecast_artifact, held_exog, train_model
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.near_unit import near_unit_reading
from varlib.vecm_checks import stability as vecm_stability

DUMMIES = "seasonal dummies as exogenous variables (one fewer than the seasons; known ahead"
STRICTER = "criterion `hqic` or `bic`, which penalise lags more than `aic`"


def _stability(spec: ModelSpec):
    result = train_model(lutkepohl_e4(), spec)
    return result, next(check for check in result.adequacy.checks if check.name == "stability")


def test_a_season_aic_fits_with_lags_is_told_of_adjusted_data_dummies_and_a_stricter_criterion():
    spec = ModelSpec(("inc", "cons"), transform="logdiff")
    result, check = _stability(spec)
    assert result.params.k_ar == 11 and "aic chose the largest order searched (11)" in result.warnings[0]  # premise
    assert "slowly damped cycle of about 4.0 periods" in check.verdict
    assert f"try seasonally adjusted data, {DUMMIES}" in check.verdict, check.verdict
    assert f"or {STRICTER}, and compare on the holdout." in check.verdict, check.verdict
    refit = diagnose(build_artifact(result, "e4", "t"))
    assert refit.stability.verdict == check.verdict  # the Diagnostics page says what training stored


def test_a_stricter_criterion_or_a_fixed_order_is_not_told_to_change_criterion():
    hq, check = _stability(ModelSpec(("inc", "cons"), transform="logdiff", ic="hqic"))
    assert hq.params.k_ar == 4 and "close to -1" in check.verdict  # premise: the season, at half its period
    assert f"for a season, try seasonally adjusted data or {DUMMIES}" in check.verdict, check.verdict
    assert "criterion `hqic`" not in check.verdict
    _, fixed = _stability(ModelSpec(("inc", "cons"), transform="logdiff", lags=11))
    assert DUMMIES in fixed.verdict and "criterion `hqic`" not in fixed.verdict


def test_the_dummies_the_advice_names_train_and_forecast_given_their_future_values():
    dataset = lutkepohl_e4()
    quarter = dataset.frame.index.quarter
    for q in (1, 2, 3):  # one fewer than the seasons: four beside the constant are refused as collinear
        dataset.frame[f"q{q}"] = (quarter == q).astype(float)
    spec = ModelSpec(("inc", "cons"), transform="logdiff", exog=("q1", "q2", "q3"))
    artifact = build_artifact(train_model(dataset, spec), "e4x", "t")
    future = held_exog(artifact.exog, artifact.data.exog, 4)  # the Forecast page's start: the calendar goes on
    assert [future[f"q{q}"] for q in (1, 2, 3)] == [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]  # 1980Q1-Q4
    given = forecast_artifact(artifact, 4, exog=future)
    assert given.forecast.mean.shape == (4, 2) and np.all(np.isfinite(given.forecast.mean)), given.index


def test_a_vecm_is_told_a_var_takes_the_dummies():
    reading = near_unit_reading(0.97j, dummies=False, criterion="aic")
    assert "try seasonally adjusted data (a VECM takes no seasonal dummies; a VAR takes them as exogenous" in reading
    assert STRICTER in reading and DUMMIES not in reading
    coefs = np.array([[[1.0, 0.0], [0.0, -0.98]]])  # eigenvalues 1 (the common trend) and -0.98
    assert "a VECM takes no seasonal dummies" in vecm_stability(coefs, rank=1)[3]
