"""Exports as statistics offices write them: a text file whose columns are aligned by spaces (a FRED .txt
download) is refused as such, naming its last row, instead of reading as one column and being refused for having no
variables; months written year first (the ECB's `2000Jan`) are read."""

from __future__ import annotations

import pytest

from varlib.data import load_csv
from varlib.errors import InvalidInputError


def test_columns_aligned_by_spaces_are_refused_as_such():
    """A FRED .txt download (`DATE          GDPC1     PCECC96`) read as one column: it was refused as "a VAR needs
    at least 2 variables; got none", which does not say what is wrong with the file."""
    rows = "".join(
        f"{1989 + n // 4}-{3 * (n % 4) + 1:02d}-01    {7806.6 + n:.3f}    {5159.3 + n:.1f}\n" for n in range(40)
    )
    text = "Title:               Real GDP\n\nDATE          GDPC1     PCECC96\n" + rows
    with pytest.raises(InvalidInputError) as refused:
        load_csv(text.encode(), name="fred.txt")
    assert str(refused.value).startswith(
        "'fred.txt' separates its values by spaces ('1998-10-01    7845.600    5198.3'"
    )
    assert "save it as CSV, with commas, semicolons or tabs between the values" in str(refused.value)


def test_months_written_year_first_are_read_as_the_ecb_writes_them():
    """`2000Jan` (the ECB's statistical data warehouse) was refused as no date; `Jan-2000` was read."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    rows = "".join(f"{2000 + n // 12}{months[n % 12]},{100 + n * n % 7},{90 + n * n % 5}\n" for n in range(40))
    dataset = load_csv(("date,x,y\n" + rows).encode(), name="ecb.csv")
    assert dataset.frequency == "MS" and str(dataset.frame.index[0].date()) == "2000-01-01"
    assert str(dataset.frame.index[-1].date()) == "2003-04-01" and dataset.frame["x"].iloc[3] == 102.0
