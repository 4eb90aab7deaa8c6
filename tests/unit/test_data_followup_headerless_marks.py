"""A file without a header row whose first line holds a missing-value mark (`NA`, `.`, `#N/A`) is refused as one
with an empty cell there is, by the CLI and the upload preview alike; a header naming a column `NA` stays a header."""

from __future__ import annotations

from pathlib import Path

import pytest

from varlib import InvalidInputError, load_dataset, profile_csv
from varlib.cli import main
from varlib.data.csv_preamble import refuse_values_as_header

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "us-macro.csv"


def _headerless(mark: str) -> bytes:
    """us-macro.csv without its header, the first line's gdp a mark: `1959-01-01,NA,1707.4,286.898`."""
    lines = EXAMPLE.read_text().splitlines()[1:]
    first = lines[0].split(",")
    return "\n".join([",".join([first[0], mark, *first[2:]]), *lines[1:]]).encode() + b"\n"


@pytest.mark.parametrize("mark", ["NA", ".", "#N/A", ""])
def test_a_headerless_first_line_with_a_missing_mark_is_refused(mark):
    said = f"has no header row: its first line ('1959-01-01', '{mark}', '1707.4', '286.898') holds values"
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(_headerless(mark), csv_name="nohdr_na.csv")
    assert said in str(refused.value)
    with pytest.raises(InvalidInputError) as previewed:  # the upload preview says it the same
        profile_csv(_headerless(mark), "nohdr_na.csv")
    assert str(previewed.value) == str(refused.value)


def test_the_cli_refuses_it_instead_of_training(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "nohdr_na.csv"
    path.write_bytes(_headerless("NA"))
    assert main(["train", "--csv", str(path), "--transform", "logdiff"]) == 2
    err = capsys.readouterr().err
    assert "CSV 'nohdr_na.csv' has no header row: its first line ('1959-01-01', 'NA', '1707.4', '286.898')" in err
    assert "add a header row above it" in err


@pytest.mark.parametrize(
    "header",
    [
        "date,NA,consumption,investment",  # a column named NA beside names
        "NA,2710.349,1707.4,286.898",  # a mark first: not a date's column
    ],
)
def test_a_line_of_marks_without_a_date_and_a_value_beside_it_stays_a_header(header):
    rows = EXAMPLE.read_text().splitlines()[1:]
    dataset = load_dataset(("\n".join([header, *rows]) + "\n").encode(), csv_name="named.csv")
    assert len(dataset.frame.columns) == 3 and len(dataset.frame) == len(rows)


def test_a_date_beside_marks_only_decides_nothing():
    refuse_values_as_header("1959-01-01,NA,n/a,#N/A", (",",), "marks.csv")  # no value beside the date: no refusal
