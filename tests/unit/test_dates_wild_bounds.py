"""A start or end written as a day keeps the same periods whatever day the file's rows are dated on (a quarter's
first or last): the Train page's From and To are date pickers, so there every bound is a day. It compared the
rows' own dates: `--start 1995-02-15` kept 1995Q1 of a file dated at quarter ends but not of one dated at quarter
starts, and `--start 1995-03-31` dropped 1995Q1 of the latter."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.cli import main


def _csv(dates: pd.DatetimeIndex) -> bytes:
    # values with nothing periodic in them: a pattern repeating every few rows is a calendar column, refused
    values = [(i * 1.5 + 3 * math.sin(1.3 * i), 5 * math.cos(0.7 * i) + i) for i in range(len(dates))]
    rows = "".join(f"{d:%Y-%m-%d},{a:.4f},{b:.4f}\n" for d, (a, b) in zip(dates, values, strict=True))
    return ("date,a,b\n" + rows).encode()


STARTS = pd.date_range("1990-01-01", periods=79, freq="QS")  # 1990Q1 ... 2009Q3, dated by each quarter's first day
ENDS = pd.date_range("1990-03-31", periods=79, freq="QE")  # the same quarters, dated by their last day


def _quarters(dates: pd.DatetimeIndex, **bounds) -> tuple[str, str, int]:
    kept = load_dataset(_csv(dates), variables=["a", "b"], csv_name="q.csv", **bounds).frame.index
    quarters = kept.to_period("Q")
    return str(quarters[0]), str(quarters[-1]), len(kept)


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        ({"start": "1995-02-15"}, ("1995Q1", "2009Q3", 59)),  # the quarter holding the day, and those after
        ({"start": "1995-03-31"}, ("1995Q1", "2009Q3", 59)),
        ({"start": "1995-01-01"}, ("1995Q1", "2009Q3", 59)),
        ({"end": "2005-11-30"}, ("1990Q1", "2005Q4", 64)),  # the quarter holding the day, and those before
        ({"end": "2005-10-01"}, ("1990Q1", "2005Q4", 64)),
        ({"end": "2005-12-31"}, ("1990Q1", "2005Q4", 64)),
        ({"start": "2001-05-01", "end": "2001-06-01"}, ("2001Q2", "2001Q2", 1)),  # a window inside one quarter
    ],
)
def test_a_day_keeps_the_same_quarters_however_the_file_dates_them(bounds, expected):
    assert _quarters(STARTS, **bounds) == _quarters(ENDS, **bounds) == expected


def test_a_day_on_monthly_rows_is_its_month():
    months = pd.date_range("2000-01-31", periods=36, freq="ME")  # month ends
    kept = load_dataset(_csv(months), variables=["a", "b"], start="2001-03-15", end="2001-06-01", csv_name="m.csv")
    assert [f"{d:%Y-%m}" for d in kept.frame.index] == ["2001-03", "2001-04", "2001-05", "2001-06"]


def test_a_window_on_a_missing_quarter_is_still_told_to_widen():
    gappy = STARTS.delete(45)  # 2001Q2 has no row
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(_csv(gappy), variables=["a", "b"], start="2001-05-01", end="2001-06-01", csv_name="q.csv")
    assert str(refused.value).endswith("its data run from 1990Q1 to 2009Q3; widen the window to hold a row")


def test_a_bound_with_a_time_of_day_is_that_instant():
    hours = pd.date_range("2020-01-01", periods=72, freq="h")
    text = "date,a,b\n" + "".join(f"{d:%Y-%m-%dT%H:%M},{i % 7 + 0.5 * i},{i % 3}\n" for i, d in enumerate(hours))
    kept = load_dataset(text.encode(), variables=["a", "b"], end="2020-01-02T06:00", csv_name="h.csv").frame.index
    assert kept[-1] == pd.Timestamp("2020-01-02T06:00")
    whole_day = load_dataset(text.encode(), variables=["a", "b"], end="2020-01-02", csv_name="h.csv").frame.index
    assert whole_day[-1] == pd.Timestamp("2020-01-02T23:00")  # a day bound is the whole day


def test_the_cli_trains_on_the_same_quarters(tmp_path, monkeypatch, capsys):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    said = []
    for name, dates in (("starts.csv", STARTS), ("ends.csv", ENDS)):
        (tmp_path / name).write_bytes(_csv(dates))
        code = main(["train", "--csv", str(tmp_path / name), "--start", "1995-02-15", "--end", "2005-11-30"])
        out, err = capsys.readouterr()
        assert code == 0, err
        said.append(out)
    assert all("1995Q1 to 2005Q4 (44 rows)" in out for out in said), said
