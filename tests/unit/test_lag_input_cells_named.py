"""A bad lag input cell is named by its variable and date wherever the forecast is asked for (the dashboard's
Forecast and Compare tables, REST lists, the library), not as `row 5, column 1`, whose numbering depended on
how many rows the version needs."""

from __future__ import annotations

import numpy as np
import pytest

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, read_lag_inputs, train_model
from varlib.artifact import build_artifact


@pytest.fixture(scope="module")
def logdiff_version():
    dataset = load_dataset()
    spec = ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2, holdout=0)
    return build_artifact(train_model(dataset, spec), "var", "tester")


@pytest.mark.parametrize(
    "value, reason",
    [(-5.0, r"is -5; this model works on logs and needs positive values"), (np.nan, r"is empty")],
)
def test_a_dated_table_names_the_variable_and_date(logdiff_version, value, reason):
    # a dated table is read as the CLI reads a lag file (varlib.data.parse_lag_table), so it is worded alike
    table = logdiff_version.default_lag_inputs().copy()
    table.loc["2009-07-01", "realgdp"] = value
    with pytest.raises(InvalidInputError, match=rf"^lag input realgdp on 2009Q3 {reason}"):
        forecast_artifact(logdiff_version, 4, lag_inputs=table)


def test_undated_rows_are_named_by_the_periods_they_stand_for(logdiff_version):
    rows = logdiff_version.default_lag_inputs().to_numpy().tolist()
    rows[0][1] = 0.0
    with pytest.raises(InvalidInputError, match=r"^lag input realcons on 2009Q1 is 0; this model works on logs"):
        forecast_artifact(logdiff_version, 4, lag_inputs=rows)


def test_a_lag_file_without_dates_names_the_cell_by_its_row():
    # as a list of rows sent without dates is named ("on 2009Q2 (row 2)"), not "on row 2"
    with pytest.raises(InvalidInputError, match=r"^lag input realcons in row 2 is 'abc'"):
        read_lag_inputs(
            b"realgdp,realcons\n12900.5,9100\n12901.5,abc\n", ["realgdp", "realcons"], 2, "none", "lags.csv"
        )


def test_a_row_of_separators_only_among_lag_inputs_is_skipped_as_a_blank_line():
    """`,,` between two rows was refused as an empty lag input (or a row without a date), a blank line skipped."""
    variables = ["realgdp", "realcons"]
    for data in (
        b"realgdp,realcons\n12900.5,9100\n,\n12901.5,9101\n",
        b"date,realgdp,realcons\n2009Q1,1,2\n,,\n2009Q2,3,4\n",
    ):
        assert read_lag_inputs(data, variables, 2, "none", "lags.csv").to_numpy().shape == (2, 2)
