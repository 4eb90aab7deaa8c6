"""A message about a cell or a date names the row as the file has it: its data-row number counted in the file
(also when the rows are read newest first, turned around) and its date as written (`1985Q4`, not 1985-10-01);
periods the file lacks are named as periods of its frequency."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, load_dataset

HEADER = "date,a,b\n"


def _refusal(rows: str, name: str = "f.csv") -> str:
    with pytest.raises(InvalidInputError) as refused:
        load_dataset((HEADER + rows).encode(), variables=["a", "b"], csv_name=name)
    return str(refused.value)


def test_a_bad_cell_in_a_file_dated_newest_first_is_named_by_its_own_row():
    # read oldest first, the 'x' is the third row read; in the file it is the second
    message = _refusal("1986Q1,1,2\n1985Q4,2,x\n1985Q3,3,4\n1985Q2,4,5\n")
    assert "column 'b' of 'f.csv', row 2 (1985Q4): 'x' is not a finite number" in message


def test_a_bad_cell_is_named_with_its_date_as_written():
    message = _refusal("1985:1,1,2\n1985:2,2,x\n1985:3,3,4\n1985:4,4,5\n")
    assert "row 2 (1985:2): 'x' is not a finite number" in message


def test_a_repeated_date_is_named_as_written_with_its_rows():
    message = _refusal("1985Q1,1,2\n1985Q2,2,3\n1985Q2,4,5\n1986Q1,4,5\n")
    assert "'f.csv' has the date 1985Q2 (rows 2 and 3) more than once; keep one row per date" in message


def test_rows_out_of_order_are_named_as_written_with_their_rows():
    message = _refusal("1985Q1,1,2\n1985Q3,2,3\n1985Q2,4,5\n1986Q1,4,5\n")
    assert "is not sorted by date: 1985Q2 (row 3) comes after 1985Q3 (row 2); sort the rows by date" in message


def test_missing_periods_and_cells_are_named_as_quarters():
    gap = _refusal("1985-01-01,1,2\n1985-04-01,2,3\n1985-10-01,4,5\n1986-01-01,4,5\n")
    assert "is quarterly but these periods have no row: 1985Q3 (1 period)" in gap
    blank = _refusal("1985-01-01,1,2\n1985-04-01,2,\n1985-07-01,4,5\n1985-10-01,4,5\n")
    assert "these values are missing: b on 1985Q2 (1 in all)" in blank


def test_monthly_periods_are_named_by_month():
    message = _refusal("2001-01-01,1,2\n2001-02-01,2,3\n2001-04-01,4,5\n2001-05-01,4,5\n2001-06-01,1,1\n")
    assert "is monthly but these periods have no row: Mar 2001 (1 period)" in message


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (
            "01/01/1985,1,2\n04/01/1985,2,3\n07/01/1985,2,3\n07/01/1985,4,5\n10/01/1985,4,5\n01/01/1986,4,5\n",
            "has the date 07/01/1985 (rows 3 and 4) more than once",
        ),
        (
            "01/01/1985,1,2\n07/01/1985,2,3\n04/01/1985,2,3\n10/01/1985,4,5\n01/01/1986,4,5\n",
            "is not sorted by date: 04/01/1985 (row 3) comes after 07/01/1985 (row 2)",
        ),
    ],
)
def test_a_repeated_or_swapped_us_date_is_named_as_such_not_as_an_ambiguous_order(rows, said):
    # month first is the only reading on a grid once the dates are sorted and counted once
    assert said in _refusal(rows)


def test_a_date_repeated_on_many_rows_names_the_first_few_and_counts_the_rest():
    message = _refusal("".join(f"2020-01-01,{i},{i + 1}\n" for i in range(400)))
    assert "has the date 2020-01-01 (rows 1, 2, 3, 4, 5 and 395 more) more than once" in message
