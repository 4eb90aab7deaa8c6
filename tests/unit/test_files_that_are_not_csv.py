"""Files that are no CSV at all (a blank line, bytes that are not text) are refused as such, never as a
traceback or as a column named after the bytes."""

import pytest

from varlib.errors import InvalidInputError


def test_a_lag_file_of_a_blank_line_is_refused_not_a_traceback():
    from varlib.data import read_lag_csv

    with pytest.raises(InvalidInputError, match="'lags.csv' is empty: it needs a header row and data rows"):
        read_lag_csv(b"\n", ["gdp", "cons"], 2, name="lags.csv")


def test_a_file_of_bytes_is_refused_as_not_text_not_quoted_as_a_column():
    """Random bytes read as one column named `\\x01\\x02binary`, refused as empty with the raw bytes quoted."""
    from varlib.data.csv_text import read_text_table

    refused = r"'blob.csv' is not a text CSV: it holds the control character '\\x01'"
    with pytest.raises(InvalidInputError, match=refused):
        read_text_table(b"\xff\x01\x02binary\n1,2\n", "blob.csv")
    assert list(read_text_table(b"a,b\r\n1,2\r\n\x1a", "dos.csv").columns) == ["a", "b"]  # DOS's end mark is fine


@pytest.mark.parametrize(
    ("header", "row", "said"),
    [(",", ";", "commas but its rows by semicolons"), (";", ",", "semicolons but its rows by commas")],
)
def test_a_header_split_otherwise_than_its_rows_is_named(header, row, said):
    """Every value landed in the first column and the file was refused as "a VAR needs at least 2 variables; got
    none", which named no cause."""
    from varlib import load_dataset

    rows = "".join(f"20{y:02d}-01-01{row}{100 + y}{row}{50 - y}\n" for y in range(30))
    data = f"date{header}gdp{header}cons\n{rows}".encode()
    with pytest.raises(InvalidInputError, match=f"'typed.csv' separates its header by {said} \\('2000-01-01"):
        load_dataset(data, csv_name="typed.csv")
