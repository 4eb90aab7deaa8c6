"""Date forms whose messages misdescribed the file: `15-Jan` (Excel's yy-mmm) and `15/01/01` (yy/mm/dd) were
said to be "not sorted by date", `2000/1` and `T1 2000` (quarters) "irregularly spaced", and `10.2015` (MM.YYYY)
"not a date" after `09.2015` had been read as a day of the year 1. Each is read where only one reading gives
regular dates, and refused with what was misread otherwise (QA)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset

MONTHS = pd.date_range("2015-01-01", periods=40, freq="MS")
QUARTERS = pd.date_range("2000-01-01", periods=40, freq="QS")


def _csv(labels) -> bytes:
    rng = np.random.default_rng(2)
    values = 100 + np.cumsum(rng.normal(0.3, 1.0, size=(len(labels), 2)), axis=0)
    rows = [f"{label},{a:.3f},{b:.3f}" for label, (a, b) in zip(labels, values, strict=True)]
    return ("date,gdp,cons\n" + "\n".join(rows) + "\n").encode()


@pytest.mark.parametrize(
    "labels, how",
    [
        ([f"{d:%y-%b}" for d in MONTHS], "dates as years and months ('15-Jan': Jan 2015)"),  # Excel's yy-mmm
        ([f"{d:%y/%m/%d}" for d in MONTHS], "dates year first"),  # 15/01/01
        ([f"{d:%m.%Y}" for d in MONTHS], None),  # 01.2015 ... 10.2015
        ([f"{d.month}.{d.year}" for d in MONTHS], None),  # 1.2015 ... 10.2015, as a spreadsheet writes M.YYYY
    ],
)
def test_months_in_these_forms_are_read_as_their_months(labels, how):
    dataset = load_dataset(_csv(labels), csv_name="months.csv")
    assert list(dataset.frame.index) == list(MONTHS) and dataset.frequency == "MS"
    assert (how in dataset.read_as) if how else not dataset.read_as


@pytest.mark.parametrize(
    "labels",
    [
        [f"{d.year}/{d.quarter}" for d in QUARTERS],  # 2000/1
        [f"T{d.quarter} {d.year}" for d in QUARTERS],  # a French trimestre
        [f"{d.year}T{d.quarter}" for d in QUARTERS],  # as Spain's INE writes it
    ],
)
def test_quarters_in_these_forms_are_read_as_their_quarters(labels):
    dataset = load_dataset(_csv(labels), csv_name="quarters.csv")
    assert list(dataset.frame.index) == list(QUARTERS) and dataset.frequency == "QS-JAN"


def test_day_and_month_names_without_a_year_are_refused_with_both_readings():
    days = [f"{d.day}-{d:%b}" for d in pd.date_range("2020-01-01", periods=40, freq="D")]  # Excel's d-mmm
    with pytest.raises(InvalidInputError, match=r"'1-Jan' is Jan 2001 if 01 is the year \(Excel's yy-mmm\) or 1"):
        load_dataset(_csv(days), csv_name="days.csv")


def test_a_month_and_year_form_never_takes_a_number_for_a_date():
    """A first column of numbers such as 12.3456 is no column of MM.YYYY dates: the year must be a likely one."""
    labels = [f"{10 + i % 3}.{3456 + i}" for i in range(40)]
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(_csv(labels), csv_name="numbers.csv")
    assert "not sorted" not in str(refused.value) and "irregularly" not in str(refused.value)


def test_dd_mm_yy_dates_stay_day_first():
    labels = [f"{d:%d/%m/%y}" for d in QUARTERS]  # 01/01/00, 01/04/00: year first would be 2001-01-00, no date
    dataset = load_dataset(_csv(labels), csv_name="dmy.csv")
    assert list(dataset.frame.index) == list(QUARTERS) and "dates day first" in dataset.read_as


@pytest.mark.parametrize("bound", ["4.2016", "04.2016", "4/2016", "2016-04"])
def test_a_month_bound_reads_with_or_without_its_leading_zero(bound):
    """`--end 4.2016` was 'not a date' while `4/2016` and `04.2016` kept April 2016."""
    dataset = load_dataset(_csv([f"{d:%Y-%m-%d}" for d in MONTHS]), csv_name="months.csv", end=bound)
    assert dataset.frame.index[-1] == pd.Timestamp("2016-04-01")
