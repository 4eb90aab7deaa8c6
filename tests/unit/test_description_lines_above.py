"""A central bank's download writes lines describing its series above the data (`Unit:`, `Multiplier:`, ...,
`Time Period` and the series' codes above the first date), every cell filled: they were refused as a first date
`'Unit:'` to be written `as the other dates are`, and the upload preview added `only 0 rows ... add rows` to a
file of 80 quarters. Now the lines are named, with the fix, and the rows are not said to be missing."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from varlib import InvalidInputError, load_dataset, profile_csv
from varlib.cli import main

PREAMBLE = (
    '"Series Description","Real GDP","Consumer prices","Policy rate"\n'
    '"Unit:","Bil. $","Index","Percent"\n"Multiplier:","1","1","1"\n"Currency:","USD","NA","NA"\n'
    '"Unique Identifier: ","A/GDP","B/CPI","C/RATE"\n"Time Period","GDP.Q","CPI.Q","RATE.Q"\n'
)
SAID = (
    "date column 'Series Description' of 'fed.csv': rows 1 to 5 ('Unit:', 'Multiplier:', 'Currency:', ...) hold"
    " words, not dates, above rows that all hold dates (from row 6): lines describing the series sit above the data;"
    " delete them, keeping one line that names the columns (such as 'Time Period') as the header above the first date"
)


def _rows() -> str:
    quarters = pd.period_range("2000Q1", periods=80, freq="Q")
    return "".join(f"{q},{100 + i + i % 3},{90 + 0.5 * i - i % 4},{2 + (i % 5) / 10}\n" for i, q in enumerate(quarters))


def test_the_lines_above_the_data_are_named_with_the_fix(tmp_path, monkeypatch, capsys):
    data = (PREAMBLE + _rows()).encode()
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(data, csv_name="fed.csv")
    assert str(refused.value) == SAID
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    (tmp_path / "fed.csv").write_bytes(data)
    assert main(["train", "--csv", str(tmp_path / "fed.csv")]) == 2
    assert SAID in capsys.readouterr().err


def test_the_preview_names_them_and_asks_for_no_rows():
    profile, _ = profile_csv((PREAMBLE + _rows()).encode(), "fed.csv")
    assert SAID in profile.problems
    assert not any(problem.startswith("only 0 rows") for problem in profile.problems), profile.problems


def test_the_file_without_them_trains():
    dataset = load_dataset(("Time Period,GDP.Q,CPI.Q,RATE.Q\n" + _rows()).encode(), csv_name="fed.csv")
    assert len(dataset.frame) == 80 and str(dataset.frame.index[0].date()) == "2000-01-01"


def test_a_short_file_still_asks_for_rows():
    profile, _ = profile_csv(b"date,a,b,c\n" + "".join(_rows().splitlines(True)[:5]).encode(), "short.csv")
    assert any(re.match(r"only 5 rows: .* add rows", problem) for problem in profile.problems), profile.problems


@pytest.mark.parametrize("first", ["2000-13-01", "Q5 2000"])
def test_one_bad_date_on_top_is_no_block_of_lines(first):
    rows = _rows().split("\n", 2)
    data = f"date,a,b,c\n{first},1,2,3\n{rows[2]}".encode()
    with pytest.raises(InvalidInputError, match=r"row 1: .* is not a date"):
        load_dataset(data, csv_name="one.csv")
