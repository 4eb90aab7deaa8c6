"""Dates: every usual frequency and anchor is recognised; gaps and empty cells are refused by name unless a
fill is chosen, and each fill does what it says and is recorded."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.data import FILL_METHODS, detect_frequency, period_labels


@pytest.mark.parametrize(
    "alias, label",
    [("D", "daily"), ("B", "business daily"), ("W-FRI", "weekly"), ("W-SUN", "weekly"), ("MS", "monthly"),
     ("ME", "monthly"), ("QS-JAN", "quarterly"), ("QE-DEC", "quarterly"), ("QS-FEB", "quarterly"),
     ("YS-JAN", "yearly"), ("YE-DEC", "yearly"), ("YS-JUL", "yearly")],
)  # fmt: skip
def test_each_frequency_is_recognised_with_and_without_gaps(alias, label):
    dates = pd.date_range("2001-01-01", periods=40, freq=alias)
    regular = detect_frequency(dates)
    assert regular.label == label and regular.regular
    assert pd.date_range(dates[0], periods=40, freq=regular.alias).equals(dates)  # the alias rebuilds the grid
    gappy = detect_frequency(dates.delete([5, 6, 20]))
    assert gappy.label == label and list(gappy.missing) == [dates[5], dates[6], dates[20]]
    assert gappy.describe_missing().endswith("(3 periods)")


def test_irregular_dates_are_refused_with_an_example():
    dates = pd.DatetimeIndex(["2020-01-03", "2020-02-17", "2020-02-20", "2020-05-01", "2020-05-02"])
    with pytest.raises(InvalidInputError, match=r"irregularly spaced \(for example 2020-02-20 then 2020-05-01\)"):
        detect_frequency(dates, "'x.csv'")


def _csv(rows: list[tuple[str, str, str]]) -> bytes:
    return ("date,a,b\n" + "".join(f"{d},{a},{b}\n" for d, a, b in rows)).encode()


QUARTERS = [d.date().isoformat() for d in pd.date_range("2000-01-01", periods=12, freq="QS")]
FULL = [(d, str(10.0 + i), str(100.0 + 2 * i)) for i, d in enumerate(QUARTERS)]
GAPS = [row for i, row in enumerate(FULL) if i not in (3, 4, 9)]  # three quarters without a row


def test_missing_quarters_are_named_first_few_and_counted():
    with pytest.raises(InvalidInputError) as caught:
        load_dataset(csv=_csv(GAPS), csv_name="gdp.csv")
    message = str(caught.value)
    named = "these periods have no row: 2000Q4, 2001Q1, 2002Q2 (3 periods)"
    assert f"'gdp.csv' is quarterly but {named}" in message
    assert "Nothing is filled silently" in message and "interpolate" in message


def test_empty_cells_are_named_by_column_and_date():
    rows = [(d, "" if i == 2 else a, b) for i, (d, a, b) in enumerate(FULL)]
    with pytest.raises(InvalidInputError, match="these values are missing: a on 2000Q3"):
        load_dataset(csv=_csv(rows), csv_name="gdp.csv")


def test_interpolate_puts_periods_back_on_the_line_and_records_them():
    dataset = load_dataset(csv=_csv(GAPS), csv_name="gdp.csv", fill="interpolate")
    frame = dataset.frame
    assert len(frame) == 12 and frame.index.equals(pd.DatetimeIndex(pd.to_datetime(QUARTERS)))
    np.testing.assert_allclose(frame["a"], 10.0 + np.arange(12))  # the data are linear: exact
    prep = dataset.preparation
    assert prep.method == "interpolate" and prep.added_periods == ("2000-10-01", "2001-01-01", "2002-04-01")
    assert prep.filled_values == {"a": 3, "b": 3}
    assert prep.summary() == "interpolate: 3 periods added, 6 values filled"


def test_ffill_carries_the_last_value():
    dataset = load_dataset(csv=_csv(GAPS), csv_name="gdp.csv", fill="ffill")
    assert dataset.frame["a"].tolist()[2:6] == [12.0, 12.0, 12.0, 15.0]
    assert dataset.preparation.method == "ffill" and len(dataset.preparation.added_periods) == 3


def test_drop_keeps_the_rows_after_the_last_gap():
    early = [row for i, row in enumerate(FULL) if i not in (1, 2)]  # GAPS' late gap leaves too few: refused
    dataset = load_dataset(csv=_csv(early), csv_name="gdp.csv", fill="drop")
    assert dataset.frame.index[0].date().isoformat() == "2000-10-01" and len(dataset.frame) == 9
    assert dataset.preparation.dropped_rows == 1 and dataset.preparation.summary() == "drop: 1 earlier row dropped"


def test_a_hole_at_the_start_cannot_be_interpolated_and_says_what_to_do():
    rows = [(d, "" if i == 0 else a, b) for i, (d, a, b) in enumerate(FULL)]
    with pytest.raises(InvalidInputError, match="a has no value on 2000Q1 and nothing before it to interpolate"):
        load_dataset(csv=_csv(rows), csv_name="gdp.csv", fill="interpolate")


def test_regular_data_need_no_fill_and_say_so():
    dataset = load_dataset(csv=_csv(FULL), csv_name="gdp.csv", fill="interpolate")
    assert not dataset.preparation.changed and dataset.frequency == "QS-JAN"
    assert set(FILL_METHODS) == {"none", "drop", "interpolate", "ffill"}
    with pytest.raises(InvalidInputError, match="fill 'mean' is not one of"):
        load_dataset(csv=_csv(FULL), csv_name="gdp.csv", fill="mean")


def test_forecast_labels_follow_the_frequency():
    from varlib import ModelSpec, forecast_artifact, train_model
    from varlib.artifact import build_artifact

    months = pd.date_range("2010-01-31", periods=60, freq="ME")
    rng = np.random.default_rng(1)
    rows = [(d.date().isoformat(), str(50 + v), str(20 + w)) for d, v, w in
            zip(months, rng.normal(size=60).cumsum(), rng.normal(size=60).cumsum(), strict=True)]  # fmt: skip
    dataset = load_dataset(csv=_csv(rows), csv_name="monthly.csv")
    artifact = build_artifact(train_model(dataset, ModelSpec(variables=("a", "b"), lags=1, holdout=0)), "m", "t")
    assert artifact.data.frequency == "ME"
    assert forecast_artifact(artifact, 3).index == ["2015-01-31", "2015-02-28", "2015-03-31"]


@pytest.mark.parametrize(
    "alias, first, second",
    [("QS-JAN", "2006Q1", "2006Q2"), ("QE-DEC", "2006Q1", "2006Q2"), ("QS-FEB", "Feb 2006", "May 2006"),
     ("MS", "Jan 2006", "Feb 2006"), ("YS-JAN", "2006", "2007"), ("W-FRI", "2006-01-06", "2006-01-13"),
     ("D", "2006-01-01", "2006-01-02")],
)  # fmt: skip
def test_periods_are_labelled_as_people_name_them(alias, first, second):
    dates = pd.date_range("2006-01-01", periods=2, freq=alias)
    assert period_labels(dates.strftime("%Y-%m-%d"), alias) == [first, second]
    assert period_labels(dates, None) == [d.date().isoformat() for d in dates]  # unknown grid: ISO dates
