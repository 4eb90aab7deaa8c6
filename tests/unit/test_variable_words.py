"""What training says about the columns it is given: a text column is named as text (not as a row to fix), a
column that is not in the file is named before the count of variables, `--vars ''` names no column, and a text
column left out of the default variables is said, as percentages are."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from varlib import InvalidInputError, cli, load_dataset

ROWS = 40
TEXT = "date,a,b,country\n" + "".join(
    f"{1960 + i // 4}-{(i % 4) * 3 + 1:02d}-01,{(i * 7919) % 101 / 10:.1f},{(i * 104729) % 97 / 10:.1f},US\n"
    for i in range(ROWS)
)


def test_a_text_column_chosen_as_a_variable_is_named_as_text():
    with pytest.raises(InvalidInputError) as caught:
        load_dataset(csv=TEXT.encode(), csv_name="text.csv", variables=["a", "country"])
    assert str(caught.value) == (
        "column 'country' of 'text.csv' holds text, not numbers: 'US' in row 1 (1960-01-01); leave it out of the"
        " variables"
    )


def test_a_column_not_in_the_file_is_named_before_the_count_of_variables():
    with pytest.raises(InvalidInputError, match=r"^'zz' not in 'text.csv'; available: a, b, country$"):
        load_dataset(csv=TEXT.encode(), csv_name="text.csv", variables=["zz"])


def test_a_text_column_left_out_of_the_default_variables_is_said():
    dataset = load_dataset(csv=TEXT.encode(), csv_name="text.csv")
    assert dataset.variables == ["a", "b"]
    assert "column country left out (text, not numbers)" in dataset.read_as


def test_vars_naming_no_column_is_refused(capsys):
    """It trained on the default variables, as if the option had been left out."""
    assert cli.main(["train", "--vars", ""]) == 2
    assert "argument --vars: '' names no column: give names, or leave the option out" in capsys.readouterr().err


def test_the_date_column_named_as_a_variable_is_said_to_date_the_rows(tmp_path, monkeypatch, capsys):
    with pytest.raises(InvalidInputError, match=r"^'date' is the date column of 'text.csv', which dates the rows"):
        load_dataset(csv=TEXT.encode(), csv_name="text.csv", variables=["a", "date"])
    csv = tmp_path / "text.csv"
    csv.write_text(TEXT)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    assert cli.main(["train", "--csv", str(csv), "--vars", "a,b", "--exog", "date"]) == 2
    assert "'date' is the date column of 'text.csv'" in capsys.readouterr().err


def test_an_exogenous_column_listed_twice_is_blamed_on_the_exog_list(capsys):
    assert cli.main(["train", "--vars", "realgdp,realcons", "--exog", "realint,realint"]) == 2
    err = capsys.readouterr().err
    assert err == "error: the exogenous variables name realint more than once: list each column once\n"


def test_a_left_out_column_without_a_header_is_named_by_its_position():
    frame = pd.read_csv(io.StringIO(TEXT)).drop(columns="country")  # pandas' to_csv writes its row numbers first
    dataset = load_dataset(csv=frame.to_csv().encode(), csv_name="indexed.csv")
    assert dataset.variables == ["a", "b"] and "Unnamed" not in " ".join(dataset.read_as)
    left_out = "column #1 (no header) left out (counting: the same step every row"
    assert any(note.startswith(left_out) for note in dataset.read_as)


def test_a_first_column_without_a_header_is_named_by_its_position_when_its_dates_are_refused():
    """An export with an empty first header cell (`,ICP.M.U2...`) and a title row under it was refused as `date
    column 'Unnamed: 0' ...`, a name the file does not have."""
    rows = "".join(f"{2000 + n // 12}-{n % 12 + 1:02d}-01,{100 + n * n % 7},{90 + n * n % 5}\n" for n in range(40))
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(csv=(",HICP,FOOD\nTitle:,Overall index,Food\n" + rows).encode(), csv_name="ecb.csv")
    assert str(refused.value).startswith("date column '#1 (no header)' of 'ecb.csv', row 1: 'Title:' is not a date")
