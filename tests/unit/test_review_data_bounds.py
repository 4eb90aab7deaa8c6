"""Review of the data-reading changes: a bound written as a day stood for its period only where rows are dated at
a period's first or last day (not on the 15th, nor a business month's first or last day), weekly rows were read
as weeks ending on their date, and a bound with midnight written (`T00:00`) was read as the whole day."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import load_dataset
from varlib.data import slice_dates


def _frame(dates) -> pd.DataFrame:
    return pd.DataFrame({"a": range(len(dates))}, index=pd.DatetimeIndex(dates))


def _csv(dates) -> bytes:
    rows = "".join(f"{d:%Y-%m-%d},{100 + i + (i * 7) % 5},{50 + (i * 3) % 7}\n" for i, d in enumerate(dates))
    return ("date,a,b\n" + rows).encode()


@pytest.mark.parametrize("day", [1, 15, "last", "last business"])
def test_a_day_bound_keeps_its_month_whatever_day_the_months_are_dated(day):
    months = pd.date_range("2020-01-01", periods=8, freq="MS")
    dates = {
        "last": months + pd.offsets.MonthEnd(0),
        "last business": pd.date_range("2020-01-31", periods=8, freq="BME"),
    }.get(day, months + pd.Timedelta(days=int(day) - 1 if isinstance(day, int) else 0))
    frame = _frame(dates)
    assert slice_dates(frame, None, "2020-03-10").index[-1].month == 3  # March holds the end: kept
    assert slice_dates(frame, "2020-03-20", None).index[0].month == 3  # and the start
    assert slice_dates(frame, "2020-05-30", "2020-05-30").index.month.tolist() == [5]  # 2020-05-29 is a Friday


def test_a_day_bound_keeps_the_month_dated_on_its_first_business_day():
    frame = _frame(pd.date_range("2020-01-01", periods=8, freq="BMS"))  # February's is the 3rd
    assert slice_dates(frame, None, "2020-02-02").index[-1] == pd.Timestamp("2020-02-03")


def test_a_file_of_business_month_ends_keeps_the_month_holding_the_start():
    dates = pd.date_range("2020-01-31", periods=8, freq="BME")
    kept = load_dataset(_csv(dates), csv_name="b.csv", start="2020-05-30").frame.index
    assert kept[0] == pd.Timestamp("2020-05-29")


@pytest.mark.parametrize("weekday", ["MON", "FRI", "SUN"])
def test_weekly_rows_are_the_days_they_are_dated(weekday):
    frame = _frame(pd.date_range("2020-01-01", periods=10, freq=f"W-{weekday}"))
    dates = frame.index
    assert slice_dates(frame, None, "2020-01-14").index.equals(dates[dates <= "2020-01-14"])
    assert slice_dates(frame, "2020-01-14", None).index.equals(dates[dates >= "2020-01-14"])
    assert slice_dates(frame, None, "Jan 2020").index[-1].month == 1  # Monday 2020-02-03 is no week of January


def test_monday_weeks_end_before_the_week_after_the_end():
    dates = pd.date_range("2020-01-06", periods=8, freq="W-MON")
    kept = load_dataset(_csv(dates), csv_name="w.csv", end="2020-01-21").frame.index
    assert kept[-1] == pd.Timestamp("2020-01-20")
    assert load_dataset(_csv(dates), csv_name="w.csv", end="2020-01-28").frame.index[-1] == pd.Timestamp("2020-01-27")
    kept = slice_dates(_frame(dates), None, "2020-01-14").index
    assert kept[-1] == pd.Timestamp("2020-01-13")  # the week dated 2020-01-20 lies after the end


@pytest.mark.parametrize("midnight", ["2020-02-15T00:00", "2020-02-15 00:00:00", "2020-02-15T00"])
def test_a_bound_with_midnight_written_is_that_instant(midnight):
    starts = _csv(pd.date_range("2020-01-01", periods=10, freq="QS"))
    kept = load_dataset(starts, csv_name="q.csv", start=midnight).frame.index
    assert kept[0] == pd.Timestamp("2020-04-01")  # 2020-01-01 lies before the instant
    assert load_dataset(starts, csv_name="q.csv", start="2020-02-15").frame.index[0] == pd.Timestamp("2020-01-01")
    ends = _csv(pd.date_range("2019-12-31", periods=10, freq="QE"))
    kept = load_dataset(ends, csv_name="q.csv", end=midnight.replace("02-15", "05-15")).frame.index
    assert kept[-1] == pd.Timestamp("2020-03-31")
    assert load_dataset(ends, csv_name="q.csv", end="2020-05-15").frame.index[-1] == pd.Timestamp("2020-06-30")
