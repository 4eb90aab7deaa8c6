"""Forecasts in levels equal statsmodels' VARResults.forecast_interval to 1e-8 relative."""

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from tests.support.models import fit_params
from varlib import ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact, decode, encode
from varlib.errors import InvalidInputError
from varlib.forecast import forecast_levels

RTOL = 1e-8


@pytest.fixture(scope="module")
def levels():
    return load_dataset(variables=["realgdp", "realcons", "realinv"]).frame.to_numpy()


@pytest.mark.parametrize("trend", ["c", "ct", "n"])
@pytest.mark.parametrize("lags", [1, 3])
def test_levels_model_equals_statsmodels(levels, trend, lags):
    reference = VAR(levels).fit(lags, trend=trend)
    expected = reference.forecast_interval(levels[-lags:], 12, alpha=0.1)
    ours = forecast_levels(fit_params(levels, lags, trend), "none", levels[-lags:], 12, alpha=0.1)
    np.testing.assert_allclose(ours.mean, expected[0], rtol=RTOL)
    np.testing.assert_allclose(ours.lower, expected[1], rtol=RTOL)
    np.testing.assert_allclose(ours.upper, expected[2], rtol=RTOL)


def test_custom_lag_inputs_equal_statsmodels(levels):
    reference = VAR(levels).fit(2, trend="c")
    custom = levels[-2:] * np.array([1.01, 0.98, 1.05])
    expected = reference.forecast_interval(custom, 400, alpha=0.05)
    ours = forecast_levels(fit_params(levels, 2, "c"), "none", custom, 400)
    for got, want in zip((ours.mean, ours.lower, ours.upper), expected, strict=False):
        np.testing.assert_allclose(got, want, rtol=RTOL)


def test_one_params_object_serves_many_horizons_and_inputs_exactly(levels):
    """Standard errors are kept per horizon on the params object: reuse must never mix them up."""
    params = fit_params(levels, 2, "c")
    reference = VAR(levels).fit(2, trend="c")
    for steps, scale, alpha in ((5, 1.0, 0.05), (12, 1.02, 0.1), (5, 0.97, 0.2), (1, 1.0, 0.05), (12, 1.0, 0.05)):
        lag_inputs = levels[-2:] * scale
        expected = reference.forecast_interval(lag_inputs, steps, alpha=alpha)
        ours = forecast_levels(params, "none", lag_inputs, steps, alpha=alpha)
        for got, want in zip((ours.mean, ours.lower, ours.upper), expected, strict=False):
            np.testing.assert_allclose(got, want, rtol=RTOL)
    diffs = np.diff(levels, axis=0)
    params = fit_params(diffs, 2, "c")  # the same horizon, integrated: a different entry
    level_bands = forecast_levels(params, "diff", levels[-3:], 5)
    again = forecast_levels(params, "diff", levels[-3:], 5)
    np.testing.assert_array_equal(level_bands.upper, again.upper)
    assert np.all(level_bands.upper[1:] - level_bands.mean[1:] > 0)


def test_published_default_matches_statsmodels_after_json_round_trip():
    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), trend="ct"))
    artifact = decode(encode(build_artifact(result, "var", "tester")))
    levels = dataset.frame.to_numpy()
    reference = VAR(levels).fit(result.params.k_ar, trend="ct")
    expected = reference.forecast_interval(levels[-reference.k_ar :], 8, alpha=0.05)
    ours = forecast_artifact(artifact, steps=8, alpha=0.05).forecast
    for got, want in zip((ours.mean, ours.lower, ours.upper), expected, strict=False):
        np.testing.assert_allclose(got, want, rtol=RTOL)


def test_diff_model_mean_is_last_level_plus_cumulated_difference_forecast(levels):
    diffs = np.diff(levels, axis=0)
    reference = VAR(diffs).fit(2, trend="c")
    expected = levels[-1] + np.cumsum(reference.forecast(diffs[-2:], 6), axis=0)
    ours = forecast_levels(fit_params(diffs, 2, "c"), "diff", levels[-3:], 6)
    np.testing.assert_allclose(ours.mean, expected, rtol=RTOL)


def test_logdiff_point_is_the_exponentiated_log_forecast(levels):
    logs = np.log(levels)
    diffs = np.diff(logs, axis=0)
    reference = VAR(diffs).fit(1, trend="c")
    expected = np.exp(logs[-1] + np.cumsum(reference.forecast(diffs[-1:], 5), axis=0))
    ours = forecast_levels(fit_params(diffs, 1, "c"), "logdiff", levels[-2:], 5)
    np.testing.assert_allclose(ours.mean, expected, rtol=RTOL)
    assert ours.point == "median"
    assert np.all(ours.lower < ours.mean) and np.all(ours.mean < ours.upper)


@pytest.mark.parametrize(
    "lag_inputs, message",
    [
        (np.ones((1, 3)), "needs 2 rows"),
        (np.ones((2, 2)), "needs 2 rows"),
        ([[1, 2, np.nan], [1, 2, 3]], "row 1, column 3 is 'nan'"),
        ([[1, 2, 3], [1, np.inf, 3]], "row 2, column 2 is 'inf'"),
        ([["a", 2, 3], [1, 2, 3]], "must all be numbers"),
    ],
)
def test_bad_lag_inputs_are_refused_with_the_reason(levels, lag_inputs, message):
    params = fit_params(levels, 2, "c")
    with pytest.raises(InvalidInputError, match=message):
        forecast_levels(params, "none", lag_inputs, 4)


def test_logdiff_refuses_non_positive_lag_inputs(levels):
    params = fit_params(np.diff(np.log(levels), axis=0), 1, "c")
    with pytest.raises(InvalidInputError, match="needs positive values"):
        forecast_levels(params, "logdiff", [[1.0, 2.0, 3.0], [1.0, 0.0, 3.0]], 4)


@pytest.mark.parametrize("steps", [0, 401, -1, 2.5, True])
def test_steps_out_of_range_are_refused(levels, steps):
    with pytest.raises(InvalidInputError, match="steps"):
        forecast_levels(fit_params(levels, 1, "c"), "none", levels[-1:], steps)


@pytest.mark.parametrize("alpha", [0, 1, -0.1, 0.9, "x", float("nan")])
def test_alpha_out_of_range_is_refused(levels, alpha):
    with pytest.raises(InvalidInputError, match="alpha"):
        forecast_levels(fit_params(levels, 1, "c"), "none", levels[-1:], 3, alpha)
