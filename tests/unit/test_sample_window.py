"""A start and end date that keep no row, or a start after the end, are refused with the data's span, not
reported later as a dataset of 0 rows that needs more data."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset

CSV = "date,a,b\n" + "".join(f"{y}-{m:02d}-01,{y + m},{y * 2 - m}\n" for y in range(2000, 2003) for m in (1, 4, 7, 10))


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("2020Q1", None, "no row of macrodata lies from 2020Q1 on: its data run from 1959Q1 to 2009Q3"),
        (None, "1950-01-01", "no row of macrodata lies up to 1950-01-01: its data run from 1959Q1 to 2009Q3"),
        ("1990Q1", "1980Q1", "start 1990Q1 lies after end 1980Q1: give the earlier date as start"),
    ],
)
def test_the_bundled_data_names_its_span(start, end, said):
    with pytest.raises(InvalidInputError, match=said):
        load_dataset(start=start, end=end)


def test_a_csv_names_its_span_as_quarters():
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(CSV.encode(), variables=["a", "b"], start="2005-01-01", end="2006-01-01", csv_name="q.csv")
    assert "no row of 'q.csv' lies between 2005-01-01 and 2006-01-01: its data run from 2000Q1 to 2002Q4" in str(
        refused.value
    )


def test_a_window_inside_the_data_keeps_its_rows():
    kept = load_dataset(CSV.encode(), variables=["a", "b"], start="2001-01-01", end="2001-10-01", csv_name="q.csv")
    assert len(kept.frame) == 4


def test_a_window_inside_the_data_without_a_row_is_told_to_widen():
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(CSV.encode(), variables=["a", "b"], start="2001-05-01", end="2001-06-01", csv_name="q.csv")
    assert str(refused.value).endswith("its data run from 2000Q1 to 2002Q4; widen the window to hold a row")


def test_an_end_before_the_data_is_the_bound_named():
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(start="1940-01-01", end="1950-01-01")
    assert refused.value.field == "end" and refused.value.value == "1950-01-01"


@pytest.mark.parametrize("bound", ["start", "end"])
def test_a_date_with_a_time_zone_is_the_day_written(bound):
    # as a zoned date column reads (tests/unit/test_zoned_dates.py): midnight at +02:00 is that day, not the one before
    for zoned in ("2001-01-01T00:00:00+02:00", "2001-01-01T00Z", "2001-01-01T00:00:00 GMT"):
        kept = load_dataset(**{bound: zoned}).frame.index
        assert kept.equals(load_dataset(**{bound: "2001-01-01"}).frame.index)
        assert kept[0 if bound == "start" else -1] == pd.Timestamp("2001-01-01")


@pytest.mark.parametrize(("start", "end"), [("2001Q1", "2001Q4"), ("Q1 2001", "2001-Q4"), ("2001M01", "2001-10")])
def test_a_window_may_be_given_as_periods(start, end):
    # pandas reads 2001Q1 itself only with a warning that pandas 4 drops it (an error in this suite)
    kept = load_dataset(CSV.encode(), variables=["a", "b"], start=start, end=end, csv_name="q.csv")
    assert [str(p) for p in kept.frame.index.to_period("Q")] == ["2001Q1", "2001Q2", "2001Q3", "2001Q4"]
