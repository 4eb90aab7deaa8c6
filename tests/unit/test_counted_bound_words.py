"""`--start 1980:1` on a file dated `1972Q2 ...` is refused because the file's dates are not written as counted
periods; the message said the file's dates did not tell quarters from months, which they do (it is quarterly)."""

from __future__ import annotations

import pytest

from varlib import load_dataset
from varlib.errors import InvalidInputError

QUARTERS = "date,a,b\n" + "".join(f"{1972 + q // 4}Q{q % 4 + 1},{q % 7 + 1},{q % 5 + 2}\n" for q in range(40))


def test_a_counted_bound_on_a_file_of_quarter_labels_names_the_form_not_the_frequency():
    with pytest.raises(InvalidInputError) as refused:
        load_dataset(QUARTERS.encode(), variables=["a", "b"], start="1980:1", csv_name="q.csv")
    assert str(refused.value) == (
        "start date '1980:1' counts periods of 1980, a form the file's dates are not written in, so it could mean"
        " quarters or months: write 1980Q1 for a quarter or 1980-01 for a month"
    )
    assert refused.value.field == "start"
    assert len(load_dataset(QUARTERS.encode(), variables=["a", "b"], start="1980Q1", csv_name="q.csv").frame) == 8
