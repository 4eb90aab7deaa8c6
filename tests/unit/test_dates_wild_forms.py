"""Stata's monthly dates (`1990m1`, `1990M1`) were refused with a hint naming `1990m10` as the form to use, and a
file turning from quarterly to monthly rows was called irregular with a regular quarterly step as its example."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.data.date_text import read_date
from varlib.data.frequency import detect_frequency
from varlib.data.lag_inputs import dated_lag_inputs, read_lag_inputs
from varlib.data.sample_window import span_of
from varlib.data.timeindex import parse_dates

MONTHS = pd.date_range("1990-01-01", periods=30, freq="MS")


def _csv(labels: list[str]) -> bytes:
    rows = "".join(f"{label},{i * 1.5 + (i * i) % 11},{(i * 7) % 13 - 0.3 * i}\n" for i, label in enumerate(labels))
    return ("date,a,b\n" + rows).encode()


@pytest.mark.parametrize(
    "form", ["{y}m{m}", "{y}M{m}", "{y}m{m:02d}", "{y}M{m:02d}"], ids=["stata", "upper", "padded", "upper-padded"]
)
def test_stata_months_read_as_months(form):
    labels = [form.format(y=d.year, m=d.month) for d in MONTHS]
    dataset = load_dataset(_csv(labels), variables=["a", "b"], csv_name="stataM.csv")
    assert dataset.frequency == "MS" and dataset.frame.index.equals(pd.DatetimeIndex(MONTHS, name="date"))


def test_stata_months_are_bounds_lag_dates_and_condition_dates_too():
    kept = load_dataset(_csv([f"{d.year}m{d.month}" for d in MONTHS]), start="1990m3", end="1991M2", csv_name="m.csv")
    assert (kept.frame.index[0], len(kept.frame)) == (pd.Timestamp("1990-03-01"), 12)
    assert span_of("1990m3") == pd.DateOffset(months=1)  # a month, whatever day the rows name it by
    assert read_date("2009m7") == read_date("2009M07") == pd.Timestamp("2009-07-01")  # conditions, paths
    lags = read_lag_inputs(b"date,a,b\n2009m11,1,2\n2009m12,2,3\n2010m1,3,4\n", ["a", "b"], 3, "none", frequency="MS")
    assert list(lags.index) == list(pd.date_range("2009-11-01", periods=3, freq="MS"))
    rest = dated_lag_inputs([[1, 2], [2, 3], [3, 4]], ["2009m11", "2009m12", "2010M1"], ["a", "b"], 3, "none", "MS")
    assert rest.index.equals(lags.index)


@pytest.mark.parametrize(
    "dates",
    [
        ["1990m1", "1990m2", "1990m13"],
        ["1990M01", "1990M02", "1990M13"],
        ["199001", "199002", "199013"],
        ["2021-01-01", "2021-02-01", "2021-04-31"],
        ["2000Q1", "2000Q2", "2000Q5"],
    ],
)
def test_a_hint_never_offers_the_refused_form_as_the_right_one(dates):
    with pytest.raises(InvalidInputError) as refused:
        parse_dates(pd.Index(dates), "date", "x.csv")
    message = str(refused.value)
    assert "write it as the other dates are" not in message, message
    assert message.endswith(
        f"row 3: {dates[2]!r} is not a date; it is written as the other dates are ({dates[0]!r}) but names no day,"
        " month or period: correct it"
    )


def test_a_hint_still_offers_a_form_the_refused_date_lacks():
    with pytest.raises(InvalidInputError, match=re.escape("write it as the other dates are ('01/04/2022') or as")):
        parse_dates(pd.Index(["01/04/2022", "01/05/2022", "01/07/22"]), "date", "x.csv")


QUARTERS_THEN_MONTHS = pd.DatetimeIndex(
    [*pd.date_range("1990-01-01", periods=40, freq="QS"), *pd.date_range("2000-01-01", periods=39, freq="MS")]
)


def test_a_switch_from_quarters_to_months_is_named_where_it_happens():
    with pytest.raises(InvalidInputError) as refused:
        detect_frequency(QUARTERS_THEN_MONTHS, "'dd2_mixQM.csv'")
    assert str(refused.value) == (
        "the dates of 'dd2_mixQM.csv' change from quarterly to monthly rows at 2000-01-01 (1999-10-01, then"
        " 2000-01-01, then 2000-02-01): a VAR needs one row per period of one frequency; aggregate the monthly rows"
        " to quarters, or keep the rows of one frequency (a start or end date), first"
    )
    labels = [f"{d:%Y-%m-%d}" for d in QUARTERS_THEN_MONTHS]
    with pytest.raises(InvalidInputError, match=r"change from quarterly to monthly rows at 2000-01-01 \(1999-10-01"):
        load_dataset(_csv(labels), variables=["a", "b"], csv_name="dd2_mixQM.csv")


def test_a_switch_from_months_to_quarters_aggregates_the_months():
    dates = pd.DatetimeIndex(
        [*pd.date_range("1995-01-01", periods=12, freq="MS"), *pd.date_range("1996-01-01", periods=40, freq="QS")]
    )
    said = r"monthly to quarterly rows at 1996-01-01 \(1995-12-01, then 1996-01-01, then 1996-04-01\).* monthly rows to"
    with pytest.raises(InvalidInputError, match=said):
        detect_frequency(dates, "'x.csv'")


def test_dates_on_no_grid_keep_their_widest_step():
    scattered = pd.DatetimeIndex(["2020-01-03", "2020-02-17", "2020-02-20", "2020-05-01", "2020-05-02"])
    with pytest.raises(InvalidInputError, match=r"irregularly spaced \(for example 2020-02-20 then 2020-05-01\)"):
        detect_frequency(scattered, "'x.csv'")
