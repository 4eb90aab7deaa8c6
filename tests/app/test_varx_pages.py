"""A VARX version (exogenous variables) in the dashboard through the entrypoint: the Forecast page asks for the
exogenous values and says what it assumed, its links and presentation say what they leave out, its intervals,
and the Train and Backtest pages."""

from __future__ import annotations

import numpy as np

from tests.app.conftest import charts, errors, open_app, trace, values
from varlib import (
    ModelSpec,
    forecast_artifact,
    load_dataset,
    train_model,
)


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning])


def test_a_varx_asks_for_its_exogenous_values(varx):
    artifact, dataset = varx
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 3})
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    last = float(dataset.frame["realint"].iloc[-1])
    assert [float(x) for x in editor.value["realint"]] == [last] * 3  # the last observed value held flat
    at.session_state[editor.key] = {"edited_rows": {0: {"realint": 2.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == ""
    expected = forecast_artifact(artifact, 3, exog={"realint": [2.0, last, last]})
    np.testing.assert_allclose(values(trace(charts(at)[0], "forecast"), "y")[1:], expected.forecast.mean[:, 0])
    at.session_state[editor.key] = {"edited_rows": {1: {"realint": None}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "realint has no value for step 2" in errors(at)


def test_a_varxs_link_says_it_leaves_exogenous_values_out_only_once_they_are_edited(varx):
    from ui.forecast_panel import LINK_OPEN

    at = open_app({"model": "varx", "version": "0.0.1", "steps": 3})
    at.session_state[LINK_OPEN] = True
    at.run()
    assert errors(at) == "" and not any("does not carry" in c.value for c in at.caption)  # the start, as linked
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    at.session_state[editor.key] = {"edited_rows": {0: {"realint": 2.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert any(
        "does not carry the edited Exogenous values: to share them with its link, save them as a scenario (open"
        in c.value
        for c in at.caption
    )


def test_a_varx_presentation_says_what_exogenous_values_it_assumed(varx):
    _, dataset = varx
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 3, "present": 1})
    last = float(dataset.frame["realint"].iloc[-1])
    assert f"Exogenous values: realint {last:g} held flat." in [c.value for c in at.caption]
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    at.session_state[editor.key] = {"edited_rows": {0: {"realint": 2.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    low, high = sorted([2.0, last])
    assert f"Exogenous values: realint as given, ranging from {low:g} to {high:g}." in [c.value for c in at.caption]


def test_a_varx_shows_the_standard_intervals_it_offers_when_a_link_asks_for_corrected_ones(varx):
    artifact, dataset = varx
    at = open_app({"model": "varx", "steps": 3, "intervals": "corrected"})
    assert errors(at) == ""
    assert "VAR versions with exogenous variables offer standard intervals only" in _text(at)
    assert at.segmented_control(key="fc_intervals|only").value == "standard"
    expected = forecast_artifact(artifact, 3, exog={"realint": [float(dataset.frame["realint"].iloc[-1])] * 3})
    np.testing.assert_allclose(values(trace(charts(at)[0], "95% interval"), "y"), expected.forecast.lower[:, 0])


def test_the_train_page_fits_and_publishes_a_varx(registry):
    at = open_app(page="views/train.py")
    exog = at.multiselect(key="train_macro_exog")
    assert "realgdp" not in exog.options and "realint" in exog.options  # never one of the chosen variables
    exog.select("realint").run()
    at.text_input(key="train_name|macrodata").set_value("varx")
    at.radio(key="train_how").set_value("fixed").run()
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert "exogenous realint" in at.status[0].proto.label
    assert "The exogenous variable realint took its observed values over the scored periods" in _text(at)
    next(b for b in at.button if b.label == "Publish").click().run()
    artifact = registry.load("varx", "0.0.1")
    assert artifact.exog == ["realint"] and artifact.variables == ["realgdp", "realcons"]
    reference = train_model(
        load_dataset(variables=["realgdp", "realcons", "realint"]),
        ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2),
    )
    np.testing.assert_allclose(artifact.params.exog_coefs, reference.params.exog_coefs, rtol=1e-12)


def test_a_varx_backtest_says_its_exogenous_values_were_the_observed_ones(varx):
    at = open_app({"model": "varx", "version": "0.0.1", "origins": 2, "horizon": 2}, page="views/backtest.py")
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert "variable realint took its observed values over the scored periods" in _text(at)


def test_an_uploaded_exogenous_file_reaches_a_longer_horizon_and_is_taken_back_when_removed(varx):
    """Only the steps shown when the file was read were kept: 12 rows uploaded at 8 steps, then 12 steps asked,
    read "realint has no value for step 9" while the file was still attached."""
    artifact, dataset = varx
    path = [1.0 + 0.25 * step for step in range(12)]
    csv = "step,realint\n" + "".join(f"{step + 1},{value}\n" for step, value in enumerate(path))
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 8})
    uploader = at.file_uploader(key="_fc_path|exogenous values|varx|0.0.1|upload")
    uploader.set_value(("rates.csv", csv.encode(), "text/csv")).run()
    at.number_input(key="fc_steps").set_value(12).run()
    assert errors(at) == "", errors(at)
    expected = forecast_artifact(artifact, 12, exog={"realint": path})
    np.testing.assert_allclose(values(trace(charts(at)[0], "forecast"), "y")[1:], expected.forecast.mean[:, 0])
    at.file_uploader(key="_fc_path|exogenous values|varx|0.0.1|upload").set_value(None).run()
    assert errors(at) == "" and any("of the removed file are taken back" in c.value for c in at.caption)
    last = float(dataset.frame["realint"].iloc[-1])
    held = forecast_artifact(artifact, 12, exog={"realint": [last] * 12})
    np.testing.assert_allclose(values(trace(charts(at)[0], "forecast"), "y")[1:], held.forecast.mean[:, 0])


def test_a_file_refused_for_too_few_steps_is_checked_again_at_a_horizon_it_covers(varx):
    """4 rows at 8 steps are refused naming step 5; at 4 steps the same attached file is taken, never a message
    naming 8 steps beside a field that says 4."""
    artifact, _ = varx
    at = open_app({"model": "varx", "version": "0.0.1", "steps": 8})
    uploader = at.file_uploader(key="_fc_path|exogenous values|varx|0.0.1|upload")
    uploader.set_value(("rate.csv", b"step,realint\n1,1\n2,1.5\n3,2\n4,2\n", "text/csv")).run()
    assert "realint has no value for step 5" in errors(at) and "each of its 8 steps" in errors(at)
    at.number_input(key="fc_steps").set_value(4).run()
    assert errors(at) == "", errors(at)
    expected = forecast_artifact(artifact, 4, exog={"realint": [1.0, 1.5, 2.0, 2.0]})
    np.testing.assert_allclose(values(trace(charts(at)[0], "forecast"), "y")[1:], expected.forecast.mean[:, 0])
    at.number_input(key="fc_steps").set_value(6).run()  # longer than the file again: named at the new horizon
    assert "realint has no value for step 5" in errors(at) and "each of its 6 steps" in errors(at)
