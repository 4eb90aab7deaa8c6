"""The value axes of the Compare, Backtest and Diagnostics charts print plain numbers (13,000), never SI prefixes
(13k; 500m read as 500 million), as the Forecast charts do (ui.chart_look.TICK_FORMAT)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.app.conftest import charts, errors, open_app
from ui import comparison_figures, diagnostics_figures, response_figures
from ui.chart_look import TICK_FORMAT
from ui.hover import VALUE
from varlib import ModelSpec, backtest, diagnose, load_dataset, overlay_forecasts
from varlib.artifact import build_artifact
from varlib.service import publish_result
from varlib.training import train
from varlib.versions import parse_version

COMPARE = "views/compare.py"
BACKTEST = "views/backtest.py"


def _y_axes(layout: dict) -> dict:
    return {name: axis for name, axis in layout.items() if name.startswith("yaxis")}


@pytest.fixture(scope="module")
def artifact():
    dataset = load_dataset(variables=["realgdp", "realcons"])
    fitted = build_artifact(train(dataset, ModelSpec(variables=("realgdp", "realcons"), lags=2)), "var", "tester")
    return replace(fitted, version=parse_version("0.0.1"))


def test_every_value_axis_of_the_comparison_backtest_and_diagnostics_figures_prints_plain_numbers(artifact):
    history = artifact.history["realgdp"].iloc[-20:]
    overlaid = overlay_forecasts([artifact], steps=4)
    figures = {"overlay": comparison_figures.overlay_figure("realgdp", history, overlaid, 95, "QS-JAN")}
    result = backtest(artifact, origins=2, horizon=2)
    figures |= {f"backtest {m}": comparison_figures.backtest_figure(result, m, "QS-JAN") for m in ("rmse", "mape")}
    diag = diagnose(artifact)
    figures |= {
        "residuals": diagnostics_figures.residuals_figure(diag, "QS-JAN"),
        "autocorrelations": diagnostics_figures.acorr_figure(diag),
        "impulse responses": response_figures.irf_figure(diag),
        "roots": diagnostics_figures.roots_figure(diag),
    }
    for name, fig in figures.items():
        axes = _y_axes(fig.to_plotly_json()["layout"])
        assert axes and all(axis.get("tickformat") == TICK_FORMAT for axis in axes.values()), (name, axes)
    assert figures["roots"].layout.xaxis.tickformat == TICK_FORMAT  # its real axis is a value axis too
    fevd = _y_axes(diagnostics_figures.fevd_figure(diag).to_plotly_json()["layout"])
    assert {axis.get("tickformat") for axis in fevd.values()} == {".0%"}  # shares keep their own format


def test_hovered_values_of_the_backtest_residual_and_response_charts_read_as_their_axes(artifact):
    """d3's `.4g` hovered a residual or a response of 79,530 as `7.953e+4` beside an axis of `100,000`: every
    value these charts hover is in the product's format (ui.hover.VALUE), as the Forecast charts'."""
    diag = diagnose(artifact)
    figures = {
        "backtest": comparison_figures.backtest_figure(backtest(artifact, origins=2, horizon=2), "rmse", "QS-JAN"),
        "residuals": diagnostics_figures.residuals_figure(diag, "QS-JAN"),
        "impulse responses": response_figures.irf_figure(diag),
    }
    for name, fig in figures.items():
        hovered = [t.hovertemplate for t in fig.data if t.hovertemplate and "%{y" in t.hovertemplate]
        assert hovered and all(VALUE in t and ".4g" not in t for t in hovered), (name, hovered)


def test_the_compare_and_backtest_pages_draw_plain_number_axes(seeded, macro_result):
    publish_result(seeded, macro_result, "var")  # Compare draws two versions or nothing
    at = open_app(page=COMPARE)
    assert errors(at) == ""
    assert charts(at) and all(c["layout"]["yaxis"]["tickformat"] == TICK_FORMAT for c in charts(at))
    at = open_app(page=BACKTEST)
    at.number_input(key="bt_origins").set_value(2)
    at.number_input(key="bt_horizon").set_value(2)
    at.button(key="bt_run").click().run()
    assert errors(at) == ""
    axes = _y_axes(charts(at)[0]["layout"])
    assert axes and {axis.get("tickformat") for axis in axes.values()} == {TICK_FORMAT}


def test_the_overlay_names_its_level_and_a_median_line(artifact):
    """A logdiff version's line is its median in levels beside the others' means; the level drawn was said nowhere."""
    dataset = load_dataset(variables=["realgdp", "realcons"])
    spec = ModelSpec(variables=("realgdp", "realcons"), lags=2, transform="logdiff")
    logged = replace(build_artifact(train(dataset, spec), "growth", "tester"), version=parse_version("0.0.1"))
    overlaid = overlay_forecasts([artifact, logged], steps=4)
    fig = comparison_figures.overlay_figure("realgdp", artifact.history["realgdp"].iloc[-20:], overlaid, 80, "QS-JAN")
    assert fig.layout.title.text == "realgdp: forecasts with 80% intervals"
    lines = [t.name for t in fig.data if t.mode == "lines+markers"]
    assert lines == ["var 0.0.1", "growth 0.0.1 (median)"]


def test_the_autocorrelation_panels_are_scaled_to_their_bars_and_bounds(artifact):
    """On a fixed -1..1 axis bars within ±0.14 were a few pixels tall."""
    diag = diagnose(artifact)
    layout = diagnostics_figures.acorr_figure(diag).to_plotly_json()["layout"]
    ranges = {tuple(axis["range"]) for axis in _y_axes(layout).values()}
    assert len(ranges) == 1  # one scale, so panels compare
    low, high = ranges.pop()
    tallest = float(abs(diag.resid_acorr[1:]).max())
    bound = 2 / diag.nobs**0.5
    assert low == -high and max(tallest, bound) < high < 0.5


def test_a_line_under_an_earlier_one_says_so_in_the_legend(artifact):
    """Two versions of one fit draw one line: the second's legend entry names the first instead of looking missing."""
    twin = replace(artifact, version=parse_version("0.0.2"))
    other = replace(
        build_artifact(
            train(load_dataset(variables=["realgdp", "realcons"]), ModelSpec(("realgdp", "realcons"), lags=3)),
            "var",
            "t",
        ),
        version=parse_version("0.0.3"),
    )
    overlaid = overlay_forecasts([artifact, twin, other], steps=4)
    fig = comparison_figures.overlay_figure("realgdp", artifact.history["realgdp"].iloc[-20:], overlaid, 95, "QS-JAN")
    lines = [t.name for t in fig.data if t.mode == "lines+markers"]
    assert lines == ["var 0.0.1", "var 0.0.2 (same as var 0.0.1)", "var 0.0.3"]
    # one hover per period, naming every version's value there, as the Forecast page's charts hover (it was one
    # point at a time, so comparing versions at a period meant hovering each line in turn)
    assert fig.layout.hovermode == "x unified" and fig.layout.xaxis.hoverformat == "%YQ%q"  # its header 2010Q1
