"""The library's path checks name a refused variable by its place (`conditions.realgdp`, `exog.realint`) and a
refused row by its step, never by the kind of path (`exogenous values` is no field anyone sent)."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import CONDITIONS, EXOG, InvalidInputError, check_path

LABELS = ["2009-10-01", "2010-01-01"]
VARIABLES = ["realgdp", "realcons"]


@pytest.mark.parametrize(
    ("table", "what", "field", "value"),
    [
        ({"realgdp": 5}, CONDITIONS, "conditions.realgdp", "5"),  # a number, not a list of values
        ({"realint": "high"}, EXOG, "exog.realint", "'high'"),
        ({"realgdp": ["soon"]}, CONDITIONS, "conditions.realgdp", "soon"),
        (pd.DataFrame({"realgdp": ["1", "x"]}), CONDITIONS, "conditions.realgdp", "x"),  # a file's cell, too
    ],
)
def test_a_refused_variable_is_named_by_its_place(table, what, field, value):
    columns = ["realint"] if what == EXOG else VARIABLES
    with pytest.raises(InvalidInputError) as refused:
        check_path(table, columns, LABELS, what)
    assert (refused.value.field, refused.value.value) == (field, value)


@pytest.mark.parametrize("what", [CONDITIONS, EXOG])
def test_a_step_given_twice_is_named_by_the_step(what):
    columns = VARIABLES if what == CONDITIONS else ["realgdp"]
    table = pd.DataFrame({"step": ["1", "1"], "realgdp": ["1", "2"]})
    with pytest.raises(InvalidInputError, match="step 1 .* is given twice") as refused:
        check_path(table, columns, LABELS, what)
    assert (refused.value.field, refused.value.value) == ("step", 1)
