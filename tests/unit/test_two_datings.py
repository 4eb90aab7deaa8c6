"""Rows of one frequency dated two ways (quarters by their last day, then by their first, as two downloads pasted
together) are refused where the dating changes, with the fix: they were called irregular, with an ordinary step as
the example (`2000-06-30 then 2000-09-30`) and the advice to aggregate data that need none."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset, profile_csv
from varlib.cli import main
from varlib.data.frequency import detect_frequency

ENDS = pd.date_range("2000-03-31", periods=40, freq="QE")  # 2000Q1 ... 2009Q4, each by its last day
STARTS = pd.date_range("2010-01-01", periods=40, freq="QS")  # 2010Q1 ... 2019Q4, each by its first day
SAID = (
    "the dates of 'pasted.csv' are quarterly but dated two ways: by each period's last day (QE-DEC) up to"
    " 2009-12-31, then by each period's first day (QS-JAN) from 2010-01-01 (2009-09-30, then 2009-12-31, then"
    " 2010-01-01): a VAR needs every row on one grid; write every date the same way (all by the period's first day,"
    " or all by its last), then train"
)


def _csv(dates: pd.DatetimeIndex) -> bytes:
    rows = "".join(f"{d:%Y-%m-%d},{100 + i % 7 + 0.1 * i},{95 + (i * 3) % 5 - 0.05 * i}\n" for i, d in enumerate(dates))
    return ("date,gdp,cpi\n" + rows).encode()


def test_quarter_ends_then_quarter_starts_are_named_where_they_change():
    with pytest.raises(InvalidInputError) as refused:
        detect_frequency(ENDS.append(STARTS), "'pasted.csv'")
    assert str(refused.value) == SAID


def test_the_other_way_round_and_months_too():
    starts_then_ends = pd.date_range("2000-01-01", periods=40, freq="QS").append(STARTS + pd.offsets.QuarterEnd(0))
    with pytest.raises(
        InvalidInputError, match=re.escape("by each period's first day (QS-JAN) up to 2009-10-01, then")
    ):
        detect_frequency(starts_then_ends, "'x.csv'")
    months = pd.date_range("2010-01-31", periods=50, freq="ME").append(
        pd.date_range("2014-03-01", periods=50, freq="MS")
    )
    with pytest.raises(InvalidInputError, match=re.escape("are monthly but dated two ways: by each period's last day")):
        detect_frequency(months, "'x.csv'")


def test_dates_on_no_grid_stay_irregular():
    dates = pd.DatetimeIndex(["2000-01-01", "2000-04-01", "2000-07-01", "2000-08-13", "2001-02-02", "2001-03-30"])
    with pytest.raises(InvalidInputError, match="irregularly spaced"):
        detect_frequency(dates, "'x.csv'")


def test_the_cli_and_the_upload_preview_say_where_the_dating_changes(tmp_path, monkeypatch, capsys):
    data = _csv(ENDS.append(STARTS))
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "pasted.csv"
    path.write_bytes(data)
    assert main(["train", "--csv", str(path)]) == 2
    err = capsys.readouterr().err
    assert SAID in err and "irregularly" not in err
    profile, _ = profile_csv(data, "pasted.csv")
    assert SAID in profile.problems
    with pytest.raises(InvalidInputError, match=re.escape(SAID)):
        load_dataset(data, variables=["gdp", "cpi"], csv_name="pasted.csv", fill="interpolate")
