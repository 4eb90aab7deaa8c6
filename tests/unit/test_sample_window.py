"""A start and end date that keep no row, or a start after the end, are refused with the data's span, not
reported later as a dataset of 0 rows that needs more data."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError, bounds_named, load_dataset
from varlib.cli import main

CSV = "date,a,b\n" + "".join(f"{y}-{m:02d}-01,{y + m},{y * 2 - m}\n" for y in range(2000, 2003) for m in (1, 4, 7, 10))


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("2020Q1", None, "no row of macrodata lies from 2020Q1 on: its data run from 1959Q1 to 2009Q3"),
        (None, "1950-01-01", "no row of macrodata lies up to 1950-01-01: its data run from 1959Q1 to 2009Q3"),
        (
            "1990Q1",
            "1980Q1",
            "the start date 1990Q1 lies after the end date 1980Q1: give the earlier date as the start date",
        ),
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


def _dated(freq: str, periods: int) -> bytes:
    dates = pd.date_range("2010-01-01", periods=periods, freq=freq)
    rows = "".join(f"{d.date()},{100 + i + (i * 7) % 5},{50 + (i * 3) % 7}\n" for i, d in enumerate(dates))
    return ("date,a,b\n" + rows).encode()


@pytest.mark.parametrize("dated_by", ["QS", "QE"])
@pytest.mark.parametrize(
    ("start", "end", "first", "last"),
    [
        (None, "2012Q4", "2010Q1", "2012Q4"),
        (None, "2012", "2010Q1", "2012Q4"),  # the whole year
        (None, "Dec 2012", "2010Q1", "2012Q4"),  # the quarter its last month is in
        (None, "2012-12", "2010Q1", "2012Q4"),
        ("2011Q2", None, "2011Q2", "2014Q4"),
        ("2011", "2011Q3", "2011Q1", "2011Q3"),
    ],
)
def test_a_bound_written_as_a_period_keeps_that_whole_period_however_rows_are_dated(dated_by, start, end, first, last):
    """A file dating its quarters by their last day (2012-12-31) lost the quarter `--end 2012Q4` names, and
    `--end 2012` kept 2012Q1 only: a silently shorter sample."""
    kept = load_dataset(_dated(dated_by, 20), variables=["a", "b"], start=start, end=end, csv_name="q.csv")
    quarters = kept.frame.index.to_period("Q")
    assert (str(quarters[0]), str(quarters[-1])) == (first, last)


@pytest.mark.parametrize(("freq", "end", "last"), [("ME", "Dec 2011", "2011-12"), ("YE", "2014", "2014")])
def test_month_and_year_ends_are_their_periods_too(freq, end, last):
    kept = load_dataset(_dated(freq, 36 if freq == "ME" else 12), variables=["a", "b"], end=end, csv_name="x.csv")
    assert str(kept.frame.index.to_period(freq[0])[-1]) == last


def test_a_bound_written_as_a_day_keeps_the_period_holding_it():
    quarter_ends = _dated("QE", 20)  # 2010-03-31, ..., 2014-12-31
    kept = load_dataset(quarter_ends, variables=["a", "b"], start="2010-03-31", end="2012-11-15", csv_name="q.csv")
    assert (kept.frame.index[0], kept.frame.index[-1]) == (pd.Timestamp("2010-03-31"), pd.Timestamp("2012-12-31"))


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("1990Q1", "1980Q1", "give the earlier date as the start date"),
        ("2030Q1", None, "its data run from 1959Q1 to 2009Q3; give the start date and the end date within that"),
    ],
)
def test_a_python_caller_is_told_its_arguments_and_the_cli_its_options(start, end, said, tmp_path, monkeypatch, capsys):
    """The library named the CLI's --start and --end to a caller who passed `start=`; the CLI still says them."""
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(start=start, end=end)
    assert said in str(refused.value) and "--" not in str(refused.value)
    assert main(["train", "--lags", "1", "--start", start, *(["--end", end] if end else [])]) == 2
    told = capsys.readouterr().err
    assert bounds_named(said, "--start", "--end") in told and "the start date" not in told
    assert told.startswith("error: --start 1990Q1 lies after --end 1980Q1" if end else "error: no row of macrodata")


def test_a_file_named_with_the_words_of_a_bound_keeps_its_name(tmp_path, monkeypatch, capsys):
    """The bounds' words were replaced wherever they stood: `sales up to the end date.csv` was named
    `sales up to --end.csv` by the CLI (and `sales up to To.csv` by the Train page)."""
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    csv = tmp_path / "sales up to the end date.csv"
    csv.write_text(CSV)
    assert main(["train", "--csv", str(csv), "--date-col", "date", "--lags", "1", "--end", "1990"]) == 2
    told = capsys.readouterr().err
    assert told.startswith("error: no row of 'sales up to the end date.csv' lies up to 1990"), told
    assert told.rstrip().endswith("give --start and --end within that"), told
    said = 'no row of "bob\'s the start date.csv" lies from 2030: give the start date and the end date within that'
    assert bounds_named(said, "From", "To") == (
        'no row of "bob\'s the start date.csv" lies from 2030: give From and To within that'
    )
