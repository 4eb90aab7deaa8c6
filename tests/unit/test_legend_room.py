"""A forecast chart on the page keeps its plot's height however many rows its legend below takes (a fan's levels,
overlaid scenarios): the chart grows by the further rows instead of squeezing the plot to a strip."""

from __future__ import annotations

import plotly.graph_objects as go

from ui import presentation
from ui.chart_look import LINE_PX, Look

FAN = [f"{level}% interval" for level in (99, 95, 90, 80, 70, 60, 50, 40, 30, 20, 10)]


def _chart(look: Look, names: list[str]) -> go.Figure:
    fig = go.Figure(layout=look.layout("realgdp", "realgdp", "date", presentation.NORMAL_HEIGHT))
    for name in names:
        fig.add_scatter(x=[0, 1], y=[0, 1], name=name)
    presentation.fit_legend(fig, look)
    return fig


def _plot_height(fig: go.Figure) -> float:
    return fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


def test_a_fan_of_every_level_keeps_the_plot_as_high_as_a_single_band():
    look = Look(subtitle="var 0.0.1 · mean with 95% standard interval")
    single = _chart(look, ["history", "95% interval", "forecast (mean)", "lag inputs"])
    fan = _chart(look, ["history", *FAN, "forecast (mean)", "lag inputs"])
    assert single.layout.height == presentation.NORMAL_HEIGHT  # two rows: what the margin already holds
    assert _plot_height(fan) >= _plot_height(single)
    # seven rows of two entries, five more than the margin holds: plotly took them from the plot
    assert fan.layout.margin.b >= look.margin["b"] + 5 * LINE_PX


def test_a_presented_chart_keeps_its_height_and_grows_its_margin():
    look = Look(present=True)
    fig = _chart(look, ["history", *FAN, "forecast (mean)", "lag inputs"])
    assert fig.layout.height == presentation.NORMAL_HEIGHT  # the window sets it (ui.presentation.screen_css)
    assert fig.layout.margin.b > look.margin["b"]
