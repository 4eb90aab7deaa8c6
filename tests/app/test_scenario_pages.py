"""The Forecast page's scenario editor through the entrypoint: conditions typed or dragged into the table, the
conditional forecast with zero-width conditioned steps and the baseline overlaid, the table of differences,
fan charts, saving a scenario (once per name, guarded by the role) and reopening it from its link (a VARX's
exogenous values: test_varx_pages.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.app.conftest import charts, errors, open_app, trace, values
from ui.forecast_table import forecast_content
from ui.paths_editor import EDITOR_OPEN
from varlib import (
    Actor,
    forecast_artifact,
    make_scenario,
    to_json,
)
from varlib.version_forecast import VersionForecast

CONDITIONS_EDITOR = "_fc_path|conditions|var|0.0.1|0|4"


def _with_editor(query: dict):
    """The Forecast page with its scenario editor open (closed, it is not drawn)."""
    at = open_app(query)
    at.session_state[EDITOR_OPEN] = True
    at.run()
    return at


def _conditions_editor(at):
    return next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))


def _condition(at, edits: dict) -> None:
    """Type values into the conditions table: {row: {variable: value}} (row 0 is step 1)."""
    at.session_state[_conditions_editor(at).key] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    at.run()


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning])


def test_typed_conditions_give_the_conditional_forecast_with_the_baseline_and_differences(seeded):
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    table = _conditions_editor(at).value
    assert list(table.columns) == ["step", "date", "realgdp", "realcons"] and (table["realgdp"] == "").all()
    _condition(at, {0: {"realgdp": 12990.0}, 2: {"realgdp": 13100.0}})
    assert errors(at) == ""
    conditions = {"realgdp": [12990.0, None, 13100.0, None]}
    artifact = seeded.load("var", "0.0.1")
    expected = forecast_artifact(artifact, 4, 0.05, conditions=conditions)
    baseline = forecast_artifact(artifact, 4, 0.05)
    gdp, cons = charts(at)
    np.testing.assert_allclose(values(trace(gdp, "scenario"), "y")[1:], expected.forecast.mean[:, 0], rtol=1e-12)
    np.testing.assert_allclose(values(trace(cons, "scenario"), "y")[1:], expected.forecast.mean[:, 1], rtol=1e-12)
    band = trace(cons, "95% interval")  # the lower edge of the realcons band: narrower than the baseline's
    np.testing.assert_allclose(values(band, "y"), expected.forecast.lower[:, 1], rtol=1e-12)
    gdp_lower = values(trace(gdp, "95% interval"), "y")
    assert gdp_lower[0] == 12990.0 and gdp_lower[2] == 13100.0  # conditioned: zero width
    np.testing.assert_array_equal(values(trace(gdp, "condition"), "y"), [12990.0, 13100.0])
    overlay = trace(cons, "baseline (no conditions)")
    np.testing.assert_allclose(values(overlay, "y")[1:], baseline.forecast.mean[:, 1], rtol=1e-12)
    differences = next(f.value for f in at.dataframe if "realcons difference" in f.value.columns)
    np.testing.assert_allclose(
        differences["realcons difference"], expected.forecast.mean[:, 1] - baseline.forecast.mean[:, 1], rtol=1e-9
    )
    element = next(f for f in at.dataframe if "realcons difference" in f.value.columns)
    configs = json.loads(element.proto.columns)
    assert configs["realgdp baseline"]["type_config"]["format"] == "%.1f"  # 13,0xx: six significant digits
    assert configs["realcons difference %"]["type_config"]["format"] == "%.2f%%"
    assert configs["realcons difference"]["label"] == "realcons Δ"  # eight columns fit at 1440 px


def _overlay_picker(at):
    return [m for m in at.multiselect if m.label == "Overlay"]


def test_the_overlay_picker_shows_only_when_there_is_something_to_draw_over_the_forecast(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    assert errors(at) == "" and _overlay_picker(at) == []  # no conditions, no saved scenario: only itself
    conditioned = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    _condition(conditioned, {0: {"realgdp": 12990.0}})
    assert [m.options for m in _overlay_picker(conditioned)] == [["baseline (no conditions)"]]


def test_the_overlay_picker_offers_the_saved_scenarios(seeded):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "other", 4, conditions={"realgdp": [1e4]}))
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    assert [m.options for m in _overlay_picker(at)] == [["baseline (no conditions)", "other"]]


def test_a_dragged_path_fills_the_table(seeded):
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 6})
    at.toggle(key="_fc_path|conditions|var|0.0.1|shaper").set_value(True).run()
    at.selectbox(key="_fc_path|conditions|var|0.0.1|shape_var").select("realcons")
    at.run()
    labels = _conditions_editor(at).value["date"].tolist()
    at.select_slider(key="_fc_path|conditions|var|0.0.1|shape_steps|6").set_value((labels[1], labels[3])).run()
    at.radio(key="_fc_path|conditions|var|0.0.1|shape").set_value("straight line").run()
    at.slider(key="_fc_path|conditions|var|0.0.1|shape_a|realcons").set_value(9300.0).run()
    at.slider(key="_fc_path|conditions|var|0.0.1|shape_b|realcons").set_value(9500.0).run()
    next(b for b in at.button if b.label == "Apply to the table").click().run()
    assert errors(at) == ""
    path = np.array([float(x) if x else np.nan for x in _conditions_editor(at).value["realcons"]])  # text cells
    np.testing.assert_allclose(path[1:4], [9300.0, 9400.0, 9500.0])
    assert np.isnan(path[[0, 4, 5]]).all()
    conditions = {"realcons": [None if np.isnan(x) else float(x) for x in path]}
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 6, conditions=conditions)
    np.testing.assert_allclose(values(trace(charts(at)[0], "scenario"), "y")[1:], expected.forecast.mean[:, 0])
    next(b for b in at.button if b.label == "Clear all conditions").click().run()
    assert (_conditions_editor(at).value["realcons"] == "").all() and trace(charts(at)[0], "forecast")


def test_the_closed_editor_is_not_drawn_and_its_conditions_still_apply(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    editor = [e for e in [*at.data_editor, *at.slider, *at.toggle] if (e.key or "").startswith("_fc_path|")]
    assert not editor  # closed: nothing of it drawn
    assert not any(b.label == "Save scenario" for b in at.button)
    at.session_state[EDITOR_OPEN] = True
    at.run()
    _condition(at, {0: {"realgdp": 12990.0}})
    at.session_state[EDITOR_OPEN] = False
    at.run()
    assert not any(e.key.startswith("_fc_path|") for e in at.data_editor)
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 4, conditions={"realgdp": [12990.0, None, None, None]})
    np.testing.assert_allclose(values(trace(charts(at)[1], "scenario"), "y")[1:], expected.forecast.mean[:, 1])
    assert "Conditions in force on 1 step of realgdp" in _text(at)
    at.session_state[EDITOR_OPEN] = True
    at.run()
    assert _conditions_editor(at).value["realgdp"].tolist()[0] == "12990"  # reopened as typed


@pytest.mark.parametrize(
    "value, message", [(float("inf"), "Condition realgdp at step 2 (2010Q1) is 'inf'; use a finite number")]
)
def test_an_impossible_condition_is_named_and_nothing_is_drawn(seeded, value, message):
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    _condition(at, {1: {"realgdp": value}})
    assert message in errors(at)
    assert not any("scenario" in t.get("name", "") for f in charts(at) for t in f["data"])


def test_saving_a_scenario_then_reopening_it_from_its_link(seeded):
    at = _with_editor({"model": "var", "version": "latest", "steps": 4})
    _condition(at, {0: {"realgdp": 12990.0}})
    editor = _conditions_editor(at).proto
    assert editor.HasField("placeholder") and editor.placeholder == ""  # free cells empty, as the caption says
    at.text_input(key=next(t.key for t in at.text_input if t.label == "Name")).input("gdp-dip")
    next(b for b in at.button if b.label == "Save scenario").click().run()
    assert errors(at) == ""
    saved = seeded.scenario("var", "0.0.1", "gdp-dip")
    assert saved.conditions == {"realgdp": [12990.0, None, None, None]} and saved.actor.via == "dashboard"
    assert at.query_params["scenario"] == "gdp-dip" and at.query_params["version"] == "0.0.1"
    assert "Saved scenario **gdp-dip**" in _text(at)
    link = {key: at.query_params[key] for key in ("model", "version", "steps", "level", "scenario")}
    reopened = open_app(link)
    assert reopened.selectbox(key="fc_scenario").value == "gdp-dip"
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 4, conditions=saved.conditions)
    np.testing.assert_allclose(
        values(trace(charts(reopened)[1], "gdp-dip"), "y")[1:], expected.forecast.mean[:, 1], rtol=1e-12
    )
    assert not any(e.key.startswith("_fc_path|conditions|") for e in reopened.data_editor)  # as saved: read-only
    shown = next(f for f in reopened.dataframe if "step" in f.value.columns and "realgdp" in f.value.columns)
    assert np.isnan(shown.value["realgdp"].iloc[1]) and shown.proto.HasField("placeholder")  # set: not "None"
    assert shown.proto.placeholder == ""  # free cells empty, as in the editor
    next(b for b in reopened.button if b.label == "Edit a copy").click().run()
    assert reopened.selectbox(key="fc_scenario").value == "" and "scenario" not in reopened.query_params
    assert _conditions_editor(reopened).value["realgdp"].tolist()[0] == "12990"  # the copy, to edit and save anew


def test_a_saved_scenarios_settings_are_shown_disabled_and_its_own_level_labels_the_band(seeded):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "dip", 6, 0.05, conditions={"realgdp": [1e4]}))
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "dip"})
    controls = [at.number_input(key="fc_steps"), at.get("button_group")[0]]
    assert controls[0].value == 6 and all(control.disabled for control in controls)
    assert "keeps its own steps, level and intervals" in controls[0].help
    at.session_state["fc_level"] = 80  # the control's state drifting from the scenario (e.g. an older address)
    at.run()
    names = [t.get("name") for t in charts(at)[0]["data"]]
    assert "95% interval" in names and "80% interval" not in names and at.query_params["level"] == "95"
    expected = forecast_artifact(seeded.load("var", "0.0.1"), 6, 0.05, conditions={"realgdp": [1e4]})
    np.testing.assert_allclose(
        values(trace(charts(at)[0], "95% interval"), "y"), expected.forecast.lower[:, 0], rtol=1e-12
    )


def test_a_saved_scenario_at_a_level_the_page_does_not_offer_shows_and_draws_that_level(seeded):
    artifact = seeded.load("var", "0.0.1")
    seeded.save_scenario(make_scenario(artifact, "wide", 4, 0.025, conditions={"realgdp": [1e4]}))  # 97.5%
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "wide"})
    level = at.get("button_group")[0]
    assert level.disabled and level.options == ["97.5%"] and level.value == 97.5
    names = [t.get("name") for t in charts(at)[0]["data"]]
    assert "97.5% interval" in names and "level" not in at.query_params and errors(at) == ""
    expected = forecast_artifact(artifact, 4, 0.025, conditions={"realgdp": [1e4]})
    np.testing.assert_allclose(
        values(trace(charts(at)[0], "97.5% interval"), "y"), expected.forecast.lower[:, 0], rtol=1e-12
    )
    at.selectbox(key="fc_scenario").set_value("").run()  # back to the editor: the page's own levels again
    assert not at.get("button_group")[0].disabled and at.query_params["level"] in ("80", "90", "95", "99")


def test_a_fan_disables_the_level_it_does_not_draw(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "fan": "30,60"})
    level = at.get("button_group")[0]
    assert level.disabled and "fan chart draws the levels" in level.help
    at.pills(key="fc_fan").set_value([]).run()
    assert not at.get("button_group")[0].disabled


def test_a_taken_name_is_refused_and_the_saved_scenario_is_unchanged(seeded):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "taken", 4, conditions={"realgdp": [1e4]}))
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    _condition(at, {0: {"realgdp": 12990.0}})
    editor = _conditions_editor(at).proto
    assert editor.HasField("placeholder") and editor.placeholder == ""  # free cells empty, as the caption says
    at.text_input(key=next(t.key for t in at.text_input if t.label == "Name")).input("taken")
    next(b for b in at.button if b.label == "Save scenario").click().run()
    assert "already exists; saved scenarios never change" in errors(at) and errors(at).count("another name") == 1
    assert seeded.scenario("var", "0.0.1", "taken").conditions == {"realgdp": [1e4, None, None, None]}


def test_a_viewer_cannot_save_and_a_read_only_store_says_so(seeded, monkeypatch):
    import ui.auth

    viewer = ui.auth.SignIn(True, Actor("Vera Viewer", "v", "http://issuer.test", "dashboard"), "viewer")
    with monkeypatch.context() as patched:
        patched.setattr(ui.auth, "current", lambda: viewer)
        at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
        assert "Saving a scenario needs the publisher role; you are signed in as a viewer" in _text(at)
        assert not any(b.label == "Save scenario" for b in at.button)
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 4})
    assert "scenarios cannot be saved here" in _text(at)


def test_an_unknown_scenario_in_a_link_is_reported(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "nope"})
    assert "scenario 'nope' of var 0.0.1, which is not saved" in _text(at)
    assert at.selectbox(key="fc_scenario").value == ""


def test_a_fan_chart_draws_one_band_per_level(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 5, "fan": "30,60,90"})
    assert at.pills(key="fc_fan").value == [30, 60, 90] and at.query_params["fan"] == "30,60,90"
    result: VersionForecast = forecast_artifact(seeded.load("var", "0.0.1"), 5)
    figure = charts(at)[0]
    for level in (30, 60, 90):
        lower, upper = result.band(level)
        np.testing.assert_allclose(values(trace(figure, f"{level}% interval"), "y"), lower[:, 0], rtol=1e-12)
        np.testing.assert_allclose(values(trace(figure, f"{level}% interval upper"), "y"), upper[:, 0], rtol=1e-12)
    widths = [np.mean(np.subtract(*result.band(level)[::-1])) for level in (30, 60, 90)]
    assert widths[0] < widths[1] < widths[2]


def test_a_fan_charts_table_and_downloads_hold_the_levels_it_draws(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 5, "level": 80, "fan": "30,90"})
    at.session_state["fc_table_open"] = True
    at.run()
    said = next(c.value for c in at.caption if c.value.startswith("The mean and "))
    assert "30%, 90% intervals" in said and "80%" not in said
    # a table per variable (all of a fan's bounds side by side are wider than the page), in a tab each
    assert [t.label for t in at.tabs] == ["realgdp", "realcons"]
    gdp, cons = at.dataframe[-2:]
    table = gdp.value
    assert list(table.columns) == ["realgdp", *(f"realgdp {b} {x}%" for x in (30, 90) for b in ("lower", "upper"))]
    assert list(cons.value.columns)[0] == "realcons"
    labels = {name: config["label"] for name, config in json.loads(gdp.proto.columns).items() if "label" in config}
    assert labels["realgdp"] == "mean" and labels["realgdp lower 30%"] == "lower 30%"  # the tab names the variable
    result: VersionForecast = forecast_artifact(seeded.load("var", "0.0.1"), 5)
    for level in (30, 90):
        lower, upper = result.band(level)
        np.testing.assert_allclose(table[f"realgdp lower {level}%"], lower[:, 0], rtol=1e-12)
        np.testing.assert_allclose(table[f"realgdp upper {level}%"], upper[:, 0], rtol=1e-12)
    assert "realgdp lower" not in table.columns  # no column of the 80% level the chart does not draw
    assert {b.label for b in at.get("download_button")} == {"Download CSV", "Download JSON"}
    content = json.loads(to_json(forecast_content(result, [30, 90])))
    np.testing.assert_allclose(content["fan"]["90"]["upper"], result.band(90)[1], rtol=1e-12)
    assert content["mean"] == result.forecast.mean.tolist()


def test_conditions_after_a_shortened_horizon_are_said_to_be_unused_and_return_with_it(seeded):
    at = _with_editor({"model": "var", "version": "0.0.1", "steps": 6})
    _condition(at, {1: {"realgdp": 13000.0}, 3: {"realgdp": 13100.0}})
    at.number_input(key="fc_steps").set_value(2).run()
    assert "2-step horizon (realgdp at step 4) is not used: forecast more steps to apply it, or clear it" in _text(at)
    gdp = charts(at)[0]
    np.testing.assert_array_equal(values(trace(gdp, "condition"), "y"), [13000.0])  # what is drawn holds one
    at.session_state[EDITOR_OPEN] = False  # closed, the editor still says so
    at.run()
    assert "is not used" in _text(at)
    at.number_input(key="fc_steps").set_value(6).run()
    assert "not used" not in _text(at)
    np.testing.assert_array_equal(values(trace(charts(at)[0], "condition"), "y"), [13000.0, 13100.0])
