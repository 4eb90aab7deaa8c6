"""Tables dated by an index of text, as `pd.read_csv(path, index_col=0)` leaves a file's dates (`2005Q1`,
`2005-01-01`): lag inputs and exogenous values so dated are read by those dates, as a DatetimeIndex or a date
column is. They were taken as undated: lag inputs of 2005 gave a forecast labelled from the sample's end (2009Q4,
its trend counted from there too), and exogenous rows were placed in the order written."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from varlib import InvalidInputError, forecast_artifact, period_labels


def _lags(labels) -> pd.DataFrame:
    return pd.DataFrame({"realgdp": [12000.0, 12100.0], "realcons": [8000.0, 8050.0]}, index=labels)


def _periods(forecast) -> list[str]:
    return period_labels(forecast.index, forecast.frequency)


@pytest.mark.parametrize("labels", [["2005Q1", "2005Q2"], ["2005-01-01", "2005-04-01"], ["2005Q2", "2005Q1"]])
def test_lag_inputs_dated_by_text_go_on_from_their_own_periods(var2, labels):
    iso = [pd.Period(label, "Q").start_time if "Q" in label else pd.Timestamp(label) for label in labels]
    dated = forecast_artifact(var2, 2, lag_inputs=_lags(pd.DatetimeIndex(iso)))  # newest first: reordered alike
    forecast = forecast_artifact(var2, 2, lag_inputs=_lags(labels))
    assert _periods(forecast) == ["2005Q3", "2005Q4"]
    assert forecast.forecast.mean.tolist() == dated.forecast.mean.tolist()


def test_a_lag_file_read_with_its_dates_as_the_index_is_dated(var2):
    table = pd.read_csv(io.StringIO("quarter,realgdp,realcons\n2005Q1,12000,8000\n2005Q2,12100,8050\n"), index_col=0)
    assert _periods(forecast_artifact(var2, 1, lag_inputs=table)) == ["2005Q3"]


def test_labels_that_are_no_dates_leave_the_inputs_undated(var2):
    assert _periods(forecast_artifact(var2, 1, lag_inputs=_lags(["t-2", "t-1"]))) == ["2009Q4"]


def test_a_mistyped_date_in_the_index_is_named(var2):
    with pytest.raises(InvalidInputError, match=r"'2005Q5' is not a date"):
        forecast_artifact(var2, 1, lag_inputs=_lags(["2005Q4", "2005Q5"]))


def test_exogenous_values_dated_by_text_are_placed_by_their_dates(varx):
    forecast = forecast_artifact(varx, 2, exog=pd.DataFrame({"realint": [1.0, 5.0]}, index=["2010Q1", "2009Q4"]))
    assert forecast.exog.ravel().tolist() == [5.0, 1.0]
    with pytest.raises(InvalidInputError, match="after the forecast's last period"):
        forecast_artifact(varx, 2, exog=pd.DataFrame({"realint": [1.0, 5.0]}, index=["2010Q2", "2010Q3"]))
