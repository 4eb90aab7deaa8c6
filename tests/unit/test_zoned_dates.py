"""Dates written with a time zone (`2000-01-01T00:00:00Z`, `+02:00`, an offset that changes with summer time), as
databases and APIs export them, read as the day written, wherever dates are read: a CSV to train on, lag inputs,
a typed date. Before, a zoned column failed deep in pandas with a traceback about tz-aware timestamps."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.data import read_lag_inputs
from varlib.data.date_text import read_date

QUARTERS = pd.date_range("2000-01-01", periods=60, freq="QS")
ZONES = {
    "utc": lambda day: f"{day}T00:00:00Z",
    "offset": lambda day: f"{day}T00:00:00+02:00",
    "written out": lambda day: f"{day} 00:00:00+00:00",
    "summer time": lambda day: f"{day}T00:00:00" + ("+02:00" if day[5:7] in ("04", "07") else "+01:00"),
    "west": lambda day: f"{day}T00:00:00-0500",
}


def _csv(dates: list[str]) -> bytes:
    rng = np.random.default_rng(3)
    a, b = rng.normal(size=len(dates)), rng.normal(size=len(dates))
    return ("date,a,b\n" + "".join(f"{d},{x:.4f},{y:.4f}\n" for d, x, y in zip(dates, a, b, strict=True))).encode()


def _days(dates: pd.DatetimeIndex) -> list[str]:
    return [d.date().isoformat() for d in dates]


@pytest.mark.parametrize("zone", ZONES)
def test_a_zoned_csv_trains_on_the_days_written_as_a_plain_one_does(zone):
    zoned = load_dataset(csv=_csv([ZONES[zone](day) for day in _days(QUARTERS)]), csv_name="zoned.csv")
    plain = load_dataset(csv=_csv(_days(QUARTERS)), csv_name="plain.csv")
    assert zoned.frame.index.tz is None and zoned.frame.index.equals(plain.frame.index)
    assert zoned.frequency == plain.frequency == "QS-JAN"
    result = train_model(zoned, ModelSpec(variables=["a", "b"], lags=1))
    expected = train_model(plain, ModelSpec(variables=["a", "b"], lags=1))
    forecast = forecast_artifact(build_artifact(result, "zoned", "0.0.1"), steps=2)
    assert forecast.index == ["2015-01-01", "2015-04-01"]
    assert np.allclose(result.params.coefs, expected.params.coefs)


def test_zoned_lag_inputs_date_the_forecast_by_the_days_written():
    dates = ["2014-07-01T00:00:00+02:00", "2014-10-01T00:00:00+01:00"]
    body = "date,a,b\n" + "".join(f"{d},1.0,2.0\n" for d in dates)
    lags = read_lag_inputs(body.encode(), ["a", "b"], 2, "none", "lags.csv", "QS-JAN")
    assert lags.index.equals(pd.DatetimeIndex(["2014-07-01", "2014-10-01"]))


def test_a_typed_zoned_date_is_the_day_written():
    assert read_date("2020-01-01T00:00:00+02:00") == pd.Timestamp("2020-01-01")
    assert read_date("2020-01-01T23:30:00Z") == pd.Timestamp("2020-01-01 23:30")
    assert pd.isna(read_date("2020-01-01T00:00:00+25:00x"))  # no date: the caller names it
