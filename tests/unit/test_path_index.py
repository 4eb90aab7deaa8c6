"""Conditions and exogenous values given as a DataFrame are placed by its index when the index says where:
dates written as text (`pd.read_csv(path, index_col="date")`) place each row at its date and an index named
`step` at its step. An index of other whole numbers is refused, as they could be steps or rows of a longer
table; and True/False is no number. All of these were placed in row order (or read as 1 and 0) without a word,
so a condition moved to another quarter and a saved scenario kept it there."""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, forecast_artifact, make_scenario
from varlib.versions import parse_version

GDP = "date,realgdp\n2010-01-01,12900\n2010-07-01,13000\n"  # steps 2 and 4 of a forecast from 2009Q4


def _placed(forecast) -> list[tuple[int, float]]:
    return [(row["step"], row["value"]) for row in forecast.to_dict()["conditions"]]


def test_conditions_read_with_their_dates_as_the_index_are_placed_by_them(var2):
    conditions = pd.read_csv(io.StringIO(GDP), index_col="date")
    assert _placed(forecast_artifact(var2, 4, conditions=conditions)) == [(2, 12900.0), (4, 13000.0)]
    saved = make_scenario(replace(var2, version=parse_version("0.0.1")), "by-dates", steps=4, conditions=conditions)
    assert saved.conditions["realgdp"][:4] == [None, 12900.0, None, 13000.0]


def test_an_index_named_step_places_each_row_at_its_step(var2):
    conditions = pd.DataFrame({"realgdp": [13000.0]}, index=pd.Index([3], name="step"))
    assert _placed(forecast_artifact(var2, 4, conditions=conditions)) == [(3, 13000.0)]


def test_an_index_of_other_numbers_is_refused(var2, varx):
    with pytest.raises(InvalidInputError, match=r"the table's index numbers its rows 3, 4, which could be steps"):
        forecast_artifact(var2, 4, conditions=pd.DataFrame({"realgdp": [13000.0, 13100.0]}, index=[3, 4]))
    with pytest.raises(InvalidInputError, match=r"name the index `step`"):
        forecast_artifact(varx, 2, exog=pd.DataFrame({"realint": [1.0, 2.0]}, index=[5, 6]))
    unnamed = forecast_artifact(var2, 4, conditions=pd.DataFrame({"realgdp": [13000.0, np.nan]}))
    assert _placed(unnamed) == [(1, 13000.0)]  # a row count, 0, 1, ...: in order, as before


@pytest.mark.parametrize("given", [{"realint": [True, False]}, pd.DataFrame({"realint": [True, False]})])
def test_true_and_false_are_no_exogenous_values(varx, given):
    with pytest.raises(InvalidInputError, match=r"exogenous value realint at step 1 .* is True, not a number"):
        forecast_artifact(varx, 2, exog=given)


def test_true_is_no_condition(var2):
    with pytest.raises(InvalidInputError, match=r"condition realgdp at step 1 .* is True, not a number"):
        forecast_artifact(var2, 2, conditions={"realgdp": [True]})
