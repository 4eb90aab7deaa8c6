"""A lag input written `nan` or `inf` is named as typed and said to be no finite number, not called empty: the
cell holds something, and the person must see what to replace."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib.data import parse_lag_table, read_lag_inputs
from varlib.errors import InvalidInputError

VARIABLES = ["realgdp", "realcons"]


def lag_csv(cell: str) -> bytes:
    return f"date,realgdp,realcons\n2008-10-01,1,2\n2009-01-01,{cell},3\n".encode()


@pytest.mark.parametrize("cell", ["nan", "NaN", " NAN ", "inf", "-Infinity"])
def test_a_cell_that_writes_no_finite_number_is_named_as_typed(cell):
    said = rf"^lag input realgdp on 2009Q1 is '{cell.strip()}'; use a finite number$"
    with pytest.raises(InvalidInputError, match=said):
        read_lag_inputs(lag_csv(cell), VARIABLES, 2, "none", frequency="QS-JAN")


def test_an_empty_cell_is_still_said_to_be_empty():
    with pytest.raises(InvalidInputError, match=r"^lag input realgdp on 2009Q1 is empty; enter a number$"):
        read_lag_inputs(lag_csv(""), VARIABLES, 2, "none", frequency="QS-JAN")


@pytest.mark.parametrize("cell", ["NA", ".", "#N/A"])
def test_a_mark_of_a_missing_value_is_named_as_typed(cell):
    said = rf"^lag input realgdp on 2009Q1 is '{cell}', which marks a missing value; enter a number$"
    with pytest.raises(InvalidInputError, match=said):
        read_lag_inputs(lag_csv(cell), VARIABLES, 2, "none", frequency="QS-JAN")


def test_the_table_editor_says_the_same_as_the_file():
    table = pd.DataFrame({"date": ["2008-10-01", "2009-01-01"], "realgdp": ["1", "nan"], "realcons": ["2", "3"]})
    with pytest.raises(InvalidInputError, match=r"^lag input realgdp on 2009Q1 is 'nan'; use a finite number$"):
        parse_lag_table(table, VARIABLES, 2, "none", "QS-JAN")
