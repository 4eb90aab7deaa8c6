"""A change of frequency is said where it happens also when a few periods are missing among the finer rows (20
quarters, then 60 months with 5 missing, were read as monthly with 45 periods to fill, 40 of them between the
quarters); gaps of one frequency anywhere, however regular for a few rows, stay gaps to fill."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.cli import main
from varlib.data.frequency import detect_frequency

QUARTERS = pd.date_range("2000-01-01", periods=20, freq="QS")  # 2000Q1 ... 2004Q4
MONTHS = pd.date_range("2005-01-01", periods=60, freq="MS").delete([7, 19, 30, 41, 52])
SWITCH = "change from quarterly to monthly rows at 2005-01-01 (2004-10-01, then 2005-01-01, then 2005-02-01)"
ADVICE = ": a VAR needs one row per period of one frequency; aggregate the {} rows to {}, or keep the rows of one"


def _csv(dates: pd.DatetimeIndex) -> bytes:
    rows = "".join(f"{d:%Y-%m-%d},{100 + i % 7 + 0.1 * i},{95 + (i * 3) % 5 - 0.05 * i}\n" for i, d in enumerate(dates))
    return ("date,a,b\n" + rows).encode()


def _refusal(dates: pd.DatetimeIndex) -> str:
    with pytest.raises(InvalidInputError) as refused:
        detect_frequency(dates, "'x.csv'")
    return str(refused.value)


def test_quarters_then_months_with_gaps_are_a_switch_not_45_months_to_fill():
    dates = QUARTERS.append(MONTHS)
    assert _refusal(dates).startswith(f"the dates of 'x.csv' {SWITCH}{ADVICE.format('monthly', 'quarters')}")
    for fill in ("none", "interpolate"):  # no fill invents two months in every quarter of five years
        with pytest.raises(InvalidInputError, match=re.escape(f"'qm.csv' {SWITCH}")):
            load_dataset(_csv(dates), variables=["a", "b"], csv_name="qm.csv", fill=fill)


def test_the_cli_says_the_switch_with_gaps(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "qm.csv"
    path.write_bytes(_csv(QUARTERS.append(MONTHS)))
    assert main(["train", "--csv", str(path), "--vars", "a,b", "--name", "qm"]) == 2
    err = capsys.readouterr().err
    assert SWITCH in err and "have no row" not in err


@pytest.mark.parametrize(
    "dates, said",
    [
        (  # months with a few missing, then quarters
            pd.date_range("1990-01-01", periods=100, freq="MS")
            .delete([10, 40, 70])
            .append(pd.date_range("1998-07-01", periods=30, freq="QS")),
            "monthly to quarterly rows at 1998-04-01 (1998-03-01, then 1998-04-01, then 1998-07-01)",
        ),
        (  # quarters with a few missing, then years
            pd.date_range("1980-01-01", periods=60, freq="QS")
            .delete([9, 33])
            .append(pd.date_range("1995-01-01", periods=15, freq="YS")),
            "quarterly to yearly rows at 1995-01-01 (1994-10-01, then 1995-01-01, then 1996-01-01)",
        ),
        (  # Sundays, then days with a few missing
            pd.date_range("2020-01-05", periods=20, freq="W-SUN").append(
                pd.date_range("2020-05-24", periods=120, freq="D").delete([15, 60, 61, 100])
            ),
            "weekly to daily rows at 2020-05-24 (2020-05-17, then 2020-05-24, then 2020-05-25)",
        ),
    ],
    ids=["monthly-then-quarterly", "quarterly-then-yearly", "weekly-then-daily"],
)
def test_other_switches_with_gaps_among_the_finer_rows(dates, said):
    assert said in _refusal(dates)


def test_five_quarterly_rows_before_months_with_gaps_are_a_switch_four_are_gaps():
    months = pd.date_range("1990-01-01", periods=200, freq="MS")
    five = months.delete([1, 2, 4, 5, 7, 8, 10, 11, 60, 150])  # Jan, Apr, Jul, Oct 1990, Jan 1991, then months
    assert "change from quarterly to monthly rows at 1991-01-01 (1990-10-01, then 1991-01-01" in _refusal(five)
    four = months.delete([1, 2, 4, 5, 7, 8, 60, 150])  # Jan, Apr, Jul, Oct 1990, then months
    assert list(detect_frequency(four).missing) == list(months[[1, 2, 4, 5, 7, 8, 60, 150]])


def test_the_gaps_are_not_needed_for_the_switch_nor_change_where_it_is_said():
    with_gaps, without = QUARTERS.append(MONTHS), QUARTERS.append(pd.date_range("2005-01-01", periods=60, freq="MS"))
    assert _refusal(with_gaps) == _refusal(without)


def test_a_quarter_missing_among_the_quarters_is_not_said_as_the_switch():
    """The quarters up to a missing one were named the switch to months (at 2002-01-01, then 2002-07-01), asking
    for the quarterly rows to be aggregated to months."""
    for dates in (QUARTERS.delete([9]).append(MONTHS), QUARTERS.delete([9]).append(MONTHS[:30])):
        try:
            said = detect_frequency(dates, "'x.csv'").describe_missing()
        except InvalidInputError as refused:
            said = str(refused)
        assert "2002-07-01" not in said and "quarterly rows to months" not in said, said


@pytest.mark.parametrize("months", [MONTHS, pd.date_range("2005-01-01", periods=60, freq="MS")], ids=["gaps", "none"])
def test_quarters_with_one_missing_then_months_are_the_switch_not_41_months_to_fill(months):
    """19 quarters (2002Q2 missing), then months: read as monthly with 41 periods to fill, two in every quarter, which
    interpolate wrote; as 20 quarters, they are a change of frequency."""
    dates = QUARTERS.delete([9]).append(months)
    assert _refusal(dates).startswith(f"the dates of 'x.csv' {SWITCH}{ADVICE.format('monthly', 'quarters')}")
    with pytest.raises(InvalidInputError, match=re.escape(f"'qm.csv' {SWITCH}")):
        load_dataset(_csv(dates), variables=["a", "b"], csv_name="qm.csv", fill="interpolate")


@pytest.mark.parametrize(
    "alias, periods, gone, label",
    [
        ("MS", 200, [1, 2, 4, 5, 7, 8, 100], "monthly"),  # four quarterly-looking months, a month missing later
        ("MS", 120, [3, 17, 18, 40, 77, 101], "monthly"),  # scattered months
        ("QS-JAN", 80, [1, 2, 3, 5, 6, 7, 50], "quarterly"),  # three yearly-looking quarters, a quarter later
        ("QE-DEC", 80, [4, 30, 31, 66], "quarterly"),  # a few missing quarters
        ("W-FRI", 150, [52, 104], "weekly"),  # a missing week a year
        ("D", 400, [5, 6, 200, 369], "daily"),
    ],
)
def test_ordinary_gaps_stay_gaps_named_for_a_fill(alias, periods, gone, label):
    grid = pd.date_range("1990-01-01", periods=periods, freq=alias)
    frequency = detect_frequency(grid.delete(gone), "'gaps.csv'")
    assert frequency.label == label and list(frequency.missing) == list(grid[gone])


def test_business_days_missing_their_holidays_are_not_a_switch():
    days = pd.bdate_range("2019-12-02", "2021-01-29")
    holidays = pd.DatetimeIndex(["2019-12-25", "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-25", "2020-12-25"])
    kept = days.difference(holidays)
    frequency = detect_frequency(kept, "'days.csv'")
    assert frequency.label == "business daily" and list(frequency.missing) == list(holidays)
    with pytest.raises(InvalidInputError, match="is business daily but these periods have no row: 2019-12-25, "):
        load_dataset(_csv(kept), variables=["a", "b"], csv_name="days.csv")
