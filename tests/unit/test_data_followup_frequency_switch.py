"""Rows that switch from one frequency to another are said where they switch, however many rows of the finer one
follow (59 months after 40 quarters were read as months with 78 to fill); months with gaps anywhere stay months
with gaps, offered a fill."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.cli import main
from varlib.data.frequency import detect_frequency

QUARTERS = pd.date_range("1990-01-01", periods=40, freq="QS")  # 1990-01-01 ... 1999-10-01
SWITCH = "change from quarterly to monthly rows at 1999-10-01 (1999-07-01, then 1999-10-01, then 1999-11-01)"


def _csv(dates: pd.DatetimeIndex) -> bytes:
    rows = "".join(f"{d:%Y-%m-%d},{100 + i % 7 + 0.1 * i},{95 + (i * 3) % 5 - 0.05 * i}\n" for i, d in enumerate(dates))
    return ("date,a,b\n" + rows).encode()


@pytest.mark.parametrize("months", [20, 59, 200])
def test_more_monthly_rows_than_quarterly_ones_still_switch(months):
    dates = QUARTERS.append(pd.date_range("1999-11-01", periods=months, freq="MS"))
    with pytest.raises(InvalidInputError) as refused:
        detect_frequency(dates, "'switch.csv'")
    assert str(refused.value) == (
        f"the dates of 'switch.csv' {SWITCH}: a VAR needs one row per period of one frequency; aggregate the monthly"
        " rows to quarters, or keep the rows of one frequency (a start or end date), first"
    )
    for fill in ("none", "interpolate"):  # no fill invents the 78 months of the quarterly rows
        with pytest.raises(InvalidInputError, match=re.escape(f"'switch.csv' {SWITCH}")):
            load_dataset(_csv(dates), variables=["a", "b"], csv_name="switch.csv", fill=fill)


def test_the_cli_says_the_switch_instead_of_the_missing_months(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "switch.csv"
    path.write_bytes(_csv(QUARTERS.append(pd.date_range("1999-11-01", periods=59, freq="MS"))))
    for fill in ([], ["--fill", "interpolate"]):
        assert main(["train", "--csv", str(path), *fill]) == 2
        err = capsys.readouterr().err
        assert SWITCH in err and "have no row" not in err


def test_more_monthly_rows_before_quarterly_ones_switch_too():
    dates = pd.date_range("1990-01-01", periods=100, freq="MS").append(
        pd.date_range("1998-07-01", periods=40, freq="QS")
    )
    said = r"monthly to quarterly rows at 1998-04-01 \(1998-03-01, then 1998-04-01, then 1998-07-01\).* monthly rows to"
    with pytest.raises(InvalidInputError, match=said):
        detect_frequency(dates, "'x.csv'")


def test_quarterly_rows_then_months_off_their_phase_switch_where_the_months_begin():
    dates = QUARTERS.append(pd.date_range("1999-12-01", periods=59, freq="MS"))
    with pytest.raises(InvalidInputError, match=r"quarterly to monthly rows at 1999-12-01 \(1999-10-01, then 1999-12"):
        detect_frequency(dates, "'x.csv'")


MONTHS = pd.date_range("1990-01-01", periods=200, freq="MS")


@pytest.mark.parametrize(
    "gone",
    [
        [5, 50, 51, 120],  # a few months anywhere
        [1, 2, 4, 5],  # two quarters' worth at the start: no run of quarterly rows before the months
        [1, 3, 5, 7, 9],  # every other month for a while: no more missing than rows there
        [1, 2, 4, 5, 7, 8, 100],  # quarterly-looking rows at the start, and a month missing later
    ],
)
def test_months_with_gaps_stay_months_with_gaps(gone):
    dates = MONTHS.delete(gone)
    frequency = detect_frequency(dates, "'gaps.csv'")
    assert frequency.label == "monthly" and list(frequency.missing) == list(MONTHS[gone])
    with pytest.raises(InvalidInputError, match="is monthly but these periods have no row: .* choose a fill"):
        load_dataset(_csv(dates), variables=["a", "b"], csv_name="gaps.csv")
    filled = load_dataset(_csv(dates), variables=["a", "b"], csv_name="gaps.csv", fill="interpolate")
    assert len(filled.frame) == len(MONTHS)


def test_business_days_missing_holidays_stay_business_days():
    days = pd.bdate_range("2020-01-01", periods=500)
    assert detect_frequency(days.delete([10, 100, 200, 300])).label == "business daily"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scattered_dates_are_irregular_not_a_switch(seed):
    """Weekly dates with a fifth of them moved a few days make runs of three weeks, then three steps of nine days:
    read as 'a change from weekly to every 9 days rows', which told the analyst to aggregate rows of a frequency
    the file does not have."""
    rng = np.random.default_rng(seed)
    weeks = pd.date_range("2000-01-02", periods=400, freq="W-SUN")
    moved = pd.DatetimeIndex(weeks + pd.to_timedelta(rng.integers(1, 6, 400) * (rng.random(400) < 0.2), "D"))
    with pytest.raises(InvalidInputError) as refused:
        detect_frequency(moved.unique().sort_values(), "'moved.csv'")
    assert str(refused.value).startswith("the dates of 'moved.csv' are irregularly spaced (for example "), refused.value
