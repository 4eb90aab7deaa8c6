"""Quarters labelled with a two-digit year (`90Q1`) are read with the century `Dec-90` is read with, not as
2090Q1, and months written YYYYMM as finance files write them (`199003`) are months, not a guess per cell."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.unit.test_month_year_dates import _csv, _iso
from varlib.data import load_csv, parse_dates
from varlib.data.date_text import read_date
from varlib.errors import InvalidInputError


def _quarters(first: str, count: int) -> list[str]:
    return _iso(pd.date_range(first, periods=count, freq="QS-JAN"))


@pytest.mark.parametrize("form", ["{y:02d}Q{q}", "{y:02d}-Q{q}", "{y:02d} Q{q}", "Q{q} {y:02d}", "q{q}-{y:02d}"])
def test_quarters_with_two_digit_years_of_the_nineties_are_of_the_nineties(form):
    """pandas reads 90Q1 as 2090Q1: a file of the 1990s was trained as one of the 2090s."""
    dates = [form.format(y=year, q=quarter) for year in range(90, 100) for quarter in range(1, 5)]
    dataset = load_csv(_csv(dates), name="nineties.csv")
    assert dataset.frequency == "QS-JAN"
    assert _iso(dataset.frame.index) == _quarters("1990-01-01", 40)


def test_two_digit_quarters_pass_the_century_in_order():
    """00Q1 after 99Q4 was refused as out of order: read as Python's `%y` reads years, it is 2000Q1."""
    dates = [f"{year % 100:02d}Q{quarter}" for year in range(1990, 2010) for quarter in range(1, 5)]
    dataset = load_csv(_csv(dates), name="eighty.csv")
    assert _iso(dataset.frame.index) == _quarters("1990-01-01", 80)


def test_an_observed_two_digit_quarter_is_never_in_the_future():
    """As for `1/4/60`: an observation of 60Q1 is of 1960; a forecast's period 60Q1 is of 2060, as `%y` reads it."""
    assert _iso(parse_dates(pd.Index(["60Q1", "60Q2"]), "date", "x.csv")) == ["1960-01-01", "1960-04-01"]
    forecast = parse_dates(pd.Index(["60Q1", "60Q2"]), "date", "x.csv", observed=False)
    assert _iso(forecast) == ["2060-01-01", "2060-04-01"]


def test_a_typed_two_digit_quarter_reads_as_it_does_in_a_file():
    assert read_date("90Q1") == pd.Timestamp("1990-01-01")
    assert read_date("Q3-05") == pd.Timestamp("2005-07-01")


def test_months_written_yyyymm_are_monthly():
    """`199003` was refused as no date, with the advice to write it as the other dates are."""
    months = pd.date_range("1990-03-01", periods=80, freq="MS")
    dataset = load_csv(_csv(list(months.strftime("%Y%m"))), name="monthly.csv")
    assert dataset.frequency == "MS"
    assert _iso(dataset.frame.index) == _iso(months)


def test_every_third_month_written_yyyymm_is_quarterly():
    """`200103, 200106, ...`: pandas read 200103 as 20 January 2003, and the sorted file as out of order."""
    months = pd.date_range("2001-03-01", periods=80, freq="QS-MAR")
    dataset = load_csv(_csv(list(months.strftime("%Y%m"))), name="quarterly.csv")
    assert dataset.frequency == "QS-MAR"
    assert _iso(dataset.frame.index) == _iso(months)


def test_a_yyyymm_month_that_does_not_exist_is_named_with_a_date_that_reads():
    dates = ["199001", "199002", "199013", "199004"]
    # the first date shows the form it is written in already: its numbers are what is wrong, not its form
    with pytest.raises(InvalidInputError, match=r"row 3: '199013' is not a date; it is written as the other dates"
                       r" are \('199001'\) but names no day, month or period: correct it"):  # fmt: skip
        parse_dates(pd.Index(dates), "date", "x.csv")


@pytest.mark.parametrize(
    ("dates", "fix"),
    [
        (["36526", "36527", "36528"], r"it looks like a spreadsheet's day number \(2000-01-01 as Excel counts days\)"),
        (["1", "2", "3"], "write it as YYYY-MM-DD"),
        (["123456", "123457", "123458"], "write it as YYYY-MM-DD"),
    ],
)
def test_numbers_that_are_no_dates_stay_refused(dates, fix):
    """Excel's day numbers (said as such), row numbers and six digits without a likely year are no months."""
    with pytest.raises(InvalidInputError, match=rf"row 1: '{dates[0]}' is not a date; {fix}"):
        parse_dates(pd.Index(dates), "date", "x.csv")


def test_eight_digits_are_still_days():
    dates = parse_dates(pd.Index(["20000101", "20000102", "20000103"]), "date", "x.csv")
    assert _iso(dates) == ["2000-01-01", "2000-01-02", "2000-01-03"]


def test_digits_only_guessed_are_no_example_for_digits_alike():
    """010190 reads only by pandas' guess of the cell: no form to write 999999 as."""
    with pytest.raises(InvalidInputError, match=r"row 3: '999999' is not a date; write it as YYYY-MM-DD$"):
        parse_dates(pd.Index(["010190", "020190", "999999"]), "date", "x.csv")
