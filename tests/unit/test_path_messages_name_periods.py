"""A future path's refusals name the forecast's periods as its tables do (`2010H1`, `2009Q4`), where they printed
the ISO dates the rows are matched against (`3 steps (2010-06-30 to 2011-06-30)` for a half-yearly model)."""

from __future__ import annotations

import pandas as pd
import pytest

from varlib import InvalidInputError
from varlib.data.paths import check_path

HALVES = ["2010-06-30", "2010-12-31", "2011-06-30"]


def test_a_condition_beyond_the_horizon_names_the_half_years():
    table = pd.DataFrame({"date": ["2012-06-30"], "x": ["101"]})
    with pytest.raises(InvalidInputError, match=r"the forecast has 3 steps \(2010H1 to 2011H1\)"):
        check_path(table, ["x", "y"], HALVES, frequency="2QE-DEC")


def test_a_missing_exogenous_value_names_its_quarter_and_the_rows_still_match_their_iso_dates():
    quarters = ["2009-10-01", "2010-01-01"]
    table = pd.DataFrame({"date": ["2009Q4", "2010-01-01"], "z": ["1.5", ""]})
    with pytest.raises(InvalidInputError, match=r"z has no value for step 2 \(2010Q1\)"):
        check_path(table, ["z"], quarters, "exogenous values", frequency="QS-JAN")
    table = pd.DataFrame({"date": ["2009-10-01", "2010Q1"], "z": ["1.5", "2"]})
    path = check_path(table, ["z"], quarters, "exogenous values", frequency="QS-JAN")
    assert path["z"].tolist() == [1.5, 2.0]
