"""Dates written as Excel writes a month by default (`Dec-01`: the month's name and a two-digit year) are read as
that month of that year, not as days of the year 1, and the frequency is found from them as from any dates."""

from __future__ import annotations

import pandas as pd
import pytest
from statsmodels.datasets import macrodata

from varlib import ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.data import load_csv, parse_dates

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _csv(dates: list[str]) -> bytes:
    """date,gdp,cpi with the first values of statsmodels' macro data (real GDP and consumption)."""
    data = macrodata.load_pandas().data.iloc[: len(dates)]
    rows = zip(dates, data["realgdp"], data["realcons"], strict=True)
    return ("date,gdp,cpi\n" + "".join(f"{d},{gdp},{cpi}\n" for d, gdp, cpi in rows)).encode()


def _iso(index: pd.Index) -> list[str]:
    return [d.date().isoformat() for d in index]


def test_annual_month_years_are_years_dated_as_the_same_years_written_in_full():
    annual = load_csv(_csv([f"Dec-{year % 100:02d}" for year in range(2001, 2025)]), name="annual.csv")
    assert annual.frequency == "YS-DEC"
    assert _iso(annual.frame.index) == [f"{year}-12-01" for year in range(2001, 2025)]
    in_full = load_csv(_csv([f"{year}-12" for year in range(2001, 2025)]), name="annual.csv")  # how 2001-12 reads
    assert in_full.frequency == annual.frequency and in_full.frame.index.equals(annual.frame.index)


def test_a_model_of_annual_month_years_forecasts_the_years_after_them():
    dataset = load_dataset(csv=_csv([f"Dec-{year % 100:02d}" for year in range(2001, 2025)]), csv_name="annual.csv")
    spec = ModelSpec(variables=("gdp", "cpi"), lags=1, transform="logdiff", holdout=0)
    artifact = build_artifact(train_model(dataset, spec), "annual", "t")
    assert forecast_artifact(artifact, steps=2).index == ["2025-12-01", "2026-12-01"]


def test_quarterly_month_years_are_quarters():
    dates = [f"{month}-{year:02d}" for year in range(1, 9) for month in ("Jan", "Apr", "Jul", "Oct")]
    quarterly = load_csv(_csv(dates), name="quarterly.csv")
    assert quarterly.frequency == "QS-JAN"
    assert _iso(quarterly.frame.index) == _iso(pd.date_range("2001-01-01", periods=32, freq="QS-JAN"))


def test_monthly_month_years_are_months():
    monthly = load_csv(_csv([f"{month}-{year:02d}" for year in range(1, 4) for month in MONTHS]), name="m.csv")
    assert monthly.frequency == "MS"
    assert _iso(monthly.frame.index) == _iso(pd.date_range("2001-01-01", periods=36, freq="MS"))


def test_two_digit_years_pass_the_century_in_order():
    eighties = load_csv(_csv([f"Dec-{year % 100:02d}" for year in range(1980, 2001)]), name="eighty.csv")
    assert eighties.frequency == "YS-DEC"
    assert _iso(eighties.frame.index) == [f"{year}-12-01" for year in range(1980, 2001)]


@pytest.mark.parametrize(
    "dates",
    [
        ["Jan-01", "Feb-01", "Mar-01"],
        ["jan 01", "FEB 01", "Mar 01"],
        ["January-01", "February-01", "March-01"],
        ["Jan/01", "Feb/01", "Mar/01"],
        ["Jan.01", "Feb.01", "Mar.01"],
        ["Jan-2001", "Feb-2001", "Mar-2001"],
        ["jan 2001", "feb 2001", "mar 2001"],
    ],
)
def test_any_case_name_and_separator_read_as_the_first_of_the_month(dates):
    assert _iso(parse_dates(pd.Index(dates), "date", "x.csv")) == ["2001-01-01", "2001-02-01", "2001-03-01"]


def test_two_digit_years_of_observations_are_not_in_the_future_as_numeric_dates_are_not():
    today = pd.Timestamp.now()
    next_year = f"Jan-{(today.year + 1) % 100:02d}"
    assert parse_dates(pd.Index([next_year]), "date", "x.csv")[0].year == today.year + 1 - 100
    assert parse_dates(pd.Index([next_year]), "date", "x.csv", observed=False)[0].year == today.year + 1
    assert parse_dates(pd.Index(["Jan-69", "Jan-68"]), "date", "x.csv", observed=False).year.tolist() == [1969, 2068]


@pytest.mark.parametrize(
    "dates, first, frequency",
    [
        ([f"{year}Q{q}" for year in range(2001, 2007) for q in range(1, 5)], "2001-01-01", "QS-JAN"),
        ([f"{d:%d/%m/%Y}" for d in pd.date_range("2001-01-01", periods=24, freq="QE-DEC")], "2001-03-31", "QE-DEC"),
        ([f"{MONTHS[(q * 3) % 12]}-{2001 + q // 4}" for q in range(24)], "2001-01-01", "QS-JAN"),
        ([str(year) for year in range(2001, 2025)], "2001-01-01", "YS-JAN"),
    ],
)
def test_other_forms_read_as_before(dates, first, frequency):
    dataset = load_csv(_csv(dates), name="other.csv")
    assert dataset.frequency == frequency and _iso(dataset.frame.index)[0] == first and len(dataset.frame) == 24
