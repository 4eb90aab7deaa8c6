"""Lines a spreadsheet writes above a CSV's header: Excel's `sep=;` line and title lines are skipped and said,
a file without them reads exactly as before, and a first column named like a title stays a column."""

import pandas as pd
import pytest
from statsmodels.datasets import macrodata

from varlib.data import load_csv, read_lag_inputs
from varlib.data.csv_preamble import without_preamble
from varlib.data.csv_text import DELIMITERS, read_text_table
from varlib.errors import InvalidInputError

ROWS = 40
TITLES = "Quarterly national accounts;;\nSource: office;;\n"
TITLE_NOTE = "2 title lines above the header ('Quarterly national accounts', 'Source: office') left out"


def _european(delimiter: str = ";", decimal: str = ",") -> str:
    """macrodata's first 40 quarters as a European Excel saves them: `;` between cells, decimal commas."""
    data = macrodata.load_pandas().data.iloc[:ROWS]
    dates = pd.date_range("1959-01-01", periods=ROWS, freq="QS").strftime("%Y-%m-%d")
    frame = pd.DataFrame({"date": dates, "realgdp": data["realgdp"].values, "realcons": data["realcons"].values})
    return frame.to_csv(sep=delimiter, decimal=decimal, index=False)


def _plain() -> pd.DataFrame:
    return load_csv(_european(",", ".").encode(), name="plain.csv").frame


def test_a_file_without_lines_above_its_header_reads_exactly_as_before():
    for text, read_as in ((_european(), ("semicolon-separated", "decimal commas")), (_european(",", "."), ())):
        assert without_preamble(text, "sheet.csv", DELIMITERS) == (text, None, ())
        dataset = load_csv(text.encode(), name="sheet.csv")
        pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)
        assert dataset.read_as == read_as and read_text_table(text.encode(), "sheet.csv").attrs["read_as"] == read_as


@pytest.mark.parametrize(
    ("first", "ending", "delimiter", "decimal", "encoding", "note"),
    [
        ("sep=;", "\n", ";", ",", "utf-8", "sep=;"),
        ("SEP=;;;  ", "\r\n", ";", ",", "utf-8-sig", "sep=;"),  # any case, a byte-order mark, padded
        ("sep=,", "\n", ",", ".", "utf-8", "sep=,"),
        ("Sep=\t", "\r\n", "\t", ".", "utf-16", "sep=\\t"),
    ],
)
def test_excels_sep_line_is_skipped_and_its_character_is_the_delimiter(
    first, ending, delimiter, decimal, encoding, note
):
    data = (first + "\n" + _european(delimiter, decimal)).replace("\n", ending).encode(encoding)
    dataset = load_csv(data, name="excel.csv")
    pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)
    assert f"first line {note} skipped" in dataset.read_as


def test_the_sep_line_decides_the_delimiter_over_the_header():
    header = "date;gdp, real, sa;cons, real, sa\n"  # more commas than semicolons: the line decides
    data = ("sep=;\n" + header + "1959-01-01;1;2\n1959-04-01;2;3\n").encode()
    assert list(read_text_table(data, "excel.csv").columns) == ["date", "gdp, real, sa", "cons, real, sa"]
    pipes = b"sep=|\ndate|gdp|cons\n1959-01-01|1,5|2\n1959-04-01|2|3\n"  # any one character Excel was told
    table = read_text_table(pipes, "excel.csv")
    assert table["gdp"].tolist() == ["1.5", "2"] and table.attrs["read_as"] == (
        "first line sep=| skipped",
        "decimal commas",
    )


def test_the_sep_line_is_said_with_the_rest_of_how_the_file_was_read():
    dataset = load_csv(("sep=;\n" + _european()).encode(), name="excel.csv")
    assert dataset.read_as == ("semicolon-separated", "first line sep=; skipped", "decimal commas")


@pytest.mark.parametrize("first", ["sep=;gdp", "sep=ab", "separator;gdp;cons", "sep;gdp;cons"])
def test_a_first_line_that_is_not_exactly_a_sep_line_is_the_header(first):
    text = first + "\n1959-01-01;1;2\n"
    assert without_preamble(text, "sheet.csv", DELIMITERS) == (text, None, ())


def test_title_lines_above_the_header_are_skipped_and_said():
    for titles in (TITLES, "Quarterly national accounts;;\n;;\n\nSource: office;;\n"):  # empty lines among them
        dataset = load_csv((titles + _european()).encode(), name="office.csv")
        pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)
        assert dataset.read_as == ("semicolon-separated", TITLE_NOTE, "decimal commas")
    both = load_csv(("sep=;\n" + TITLES + _european()).encode(), name="office.csv")
    assert both.read_as == ("semicolon-separated", "first line sep=; skipped", TITLE_NOTE, "decimal commas")


def test_a_title_holding_commas_in_a_semicolon_file_is_still_a_title():
    dataset = load_csv(("GDP, consumption, investment;;\n" + _european()).encode(), name="office.csv")
    pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)
    assert "1 title line above the header ('GDP, consumption, investment') left out" in dataset.read_as


def test_title_lines_are_skipped_in_lag_inputs_too_and_later_messages_keep_their_line_numbers():
    lags = read_lag_inputs((TITLES + _european()).encode(), ["realgdp", "realcons"], 2, "none", frequency="QS-JAN")
    assert lags.index[-1] == pd.Timestamp("1968-10-01") and len(lags) == 2
    rows = "".join(f"2000-{m:02d}-01;{m};{10 - m}\n" for m in (1, 4, 7))
    data = f"{TITLES}date;gdp;cons\n{rows}2000-10-01;4;5;6\n".encode()  # line 7: a value beyond the header
    with pytest.raises(InvalidInputError, match=r"line 7: 4 fields where the header \(date, gdp, cons\) has 3"):
        load_csv(data, name="office.csv")


def test_titles_above_a_header_whose_rows_do_not_match_it_are_refused_naming_the_lines_to_delete():
    data = f"{TITLES}date;gdp;cons\n2000-01-01;1;2;3;4\n2000-04-01;1;2;3;4\n".encode()
    message = (
        r"CSV 'office.csv': lines 1-2 \('Quarterly national accounts', 'Source: office'\) above the header \(date,"
        r" gdp, cons\) look like a title, .*; delete the lines above the header"
    )
    with pytest.raises(InvalidInputError, match=message):
        load_csv(data, name="office.csv")


def test_a_first_column_named_like_a_title_is_a_column_not_a_title():
    named = _european().replace("date;", "Quarterly national accounts;", 1)
    assert without_preamble(named, "sheet.csv", DELIMITERS) == (named, None, ())
    dataset = load_csv(named.encode(), name="sheet.csv", date_col="Quarterly national accounts")
    pd.testing.assert_frame_equal(dataset.frame, _plain(), check_freq=False)
    # rows holding only their first field right under the header are data (dated rows without values), not titles
    empty_first = _european().replace("\n", "\n1958-07-01;;\n1958-10-01;;\n", 1)
    assert without_preamble(empty_first, "sheet.csv", DELIMITERS) == (empty_first, None, ())
    # a header of one name over rows of numbers stays the header: no number is a column's name
    one_name = "gdp;;\n1959-01-01;1;2\n1959-04-01;2;3\n"
    assert without_preamble(one_name, "sheet.csv", DELIMITERS) == (one_name, None, ())


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_title_without_delimiters_is_refused_with_its_hint_in_a_file_of_any_delimiter(delimiter):
    data = "GDP and consumption\n\ndate;gdp;cons\n2000-01-01;1;2\n2000-04-01;2;3\n".replace(";", delimiter).encode()
    with pytest.raises(
        InvalidInputError,
        match=r"line 1 \('GDP and consumption'\) looks like a title above the header on line 3 .*delete line 1",
    ):
        load_csv(data, name="sheet.csv")
    one_column = b"gdp\n1\n\n3\n"  # a one-column file's header looks like such a title: read as before
    assert read_text_table(one_column, "path.csv", observations=False, steps=True)["gdp"].tolist() == ["1", "", "3"]


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Quarterly data, source: office\n", "line 1 ('Quarterly data, source: office') looks like a title"),
        ("Quarterly data, source: office\nSeasonally adjusted, real\n", "lines 1-2 ('Quarterly data, source"),
    ],
)
def test_a_title_holding_the_delimiter_is_refused_naming_the_lines_to_delete(title, said):
    """Two fields of a title (its comma unquoted) were taken for the header: the real header under it was refused
    as a row of too many fields, with no word of the title."""
    data = f"{title}date,gdp,cons\n2000-01-01,1,2\n2000-04-01,2,3\n".encode()
    with pytest.raises(InvalidInputError) as refused:
        load_csv(data, name="sheet.csv")
    where = "line 1" if title.count("\n") == 1 else "lines 1-2"
    assert said in str(refused.value) and str(refused.value).endswith(
        f"(date, gdp, cons), with fewer fields than it; delete {where}"
    )
