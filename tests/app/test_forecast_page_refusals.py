"""The Forecast page draws nothing it was not asked for: a refused conditions file or a lag input too large
stops the forecast and says what to fix, and its link says what it does not carry."""

from __future__ import annotations

import numpy as np

from tests.app.conftest import charts, errors, open_app, trace, values
from tests.app.test_forecast_page import _editor_key
from ui.forecast_panel import LINK_OPEN
from ui.paths_editor import EDITOR_OPEN
from varlib import forecast_artifact


def _info(at) -> str:
    return "\n".join(i.value for i in at.info)


def test_a_refused_conditions_file_draws_no_forecast_while_it_stays(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    uploader = next(u for u in at.file_uploader if u.key.startswith("_fc_path|conditions|"))
    uploader.set_value(("beyond.csv", b"date,realgdp\n2012-01-01,13300\n", "text/csv")).run()
    assert "realgdp has a value at 2012Q1 (the row dated 2012-01-01), which lies beyond" in errors(at) and not charts(
        at
    )
    assert "Fix the conditions below to see the forecast." in _info(at)
    at.run()  # the same file stays in the uploader: still refused, not quietly dropped
    assert "lies beyond the horizon" in errors(at) and charts(at) == []
    next(u for u in at.file_uploader if u.key.startswith("_fc_path|conditions|")).set_value(None).run()
    assert errors(at) == "" and len(charts(at)) == 2


def test_a_lag_input_too_large_is_named_by_variable_and_date(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    last = len(seeded.load("var", "0.0.1").default_lag_inputs()) - 1
    edit = {"edited_rows": {last: {"realgdp": 1e300}}, "added_rows": [], "deleted_rows": []}
    at.session_state[_editor_key(at)] = edit
    at.run()
    assert "Lag input realgdp on 2009Q3 is 1e+300, too large in magnitude" in errors(at)
    assert "Fix the lag inputs to see the forecast." in _info(at) and charts(at) == []


def test_the_link_holds_the_intervals_drawn_and_says_it_leaves_the_conditions_out(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4, "intervals": "corrected"})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    at.session_state[editor.key] = {"edited_rows": {1: {"realgdp": 13300.0}}, "added_rows": [], "deleted_rows": []}
    at.session_state[LINK_OPEN] = True
    at.run()
    assert errors(at) == "" and at.query_params["intervals"] == "standard"  # what the conditional forecast uses
    assert "intervals=standard" in at.code[0].value
    assert any("does not carry the conditions of Scenario: conditions:" in c.value for c in at.caption)


def test_a_lag_input_to_fix_keeps_the_exogenous_values_and_the_conditions_in_view(varx):
    """They were hidden until the lag inputs were fixed: what was typed in them could be neither seen nor changed."""
    artifact, dataset = varx
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 3})
    exog = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    at.session_state[exog.key] = {"edited_rows": {0: {"realint": 2.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    lag_key = next(e.key for e in at.data_editor if not e.key.startswith("_fc_path|"))
    at.session_state[lag_key] = {"edited_rows": {1: {"realgdp": 1e300}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "too large in magnitude" in errors(at) and charts(at) == []
    assert "Fix the lag inputs to see the forecast." in _info(at)
    shown = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    assert float(shown.value["realint"].iloc[0]) == 2.0  # as typed, still editable
    assert any(e.label == "Scenario: conditions" for e in at.expander)
    at.session_state[lag_key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    at.run()
    last = float(dataset.frame["realint"].iloc[-1])
    expected = forecast_artifact(artifact, 3, exog={"realint": [2.0, last, last]})
    assert errors(at) == ""
    np.testing.assert_allclose(values(trace(charts(at)[0], "forecast"), "y")[1:], expected.forecast.mean[:, 0])
