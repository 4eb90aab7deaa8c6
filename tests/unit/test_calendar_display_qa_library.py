"""QA's calendar defects in the library: Compare counts months dated by their first or last day as one frequency,
and exogenous values held for lack of given ones continue a seasonal dummy's pattern."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from varlib import ModelSpec, held_exog, overlay_forecasts, parse_version
from varlib.artifact import build_artifact
from varlib.data.datasets import load_csv
from varlib.held_exog import held_words
from varlib.training import train

ROWS = 60


def _artifact(frequency: str, version: str, start: str = "2005-01-01", exog: bool = False):
    rng = np.random.default_rng(0)
    values = 100 + rng.normal(size=(ROWS, 2)).cumsum(axis=0)
    dates = pd.date_range(start, periods=ROWS, freq=frequency)
    frame = pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), "x": values[:, 0], "y": values[:, 1]})
    names = ("x", "y")
    if exog:
        for q in range(1, 4):
            frame[f"d{q}"] = (dates.quarter == q).astype(float)
        frame["z"] = rng.normal(size=ROWS).round(2)
        names = ("x", "y", "d1", "d2", "d3", "z")
    dataset = load_csv(frame.to_csv(index=False).encode(), variables=list(names))
    spec = ModelSpec(("x", "y"), lags=2, exog=("d1", "d2", "d3", "z") if exog else ())
    return replace(build_artifact(train(dataset, spec), "m", "t"), version=parse_version(version))


def test_month_starts_and_month_ends_share_the_lag_table():
    first, other = _artifact("MS", "0.0.1"), _artifact("ME", "0.0.2", "2005-01-31")
    overlaid = overlay_forecasts([first, other], steps=3)
    assert [item.shared for item in overlaid] == [True, True]
    assert overlaid[1].note == "shared lag inputs" and overlaid[1].frequency == "MS"  # overlaid by the MS months
    assert overlaid[1].forecast.index == ["2010-01-31", "2010-02-28", "2010-03-31"]  # its own dating kept


def test_quarters_of_other_months_stay_apart():
    first, other = _artifact("QS-JAN", "0.0.1"), _artifact("QS-FEB", "0.0.2", "2005-02-01")
    overlaid = overlay_forecasts([first, other], steps=2)
    assert not overlaid[1].shared and overlaid[1].frequency == "QS-FEB"
    assert "quarterly (QS-FEB)" in overlaid[1].note


def test_held_exog_continues_a_seasonal_dummy_and_says_so():
    artifact = _artifact("QE-DEC", "0.0.1", "1995-03-31", exog=True)  # its last row is a Q4: d1..d3 all 0
    last_z = float(artifact.data.exog[-1, 3])
    held = held_exog(artifact.exog, artifact.data.exog, 5)
    assert held["d1"] == [1.0, 0.0, 0.0, 0.0, 1.0] and held["d2"] == [0.0, 1.0, 0.0, 0.0, 0.0]
    assert held["d3"] == [0.0, 0.0, 1.0, 0.0, 0.0] and held["z"] == [last_z] * 5
    words = f"d1, d2, d3 continue their quarterly pattern; z held at its last observed {last_z:g}"
    assert held_words(artifact.exog, artifact.data.exog, artifact.data.frequency) == words
    (item,) = overlay_forecasts([artifact], steps=4)
    assert item.assumed == f"exogenous values: {words}"
    assert item.forecast.exog[:, 0].tolist() == [1.0, 0.0, 0.0, 0.0]  # 2000Q1 forecast with Q1's dummies


def test_a_calendar_column_with_a_step_continues_it():
    quarters = np.tile([1.0, 2.0, 3.0, 4.0], 4)
    years = np.repeat([2001.0, 2002.0, 2003.0, 2004.0], 4)
    held = held_exog(["quarter", "year"], np.column_stack([quarters, years]), 6)
    assert held == {"quarter": [1.0, 2.0, 3.0, 4.0, 1.0, 2.0], "year": [2005.0] * 4 + [2006.0] * 2}
