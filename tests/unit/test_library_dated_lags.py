"""Lag inputs a library caller dates by their index are read as the CLI and the REST service read dated lag rows:
as the model dates its periods, consecutive and in order, so the forecast's periods and its trend go on from them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact


def _model(dates: pd.DatetimeIndex, trend: str = "c", lags: int = 1):
    rng = np.random.default_rng(7)
    values = 50 + np.cumsum(rng.normal(0.2, 1.0, size=(len(dates), 2)), axis=0)
    dataset = load_dataset(pd.DataFrame(values, index=dates.rename("date"), columns=["a", "b"]))
    return build_artifact(train_model(dataset, ModelSpec(("a", "b"), lags=lags, trend=trend, holdout=0)), "m", "t")


@pytest.fixture(scope="module")
def month_ends():
    return _model(pd.date_range("2001-01-31", "2008-09-30", freq="ME"), trend="ct")


@pytest.fixture(scope="module")
def quarter_ends():
    return _model(pd.date_range("1990-03-31", "2009-09-30", freq="QE"))


def _lags(artifact, *dates: str) -> pd.DataFrame:
    return pd.DataFrame(artifact.data.values[-len(dates) :], index=pd.DatetimeIndex(dates), columns=["a", "b"])


def test_a_date_inside_the_month_is_that_month(month_ends):
    mid = forecast_artifact(month_ends, 1, lag_inputs=_lags(month_ends, "2008-09-15"))
    end = forecast_artifact(month_ends, 1, lag_inputs=_lags(month_ends, "2008-09-30"))
    assert list(mid.index) == list(end.index) == ["2008-10-31"]
    np.testing.assert_array_equal(mid.forecast.mean, end.forecast.mean)  # the trend counted from the same month


def test_a_quarter_dated_by_its_first_day_is_that_quarter(quarter_ends):
    # PeriodIndex.to_timestamp() dates 2009Q3 on 2009-07-01; the model dates its quarters by their last day
    result = forecast_artifact(quarter_ends, 2, lag_inputs=_lags(quarter_ends, "2009-07-01"))
    assert list(result.index) == ["2009-12-31", "2010-03-31"]


def test_a_period_index_is_read_as_the_model_dates_it(quarter_ends):
    lags = _lags(quarter_ends, "2009-09-30")
    lags.index = pd.PeriodIndex(["2009Q3"], freq="Q")
    assert list(forecast_artifact(quarter_ends, 1, lag_inputs=lags).index) == ["2009-12-31"]


def test_dates_that_skip_periods_are_refused():
    two_lags = _model(pd.date_range("2001-01-31", "2008-09-30", freq="ME"), lags=2)
    skipped = r"the lag inputs skip Aug 2008 \(between Jul 2008 and Sep 2008\)"
    with pytest.raises(InvalidInputError, match=skipped):
        forecast_artifact(two_lags, 1, lag_inputs=_lags(two_lags, "2008-07-31", "2008-09-30"))
