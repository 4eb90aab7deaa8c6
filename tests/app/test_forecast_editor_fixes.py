"""The Forecast page's scenario editor and a VARX's exogenous values as trying them in a browser found them: a
conditions file kept across closing the editor, a save refused for conditions beyond the horizon, a scenario link
naming the version that holds it, a copy's added steps filled, the editor kept beside an exogenous error."""

from __future__ import annotations

import numpy as np

from tests.app.conftest import charts, errors, open_app, trace, values
from ui.paths_editor import EDITOR_OPEN
from varlib import ModelSpec, forecast_artifact, load_dataset, make_scenario, publish_result, train_model

UPLOADER = "_fc_path|conditions|varx|0.0.1|upload"


def _varx(registry):
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    return publish_result(registry, train_model(dataset, spec), "varx"), float(dataset.frame["realint"].iloc[-1])


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning])


def _editor_open(at, open_: bool) -> None:
    at.session_state[EDITOR_OPEN] = open_
    at.run()


def _scenario(at) -> np.ndarray:
    return values(trace(charts(at)[0], "scenario"), "y")[1:]


def test_a_conditions_file_stays_in_force_when_the_editor_is_closed_and_opened_again(registry):
    """Reopened, the uploader was empty (a browser cannot refill it), and its file's conditions were taken back as if
    it had been removed: the forecast fell back to the baseline."""
    artifact, last = _varx(registry)
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 4})
    _editor_open(at, True)
    at.file_uploader(key=UPLOADER).set_value(("gdp.csv", b"step,realgdp\n2,12900\n4,13000\n", "text/csv")).run()
    conditions = {"realgdp": [None, 12900.0, None, 13000.0]}
    expected = forecast_artifact(artifact, 4, exog={"realint": [last] * 4}, conditions=conditions)
    np.testing.assert_allclose(_scenario(at), expected.forecast.mean[:, 0])
    _editor_open(at, False)
    assert "Conditions in force on 2 steps of realgdp, from gdp.csv" in _text(at)
    _editor_open(at, True)
    assert errors(at) == "" and "taken back" not in _text(at)
    np.testing.assert_allclose(_scenario(at), expected.forecast.mean[:, 0])
    assert "gdp.csv is in force" in _text(at)  # its uploader is empty: the page names the file
    next(b for b in at.button if b.label == "Remove gdp.csv").click().run()
    assert "The conditions of the removed file are taken back" in _text(at)
    assert trace(charts(at)[0], "forecast") and not any(b.label == "Remove gdp.csv" for b in at.button)


def _uploaded_then_reopened(registry, name: str, body: bytes):
    """The Forecast page of a VARX after a conditions file was uploaded and its editor closed and opened again."""
    _varx(registry)
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 4})
    _editor_open(at, True)
    at.file_uploader(key=UPLOADER).set_value((name, body, "text/csv")).run()
    _editor_open(at, False)
    _editor_open(at, True)
    return at


def test_a_conditions_file_removed_from_its_uploader_is_taken_back_after_a_reopening(registry):
    at = _uploaded_then_reopened(registry, "a.csv", b"step,realgdp\n2,12900\n")
    at.file_uploader(key=UPLOADER).set_value(("b.csv", b"step,realgdp\n3,13100\n", "text/csv")).run()
    assert "b.csv is in force" not in _text(at)  # in the uploader: nothing to say
    at.file_uploader(key=UPLOADER).set_value(None).run()
    assert "The conditions of the removed file are taken back" in _text(at)
    assert trace(charts(at)[0], "forecast")  # as before the first file: no conditions


def test_clearing_the_conditions_of_a_file_no_longer_shown_clears_the_file_too(registry):
    at = _uploaded_then_reopened(registry, "gdp.csv", b"step,realgdp\n2,12900\n4,13000\n")
    next(b for b in at.button if b.label == "Clear all conditions").click().run()
    assert "gdp.csv" not in _text(at) and trace(charts(at)[0], "forecast")  # no file said to be in force


def test_saving_is_refused_while_typed_conditions_lie_beyond_the_horizon(seeded):
    """Saved, the scenario held no conditions at all, silently; the CLI and REST refuse a condition beyond the
    horizon."""
    at = open_app({"model": "var", "version": "0.0.1", "steps": 8})
    _editor_open(at, True)
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    at.session_state[editor.key] = {"edited_rows": {7: {"realgdp": 13500.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.number_input(key="fc_steps").set_value(4).run()
    at.text_input(key=next(t.key for t in at.text_input if t.label == "Name")).input("beyond-h")
    next(b for b in at.button if b.label == "Save scenario").click().run()
    said = errors(at)
    assert "Not saved" in said and "realgdp at step 8" in said and "Steps to 8" in said and "clear" in said
    assert seeded.scenarios("var", "0.0.1") == []
    at.number_input(key="fc_steps").set_value(8).run()  # applied now: saved with it
    next(b for b in at.button if b.label == "Save scenario").click().run()
    assert errors(at) == "" and seeded.scenario("var", "0.0.1", "beyond-h").conditions["realgdp"][7] == 13500.0


def test_a_scenario_link_on_another_version_names_the_version_that_holds_it_with_a_link(seeded, macro_result):
    """The page said only that the scenario is not saved; the CLI and REST name the version that holds it."""
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "page-dip", 4, conditions={"realgdp": [1e4]}))
    publish_result(seeded, macro_result, "var", "minor", "newer")
    at = open_app({"model": "var", "version": "latest", "scenario": "page-dip"})
    assert "'page-dip' is saved on var 0.0.1: open it on that version (below)" in _text(at)
    link = next(x.proto for x in at.get("page_link") if "page-dip" in x.proto.label)
    assert (
        link.label == "Open page-dip on var 0.0.1" and link.query_string == "model=var&version=0.0.1&scenario=page-dip"
    )
    assert at.selectbox(key="fc_scenario").value == ""  # the editor, as said


def test_a_copy_of_a_saved_scenario_holds_its_last_exogenous_values_over_added_steps(registry):
    """Raised from 4 to 8 steps, rows 5-8 were empty and the forecast refused ("realint has no value for step 5"),
    while the caption said the values were the last observed ones held flat."""
    artifact, _ = _varx(registry)
    path, conditions = [1.0, 1.5, 2.0, 2.5], {"realgdp": [None, 12900.0, None, None]}
    registry.save_scenario(make_scenario(artifact, "page-dip", 4, exog={"realint": path}, conditions=conditions))
    at = open_app({"model": "varx", "version": "0.0.1", "scenario": "page-dip"})
    next(b for b in at.button if b.label == "Edit a copy").click().run()
    at.number_input(key="fc_steps").set_value(8).run()
    assert errors(at) == "", errors(at)
    exog = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    assert [float(x) for x in exog.value["realint"]] == [*path, 2.5, 2.5, 2.5, 2.5]
    said = _text(at)
    assert "saved scenario page-dip" in said and "steps 5 to 8 hold its step-4 values flat" in said
    assert "the last observed values held flat" not in said
    padded = {"realgdp": [*conditions["realgdp"], None, None, None, None]}
    expected = forecast_artifact(artifact, 8, exog={"realint": [*path, 2.5, 2.5, 2.5, 2.5]}, conditions=padded)
    np.testing.assert_allclose(_scenario(at), expected.forecast.mean[:, 0])


def test_an_exogenous_value_to_fix_keeps_the_conditions_editor_and_both_errors_show(registry):
    """The conditions editor went with an exogenous error, though the message said to fix the exogenous values or
    conditions below."""
    _varx(registry)
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 4})
    exog = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    at.session_state[exog.key] = {"edited_rows": {1: {"realint": None}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "realint has no value for step 2" in errors(at)
    assert [x.label for x in at.expander if x.label == "Scenario: conditions"]  # closed, but there to open
    _editor_open(at, True)
    conditions = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    at.session_state[conditions.key] = {"edited_rows": {0: {"realgdp": "abc"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    said = errors(at)
    assert "realint has no value for step 2" in said and "Condition realgdp at step 1" in said
    assert at.toggle(key="_fc_path|conditions|varx|0.0.1|shaper").disabled  # it starts from the forecast
    assert "Fix the exogenous values or conditions below" in _text(at)
