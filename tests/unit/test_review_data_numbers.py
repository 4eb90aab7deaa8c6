"""Review of the data-reading changes: percentages with thousands grouped beside a decimal comma (`1.234,5 %`,
`1 234,5 %`) were text, as columns.py kept a narrower copy of number_marks' decimal-comma pattern, and the
percentage hint said `write 6.64 for 6.64%` (a decimal point) to a file that writes decimal commas."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, load_dataset
from varlib.data import columns, number_forms, number_marks
from varlib.data.columns import percent_number
from varlib.data.number_marks import number_hint

GROUPED = b"date;gdp;rate\n2020-01-01;1,5;1.234,5 %\n2020-04-01;2,5;2,5 %\n2020-07-01;3,1;3,5 %\n2020-10-01;3,7;2,1 %\n"


def test_one_module_owns_the_decimal_comma_pattern():
    assert number_marks.DECIMAL_COMMA is number_forms.DECIMAL_COMMA
    assert not hasattr(columns, "_DECIMAL_COMMA")


@pytest.mark.parametrize(
    ("cell", "number"),
    [("1.234,5 %", "1.234,5"), ("1 234,5 %", "1 234,5"), ("1\u00a0234,5%", "1\u00a0234,5"), ("2,58 %", "2,58")],
)
def test_a_percentage_with_thousands_grouped_beside_a_decimal_comma_is_one(cell, number):
    assert percent_number(cell) == number
    assert number_hint(cell) == f"remove the % sign ({number}, not {cell})"


def test_a_grouped_percentage_gets_the_percent_hint_not_leave_it_out():
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(GROUPED, csv_name="p.csv", variables=["gdp", "rate"])
    said = str(refused.value)
    assert "'1.234,5 %' is not a finite number; remove the % signs to use it" in said, said
    assert "holds text" not in said and "6.64" not in said, said  # no decimal point where the file writes commas
    assert "(write 1.234,5 for 1.234,5 %: the model then works in percent)" in said, said  # the cell's own number


def test_the_percent_hint_quotes_the_files_own_number():
    data = GROUPED.replace(b"date;gdp;rate", b"date;gdp;rate;x").replace(b" %\n", b" %;1\n")
    data = data.replace(b"2,5 %;1", b"2,5 %;4").replace(b"3,5 %;1", b"3,5 %;2")
    notes = load_dataset(data, csv_name="p.csv").read_as
    hint = "percentages: remove the % signs to use it (write 1.234,5 for 1.234,5 %: the model then works in percent)"
    assert any(hint in note for note in notes), notes
    from varlib.data.columns import percent_hint  # new with the fix: imported here, so the others run without it

    assert percent_hint(["", "6.64%"]).startswith("remove the % signs to use it (write 6.64 for 6.64%:")
