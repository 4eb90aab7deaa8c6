"""Data in a small currency unit (values near 1e15) or absurdly large values: statsmodels' VAR fit would drop
the intercept without a word (its least squares cut directions below 1e-15 of the largest), so training
refuses such data by name and says to rescale it; data a little smaller fits, and fits the same model."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from statsmodels.tsa.api import VAR

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model

VARIABLES = ("realgdp", "realcons")


def _scaled(scale: float):
    dataset = load_dataset()
    return dataclasses.replace(dataset, frame=dataset.frame[list(VARIABLES)] * scale)


def test_statsmodels_drops_the_intercept_at_this_size_so_the_refusal_is_needed():
    """The failure the check guards against, shown on statsmodels alone (it fails if statsmodels changes)."""
    levels = load_dataset().frame[list(VARIABLES)].to_numpy()
    honest = VAR(levels).fit(4)
    silent = VAR(levels * 1e11).fit(4)
    assert abs(honest.params[0, 0]) > 1 and abs(silent.params[0, 0] / 1e11) < 1e-20  # the intercept is gone
    assert np.abs(silent.params[1:] - honest.params[1:]).max() > 1e-3  # and the other coefficients moved


def test_values_near_1e15_are_refused_by_name_with_what_to_do():
    with pytest.raises(InvalidInputError) as refused:
        train_model(_scaled(1e11), ModelSpec(VARIABLES, lags=4))
    message = str(refused.value)
    assert message.startswith("the values are too large to fit a VAR on: realgdp reaches 1.34e+15")
    assert "cannot tell the intercept" in message and "Rescale the data (divide them by a power of ten" in message
    assert refused.value.field == "realgdp"


def test_every_variable_of_about_that_size_is_named_and_no_smaller_one():
    """Output, consumption and investment in a small currency unit all need rescaling; a rate beside them not."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv", "infl"])
    frame = dataset.frame.copy()
    frame[["realgdp", "realcons", "realinv"]] *= 1e11
    with pytest.raises(InvalidInputError) as refused:
        train_model(
            dataclasses.replace(dataset, frame=frame), ModelSpec(("realgdp", "realcons", "realinv", "infl"), lags=2)
        )
    message = str(refused.value)
    assert "realgdp reaches 1.34e+15 (realcons 9.36e+14, realinv 2.26e+14)," in message, message
    assert "divide them by a power of ten" in message and "infl" not in message, message


def test_values_that_overflow_are_refused_before_any_fit():
    with pytest.raises(
        InvalidInputError, match=r"realgdp reaches 1.34e\+164 \(realcons 9.36e\+163\), and sums of squares"
    ):
        train_model(_scaled(1e160), ModelSpec(VARIABLES))


def test_a_little_smaller_still_fits_the_same_model_scaled():
    plain = train_model(_scaled(1.0), ModelSpec(VARIABLES, lags=4)).params
    large = train_model(_scaled(1e10), ModelSpec(VARIABLES, lags=4)).params
    np.testing.assert_allclose(large.coefs, plain.coefs, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(large.trend_coefs / 1e10, plain.trend_coefs, rtol=1e-9)


def test_no_intercept_means_no_limit_below_overflow():
    """With trend 'n' there is no column of ones to lose: the same data fits, scaled."""
    plain = train_model(_scaled(1.0), ModelSpec(VARIABLES, lags=2, trend="n")).params
    large = train_model(_scaled(1e11), ModelSpec(VARIABLES, lags=2, trend="n")).params
    np.testing.assert_allclose(large.coefs, plain.coefs, rtol=1e-9)


def test_a_large_exogenous_column_is_the_one_named():
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    frame = dataset.frame.copy()
    frame["realint"] = frame["realint"] * 1e15 + 1e16
    varx = dataclasses.replace(dataset, frame=frame)
    with pytest.raises(InvalidInputError, match="too large to fit a VAR on: exogenous column 1 reaches"):
        train_model(varx, ModelSpec(VARIABLES, lags=2, exog=("realint",)))


@pytest.mark.parametrize(
    ("lags", "said"),
    [
        ([[1e149] * 2, [1e149] * 2, [1e-300] * 2], "underflows to zero"),
        ([[1e-300] * 2, [1e-300] * 2, [1e149] * 2], "overflows to infinity"),
    ],
)
def test_a_log_model_refuses_a_forecast_that_underflows_as_it_refuses_one_that_overflows(lags, said):
    """From a collapse of 449 orders of magnitude a logdiff model answered 400 steps of exactly 0 (means and
    bounds) without a word: a level a log model can never give."""
    from varlib import forecast_artifact
    from varlib.artifact import build_artifact

    result = train_model(load_dataset(), ModelSpec(VARIABLES, lags=2, transform="logdiff", holdout=0))
    artifact = build_artifact(result, "lg", "0.0.1")
    with pytest.raises(InvalidInputError, match=f"the forecast {said}.* within 400 steps from these lag inputs"):
        forecast_artifact(artifact, 400, lag_inputs=lags)
    assert np.all(forecast_artifact(artifact, 400).forecast.lower > 0)  # from the data: a positive path
