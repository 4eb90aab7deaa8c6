"""The Diagnostics Report tab's form shows what the report uses: a saved scenario's own steps and level, a fan
instead of the one interval; and its settings are in the address and kept across a page switch."""

from __future__ import annotations

from tests.app.conftest import errors, open_app, visit
from ui import store
from varlib import make_scenario

DIAG = "views/diagnostics.py"
MODELS = "views/models.py"
REPORT = {"model": "var", "version": "0.0.1", "tab": "report"}


def _six(seeded):
    """A saved scenario of var 0.0.1: 6 steps, 80% intervals (as saved on the Forecast page)."""
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "six", 6, alpha=0.2))
    store.refresh()


def test_a_saved_scenario_shows_its_own_steps_and_level_greyed_out(seeded, downloads):
    _six(seeded)
    at = open_app(REPORT, page=DIAG)
    at.number_input(key="dg_report_steps").set_value(5).run()
    at.selectbox(key="dg_report_scenario").set_value("six").run()
    assert not at.exception and errors(at) == ""
    steps = at.number_input(key="dg_report_steps")
    assert steps.value == 6 and steps.disabled  # the session's 5 (or 8) was shown
    level = at.segmented_control(key="dg_report_level|saved")
    assert level.value == 80 and level.disabled
    assert "<h2>Scenario six: 6 steps, 80% intervals</h2>" in downloads.files["Download HTML report"].decode()
    at.selectbox(key="dg_report_scenario").set_value("").run()  # the baseline again: the person's own steps
    assert at.number_input(key="dg_report_steps").value == 5 and not at.number_input(key="dg_report_steps").disabled


def test_a_fan_greys_out_the_interval_and_says_it_is_used(seeded, downloads):
    at = open_app(REPORT, page=DIAG)
    assert not at.segmented_control(key="dg_report_level").disabled
    at.multiselect(key="dg_report_fan").set_value([50, 80]).run()
    level = at.segmented_control(key="dg_report_level")
    assert level.disabled and "Fan" in (level.help or "")
    assert any("fan of 50%, 80%" in c.value for c in at.caption)
    assert "fan</h2>" in downloads.files["Download HTML report"].decode()


def test_the_report_settings_are_in_the_address_and_kept_across_a_page_switch(seeded):
    _six(seeded)
    at = open_app(REPORT, page=DIAG)
    at.number_input(key="dg_report_steps").set_value(5)
    at.segmented_control(key="dg_report_level").set_value(90).run()  # before the fan greys it out
    at.multiselect(key="dg_report_fan").set_value([50, 80]).run()
    shown = {k: at.query_params.get(k) for k in ("steps", "level", "fan")}
    assert shown == {"steps": "5", "level": "90", "fan": "50,80"}
    visit(at, MODELS)
    visit(at, DIAG)
    assert at.session_state["dg_tab"] == "Report"
    assert at.number_input(key="dg_report_steps").value == 5 and at.segmented_control(key="dg_report_level").value == 90
    assert at.multiselect(key="dg_report_fan").value == [50, 80]
    assert at.query_params["steps"] == "5" and at.query_params["fan"] == "50,80"
    at.selectbox(key="dg_report_scenario").set_value("six").run()
    assert at.query_params["scenario"] == "six" and "steps" not in at.query_params  # the scenario's own
    visit(at, MODELS)
    visit(at, DIAG)
    assert at.selectbox(key="dg_report_scenario").value == "six" and at.number_input(key="dg_report_steps").value == 6
    # another tab leaves the report's settings out of its address
    at.session_state["dg_tab"] = "Stability"
    at.run()
    assert not {"steps", "level", "fan", "scenario"} & set(dict(at.query_params))


def test_a_copied_link_reproduces_the_report_form(seeded):
    _six(seeded)
    at = open_app({**REPORT, "steps": 5, "level": 90, "fan": "80,50"}, page=DIAG)
    assert errors(at) == "" and not at.warning
    assert at.number_input(key="dg_report_steps").value == 5 and at.segmented_control(key="dg_report_level").value == 90
    assert at.multiselect(key="dg_report_fan").value == [80, 50]
    at = open_app({**REPORT, "scenario": "six", "fan": "50"}, page=DIAG)
    assert at.selectbox(key="dg_report_scenario").value == "six" and at.number_input(key="dg_report_steps").value == 6
    at = open_app({**REPORT, "scenario": "nine", "level": "42"}, page=DIAG)
    said = "\n".join(w.value for w in at.warning)
    assert "'nine'" in said and "level '42'" in said
    assert at.selectbox(key="dg_report_scenario").value == ""
