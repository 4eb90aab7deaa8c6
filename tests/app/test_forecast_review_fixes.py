"""The Forecast page's inputs say what they hold: typed conditions and exogenous values are text at full
precision (a number grid turned `9300,5` into 93005 and showed 6 digits), a refused lag CSV draws nothing, an
undated lag CSV of more rows than needed gives its last ones, and Edit a copy keeps a scenario's own lag inputs."""

from __future__ import annotations

import numpy as np

from tests.app.conftest import charts, errors, open_app, trace, values
from tests.app.test_scenario_pages import _with_editor
from ui.chart_look import export_stem
from ui.paths_editor import EDITOR_OPEN
from varlib import ModelSpec, forecast_artifact, load_dataset, make_scenario, publish_result, train_model


def _editor(at, what: str):
    return next(e for e in at.data_editor if e.key.startswith(f"_fc_path|{what}|"))


def _type(at, what: str, edits: dict) -> None:
    at.session_state[_editor(at, what).key] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    at.run()


def test_a_decimal_comma_typed_as_a_condition_is_named_not_read_as_another_number(seeded):
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    _type(at, "conditions", {1: {"realcons": "9300,5"}})
    assert "Condition realcons at step 2 (2010Q1) is '9300,5', not a number" in errors(at)
    assert charts(at) == []
    at.session_state[EDITOR_OPEN] = False  # closed, the typed cell still stops the forecast
    at.run()
    assert "is '9300,5', not a number" in errors(at) and charts(at) == []


def test_conditions_are_shown_and_used_at_full_precision(seeded):
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    uploader = next(u for u in at.file_uploader if u.key.startswith("_fc_path|conditions|"))
    uploader.set_value(("gdp.csv", b"step,realgdp\n1,13104.523\n", "text/csv")).run()
    assert errors(at) == "" and _editor(at, "conditions").value["realgdp"].tolist() == ["13104.523", "", "", ""]
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 4, conditions={"realgdp": [13104.523]})
    shown = values(trace(charts(at)[1], "scenario"), "y")[1:]
    np.testing.assert_allclose(shown, expected.forecast.mean[:, 1], rtol=1e-12)


def test_a_decimal_comma_typed_as_an_exogenous_value_is_named(registry):
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    publish_result(registry, train_model(dataset, spec), "varx")
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 3})
    _type(at, "exogenous values", {1: {"realint": "12,5"}})
    assert "Exogenous value realint at step 2 (2010Q1) is '12,5', not a number" in errors(at)
    assert charts(at) == []


def test_an_undated_lag_csv_of_more_rows_gives_its_last_ones(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 3})
    own = seeded.load("var", "0.0.1")
    needed = own.lag_rows
    rows = [[13000.0 + i, 9000.0 + i] for i in range(needed + 1)]
    csv = "realgdp,realcons\n" + "".join(f"{gdp},{cons}\n" for gdp, cons in rows)
    at.file_uploader[0].set_value(("undated.csv", csv.encode(), "text/csv")).run()
    assert errors(at) == ""
    assert at.data_editor[0].value["realgdp"].tolist() == [f"{row[0]:g}" for row in rows[1:]]
    expected = forecast_artifact(own, 3, lag_inputs=np.array(rows[1:]))
    np.testing.assert_allclose(values(trace(charts(at)[0], "forecast"), "y")[1:], expected.forecast.mean[:, 0])


def test_a_refused_lag_csv_draws_no_forecast_while_it_stays(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 3})
    at.file_uploader[0].set_value(("bad.csv", b"date,gdp\n2010-01-01,1\n", "text/csv")).run()
    assert "lacks the columns realgdp, realcons" in errors(at) and charts(at) == []
    at.file_uploader[0].set_value(None).run()
    assert errors(at) == "" and len(charts(at)) == 2


def test_edit_a_copy_keeps_the_scenarios_own_lag_inputs(seeded):
    artifact = seeded.load("var", "0.0.1")
    lags = artifact.default_lag_inputs().copy()
    lags.iloc[-1, 0] = 13000.0
    seeded.save_scenario(make_scenario(artifact, "own-lags", 4, 0.05, lags, conditions={"realcons": [9300.0]}))
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "own-lags"})
    next(b for b in at.button if b.label == "Edit a copy").click().run()
    assert errors(at) == "" and "scenario" not in at.query_params
    lag_editor = next(e for e in at.data_editor if e.key.startswith("lags|"))
    assert lag_editor.value["realgdp"].tolist()[-1] == "13000"
    expected = forecast_artifact(artifact, 4, lag_inputs=lags, conditions={"realcons": [9300.0]})
    np.testing.assert_allclose(
        values(trace(charts(at)[0], "scenario"), "y")[1:], expected.forecast.mean[:, 0], rtol=1e-12
    )


def _file_names(at) -> list[str]:
    configs = [chart.proto.config for chart in at.get("plotly_chart")]
    return [config.split('"filename": "')[1].split('"')[0] for config in configs]


def test_exported_files_name_the_scenario_or_say_the_forecast_is_conditioned(seeded):
    artifact = seeded.load("var", "0.0.1")
    seeded.save_scenario(make_scenario(artifact, "dip", 4, conditions={"realgdp": [13000.0]}))
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    assert _file_names(at)[0] == "var-0.0.1-realgdp-4-steps-95pct-standard"
    _type(at, "conditions", {0: {"realgdp": "13000"}})
    assert _file_names(at)[0] == "var-0.0.1-realgdp-conditioned-4-steps-95pct-standard"
    saved = open_app({"model": "var", "version": "0.0.1", "steps": 4, "level": 95, "scenario": "dip"})
    assert _file_names(saved)[0] == "var-0.0.1-realgdp-dip-4-steps-95pct-standard"


def test_a_links_steps_outside_the_range_are_set_to_the_nearest_as_typed_ones_are(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 500})
    assert at.number_input(key="fc_steps").value == 400 and at.query_params["steps"] == "400"
    assert "The link's 500 steps are outside 1–400: using 400." in "\n".join(c.value for c in at.caption)
    assert len(values(trace(charts(at)[0], "forecast"), "y")) == 401  # from the last observation, then 400 steps
    assert not at.warning  # set, not refused


def _order(node, found: list[str]) -> list[str]:
    """The page's plotly charts and its Overlay picker, top to bottom."""
    for child in getattr(node, "children", {}).values():
        if child.type == "plotly_chart" or (child.type == "multiselect" and child.label == "Overlay"):
            found.append(child.type)
        _order(child, found)
    return found


def test_in_a_presentation_the_overlay_picker_sits_under_the_charts(seeded):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "dip", 4, conditions={"realgdp": [13000.0]}))
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4, "level": 95, "scenario": "dip", "present": 1})
    assert _order(at.main, []) == ["plotly_chart", "plotly_chart", "multiselect"]
    plain = open_app({"model": "var", "version": "0.0.1", "steps": 4, "level": 95, "scenario": "dip"})
    assert _order(plain.main, []) == ["multiselect", "plotly_chart", "plotly_chart"]  # above them otherwise


def test_the_intervals_control_shows_standard_while_a_condition_is_set_and_keeps_the_choice(seeded):
    """A conditional forecast draws standard bands; the control says so (it showed 'corrected' beside them)."""
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4, "intervals": "corrected"})
    assert at.segmented_control(key="fc_intervals").value == "corrected"
    _type(at, "conditions", {0: {"realgdp": "12990"}})
    shown = at.segmented_control(key="fc_intervals|only")
    assert shown.value == "standard" and shown.proto.disabled and shown.options == ["standard"]
    assert not any(c.key == "fc_intervals" for c in at.segmented_control)  # not beside it, showing 'corrected'
    notes = [c.value for c in at.caption]
    assert (
        ":material/info: Conditional forecasts use standard intervals: showing standard ones, not corrected." in notes
    )
    assert not at.info and at.query_params["intervals"] == "standard"
    assert "standard interval" in charts(at)[0]["layout"]["title"]["subtitle"]["text"]
    _type(at, "conditions", {0: {"realgdp": None}})  # the condition cleared: the choice is back
    assert at.segmented_control(key="fc_intervals").value == "corrected" and at.query_params["intervals"] == "corrected"
    assert "corrected interval" in charts(at)[0]["layout"]["title"]["subtitle"]["text"]


def test_the_tables_downloads_are_named_as_the_charts_images(seeded):
    """The table's CSV was `var-0.0.1-forecast-4steps-fan-30-90.csv` beside `var-0.0.1-realgdp-4-steps-30-90pct-...`."""
    result = forecast_artifact(seeded.load("var", "0.0.1"), 4, 0.05, intervals="corrected")
    assert export_stem(result, "forecast", 95, [30, 90]) == "var-0.0.1-forecast-4-steps-30-90pct-corrected"
    assert export_stem(result, "realgdp", 80, []) == "var-0.0.1-realgdp-4-steps-80pct-corrected"
