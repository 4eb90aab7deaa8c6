"""A user's own CSV, as QA found it: a file without a header row trained on its first observation's values as
names; a row of empty cells above the header (Excel's) made every name a column without a header; the header
repeated among the rows was said as a date that does not read, and on the Train page as a file of no numbers."""

from __future__ import annotations

import pytest
import statsmodels.api as sm

from varlib import InvalidInputError, load_dataset, profile_csv
from varlib.cli import main

HEADER = "date,realgdp,realcons,realinv,cpi"


def _rows(count: int = 60) -> list[str]:
    macro = sm.datasets.macrodata.load_pandas().data.iloc[124 : 124 + count]  # 1990Q1 on
    return [f"{int(r.year)}Q{int(r.quarter)},{r.realgdp},{r.realcons},{r.realinv},{r.cpi}" for r in macro.itertuples()]


def _csv(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


NO_HEADER = "has no header row: its first line ('1990Q1', '8027.693', '5303.3', '1021.07', ...) holds values"


def test_a_file_without_a_header_row_is_refused_naming_its_first_line():
    with pytest.raises(InvalidInputError, match="add a header row") as refused:
        load_dataset(_csv(_rows()), csv_name="nohdr.csv")
    assert NO_HEADER in str(refused.value)
    with pytest.raises(InvalidInputError, match="add a header row"):  # the upload preview says it the same
        profile_csv(_csv(_rows()), "nohdr.csv")


def test_a_semicolon_file_without_a_header_row_is_refused_too():
    rows = [row.replace(",", ";").replace(".", ",") for row in _rows()]
    with pytest.raises(InvalidInputError, match="has no header row: its first line \\('1990Q1', '8027,693'"):
        load_dataset(_csv(rows), csv_name="nohdr.csv")


def test_a_name_that_looks_like_a_number_beside_real_names_stays_allowed():
    dataset = load_dataset(_csv(["date,realgdp,realcons,realinv,2020", *_rows()]), csv_name="year.csv")
    assert list(dataset.frame.columns) == ["realgdp", "realcons", "realinv", "2020"]


def test_a_row_of_empty_cells_above_the_header_is_skipped_as_a_blank_line_is():
    for top in (",,,,", ";;;;", ",,,,\n\n,,"):
        dataset = load_dataset(_csv([top, HEADER, *_rows()]), csv_name="empty_first_row.csv")
        assert list(dataset.frame.columns) == ["realgdp", "realcons", "realinv", "cpi"] and len(dataset.frame) == 60


def test_the_header_repeated_among_the_rows_is_refused_by_its_row():
    rows = _rows(80)
    data = _csv([HEADER, *rows[:39], HEADER, *rows[39:]])
    said = "CSV 'duphdr.csv': row 40 repeats the header (date, realgdp, realcons, realinv, cpi); delete that line"
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(data, csv_name="duphdr.csv")
    assert str(refused.value) == said
    with pytest.raises(InvalidInputError) as previewed:  # not "0 rows, no numeric column" and a warning per column
        profile_csv(data, "duphdr.csv")
    assert str(previewed.value) == said
    twice = _csv([HEADER, *rows[:10], HEADER, *rows[10:20], " " + HEADER.replace(",", " , "), *rows[20:]])
    with pytest.raises(InvalidInputError, match="rows 11 and 22 repeat the header .*; delete those lines"):
        load_dataset(twice, csv_name="duphdr.csv")


def test_the_cli_says_the_same(tmp_path, monkeypatch, capsys):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "nohdr.csv"
    path.write_bytes(_csv(_rows()))
    assert main(["train", "--csv", str(path), "--lags", "1"]) == 2
    assert NO_HEADER in capsys.readouterr().err
