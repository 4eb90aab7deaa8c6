"""The Diagnostics page's report follows the page: the impulse responses of the kind and horizon chosen on
the page, and a forecast for the steps and level picked on the Report tab."""

from __future__ import annotations

import re

from tests.app.conftest import errors, open_app
from ui import store
from varlib import (
    Actor,
    ModelSpec,
    column_format,
    diagnose,
    forecast_artifact,
    load_dataset,
    make_scenario,
    publish_result,
    shared_formats,
    train_model,
)

DIAG = "views/diagnostics.py"


def test_the_report_honours_the_pages_impulse_responses_and_its_forecast_choice(seeded, downloads):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "report"}, page=DIAG)
    default = downloads.files["Download HTML report"].decode()
    assert "<h2>Orthogonalised impulse responses, horizon 10</h2>" in default
    assert "<h2>Forecast: 8 steps, 95% intervals</h2>" in default
    assert default.count("<h2>Stability</h2>") == 1 and "<h3>Stability</h3>" in default  # its chart is no section
    assert default.count("<h2>Interactive charts</h2>") == 1
    # as a person would: plain responses on the Impulse responses tab, a shorter horizon, back to the report
    at.session_state["dg_tab"] = "Impulse responses"
    at.run()
    at.number_input(key="dg_periods").set_value(6)
    at.toggle(key="dg_orth").set_value(False).run()
    at.session_state["dg_tab"] = "Report"
    at.run()
    at.number_input(key="dg_report_steps").set_value(5)
    at.segmented_control(key="dg_report_level").set_value(80).run()
    assert not at.exception and errors(at) == ""
    assert any("plain impulse responses up to horizon 6" in m.value for m in at.markdown)
    page = downloads.files["Download HTML report"].decode()
    assert "<h2>Plain impulse responses, horizon 6</h2>" in page and "Orthogonalised impulse" not in page
    assert "<h2>Forecast: 5 steps, 80% intervals</h2>" in page
    artifact = seeded.load("var", "0.0.1")
    plain = diagnose(artifact, irf_periods=6).irf.plain[:, 1, 0]
    assert all(f"<td>{column_format(plain) % v}</td>" in page for v in plain)
    result = forecast_artifact(artifact, 5, 0.2).forecast
    bounds = {"g": result.mean[:, 0], "g lower": result.lower[:, 0], "g upper": result.upper[:, 0]}
    fmt = shared_formats(bounds, ["g"])["g"]  # the Forecast page table's format for realgdp
    assert all(f"<td>{fmt % v}</td>" in page for v in bounds["g upper"])
    assert len(re.findall(r"plotly\.js v\d", page)) == 1 and "Impulse responses</h2>" not in page  # drawn once, as SVG


def test_a_withdrawn_versions_report_says_so(seeded, downloads):
    seeded.withdraw("var", "0.0.1", "leaky holdout", Actor.local("tester"))
    open_app({"model": "var", "version": "0.0.1", "tab": "report"}, page=DIAG)
    page = downloads.files["Download HTML report"].decode()
    top = page[: page.index("<h2>Model card</h2>")]
    assert "var 0.0.1 was withdrawn on" in top and "leaky holdout" in top


def test_a_varx_reports_no_forecast_until_a_scenario_is_saved_and_its_controls_say_so(registry, downloads):
    """The tab offered "the baseline" alone, which a VARX cannot forecast, asked to pick a saved scenario that did not
    exist, and left steps, interval and fan on though they changed nothing."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    varx = publish_result(registry, train_model(dataset, spec), "varx")
    at = open_app({"model": "varx", "version": "0.0.1", "tab": "report"}, page=DIAG)
    assert errors(at) == "" and not [s for s in at.selectbox if s.key == "dg_report_scenario"]
    assert at.number_input(key="dg_report_steps").disabled and at.segmented_control(key="dg_report_level").disabled
    assert at.multiselect(key="dg_report_fan").disabled
    said = "\n".join(c.value for c in at.caption)
    assert "save one on the Forecast page to include it" in said and "pick a saved scenario" not in said
    assert not any("a forecast, " in m.value for m in at.markdown)
    registry.save_scenario(make_scenario(varx, "hold", 3, exog={"realint": [2.0, 2.0, 2.0]}))
    store.refresh()  # saved from outside the dashboard: its listing would show it within VARLIB_REFRESH_SECONDS
    at = open_app({"model": "varx", "version": "0.0.1", "tab": "report"}, page=DIAG)
    assert "pick one under *Forecast of*" in "\n".join(c.value for c in at.caption)
    at.selectbox(key="dg_report_scenario").set_value("hold").run()
    assert at.number_input(key="dg_report_steps").disabled and not at.multiselect(key="dg_report_fan").disabled
    assert "<h2>Scenario hold: 3 steps, 95% intervals</h2>" in downloads.files["Download HTML report"].decode()
