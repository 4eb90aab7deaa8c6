"""A transposed file (the dates across the header row, one series per row, as World Bank and Eurostat exports and
many spreadsheets have them) is told to transpose, not that its first row's name `'gdp' is not a date`; the upload
preview says what training says for it and for a file in long form."""

from __future__ import annotations

import pytest

from varlib.data import load_csv, profile_csv
from varlib.errors import InvalidInputError

QUARTERS = [f"{year}Q{quarter}" for year in range(2000, 2005) for quarter in range(1, 5)]


def _refusal(text: str, name: str = "export.csv") -> str:
    with pytest.raises(InvalidInputError) as refused:
        load_csv(text.encode(), name=name)
    return str(refused.value)


def _wide(labels: str, rows: list[str], dates=QUARTERS, separator=",") -> str:
    body = "".join(row + "".join(f"{separator}{7000 + 11 * n}" for n in range(len(dates))) + "\n" for row in rows)
    return labels + "".join(f"{separator}{date}" for date in dates) + "\n" + body


def test_a_sheet_with_the_quarters_across_is_told_to_transpose_with_its_own_names():
    message = _refusal(_wide("series", ["gdp", "cons", "inv"]))
    assert message.startswith(
        "'export.csv' has its dates across the header row ('2000Q1' to '2004Q4', columns 2 to 21) and one series per"
        " row ('gdp', 'cons' and 'inv'): the file is transposed"
    ), message
    assert "pandas: frame.set_index('series').T)" in message and "is not a date" not in message


def test_a_world_bank_export_names_the_column_that_tells_its_rows_apart():
    """Four label columns before the years; the country repeats on every row, the indicator does not."""
    labels = '"Country Name","Country Code","Indicator Name","Indicator Code"'
    rows = ['"Germany","DEU","GDP (current US$)","NY.GDP.MKTP.CD"', '"Germany","DEU","Exports","NE.EXP.GNFS.CD"']
    message = _refusal(_wide(labels, rows, [str(year) for year in range(1960, 2024)]))
    assert "('1960' to '2023', columns 5 to 68) and one series per row ('GDP (current US$)' and 'Exports')" in message
    assert "frame.set_index('Indicator Name').iloc[:, 3:].T" in message


def test_a_eurostat_tsv_newest_first_is_told_to_transpose():
    rows = ["CP_MEUR,SCA,B1GQ,DE", "CP_MEUR,SCA,P3,DE"]
    message = _refusal(_wide("unit,s_adj,na_item,geo\\time", rows, QUARTERS[::-1], "\t"), "namq.tsv")
    assert "has its dates across the header row ('2004Q4' to '2000Q1', columns 2 to 21)" in message, message


def test_a_header_of_small_numbers_is_not_taken_for_dates():
    message = _refusal("x,1,2,3,4\nfoo,1,2,3,4\nbar,2,3,4,5\n")
    assert "transposed" not in message and "'foo' is not a date" in message, message


@pytest.mark.parametrize(
    "text",
    [
        _wide("series", ["gdp", "cons"]),
        "date,variable,value\n" + "".join(f"{d},{s},{7000 + n}\n" for n, d in enumerate(QUARTERS) for s in ("a", "b")),
    ],
    ids=["transposed", "long form"],
)
def test_the_upload_preview_says_what_training_says(text):
    profile, _ = profile_csv(text.encode(), name="export.csv")
    assert _refusal(text) in profile.problems, profile.problems


def test_a_file_without_dates_is_told_to_add_them_not_to_rewrite_its_first_column():
    """statsmodels' engel data (income,foodexp) was told "'420.157' is not a date; write it as the other dates are
    ('1309.879')", taking another income for an example of a date."""
    message = _refusal("income,foodexp\n420.157,255.839\n541.412,310.959\n901.157,485.680\n1309.879,731.231\n")
    assert message.startswith(
        "'export.csv' has no column of dates: the column taken for them, 'income', holds numbers ('420.157', ...)"
        " like the others, and none is named like a date. A VAR reads one row per period: add a first column of"
        " dates"
    ), message


def test_a_date_column_with_a_number_among_its_dates_keeps_its_own_refusal():
    message = _refusal("date,gdp,cons\n2000Q1,1,2\n12.5,2,3\n2000Q3,3,5\n2000Q4,4,4\n")
    assert "no column of dates" not in message and "'12.5' is not a date" in message, message
