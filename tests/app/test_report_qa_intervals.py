"""The Diagnostics Report tab offers the interval kind, as the Forecast page and `varlib report --intervals` do
(QA: after a forecast with corrected intervals, the report always said "standard intervals": the tab had no
choice and the report was built without one)."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app, visit
from ui import store
from varlib import (
    ModelSpec,
    forecast_artifact,
    load_dataset,
    make_scenario,
    publish_result,
    shared_formats,
    train_model,
)

DIAG = "views/diagnostics.py"
REPORT = {"model": "var", "version": "0.0.1", "tab": "report"}
KEY = "dg_report_intervals"


def _upper_cells(artifact, steps: int, alpha: float, intervals: str) -> list[str]:
    """realgdp's upper bounds as the report's table prints them."""
    result = forecast_artifact(artifact, steps, alpha, intervals=intervals).forecast
    bounds = {"g": result.mean[:, 0], "g lower": result.lower[:, 0], "g upper": result.upper[:, 0]}
    fmt = shared_formats(bounds, ["g"])["g"]
    return [f"<td>{fmt % v}</td>" for v in bounds["g upper"]]


def test_the_report_uses_the_interval_kind_picked_on_the_tab_and_keeps_it_in_the_address(seeded, downloads):
    at = open_app(REPORT, page=DIAG)
    control = at.segmented_control(key=KEY)
    assert control.value == "standard" and control.options == ["standard", "corrected"] and not control.disabled
    assert at.query_params["intervals"] == "standard"
    control.set_value("corrected").run()
    assert not at.exception and errors(at) == ""
    page = downloads.files["Download HTML report"].decode()
    assert "corrected intervals" in page and "standard intervals" not in page
    artifact = seeded.load("var", "0.0.1")
    corrected, standard = _upper_cells(artifact, 8, 0.05, "corrected"), _upper_cells(artifact, 8, 0.05, "standard")
    assert corrected != standard  # the premise: the kinds differ in print
    assert all(cell in page for cell in corrected)
    assert at.query_params["intervals"] == "corrected"
    visit(at, "views/models.py")
    visit(at, DIAG)  # kept while another page ran
    assert at.segmented_control(key=KEY).value == "corrected"


def test_a_link_sets_the_kind_and_a_bad_one_is_named(seeded, downloads):
    at = open_app({**REPORT, "steps": 5, "level": 80, "intervals": "corrected"}, page=DIAG)
    assert errors(at) == "" and not at.warning and at.segmented_control(key=KEY).value == "corrected"
    page = downloads.files["Download HTML report"].decode()
    assert "<h2>Forecast: 5 steps, 80% intervals</h2>" in page and "corrected intervals" in page
    assert all(cell in page for cell in _upper_cells(seeded.load("var", "0.0.1"), 5, 0.2, "corrected"))
    at = open_app({**REPORT, "intervals": "wide"}, page=DIAG)
    said = "\n".join(w.value for w in at.warning)
    assert "intervals 'wide', which is not valid (one of standard, corrected)" in said
    assert at.segmented_control(key=KEY).value == "standard"


def test_a_saved_scenario_shows_its_own_kind_greyed_out(seeded, downloads):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "wide", 4, intervals="corrected"))
    store.refresh()
    at = open_app({**REPORT, "scenario": "wide"}, page=DIAG)
    own = at.segmented_control(key=f"{KEY}|own")
    assert own.value == "corrected" and own.disabled and "own steps, level and intervals" in (own.help or "")
    assert "corrected intervals" in downloads.files["Download HTML report"].decode()
    assert "intervals" not in at.query_params  # the scenario's own, as its steps and level


@pytest.fixture
def with_vecm(seeded):
    dataset = load_dataset(variables=["realgdp", "realcons"])
    spec = ModelSpec(variables=("realgdp", "realcons"), kind="vecm", lags=3, coint_rank=1)
    publish_result(seeded, train_model(dataset, spec), "macro-vecm", "patch", "cointegrated")
    return seeded


def test_a_version_offering_one_kind_shows_it_and_says_a_linked_one_is_not_used(with_vecm, downloads):
    at = open_app({"model": "macro-vecm", "version": "0.0.1", "tab": "report", "intervals": "corrected"}, page=DIAG)
    assert not at.exception and errors(at) == ""
    own = at.segmented_control(key=f"{KEY}|own")
    assert own.value == "standard" and own.disabled and "VECM versions offer standard intervals only" in own.help
    said = "\n".join(c.value for c in at.caption)
    assert "VECM versions offer standard intervals only: the report uses standard ones, not corrected." in said
    assert "standard intervals" in downloads.files["Download HTML report"].decode()


def test_a_forecast_too_costly_for_corrected_intervals_is_refused_on_the_page(registry, downloads):
    """The download's own failure was silent (a traceback in the server's log, no file, no word)."""
    columns = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "tbilrate", "unemp", "pop")
    dataset = load_dataset(variables=list(columns))
    publish_result(registry, train_model(dataset, ModelSpec(variables=columns, lags=8)), "big")
    at = open_app(
        {"model": "big", "version": "0.0.1", "tab": "report", "steps": 400, "intervals": "corrected"}, page=DIAG
    )
    assert not at.exception
    said = errors(at)
    assert "Corrected intervals for 400 steps of a model with 81 regressors per equation are too costly" in said
    assert "use at most 376 steps" in said and "downloaded once this is corrected" in said
    assert "Download HTML report" not in downloads.files
    assert next(b for b in at.get("download_button") if b.proto.label == "Download HTML report").proto.disabled
