"""A calendar column (a quarter or month number, a year, a seasonal dummy) is the calendar, not data: a VAR with
enough lags fits its equation exactly, which took over the lag choice (AIC fell from 13.9 to -39.8) with no
word. It is left out of the default variables and said, and refused by name when chosen."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from varlib import ModelSpec, profile_csv, train_model
from varlib.data import load_csv
from varlib.data.columns import repeat_period
from varlib.errors import InvalidInputError

MACRO = sm.datasets.macrodata.load_pandas().data.iloc[:80]


def _file(**columns) -> bytes:
    dates = pd.period_range("1959Q1", periods=80, freq="Q").to_timestamp(how="end").normalize()
    series = {"realgdp": MACRO["realgdp"], "realcons": MACRO["realcons"]}
    frame = pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), **columns, **series})
    return frame.to_csv(index=False).encode()


@pytest.mark.parametrize(
    ("values", "period"),
    [
        (np.tile([1, 2, 3, 4], 5), 4),  # a quarter number
        (np.repeat(np.arange(1990, 1995), 4), 4),  # a year of quarterly rows
        (np.tile(np.arange(1, 13), 3), 12),  # a month number
        (np.tile([0, 0, 0, 1], 5), 4),  # a seasonal dummy
        (np.tile([1.5, -2.0], 6) + np.repeat(np.arange(6), 2) * 0.25, 2),  # a half-year pattern on a trend
        (MACRO["realgdp"].to_numpy(), None),
        (np.arange(10.0), None),  # a straight line: is_straight_line's, not this
        (np.tile([1, 2, 3, 4], 2), None),  # 8 rows: two whole periods need 9
        (np.array([1.0, np.nan, 1.0, np.nan, 1.0]), None),
    ],
)
def test_the_period_after_which_a_column_repeats(values, period):
    assert repeat_period(values) == period


def test_calendar_columns_are_left_out_of_the_defaults_and_said():
    quarter, year = MACRO["quarter"].astype(int), MACRO["year"].astype(int)
    dataset = load_csv(_file(quarter=quarter, year=year), name="helpers.csv")
    assert list(dataset.variables) == ["realgdp", "realcons"]
    assert "columns quarter, year left out (the same pattern every few rows, as a quarter number" in " ".join(
        dataset.read_as
    )
    profile, _ = profile_csv(_file(quarter=quarter), name="helpers.csv")
    assert any(note.startswith("column quarter: the same pattern every few rows") for note in profile.notes)
    assert profile.calendar == ("quarter",) and profile.usable == ("realgdp", "realcons")  # the page's choices


def test_the_preview_says_to_join_a_year_and_a_quarter_column_as_training_does():
    """The preview said `has the date 1959 (rows 1, 2, 3 and 4) more than once; keep one row per date`, advice
    that deletes data; training said to join the two columns."""
    frame = pd.DataFrame({"year": MACRO["year"].astype(int), "quarter": MACRO["quarter"].astype(int)})
    data = frame.assign(realgdp=MACRO["realgdp"], realcons=MACRO["realcons"]).to_csv(index=False).encode()
    profile, _ = profile_csv(data, name="split.csv")
    joined = "has each year more than once: year and quarter are in separate columns: join them into one date"
    assert any(joined in problem for problem in profile.problems), profile.problems
    assert not any("keep one row per date" in problem for problem in profile.problems)
    with pytest.raises(InvalidInputError, match=joined):
        load_csv(data, name="split.csv")


@pytest.mark.parametrize("column", ["quarter", "year"])
def test_a_calendar_column_chosen_as_a_variable_is_refused_by_name(column):
    dataset = load_csv(_file(**{column: MACRO[column].astype(int)}), name="helpers.csv", variables=[column, "realgdp"])
    with pytest.raises(InvalidInputError, match=rf"^{column} repeats itself every 4 rows in helpers.csv \("):
        train_model(dataset, ModelSpec(variables=(column, "realgdp")))
