"""Dates at the edges of what a calendar grid holds: values dated on one day of the month after the first
(a month named by its middle) are read as their months, everywhere dates are read; dates so late that a
forecast's periods would pass the year 9999 are refused by name instead of failing while labelling."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.data import read_lag_inputs
from varlib.data.paths import check_path

ROWS = 60


def _csv(dates, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    a, b = 100 + rng.normal(size=len(dates)).cumsum(), 50 + rng.normal(size=len(dates)).cumsum()
    return ("date,a,b\n" + "".join(f"{d},{x:.4f},{y:.4f}\n" for d, x, y in zip(dates, a, b, strict=True))).encode()


def _days(start: str, freq: str, day: int, rows: int = ROWS) -> list[str]:
    return [(d + pd.Timedelta(days=day - 1)).date().isoformat() for d in pd.date_range(start, periods=rows, freq=freq)]


@pytest.mark.parametrize(
    "freq, day, alias", [("MS", 15, "MS"), ("MS", 28, "MS"), ("QS-FEB", 15, "QS-FEB"), ("YS-JUL", 2, "YS-JUL")]
)
def test_values_dated_on_one_day_of_the_month_are_read_as_their_months_and_said(freq, day, alias):
    dataset = load_dataset(csv=_csv(_days("2000-02-01", freq, day)), csv_name="mid.csv")
    assert dataset.frequency == alias
    assert dataset.frame.index.equals(pd.date_range(dataset.frame.index[0], periods=ROWS, freq=alias))
    assert f"dates on day {day} of the month, taken as the months they fall in" in dataset.read_as
    plain = load_dataset(csv=_csv(_days("2000-02-01", freq, 1)), csv_name="mid.csv")
    assert plain.frame.index.equals(dataset.frame.index) and not any("day" in note for note in plain.read_as)
    assert np.array_equal(plain.frame.to_numpy(), dataset.frame.to_numpy())  # the same values, the same periods


def test_numeric_dates_say_both_how_they_were_read():
    dates = [pd.Timestamp(d).strftime("%d.%m.%Y") for d in _days("2000-01-01", "MS", 15)]
    dataset = load_dataset(csv=_csv(dates), csv_name="mid.csv")
    assert "dates day first, on day 15 of the month, taken as the months they fall in" in dataset.read_as


@pytest.mark.parametrize(
    "dates",
    [
        _days("2000-01-01", "MS", 15)[:30] + ["2002-07-16"] + _days("2002-08-01", "MS", 15)[:29],  # one day off
        [f"{d}T12:00:00" for d in _days("2000-01-01", "MS", 15)],  # a time of day: not a month's date
    ],
    ids=["one-day-off", "time-of-day"],
)
def test_dates_on_no_one_day_stay_irregular(dates):
    with pytest.raises(InvalidInputError, match="irregularly spaced"):
        load_dataset(csv=_csv(dates), csv_name="mid.csv")


def test_daily_data_are_not_taken_for_months():
    dataset = load_dataset(csv=_csv(_days("2000-01-15", "D", 1)), csv_name="daily.csv")
    assert dataset.frequency == "D" and dataset.frame.index[0] == pd.Timestamp("2000-01-15")


def _monthly_version():
    dataset = load_dataset(csv=_csv(_days("2000-01-01", "MS", 15)), csv_name="mid.csv")
    result = train_model(dataset, ModelSpec(variables=("a", "b"), lags=2, holdout=0, transform="diff"))
    return dataset, build_artifact(result, "mid", "tester")


def test_lag_inputs_and_paths_dated_on_that_day_are_read_as_their_months():
    dataset, artifact = _monthly_version()
    text = b"date,a,b\n2004-10-15,100.5,50.5\n2004-11-15,101.0,51.0\n2004-12-15,101.5,51.5\n"
    lags = read_lag_inputs(text, ["a", "b"], 3, "diff", frequency="MS")
    assert lags.index.equals(pd.date_range("2004-10-01", periods=3, freq="MS"))
    forecast = forecast_artifact(artifact, steps=3, lag_inputs=lags)
    assert forecast.index == ["2005-01-01", "2005-02-01", "2005-03-01"]
    labels = forecast.index
    path = check_path(pd.DataFrame({"date": ["2005-02-15"], "a": ["103.0"]}), ["a", "b"], labels, frequency="MS")
    assert np.isnan(path.loc[1, "a"]) and path.loc[2, "a"] == 103.0  # the second step: February
    last = check_path(pd.DataFrame({"date": ["2005-03-15"], "a": ["104.0"]}), ["a", "b"], labels, frequency="MS")
    assert last.loc[3, "a"] == 104.0  # the horizon's last month, though the 15th is after its period's start
    mixed = b"date,a,b\n2004-11-15,101.0,51.0\n2004-12-16,101.5,51.5\n"
    with pytest.raises(InvalidInputError, match="2004-11-15 is not a monthly period of this model"):
        read_lag_inputs(mixed, ["a", "b"], 2, "diff", frequency="MS")


def test_data_too_late_for_the_longest_forecast_are_refused_by_their_last_date():
    dataset = load_dataset(csv=_csv(_days("9980-01-01", "QS", 1, rows=79)), csv_name="late.csv")
    with pytest.raises(InvalidInputError, match=r"'late.csv' run to 9999-07-01: a forecast of up to 400 periods"):
        train_model(dataset, ModelSpec(variables=("a", "b"), lags=1))


def test_a_forecast_that_would_pass_the_year_9999_is_refused_not_mislabelled():
    dataset, artifact = _monthly_version()
    late = pd.DataFrame(
        {"a": [1.0, 2.0, 3.0], "b": [1.0, 2.0, 3.0]}, index=pd.date_range("9999-09-01", periods=3, freq="MS")
    )
    assert forecast_artifact(artifact, steps=1, lag_inputs=late).index == ["9999-12-01"]  # the last month fits
    with pytest.raises(InvalidInputError, match="a forecast of 2 steps from 9999-11-01 would run past the year 9999"):
        forecast_artifact(artifact, steps=2, lag_inputs=late)


def test_far_but_representable_dates_still_forecast():
    dataset = load_dataset(csv=_csv(_days("2280-01-01", "QS", 1, rows=40)), csv_name="far.csv")
    artifact = build_artifact(train_model(dataset, ModelSpec(variables=("a", "b"), lags=1, holdout=0)), "far", "t")
    assert forecast_artifact(artifact, steps=2).index == ["2290-01-01", "2290-04-01"]  # past pandas' 2262 in ns
