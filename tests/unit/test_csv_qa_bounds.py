"""A `--start`/`--end` bound written as numbers is read the way the file's own dates are read: pandas guessed it
month first, so `--end 01.04.2010` on a file dated `01.04.2000` (day first) ended the sample at 2010Q1, and
`--end 01/04/2010` on an ISO-dated file did too, silently. Dotted bounds are day first; one that reads two ways
on a file that does not tell is refused (QA)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset
from varlib.cli import main

QUARTERS = pd.date_range("2005-01-01", periods=32, freq="QS")


def _csv(form: str, separator: str = ",") -> bytes:
    rng = np.random.default_rng(5)
    values = 100 + np.cumsum(rng.normal(0.3, 1.0, size=(len(QUARTERS), 2)), axis=0)
    rows = [f"{d:{form}}{separator}{a:.2f}{separator}{b:.2f}" for d, (a, b) in zip(QUARTERS, values, strict=True)]
    if separator == ";":  # as a German spreadsheet saves it: decimal commas
        rows = [_commas(row) for row in rows]
    return (separator.join(["date", "gdp", "cons"]) + "\n" + "\n".join(rows) + "\n").encode()


def _commas(row: str) -> str:
    date, *numbers = row.split(";")
    return ";".join([date, *(number.replace(".", ",") for number in numbers)])


def _last(data: bytes, **bounds) -> pd.Timestamp:
    return load_dataset(data, csv_name="data.csv", **bounds).frame.index[-1]


def test_a_dotted_bound_on_a_dotted_file_is_day_first():
    assert _last(_csv("%d.%m.%Y", ";"), end="01.04.2010") == pd.Timestamp("2010-04-01")


def test_a_bound_is_read_in_the_order_of_the_files_dates():
    assert _last(_csv("%m/%d/%Y"), end="04/01/2010") == pd.Timestamp("2010-04-01")  # month first, as the file
    assert _last(_csv("%d/%m/%Y"), end="01/04/2010") == pd.Timestamp("2010-04-01")  # day first, as the file


def test_an_ambiguous_bound_on_an_iso_file_is_refused_asking_for_iso():
    with pytest.raises(InvalidInputError, match=r"'01/04/2010' is 01 April 2010 read day first or 04 January") as no:
        _last(_csv("%Y-%m-%d"), end="01/04/2010")
    assert "write it as YYYY-MM-DD" in str(no.value) and no.value.field == "end"


def test_a_bound_that_reads_one_way_is_read_so():
    assert _last(_csv("%Y-%m-%d"), end="13/04/2010") == pd.Timestamp("2010-04-01")
    assert _last(_csv("%Y-%m-%d"), end="01.04.2010") == pd.Timestamp("2010-04-01")  # dotted: day first


def test_a_bound_the_files_order_cannot_read_is_refused_so():
    with pytest.raises(InvalidInputError, match="'13/04/2010' is not a date, read month first as the file's dates"):
        _last(_csv("%m/%d/%Y"), end="13/04/2010")


def test_the_cli_says_the_same(tmp_path, monkeypatch, capsys):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "iso.csv"
    path.write_bytes(_csv("%Y-%m-%d"))
    assert main(["train", "--csv", str(path), "--end", "01/04/2010", "--lags", "1"]) == 2
    assert "'01/04/2010' is 01 April 2010 read day first or 04 January 2010 read month first" in capsys.readouterr().err
