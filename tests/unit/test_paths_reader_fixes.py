"""The paths reader (exogenous values, conditions) reads what the other readers read: numbers as the training
and lag-input readers do, a date column found as lag inputs find theirs, the odd date of a column named, and rows
past the horizon that hold no value ignored however the rows are placed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError
from varlib.data import load_csv
from varlib.data.lag_inputs import read_lag_inputs
from varlib.data.paths import CONDITIONS, EXOG, check_path, read_path_csv

LABELS = ["2009-10-01", "2010-01-01", "2010-04-01", "2010-07-01"]
VARIABLES = ["realgdp", "realcons"]
QUARTERS = "QS-OCT"  # the forecast's periods, dated by their first day


def _check(text: str, what: str = CONDITIONS, columns=VARIABLES, other=()) -> pd.DataFrame:
    table = read_path_csv(text.encode(), what, "path.csv")
    return check_path(table, columns, LABELS, what, other_columns=other, frequency=QUARTERS)


def test_a_number_with_an_underscore_is_refused_by_every_reader(tmp_path):
    """Python's float() reads `1_5` as 15; pandas, which reads training data and lag inputs, reads no number."""
    with pytest.raises(InvalidInputError, match=r"exogenous value realint at step 2 \(2010Q1\) is '1_5', not a"):
        _check("step,realint\n1,1\n2,1_5\n3,2\n4,2\n", EXOG, ["realint"])
    with pytest.raises(InvalidInputError, match=r"condition realgdp at step 1 \(2009-10-01\) is '13_100', not a"):
        check_path({"realgdp": ["13_100"]}, VARIABLES, LABELS)
    with pytest.raises(InvalidInputError, match="step '1_0' is not a step number"):
        _check("step,realgdp\n1_0,13100\n")
    with pytest.raises(InvalidInputError, match="lag input realgdp on 2009-07-01 is '1_5', not a number"):
        read_lag_inputs(b"date,realgdp,realcons\n2009-04-01,1,2\n2009-07-01,1_5,2\n", VARIABLES, 2, "none")
    data = tmp_path / "data.csv"
    data.write_text("date,a,b\n2000-01-01,1,2\n2000-04-01,1_5,3\n2000-07-01,2,4\n")
    with pytest.raises(InvalidInputError, match=r"row 2 \(2000-04-01\): '1_5' is not a finite number"):
        load_csv(data)


@pytest.mark.parametrize(
    "text",
    [
        "quarter,realgdp\n2010Q1,13100\n2010Q3,13300\n",  # as examples/rates.csv is dated
        ",realgdp\n2010-01-01,13100\n2010-07-01,13300\n",  # pandas' to_csv() of a frame indexed by dates
        "step,quarter,realgdp\n2,2010Q1,13100\n4,2010Q3,13300\n",  # after a step column, agreeing with it
    ],
    ids=["quarter", "pandas index", "after a step column"],
)
def test_a_first_column_of_dates_places_the_rows_whatever_its_name(text):
    path = _check(text)
    np.testing.assert_array_equal(path["realgdp"].to_numpy(), [np.nan, 13100, np.nan, 13300])


def test_a_first_column_that_holds_no_dates_is_still_named():
    """Signed numbers read as dates of the years before 1 (`-1.2`): such a column is a mistyped variable."""
    with pytest.raises(InvalidInputError, match=r"'quarter' is not a variable of this model"):
        _check("quarter,realgdp\n1,13100\n2,13300\n")
    with pytest.raises(InvalidInputError, match=r"'rate' is not a variable of this model"):
        _check("rate,realint\n-1.2,1\n-0.5,2\n-1.3,3\n-1.1,4\n", EXOG, ["realint"])
    with pytest.raises(InvalidInputError, match="conditions table holds no value to condition on: its column realgdp"):
        _check("quarter,realgdp\n2009Q4,\n2010Q1,\n")  # its dates are no condition


@pytest.mark.parametrize("what, column", [(EXOG, "realint"), (CONDITIONS, "realgdp")])
def test_one_date_dated_unlike_the_others_is_the_one_named(what, column):
    text = f"date,{column}\n2009-12-31,1\n2010-03-31,1.5\n2010-06-30,2\n2010-08-31,2\n"
    with pytest.raises(InvalidInputError) as refused:
        _check(text, what, [column])
    message = str(refused.value)
    assert message.startswith(f"{what}: 2010-08-31 (row 4) is not one of the forecast's periods"), message
    assert "nor dated like the other rows (2009-12-31, read as the period it falls in)" in message


TEMPLATES = {  # the template of each placement, six rows for a forecast of four, and its last row with a value
    "rows": ("realgdp\n\n13000\n\n\n\n\n", "realgdp\n\n13000\n\n\n\n13100\n"),
    "dates": (
        "date,realgdp\n2009-10-01,\n2010-01-01,13000\n2010-04-01,\n2010-07-01,\n2010-10-01,\n2011-01-01,\n",
        "date,realgdp\n2009-10-01,\n2010-01-01,13000\n2010-04-01,\n2010-07-01,\n2010-10-01,\n2011-01-01,13100\n",
    ),
    "steps": ("step,realgdp\n1,\n2,13000\n3,\n4,\n5,\n6,\n", "step,realgdp\n1,\n2,13000\n3,\n4,\n5,\n6,13100\n"),
}


def test_empty_template_rows_past_the_horizon_are_ignored_however_placed():
    """A template of more rows than the horizon serves any horizon, as an exogenous file does, whether its rows are
    placed by their order, dates or steps; a value past the horizon is still refused, since it would not be held."""
    for template, late_value in TEMPLATES.values():
        path = _check(template)
        np.testing.assert_array_equal(path["realgdp"].to_numpy(), [np.nan, 13000, np.nan, np.nan])
        with pytest.raises(InvalidInputError, match="lies beyond the horizon"):
            _check(late_value)


def test_a_long_list_of_free_steps_is_read_and_a_late_value_in_it_is_named():
    """A request's list may run far past the horizon (the REST body limit allows some 100,000 nulls): the free steps
    after it are ignored, and a value among them is named by its step."""
    free = [13000.0] + [None] * 100_000
    path = check_path({"realgdp": free}, VARIABLES, LABELS)
    np.testing.assert_array_equal(path["realgdp"].to_numpy(), [13000, np.nan, np.nan, np.nan])
    late = [*free[:50_000], 13100.0, *free[50_000:]]
    with pytest.raises(InvalidInputError, match="realgdp has a value at step 50001, which lies beyond the horizon"):
        check_path({"realgdp": late}, VARIABLES, LABELS)
