"""Half-yearly data as statistics offices label it (`2000H1`, `2000-S1` as Eurostat writes a semester, `H1 2000`):
read as the half-years they name, named `2000H1` in spans, forecasts and lag inputs, and a bound such as
`--end 2010H1` keeps that whole half-year. These labels were refused as 'not a date' while the same data dated
2000-01-01, 2000-07-01 trained."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import ModelSpec, forecast_artifact, load_dataset, period_labels, train_model
from varlib.artifact import build_artifact

HALVES = pd.date_range("1980-01-01", periods=70, freq="2QS-JAN")


def _csv(labels) -> bytes:
    rng = np.random.default_rng(4)
    values = rng.normal(size=(len(labels), 2)).cumsum(axis=0) * 0.3 + 10
    rows = [f"{label},{a:.4f},{b:.4f}" for label, (a, b) in zip(labels, values, strict=True)]
    return ("date,a,b\n" + "\n".join(rows) + "\n").encode()


@pytest.mark.parametrize(
    "form",
    [
        lambda d: f"{d.year}H{(d.month + 5) // 6}",
        lambda d: f"{d.year}-S{(d.month + 5) // 6}",
        lambda d: f"H{(d.month + 5) // 6} {d.year}",
        lambda d: f"{d.year}-h{(d.month + 5) // 6}",
    ],
)
def test_half_year_labels_read_as_their_half_years(form):
    dataset = load_dataset(_csv([form(d) for d in HALVES]), csv_name="halves.csv")
    assert list(dataset.frame.index) == list(HALVES) and dataset.frequency.startswith("2QS")


def test_half_years_are_named_as_half_years():
    assert period_labels(HALVES[:3], "2QS-JAN") == ["1980H1", "1980H2", "1981H1"]
    ends = pd.date_range("1980-06-30", periods=2, freq="6ME")  # dated at their last days
    assert period_labels(ends, "2QE-DEC") == ["1980H1", "1980H2"]


def test_a_half_year_bound_keeps_that_whole_half_year():
    dataset = load_dataset(_csv([f"{d:%Y-%m-%d}" for d in HALVES]), csv_name="halves.csv", end="2010H1")
    assert dataset.frame.index[-1] == pd.Timestamp("2010-01-01")
    dataset = load_dataset(_csv([f"{d:%Y-%m-%d}" for d in HALVES]), csv_name="halves.csv", start="S2 1990")
    assert dataset.frame.index[0] == pd.Timestamp("1990-07-01")


def test_a_forecast_names_its_half_years_and_takes_lag_inputs_so_dated():
    dataset = load_dataset(_csv([f"{d.year}H{(d.month + 5) // 6}" for d in HALVES]), csv_name="halves.csv")
    artifact = build_artifact(train_model(dataset, ModelSpec(("a", "b"), lags=1, holdout=0)), "halves", "tester")
    own = forecast_artifact(artifact, 2)
    assert period_labels(own.index, own.frequency) == ["2015H1", "2015H2"]
    given = forecast_artifact(artifact, 1, lag_inputs=pd.DataFrame({"a": [10.0], "b": [11.0]}, index=["2010H2"]))
    assert period_labels(given.index, given.frequency) == ["2011H1"]
