"""Conditions and exogenous values: one reader and checker for CSV files, REST mappings and edited tables;
every refusal names the variable, the step and its date."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError
from varlib.artifact import build_artifact
from varlib.data.paths import CONDITIONS, EXOG, check_path, read_path_csv
from varlib.service import forecast_artifact

LABELS = ["2009-10-01", "2010-01-01", "2010-04-01", "2010-07-01"]
VARIABLES = ["realgdp", "realcons"]


def _csv(text: str) -> pd.DataFrame:
    return read_path_csv(text.encode(), CONDITIONS, "conditions.csv")


@pytest.mark.parametrize(
    "text",
    [
        "date,realgdp\n2010-01-01,13100\n2010-07-01,13300\n",
        "step,realgdp\n2,13100\n4,13300\n",
        "realgdp,realcons\n,\n13100,\n,\n13300,\n",
        "Step,realgdp\n2,13100\n4,13300\n",
        "date,step,realgdp\n2010-01-01,2,13100\n2010Q3,4,13300\n",
    ],
    ids=["dates", "steps", "rows", "Step", "agreeing dates and steps"],
)
def test_dates_step_numbers_or_row_order_place_the_conditions(text):
    path = check_path(_csv(text), VARIABLES, LABELS)
    assert list(path.index) == [1, 2, 3, 4]
    np.testing.assert_array_equal(path["realgdp"].to_numpy(), [np.nan, 13100, np.nan, 13300])
    assert "realcons" not in path.columns or path["realcons"].isna().all()


@pytest.mark.parametrize(
    "table, message",
    [
        (
            "step,realgdp\n5,13100\n",
            r"realgdp has a value at step 5, which lies beyond the horizon: the forecast has 4 steps",
        ),
        ("date,realgdp\n2011-01-01,13100\n", "realgdp has a value at 2011-01-01, which lies beyond the horizon"),
        ("realgdp\n1\n2\n3\n4\n5\n", "realgdp has a value at step 5, which lies beyond the horizon"),
        ("date,realgdp\n2010-02-15,13100\n", "2010-02-15 is not one of the forecast's periods"),
        ("date,gdp\n2010-01-01,13100\n", "'gdp' is not a variable of this model; use realgdp, realcons"),
        ("date,realint\n2010-01-01,2\n", "'realint' is exogenous; give it as an exogenous value"),
        ("date,realgdp\n2010-01-01,inf\n", r"condition realgdp at step 2 \(2010-01-01\) is 'inf'; use a finite number"),
        ("date,realgdp\n2010-01-01,NaN\n", r"is 'NaN'; use a finite number; leave the cell empty for a free value"),
        ("date,realgdp\n2010-01-01,abc\n", r"condition realgdp at step 2 \(2010-01-01\) is 'abc', not a number"),
        ("step,realgdp\n2,1\n2,3\n", r"step 2 \(2010-01-01\) is given twice"),
        ("step,realgdp\n1.5,1\n", "step '1.5' is not a step number"),
        ("date,realgdp\nsoon,1\n", "'soon' is not a date"),
        (
            "date,step,realgdp\n2009-10-01,2,13200\n",
            r"row 1 gives step 2 \(2010-01-01\) and the date 2009-10-01, which is step 1 \(2009-10-01\); keep one",
        ),
        (  # a date past the horizon against a step within it: the two disagree (it said the date lay beyond)
            "step,date,realgdp\n1,2011-01-01,13100\n",
            r"row 1 gives step 1 \(2009-10-01\) and the date 2011-01-01, which is after the forecast's last step; keep",
        ),
    ],
)
def test_impossible_conditions_are_refused_by_name(table, message):
    with pytest.raises(InvalidInputError, match=message):
        check_path(_csv(table), VARIABLES, LABELS, other_columns=["realint"])


def test_rest_mappings_null_is_free_and_json_nan_is_refused():
    path = check_path({"realgdp": [None, 13100.0]}, VARIABLES, LABELS)
    np.testing.assert_array_equal(path["realgdp"].to_numpy(), [np.nan, 13100, np.nan, np.nan])
    with pytest.raises(InvalidInputError, match="realgdp at step 1 .* is 'NaN'"):
        check_path({"realgdp": [float("nan")]}, VARIABLES, LABELS)
    with pytest.raises(InvalidInputError, match="realgdp has a value at step 5, which lies beyond the horizon"):
        check_path({"realgdp": [None] * 4 + [1.0]}, VARIABLES, LABELS)
    beyond_but_free = check_path({"realgdp": [13100.0] + [None] * 5}, VARIABLES, LABELS)  # null: no condition
    np.testing.assert_array_equal(beyond_but_free["realgdp"].to_numpy(), [13100, np.nan, np.nan, np.nan])


@pytest.mark.parametrize(
    "mapping, message",
    [
        ({"realgdp": [13100.0], "step": [3]}, "'step' is not a variable of this model; use realgdp, realcons$"),
        ({"date": ["2010-01-01"], "realgdp": [13100.0]}, "'date' is not a variable"),
        ({"realgdp": [13100.0], "realgdp ": [9.0]}, "'realgdp ' is not a variable"),  # never merged with realgdp
        ({"realgdp": [1e200]}, "realgdp at step 1 .* is 1e[+]200, too large in magnitude"),
    ],
)
def test_rest_mappings_are_variables_step_by_step_and_nothing_else(mapping, message):
    """Every key of the REST form is a variable (no step or date column, no trimming), values within range."""
    with pytest.raises(InvalidInputError, match=message):
        check_path(mapping, VARIABLES, LABELS)


def test_many_keys_that_are_not_variables_are_refused_at_the_first():
    """A body of thousands of keys costs one look at the first (it once took seconds per thousand keys)."""
    calls = []

    class Keys(dict):
        def __iter__(self):
            for key in super().__iter__():
                calls.append(key)
                yield key

    with pytest.raises(InvalidInputError, match="'0' is not a variable"):
        check_path(Keys({str(i): [1.0] for i in range(20_000)}), VARIABLES, LABELS)
    assert calls == ["0"]


def test_logdiff_conditions_are_positive_levels():
    with pytest.raises(InvalidInputError, match="works on logs, so conditions are levels above 0"):
        check_path({"realgdp": [0.0]}, VARIABLES, LABELS, positive=True)


def test_undated_forecasts_take_step_numbers_not_dates():
    with pytest.raises(InvalidInputError, match="have no dates .* give a step column"):
        check_path(_csv("date,realgdp\n2010-01-01,1\n"), VARIABLES, ["+1", "+2"])
    assert check_path(_csv("step,realgdp\n2,1\n"), VARIABLES, ["+1", "+2"])["realgdp"].iloc[1] == 1


def test_exogenous_values_are_needed_for_every_step():
    with pytest.raises(InvalidInputError, match=r"rate has no value for step 3 \(2010-04-01\)"):
        check_path({"rate": [1.0, 2.0, None, 4.0]}, ["rate"], LABELS, EXOG)
    with pytest.raises(InvalidInputError, match="rate is missing"):
        check_path(pd.DataFrame({"date": LABELS}), ["rate"], LABELS, EXOG)


def test_an_unreadable_file_is_named(tmp_path):
    with pytest.raises(InvalidInputError, match="cannot read conditions from 'nope.csv'"):
        read_path_csv(tmp_path / "nope.csv")


def test_a_forecast_checks_conditions_against_its_own_dates(macro_result):
    artifact = build_artifact(macro_result, "var", "tester")
    assert artifact.data.dates[-1] == "2009-07-01"
    with pytest.raises(
        InvalidInputError,
        # the variable, the period as the model names it (and the row's date as written) and the horizon
        match=r"conditions: realgdp has a value at 2011Q1 \(the row dated 2011-01-01\), which lies beyond the horizon:"
        r" the forecast has 4 steps \(2009Q4 to 2010Q3\); forecast more steps or remove that row",
    ):
        forecast_artifact(artifact, 4, conditions=_csv("date,realgdp\n2011-01-01,13100\n"))
    eight = forecast_artifact(artifact, 8, conditions=_csv("date,realgdp\n2011-01-01,13100\n"))
    assert [{k: v for k, v in c.items() if k != "sd_from_forecast"} for c in eight.conditions] == [
        {"variable": "realgdp", "step": 6, "date": "2011-01-01", "value": 13100.0}
    ]
    # a variable given with no value would answer a plain forecast that reads as a conditioned one (as on REST)
    with pytest.raises(InvalidInputError, match="'realgdp' holds no value to condition on"):
        forecast_artifact(artifact, 4, conditions={"realgdp": [None, None]})


@pytest.mark.parametrize(
    "text, where",
    [
        ("step\n1\n", r"it has no variable's column \(only step\)"),
        ("date,realgdp\n2009Q4,\n", "its column realgdp is empty"),
    ],
)
def test_a_conditions_file_that_conditions_nothing_is_refused(text, where):
    """Else it gives a plain forecast that reads as a conditioned one."""
    with pytest.raises(
        InvalidInputError, match=f"conditions file conditions.csv holds no value to condition on: {where}; give a value"
    ):
        _csv(text)


def test_exogenous_rows_all_after_the_horizon_are_named_as_such():
    """Not as a missing first step: the file's dates are the trouble."""
    table = read_path_csv(b"date,rate\n2011-01-01,1\n2011-04-01,2\n", EXOG)
    with pytest.raises(InvalidInputError, match=r"every row of the table lies after the forecast's last period \(20"):
        check_path(table, ["rate"], LABELS, EXOG)


def test_a_conditions_file_of_a_header_alone_says_it_has_no_rows():
    """It read "conditions nothing: columns a, b are empty", as if a and b were the model's variables."""
    with pytest.raises(InvalidInputError, match=r"conditions.csv has a header \(date, a, b\) but no rows: add one row"):
        _csv("date,a,b\n")


def test_a_one_step_forecast_is_one_step_in_words():
    """It read "the forecast has 1 steps"."""
    with pytest.raises(InvalidInputError, match=r"the forecast has 1 step \(2009-10-01\); forecast more steps"):
        check_path(pd.DataFrame({"step": ["2"], "realgdp": ["13100"]}), ["realgdp"], ["2009-10-01"])


def test_rows_dated_as_quarters_are_placed_against_quarter_labels():
    # read by the library, not by pandas' own reading of 2010Q1, which warns that pandas 4 drops it
    table = pd.DataFrame({"date": ["2010Q1", "Q2 2010"], "realgdp": ["1", "2"]})
    path = check_path(table, VARIABLES, ["2009Q4", "2010Q1", "2010Q2"], frequency="QS")
    assert path["realgdp"].tolist()[1:] == [1.0, 2.0] and np.isnan(path["realgdp"].iloc[0])
