"""A time trend goes on from where dated lag inputs end, not from the end of the training sample.

Lag inputs may be dated after the sample (newer data) or inside it. The forecast is labelled from their
dates, so its trend must be counted to them too: the reference is statsmodels' fitted values for dates in
the sample, and its estimated recursion with the trend at the labelled periods after it."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR
from statsmodels.tsa.vector_ar.vecm import VECM

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact

NAMES = ["realgdp", "realcons"]
RTOL = 1e-9


def _version(start: str, end: str, **spec):
    dataset = load_dataset(variables=NAMES, start=start, end=end)
    result = train_model(dataset, ModelSpec(variables=tuple(NAMES), lags=2, holdout=0, **spec))
    return dataset.frame[NAMES], build_artifact(result, "trend", "tester")


@pytest.mark.parametrize("row", [10, 40, 79])
def test_a_var_with_a_trend_forecasts_a_sample_period_as_its_fitted_value(row):
    frame, artifact = _version("1980-01-01", "1999-12-31", trend="ct")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = VAR(frame.to_numpy()).fit(2, trend="ct").fittedvalues  # rows 2.. of the sample
    forecast = forecast_artifact(artifact, steps=1, lag_inputs=frame.iloc[row - 2 : row])
    assert forecast.index == [frame.index[row].strftime("%Y-%m-%d")]
    np.testing.assert_allclose(forecast.forecast.mean[0], fitted[row - 2], rtol=RTOL)


@pytest.mark.parametrize("trend", ["ct", "c"])
def test_a_var_forecast_from_newer_dated_rows_counts_the_trend_to_their_periods(trend):
    frame, artifact = _version("1980-01-01", "1997-12-31", trend=trend)
    newer = load_dataset(variables=NAMES, start="1999-07-01", end="1999-12-31").frame[NAMES]
    forecast = forecast_artifact(artifact, steps=4, lag_inputs=newer)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = VAR(frame.to_numpy()).fit(2, trend=trend)
    # 72 rows fitted (t = 1..72); the inputs end 8 quarters later, so 2000Q1 is t = 81
    t = np.arange(81, 85, dtype=float)
    terms = np.column_stack([t**power for power in range(len(trend))])
    path = [*newer.to_numpy()]
    for step in range(4):
        lagged = sum(a @ path[-1 - i] for i, a in enumerate(reference.coefs))
        path.append(terms[step] @ reference.params[: len(trend)] + lagged)
    assert forecast.index[0] == "2000-01-01"
    np.testing.assert_allclose(forecast.forecast.mean, np.array(path[2:]), rtol=RTOL)


@pytest.mark.parametrize("deterministic", ["colo", "cili", "co", "lo"])
def test_a_vecm_with_a_trend_forecasts_a_sample_period_as_its_fitted_value(deterministic):
    frame, artifact = _version("1980-01-01", "1999-12-31", kind="vecm", coint_rank=1, deterministic=deterministic)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = VECM(frame.to_numpy(), k_ar_diff=1, coint_rank=1, deterministic=deterministic).fit()
    forecast = forecast_artifact(artifact, steps=1, lag_inputs=frame.iloc[38:40])
    np.testing.assert_allclose(forecast.forecast.mean[0], reference.fittedvalues[38], rtol=RTOL)


def test_without_a_frequency_a_trend_is_not_counted_to_dates_other_than_the_samples_end():
    dataset = load_dataset(variables=NAMES, start="1980-01-01", end="1999-12-31")
    frame = dataset.frame[NAMES].drop(dataset.frame.index[[5, 17]])  # two quarters missing: no frequency
    gappy = type(dataset)("gappy", frame, "0" * 64, frequency=None)
    for trend, refused in (("ct", True), ("c", False)):
        spec = ModelSpec(variables=tuple(NAMES), lags=2, holdout=0, trend=trend)
        artifact = build_artifact(train_model(gappy, spec), "gappy", "tester")
        assert artifact.data.frequency is None
        assert forecast_artifact(artifact, steps=2, lag_inputs=frame.iloc[-2:]).index == ["+1", "+2"]
        if refused:
            with pytest.raises(InvalidInputError, match="time trend cannot be counted to them"):
                forecast_artifact(artifact, steps=2, lag_inputs=frame.iloc[30:32])
        else:
            forecast_artifact(artifact, steps=2, lag_inputs=frame.iloc[30:32])
