"""The Forecast page's scenario path tables (conditions, a VARX's exogenous values) name their read-only date
column's periods as the charts' hovers and the lag table do (2009Q4), while each cell keeps the ISO date the
table is parsed back from: an edit forecasts from exactly the values typed, as before."""

from __future__ import annotations

import json

import numpy as np

from tests.app.conftest import charts, errors, open_app, trace, values
from ui.paths_editor import EDITOR_OPEN
from varlib import forecast_artifact

ISO = ["2009-10-01", "2010-01-01", "2010-04-01", "2010-07-01"]
QUARTERS = ["2009Q4", "2010Q1", "2010Q2", "2010Q3"]


def _opened(query: dict):
    at = open_app(query)
    at.session_state[EDITOR_OPEN] = True
    at.run()
    assert errors(at) == ""
    return at


def _table(at, what: str):
    return next(e for e in at.data_editor if e.key.startswith(f"_fc_path|{what}|"))


def _shows_periods(editor) -> None:
    assert editor.value["date"].tolist() == ISO  # the cells: what check_path reads back
    column = json.loads(editor.proto.columns)["date"]
    assert column["disabled"] and column["type_config"]["options"] == [
        {"value": date, "label": label} for date, label in zip(ISO, QUARTERS, strict=True)
    ]


def test_the_conditions_table_names_periods_and_still_forecasts_from_what_was_typed(seeded):
    at = _opened({"model": "var", "version": "0.0.1", "steps": 4})
    _shows_periods(_table(at, "conditions"))
    key = _table(at, "conditions").key
    at.session_state[key] = {"edited_rows": {1: {"realgdp": "13000.25"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == ""
    _shows_periods(_table(at, "conditions"))
    conditions = {"realgdp": [None, 13000.25, None, None]}
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 4, conditions=conditions)
    scenario = values(trace(charts(at)[0], "scenario"), "y")[1:]
    np.testing.assert_allclose(scenario, expected.forecast.mean[:, 0], rtol=0, atol=0)


def test_the_exogenous_values_table_names_periods_and_still_forecasts_from_what_was_typed(varx):
    artifact, dataset = varx
    at = _opened({"model": "varx", "version": "0.0.1", "steps": 4})
    _shows_periods(_table(at, "exogenous values"))
    key = _table(at, "exogenous values").key
    at.session_state[key] = {"edited_rows": {2: {"realint": "1.5"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == ""
    _shows_periods(_table(at, "exogenous values"))
    last = float(dataset.frame["realint"].iloc[-1])
    expected = forecast_artifact(artifact, 4, exog={"realint": [last, last, 1.5, last]})
    forecast = values(trace(charts(at)[0], "forecast"), "y")[1:]
    np.testing.assert_allclose(forecast, expected.forecast.mean[:, 0], rtol=0, atol=0)


def test_a_refused_typed_cell_is_named_by_the_period_its_row_shows(seeded, varx):
    """A bad cell's message names its row as the table shows it (2010Q1), as an uploaded file's does; it named the
    ISO date (2010-01-01), which no row of the table shows."""
    for model, what, variable in (("var", "conditions", "realgdp"), ("varx", "exogenous values", "realint")):
        at = _opened({"model": model, "version": "0.0.1", "steps": 4})
        key = _table(at, what).key
        at.session_state[key] = {"edited_rows": {1: {variable: "abc"}}, "added_rows": [], "deleted_rows": []}
        at.run()
        assert f"{variable} at step 2 (2010Q1) is 'abc', not a number" in errors(at)
        assert "2010-01-01" not in errors(at) and charts(at) == []
