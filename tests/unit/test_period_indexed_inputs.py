"""Tables indexed by pandas periods (`pd.period_range("2010Q3", ...)`) are dated like tables indexed by dates:
exogenous values and conditions are placed by their periods and lag inputs date the forecast, never read by row
order. A mapping's Series indexed by dates is refused, since a mapping's values run step by step."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.data.paths import CONDITIONS, EXOG, check_path
from varlib.service import forecast_artifact

ENDOG = ["realgdp", "realcons"]
VALUES = [1.0, 1.5, 2.0, 2.5]  # realint for the forecast's four quarters, 2009Q4 to 2010Q3


@pytest.fixture(scope="module")
def varx():
    dataset = load_dataset(variables=[*ENDOG, "realint"])
    spec = ModelSpec(variables=tuple(ENDOG), exog=("realint",), lags=2, holdout=0.0)
    return build_artifact(train_model(dataset, spec), "varx", "tester")


def _exog(values, index) -> pd.DataFrame:
    return pd.DataFrame({"realint": values}, index=index)


def test_exogenous_values_indexed_by_periods_are_placed_by_them(varx):
    dated = forecast_artifact(varx, 4, exog=_exog(VALUES, pd.date_range("2009-10-01", periods=4, freq="QS")))
    periods = pd.period_range("2009Q4", periods=4, freq="Q")
    for index, values in ((periods, VALUES), (periods[::-1], VALUES[::-1])):  # newest first: the same path
        forecast = forecast_artifact(varx, 4, exog=_exog(values, index))
        np.testing.assert_allclose(forecast.exog[:, 0], VALUES)
        np.testing.assert_allclose(forecast.forecast.mean, dated.forecast.mean)


def test_exogenous_values_for_other_periods_are_refused_not_shifted(varx):
    late = _exog(VALUES, pd.period_range("2010Q1", periods=4, freq="Q"))  # one quarter after the forecast's
    with pytest.raises(InvalidInputError, match=r"realint has no value for step 1 \(2009Q4\)"):
        forecast_artifact(varx, 4, exog=late)


def test_conditions_indexed_by_periods_are_placed_by_them_and_refused_beyond_the_horizon(varx):
    exog = {"realint": VALUES}
    held = pd.DataFrame({"realgdp": [12900.0]}, index=pd.PeriodIndex([pd.Period("2010Q3", "Q")]))
    forecast = forecast_artifact(varx, 4, exog=exog, conditions=held)
    assert [(c["step"], c["date"]) for c in forecast.conditions] == [(4, "2010-07-01")]
    far = pd.DataFrame({"realgdp": [12900.0]}, index=pd.PeriodIndex([pd.Period("2030Q3", "Q")]))
    with pytest.raises(InvalidInputError, match="realgdp has a value at 2030Q3, which lies beyond the horizon"):
        forecast_artifact(varx, 4, exog=exog, conditions=far)


def test_periods_are_dated_as_the_model_dates_its_periods():
    """A model dated by quarter ends (`QE-DEC`) places 2010Q1 at 2010-03-31, not at its first day."""
    labels = ["2009-12-31", "2010-03-31", "2010-06-30"]
    table = pd.DataFrame({"realgdp": [13100.0]}, index=pd.period_range("2010Q1", periods=1, freq="Q"))
    path = check_path(table, ENDOG, labels, CONDITIONS, frequency="QE-DEC")
    np.testing.assert_array_equal(path["realgdp"].to_numpy(), [np.nan, 13100.0, np.nan])


def test_a_date_index_of_quarter_ends_reads_as_the_quarters_as_a_date_column_does():
    labels = ["2009-10-01", "2010-01-01", "2010-04-01"]
    ends = pd.DatetimeIndex(["2009-12-31", "2010-03-31", "2010-06-30"])
    path = check_path(_exog([1.0, 2.0, 3.0], ends), ["realint"], labels, EXOG, frequency="QS-OCT")
    np.testing.assert_array_equal(path["realint"].to_numpy(), [1.0, 2.0, 3.0])


def test_a_mapping_of_a_series_indexed_by_dates_is_refused_not_read_by_position(varx):
    """A mapping is the REST form, values step by step: a Series' dates would be dropped (reversed ones would run
    backwards), so it is refused with the table that honours them; a Series without dates is a list of values."""
    for index in (pd.date_range("2009-10-01", periods=4, freq="QS")[::-1], pd.period_range("2009Q4", periods=4)):
        with pytest.raises(
            InvalidInputError, match=r"realint is a Series indexed by dates.*pd\.DataFrame\(\{'realint'"
        ):
            forecast_artifact(varx, 4, exog={"realint": pd.Series(VALUES, index=index)})
    forecast = forecast_artifact(varx, 4, exog={"realint": pd.Series(VALUES)})
    np.testing.assert_allclose(forecast.exog[:, 0], VALUES)


def test_lag_inputs_indexed_by_periods_date_the_forecast_and_its_trend():
    dataset = load_dataset(variables=ENDOG, start="1980-01-01", end="1997-12-31")
    spec = ModelSpec(variables=tuple(ENDOG), lags=2, holdout=0.0, trend="ct")
    artifact = build_artifact(train_model(dataset, spec), "trend", "tester")
    newer = load_dataset(variables=ENDOG, start="1999-07-01", end="1999-12-31").frame[ENDOG]
    dated = forecast_artifact(artifact, 4, lag_inputs=newer)
    by_period = newer.set_axis(pd.period_range("1999Q3", periods=2, freq="Q"))
    forecast = forecast_artifact(artifact, 4, lag_inputs=by_period)
    assert forecast.index == dated.index == ["2000-01-01", "2000-04-01", "2000-07-01", "2000-10-01"]
    assert forecast.lag_index == ("1999-07-01", "1999-10-01")
    np.testing.assert_allclose(forecast.forecast.mean, dated.forecast.mean, rtol=1e-12)
