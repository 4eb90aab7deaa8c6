"""Two saved files of one name never hold different numbers, on Compare, Diagnostics and Train as on Forecast and
Backtest: a chart's camera image names the page's settings its numbers follow (Compare's steps, level and edited
lag inputs; the impulse responses' kind, horizon and panels, the variance decomposition's horizon and the residual
autocorrelations' lags; the Train page's holdout lag order, rows and settings), and so does the HTML report."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app
from tests.app.test_page_image_names import _images
from ui.chart_files import NAME_BYTES
from varlib import ModelSpec, load_dataset, publish_result, train_model

DIAG = "views/diagnostics.py"
STEM = "var-0.0.1-diagnostics"
GROWTH = ("realgdp", "realcons", "realinv")


@pytest.fixture
def two_versions(seeded):
    """var 0.0.1 (the seed) and var 0.0.2 (one lag)."""
    dataset = load_dataset()
    publish_result(seeded, train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1)), "var")
    return seeded


@pytest.fixture
def growth(registry):
    result = train_model(load_dataset(variables=list(GROWTH)), ModelSpec(GROWTH, transform="logdiff", lags=2))
    publish_result(registry, result, "growth", "patch", "seed")
    return registry


def test_the_compare_charts_name_the_steps_the_level_and_edited_lag_inputs(two_versions):
    at = open_app({"versions": "var:0.0.1,var:0.0.2"}, page="views/compare.py")
    assert not at.exception and errors(at) == ""
    assert _images(at) == [f"compare-var-0.0.1-var-0.0.2-8-steps-95pct-{v}" for v in ("realgdp", "realcons")]
    at.number_input(key="cmp_steps").set_value(4)
    at.segmented_control(key="cmp_level").set_value(80).run()
    assert _images(at)[0] == "compare-var-0.0.1-var-0.0.2-4-steps-80pct-realgdp"
    editor = at.data_editor[0]
    at.session_state[editor.key] = {"edited_rows": {0: {"realgdp": 14000.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert errors(at) == ""
    assert _images(at)[0] == "compare-var-0.0.1-var-0.0.2-4-steps-80pct-edited-lags-realgdp"


def test_the_impulse_responses_image_names_their_kind_horizon_and_panels(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "impulse-responses"}, page=DIAG)
    assert not at.exception and errors(at) == ""
    assert _images(at) == [f"{STEM}-irf-orthogonalised-10-periods"]
    at.number_input(key="dg_periods").set_value(6)
    at.toggle(key="dg_orth").set_value(False).run()
    assert _images(at) == [f"{STEM}-irf-plain-6-periods"]
    linked = {"model": "var", "version": "0.0.1", "tab": "impulse-responses", "impulses": "realcons"}
    at = open_app(linked, page=DIAG)
    assert _images(at) == [f"{STEM}-irf-orthogonalised-10-periods-realcons-to-realgdp-realcons"]


def test_accumulated_responses_say_so_in_their_images_name(growth):
    at = open_app({"model": "growth", "tab": "impulse-responses", "accumulated": "1"}, page=DIAG)
    assert not at.exception and errors(at) == ""
    assert _images(at) == ["growth-0.0.1-diagnostics-irf-orthogonalised-accumulated-10-periods"]


def test_the_variance_decomposition_and_autocorrelations_name_their_horizon_and_lags(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "variance-decomposition", "irf_periods": 6}, page=DIAG)
    assert not at.exception and errors(at) == ""
    assert _images(at) == [f"{STEM}-fevd-6-periods"]
    at = open_app({"model": "var", "version": "0.0.1", "tab": "residuals", "whiteness_lags": 12}, page=DIAG)
    assert _images(at) == [f"{STEM}-resid", f"{STEM}-acorr-12-lags"]


def test_the_report_names_the_panels_picked_and_other_whiteness_lags(seeded, downloads):
    report = {"model": "var", "version": "0.0.1", "tab": "report", "impulses": "realcons", "whiteness_lags": 12}
    open_app(report, page=DIAG)
    name = downloads.names["Download HTML report"]
    assert name == (
        "var-0.0.1-report-8-steps-95pct-standard-irf-orthogonalised-10-realcons-to-realgdp-realcons"
        "-12-whiteness-lags.html"
    )
    assert len(name.encode()) <= NAME_BYTES


def _train(at, lags: int, holdout: float):
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(lags)
    at.slider(key="train_holdout").set_value(holdout).run()
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == ""
    return _images(at)[-2:]


def test_the_train_pages_holdout_charts_name_the_lag_order_the_rows_and_the_settings(registry):
    at = open_app(page="views/train.py")
    at.text_input(key="train_name|macrodata").set_value("var")
    first = _train(at, 2, 0.1)
    assert [name.rsplit("-", 2)[0] for name in first] == ["macrodata-holdout-2-lags-20-rows"] * 2
    assert [name.rsplit("-", 1)[1] for name in first] == ["realgdp", "realcons"]
    assert _train(at, 3, 0.1)[0].startswith("macrodata-holdout-3-lags-20-rows-")
    assert _train(at, 2, 0.2)[0].startswith("macrodata-holdout-2-lags-41-rows-")
    at.selectbox(key="train_trend").set_value("ct").run()
    other = _train(at, 2, 0.1)  # another trend: other numbers, so another name for the same order and rows
    assert other[0].startswith("macrodata-holdout-2-lags-20-rows-") and other != first
