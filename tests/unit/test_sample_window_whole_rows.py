"""A bound at least as long as the rows' periods keeps the rows dated in it: quarters dated Mar, Jun, Sep and Dec (as
spreadsheets export calendar quarters) are read as quarters from March, so `--start 1995Q1` kept the row `Dec 1994`
too, whose period (Dec to Feb) overlaps 1995Q1: one row too many where the person meant the row dated Mar 1995."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from tests.conftest import point_cli_at
from varlib import InvalidInputError, load_dataset
from varlib.cli import main
from varlib.data import slice_dates


def _spreadsheet_quarters(rows: int = 80) -> str:
    """Quarters as a spreadsheet's mmm-yy writes them, by their last month: Mar-90, Jun-90, ..., Dec-09."""
    dates = pd.date_range("1990-03-01", periods=rows, freq="3MS")
    walks = 100 + np.cumsum(np.random.default_rng(5).normal(0.5, 1.0, (rows, 2)), axis=0)
    lines = "".join(f"{d:%b-%y},{a:.2f},{b:.2f}\n" for d, (a, b) in zip(dates, walks, strict=True))
    return "date,gdp,cons\n" + lines


def _frame(freq: str, first: str, rows: int = 40) -> pd.DataFrame:
    dates = pd.date_range(first, periods=rows, freq=freq)
    return pd.DataFrame({"a": np.arange(rows, dtype=float)}, index=pd.DatetimeIndex(dates, name="date"))


@pytest.mark.parametrize(("start", "end"), [("1995Q1", "2000Q4"), ("Q1 1995", "2000-Q4"), ("1995 Q1", "Q4 2000")])
def test_a_calendar_quarter_on_quarters_dated_by_their_last_month_is_the_row_dated_in_it(start, end):
    kept = load_dataset(_spreadsheet_quarters().encode(), start=start, end=end, csv_name="gdp.csv")
    assert kept.frequency == "QS-MAR"  # the labelling is kept: the rows are named Mar 1995, Jun 1995, ...
    assert (kept.frame.index[0], kept.frame.index[-1]) == (pd.Timestamp("1995-03-01"), pd.Timestamp("2000-12-01"))
    assert len(kept.frame) == 24


QUARTERS = [f"{year}Q{quarter}" for year in (1995, 1996) for quarter in (1, 2, 3, 4)]


@pytest.mark.parametrize(
    ("freq", "first", "bounds", "dated"),
    [
        ("QS-MAR", "1990-03-01", QUARTERS, "1995-03-01"),
        ("QS-FEB", "1990-02-01", QUARTERS, "1995-02-01"),  # the middle month of calendar quarters
        ("QE-FEB", "1990-02-28", QUARTERS, "1995-02-28"),  # quarters to Feb, May, Aug and Nov, by their last day
        ("2QS-JUN", "1990-06-01", ["1995H1", "1995H2", "1996H1", "H2 1996"], "1995-06-01"),
        ("YS-JUN", "1980-06-01", ["1995", "1996", "1997"], "1995-06-01"),  # fiscal years dated by their first month
        ("YE-JUN", "1980-06-30", ["1995", "1996", "1997"], "1995-06-30"),  # and by their last day
    ],
)
def test_each_period_of_the_rows_own_length_keeps_exactly_the_row_dated_in_it(freq, first, bounds, dated):
    """A window from a period to the same period is the one row dated in it, and the windows before and after a
    bound share none: the overlap rule kept two rows each time, the row before sharing the period."""
    frame = _frame(freq, first)
    expected = frame.index[frame.index.get_loc(pd.Timestamp(dated)) :][: len(bounds)]
    assert [slice_dates(frame, bound, bound).index.tolist() for bound in bounds] == [[day] for day in expected]
    before, after = slice_dates(frame, None, bounds[0]), slice_dates(frame, bounds[1], None)
    assert before.index[-1] == expected[0] and after.index[0] == expected[1]


@pytest.mark.parametrize(
    ("start", "end", "first", "last"),
    [("1995", "1996", "1995-03-01", "1996-12-01"), ("1995H1", "1995H2", "1995-03-01", "1995-12-01")],
)
def test_a_longer_bound_keeps_the_rows_dated_in_it(start, end, first, last):
    """A year or a half-year on quarters from March holds four or two rows' dates; it overlapped one row more."""
    kept = slice_dates(_frame("QS-MAR", "1990-03-01"), start, end)
    assert (kept.index[0], kept.index[-1]) == (pd.Timestamp(first), pd.Timestamp(last))


@pytest.mark.parametrize("start", ["Jan 1995", "Feb 1995", "1995-01-01", "1995-02-15", "1995-03-01"])
def test_a_shorter_bound_on_periods_not_the_calendars_keeps_the_rows_dated_from_it(start):
    """A month or a day (the Train page's From) on quarters from March keeps the rows dated on or after it, as
    `--start 1995Q1` does: it kept Dec 1994 too, whose period (Dec to Feb) holds 1 January, where a whole quarter
    holding that day no longer did."""
    kept = slice_dates(_frame("QS-MAR", "1990-03-01"), start, None)
    assert kept.index[0] == pd.Timestamp("1995-03-01")


@pytest.mark.parametrize("end", ["2014Q2", "2014-06-30", "Jun 2014", "2014-05-15"])
def test_an_end_on_quarters_dated_by_their_last_day_keeps_the_rows_dated_up_to_it(end):
    """Quarters to January, April, July and October: the To of 30 June kept the row dated 31 July (May to July
    holds it) where `--end 2014Q2` ends at the row dated in 2014Q2, 30 April; now both end there."""
    kept = slice_dates(_frame("QE-JAN", "2000-01-31", rows=80), None, end)
    assert kept.index[-1] == pd.Timestamp("2014-04-30")


@pytest.mark.parametrize(
    ("freq", "first", "dated"), [("QS-JAN", "1990-01-01", "1995-01-01"), ("QE-DEC", "1990-03-31", "1995-03-31")]
)
def test_a_day_on_calendar_quarters_still_keeps_the_quarter_holding_it(freq, first, dated):
    """On calendar periods a day stands for the period holding it, whichever day of it the file dates."""
    kept = slice_dates(_frame(freq, first), "1995-02-15", "1995-02-15")
    assert kept.index.tolist() == [pd.Timestamp(dated)]


def test_a_start_past_the_last_row_dated_in_a_quarter_is_refused_with_the_span():
    """`--start 2010Q1` on rows ending Dec 2009 kept that last row (its period, Dec to Feb, overlaps 2010Q1)."""
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(_spreadsheet_quarters().encode(), start="2010Q1", csv_name="gdp.csv")
    said = "no row of 'gdp.csv' lies from 2010Q1 on: its data run from Mar 1990 to Dec 2009"
    assert str(refused.value).startswith(said) and refused.value.field == "start"


def test_the_cli_trains_on_the_quarters_its_bounds_name(tmp_path, monkeypatch, capsys, local_settings):
    point_cli_at(local_settings, monkeypatch)
    csv = tmp_path / "gdp.csv"
    csv.write_text(_spreadsheet_quarters())
    assert main(["train", "--csv", str(csv), "--lags", "1", "--start", "1995Q1", "--end", "2000Q4", "--json"]) == 0
    span = json.loads(capsys.readouterr().out)["span"]
    assert span == {"rows": 24, "first": "Mar 1995", "last": "Dec 2000"}
