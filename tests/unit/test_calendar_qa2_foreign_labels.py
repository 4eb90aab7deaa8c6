"""A label naming a period of another calendar than the model's (a calendar quarter among quarters from Nov, Feb,
May and Aug; a calendar year among years from July) is refused, naming the model's periods it overlaps: it was
read as the period its first day falls in (`2015Q1` as the Nov-Jan quarter, with which it shares one month). A
plain date or a month inside one of the model's periods still reads as that period; --start/--end bounds keep
rows by their own rule (varlib.data.sample_window)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.data.lag_inputs import dated_lag_inputs

QUARTERS_TO_JAN = pd.date_range("2000-01-01", periods=60, freq="3MS") + pd.offsets.MonthEnd(0)  # to 2014-10-31
YEARS_FROM_JUL = pd.date_range("1950-07-01", periods=60, freq="12MS")  # to 2009-07-01


def _csv(dates) -> bytes:
    rng = np.random.default_rng(3)
    values = rng.normal(size=(len(dates), 2)).cumsum(axis=0) * 0.3 + 10
    rows = [f"{d:%Y-%m-%d},{a:.4f},{b:.4f}" for d, (a, b) in zip(dates, values, strict=True)]
    return ("date,a,b\n" + "\n".join(rows) + "\n").encode()


@pytest.fixture(scope="module")
def quarters():
    dataset = load_dataset(_csv(QUARTERS_TO_JAN), csv_name="q.csv")
    return build_artifact(train_model(dataset, ModelSpec(("a", "b"), lags=1, holdout=0)), "q", "tester")


@pytest.fixture(scope="module")
def years():
    dataset = load_dataset(_csv(YEARS_FROM_JUL), csv_name="y.csv")
    return build_artifact(train_model(dataset, ModelSpec(("a", "b"), lags=1, holdout=0)), "y", "tester")


def _conditions(label: str) -> pd.DataFrame:
    return pd.DataFrame({"date": [label], "a": [12.0]})


def test_a_calendar_quarter_is_not_read_as_the_model_quarter_it_barely_overlaps(quarters):
    with pytest.raises(InvalidInputError) as caught:
        forecast_artifact(quarters, 2, conditions=_conditions("2015Q1"))
    assert str(caught.value) == (
        "conditions: 2015Q1 (Jan 2015 to Mar 2015) is not a quarterly period of this model (QE-OCT) but overlaps"
        " Nov 2014 and Feb 2015; write the period it stands for as the model names its periods (Nov 2014, Feb"
        " 2015), or a date inside it"
    )


@pytest.mark.parametrize("label", ["Feb 2015", "2015-03-15", "2015-04-30", "Mar 2015"])
def test_the_models_label_a_date_or_a_month_inside_a_period_still_read_as_it(quarters, label):
    forecast = forecast_artifact(quarters, 2, conditions=_conditions(label))
    assert forecast.forecast.mean[1, 0] == pytest.approx(12.0)


def test_a_calendar_quarter_as_a_lag_date_is_refused_not_moving_the_origin(quarters):
    with pytest.raises(InvalidInputError, match=r"lag inputs' date 2014Q3 \(Jul 2014 to Sep 2014\) is not a") as caught:
        dated_lag_inputs([[1.0, 2.0]], ["2014Q3"], ["a", "b"], 1, "none", "QE-OCT")
    assert "overlaps May 2014 and Aug 2014" in str(caught.value) and caught.value.field == "lag_dates"
    assert dated_lag_inputs([[1.0, 2.0]], ["Aug 2014"], ["a", "b"], 1, "none", "QE-OCT").index[0] == pd.Timestamp(
        "2014-10-31"
    )


def test_a_calendar_year_on_a_july_year_model_is_refused_as_lag_input_and_condition(years):
    with pytest.raises(InvalidInputError, match=r"date 2009 \(Jan 2009 to Dec 2009\) .* overlaps Jul 2008 and Jul"):
        dated_lag_inputs([[1.0, 2.0]], ["2009"], ["a", "b"], 1, "none", "YS-JUL")
    with pytest.raises(InvalidInputError, match=r"^conditions: 2010 \(Jan 2010 to Dec 2010\) is not a yearly"):
        forecast_artifact(years, 2, conditions=_conditions("2010"))
    assert forecast_artifact(years, 2, conditions=_conditions("Jul 2010")).forecast.mean[0, 0] == pytest.approx(12)


def test_a_year_among_quarters_and_a_quarter_among_half_years_name_every_period_they_overlap():
    with pytest.raises(InvalidInputError, match="overlaps 2015Q1 to 2015Q4"):
        dated_lag_inputs([[1.0, 2.0]], ["2015"], ["a", "b"], 1, "none", "QS-JAN")
    with pytest.raises(InvalidInputError, match=r"2015Q1 \(Jan 2015 to Mar 2015\) .* overlaps Aug 2014 and Feb 2015"):
        dated_lag_inputs([[1.0, 2.0]], ["2015Q1"], ["a", "b"], 1, "none", "2QS-FEB")
    # a quarter inside a half-year (Jan-Mar in the half from October) reads as that half, as a month does
    assert dated_lag_inputs([[1.0, 2.0]], ["2015Q1"], ["a", "b"], 1, "none", "2QS-APR").index[0] == pd.Timestamp(
        "2014-10-01"
    )


def test_a_period_index_of_another_calendar_is_refused_in_the_library(quarters):
    lags = pd.DataFrame({"a": [1.0], "b": [2.0]}, index=pd.period_range("2014Q3", periods=1, freq="Q"))
    with pytest.raises(InvalidInputError, match=r"^the period 2014Q3 \(Jul 2014 to Sep 2014\) is not a quarterly"):
        forecast_artifact(quarters, 2, lag_inputs=lags)
    exog = pd.DataFrame({"a": [12.0]}, index=pd.period_range("2015Q1", periods=1, freq="Q"))
    with pytest.raises(InvalidInputError, match="overlaps Nov 2014 and Feb 2015"):
        forecast_artifact(quarters, 2, conditions=exog)


def test_bounds_keep_their_rows_on_a_calendar_of_other_quarters():
    """Quarters and years as bounds keep the rows dated in them (varlib.data.sample_window), four rows a year."""
    dataset = load_dataset(_csv(QUARTERS_TO_JAN), csv_name="q.csv", start="2014Q1", end="2014Q2")
    assert list(dataset.frame.index.strftime("%Y-%m-%d")) == ["2014-01-31", "2014-04-30"]
    dataset = load_dataset(_csv(QUARTERS_TO_JAN), csv_name="q.csv", start="2013", end="2013")
    dated = ["2013-01-31", "2013-04-30", "2013-07-31", "2013-10-31"]  # not Nov 2013 to Jan 2014 too
    assert list(dataset.frame.index.strftime("%Y-%m-%d")) == dated
