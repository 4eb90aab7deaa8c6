"""A period label the product prints must mean the same period when typed back (lag inputs, conditions), and a
date inside a period reads as that period: half-years (`2QE-DEC`) took any quarter's end as one of theirs and
refused `2009H2`; years from July were labelled by the year they start in while `2011` read as the year from
July 2010; quarters from March were labelled as calendar quarters; and a lag date off an end-dated grid was told
to use the date of the period before."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, period_labels, train_model
from varlib.artifact import build_artifact
from varlib.data.lag_inputs import dated_lag_inputs


def _csv(dates) -> bytes:
    rng = np.random.default_rng(7)
    values = rng.normal(size=(len(dates), 2)).cumsum(axis=0) * 0.3 + 10
    rows = [f"{d:%Y-%m-%d},{a:.4f},{b:.4f}" for d, (a, b) in zip(dates, values, strict=True)]
    return ("date,a,b\n" + "\n".join(rows) + "\n").encode()


def _artifact(dates):
    dataset = load_dataset(_csv(dates), csv_name="data.csv")
    return build_artifact(train_model(dataset, ModelSpec(("a", "b"), lags=1, holdout=0)), "m", "tester")


def _lags(dates, frequency):
    frame = dated_lag_inputs([[10.0, 11.0]] * len(dates), dates, ["a", "b"], len(dates), "none", frequency)
    return [f"{d:%Y-%m-%d}" for d in frame.index]


HALF_ENDS = pd.date_range("1980-06-30", periods=60, freq="2QE-DEC")  # 1980H1 ... 2009H2


def test_half_year_lag_inputs_and_conditions_read_as_their_half_years():
    artifact = _artifact(HALF_ENDS)
    given = forecast_artifact(artifact, 2, lag_inputs=pd.DataFrame({"a": [10.0], "b": [11.0]}, index=["2009H2"]))
    assert period_labels(given.index, given.frequency) == ["2010H1", "2010H2"]
    condition = pd.DataFrame({"a": [10.5]}, index=pd.Index(["2010H2"]))
    forecast = forecast_artifact(artifact, 2, conditions=condition)
    assert [row["step"] for row in forecast.to_dict()["conditions"]] == [2]


def test_a_date_inside_a_half_year_is_that_half_year_never_a_date_off_its_grid():
    assert _lags(["2010-03-31"], "2QE-DEC") == ["2010-06-30"]  # was kept: forecasts dated 2010-09-30, ...
    assert _lags(["2010-04-01"], "2QS-JAN") == ["2010-01-01"]
    assert _lags(["2010-03-31", "2010-09-30"], "2QE-DEC") == ["2010-06-30", "2010-12-31"]


def test_half_years_of_another_phase_keep_theirs():
    starts = pd.date_range("1980-04-01", periods=40, freq="2QS-APR")  # April and October
    artifact = _artifact(starts)
    assert artifact.data.frequency == "2QS-APR"
    assert _lags(["2010-04-01", "2010-10-01"], artifact.data.frequency) == ["2010-04-01", "2010-10-01"]
    assert period_labels(starts[:2], artifact.data.frequency) == ["Apr 1980", "Oct 1980"]


@pytest.mark.parametrize(
    ("dates", "frequency", "labels"),
    [
        (["1995-03-01", "1995-06-01"], "QS-MAR", ["Mar 1995", "Jun 1995"]),  # was 1995Q1, 1995Q2
        (["1995-01-31", "1995-04-30"], "QE-JAN", ["Nov 1994", "Feb 1995"]),  # was 1995Q1, 1995Q2
        (["2010-07-01", "2011-07-01"], "YS-JUL", ["Jul 2010", "Jul 2011"]),  # was 2010, 2011
        (["2010-06-30"], "YE-JUN", ["Jul 2009"]),
        (["1995-01-01", "1995-04-01"], "QS-JAN", ["1995Q1", "1995Q2"]),
        (["1995-03-31", "1995-06-30"], "QE-DEC", ["1995Q1", "1995Q2"]),
        (["2010-01-01"], "YS-JAN", ["2010"]),
        (["2010-12-31"], "YE-DEC", ["2010"]),
        (["2010-06-01"], "2QS-JUN", ["Jun 2010"]),  # was 2010H1
    ],
)
def test_only_calendar_quarters_half_years_and_years_are_labelled_as_such(dates, frequency, labels):
    assert period_labels(dates, frequency) == labels


@pytest.mark.parametrize(
    ("frequency", "dates"),
    [
        ("YS-JUL", pd.date_range("1950-07-01", periods=60, freq="YS-JUL")),
        ("QS-MAR", pd.date_range("1995-03-01", periods=60, freq="QS-MAR")),
        ("QE-OCT", pd.date_range("1995-01-31", periods=60, freq="QE-JAN")),  # pandas: QE-OCT
    ],
)
def test_a_forecast_step_label_typed_back_is_that_step(frequency, dates):
    artifact = _artifact(dates)
    assert artifact.data.frequency == frequency
    steps = forecast_artifact(artifact, 3)
    labels = period_labels(steps.index, steps.frequency)
    condition = pd.DataFrame({"a": [10.5]}, index=pd.Index([labels[1]]))
    placed = forecast_artifact(artifact, 3, conditions=condition).to_dict()["conditions"]
    assert [row["step"] for row in placed] == [2]
    last = period_labels(dates[-1:], frequency)  # the last training row's label starts the forecast after it
    given = forecast_artifact(artifact, 1, lag_inputs=pd.DataFrame({"a": [10.0], "b": [11.0]}, index=last))
    assert period_labels(given.index, given.frequency) == labels[:1]


@pytest.mark.parametrize(
    ("date", "frequency", "suggested"),
    [("2004-02-15", "ME", "2004-02-29"), ("2010-02-15", "QE-DEC", "2010-03-31"), ("2010-01-05", "W-SUN", None)],
)
def test_a_lag_date_off_an_end_dated_grid_reads_as_its_period_or_is_told_that_period(date, frequency, suggested):
    first = {"ME": "2004-01-31", "QE-DEC": "2009-12-31", "W-SUN": "2010-01-03"}[frequency]
    if suggested is None:  # weeks: a Tuesday is the week that ends on the Sunday after it
        assert _lags([date], frequency) == ["2010-01-10"]
        return
    with pytest.raises(InvalidInputError, match=f"e.g. {suggested}"):  # unlike the row before: not read as its
        _lags([first, date], frequency)
    assert _lags([date], frequency) == [suggested]


def test_a_lag_input_refusal_names_periods_as_the_tables_do():
    with pytest.raises(InvalidInputError, match=r"skip 2010H2 \(between 2010H1 and 2011H1\)"):
        _lags(["2010-06-30", "2011-06-30"], "2QE-DEC")
