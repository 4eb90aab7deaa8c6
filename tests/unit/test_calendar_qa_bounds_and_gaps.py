"""Reading a file's periods: a half-yearly file with a half-year missing is named by its gap (and a fill offered),
not refused as irregular; `--start 2000.1` in a file of `1995.1 ... 2009.4` is a quarter, as the file's dates are;
one quarter written two ways is a repeat, not rows out of order; and a month bound on quarterly data follows one
rule at both ends (a row is kept when its period overlaps the bound's)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset


def _csv(labels) -> bytes:
    rng = np.random.default_rng(3)
    values = rng.normal(size=(len(labels), 2)).cumsum(axis=0) * 0.3 + 10
    rows = [f"{label},{a:.4f},{b:.4f}" for label, (a, b) in zip(labels, values, strict=True)]
    return ("date,x,y\n" + "\n".join(rows) + "\n").encode()


def _span(labels, **bounds) -> tuple[str, str]:
    dataset = load_dataset(_csv(labels), csv_name="data.csv", **bounds)
    return dataset.span["first"], dataset.span["last"]


def test_a_half_year_missing_is_named_and_a_fill_offered():
    halves = [f"{year}H{half}" for year in range(1980, 2010) for half in (1, 2) if (year, half) != (1995, 1)]
    with pytest.raises(InvalidInputError, match=r"is half-yearly but these periods have no row: 1995H1.*--fill"):
        load_dataset(_csv(halves), csv_name="halves.csv")
    filled = load_dataset(_csv(halves), csv_name="halves.csv", fill="interpolate")
    assert filled.frequency == "2QS-JAN" and len(filled.frame) == 60


QUARTERS = [f"{year}.{quarter}" for year in range(1995, 2010) for quarter in range(1, 5)]


@pytest.mark.parametrize(("start", "end"), [("2000.1", "2005.4"), ("2000:1", "2005-4"), ("2000-1", "2005:4")])
def test_a_bound_counting_quarters_is_read_as_the_files_quarters(start, end):
    assert _span(QUARTERS, start=start, end=end) == ("2000Q1", "2005Q4")  # was 2000Q1 to 2005Q2 (months)


def test_a_counted_bound_the_file_does_not_explain_is_refused_with_both_readings():
    months = [f"{d:%Y-%m-%d}" for d in pd.date_range("1995-01-01", periods=60, freq="MS")]
    with pytest.raises(InvalidInputError, match=r"'1996:2' counts periods.*1996Q2 for a quarter or 1996-02"):
        load_dataset(_csv(months), csv_name="months.csv", start="1996:2")
    with pytest.raises(InvalidInputError, match=r"'2000.5' is read as the file's dates are, quarters.*1 to 4"):
        load_dataset(_csv(QUARTERS), csv_name="q.csv", start="2000.5")


def test_one_quarter_written_two_ways_is_a_repeat():
    dates = [f"{d:%Y-%m-%d}" for d in pd.date_range("1995-03-31", periods=20, freq="QE-DEC")]
    dates.insert(9, "1997Q1")  # after 1997-03-31, row 9
    with pytest.raises(InvalidInputError, match=r"has the period 1997Q1 more than once: row 9 \(1997-03-31\) and row"):
        load_dataset(_csv(dates), csv_name="q.csv")


def test_a_month_bound_on_quarterly_data_keeps_the_quarters_it_overlaps_at_both_ends():
    ends = [f"{d:%Y-%m-%d}" for d in pd.date_range("1995-03-31", periods=60, freq="QE-DEC")]
    assert _span(ends, start="Mar 2000", end="Nov 2005") == ("2000Q1", "2005Q4")  # was 2000Q2 (start dropped)
    starts = [f"{d:%Y-%m-%d}" for d in pd.date_range("1995-01-01", periods=60, freq="QS-JAN")]
    assert _span(starts, start="Mar 2000", end="Nov 2005") == ("2000Q1", "2005Q4")  # was 2000Q2 too
