"""The Diagnostics figures of a model of many variables: their reference lines are the ones plotly's `add_hline`
draws, added in one step (line by line, the residual autocorrelations of 14 variables took two minutes), and
the residual panels keep a fixed title gap rather than a share of the height (14 panels were thin strips)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from ui import diagnostics_figures, response_figures
from ui.panel_lines import add_hlines
from varlib import ModelSpec, diagnose, load_dataset
from varlib.artifact import build_artifact
from varlib.training import train
from varlib.versions import parse_version

COUNT = 8  # variables: 64 autocorrelation panels, 128 bounds


@pytest.fixture(scope="module")
def diag():
    rng = np.random.default_rng(3)
    names = [f"v{j}" for j in range(COUNT)]
    index = pd.period_range("1990Q1", periods=90, freq="Q").to_timestamp()
    frame = pd.DataFrame(rng.standard_normal((90, COUNT)), columns=names, index=index).rename_axis("date")
    dataset = load_dataset(frame.to_csv().encode(), csv_name="noise.csv", variables=names)
    fitted = build_artifact(train(dataset, ModelSpec(variables=tuple(names), lags=1)), "wide", "tester")
    return diagnose(replace(fitted, version=parse_version("0.0.1")))


def _grid() -> go.Figure:
    fig = make_subplots(rows=2, cols=3, shared_xaxes=True)
    for row in (1, 2):
        for col in (1, 2, 3):
            fig.add_trace(go.Bar(x=[1, 2], y=[0.1, -0.1]), row=row, col=col)
    return fig


def test_the_lines_are_those_add_hline_draws():
    style = {"color": "grey", "dash": "dot", "width": 1}
    one_by_one = _grid()
    for row, col, y in [(1, 1, 0.2), (2, 3, -0.2), (2, 2, 0.0)]:
        one_by_one.add_hline(y=y, line=style, row=row, col=col)
    at_once = add_hlines(_grid(), [(1, 1, 0.2, style), (2, 3, -0.2, style), (2, 2, 0.0, style)])
    assert [s.to_plotly_json() for s in at_once.layout.shapes] == [s.to_plotly_json() for s in one_by_one.layout.shapes]


def test_every_autocorrelation_panel_has_both_bounds_and_every_response_panel_its_zero(diag):
    bound = 2 / np.sqrt(diag.nobs)
    acorr = diagnostics_figures.acorr_figure(diag).layout.shapes
    assert len(acorr) == 2 * COUNT**2
    assert {(s.yref, round(s.y0, 12)) for s in acorr} == {
        (f"y{'' if p == 1 else p}", round(sign * bound, 12)) for p in range(1, COUNT**2 + 1) for sign in (1, -1)
    }
    zeros = response_figures.irf_figure(diag).layout.shapes
    assert len(zeros) == COUNT**2 and {s.y0 for s in zeros} == {0.0}


def test_residual_panels_keep_a_title_gap_of_about_50_pixels(diag):
    fig = diagnostics_figures.residuals_figure(diag, "QS-JAN")
    first, second = fig.layout.yaxis.domain, fig.layout.yaxis2.domain
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert 40 <= (first[0] - second[1]) * plot_height <= 55  # yaxis is the top panel, yaxis2 the one under it
    assert (first[1] - first[0]) * plot_height > 100
    assert len(fig.layout.shapes) == COUNT
