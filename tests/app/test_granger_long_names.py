"""The Granger heatmap's ticks of long variable names are broken into lines and cut (whole in the hovers): turned
on end, three names of 60-80 characters took the chart's height and left the heatmap some 60 px."""

from __future__ import annotations

from tests.support.models import diagnosed_noise
from ui.diagnostics_figures import granger_figure
from ui.plot_text import plain

LONG = [
    "Gross domestic product, chained 2017 dollars, seasonally adjusted annual rate",
    "Personal consumption expenditures excluding food and energy (chain-type price index)",
    "Effective federal funds rate percent",
]


def test_long_names_are_ticked_in_short_lines_the_cells_keep_them_whole():
    figure = granger_figure(diagnosed_noise(LONG, seed=4))
    heat, layout = figure.data[0], figure.layout
    assert list(heat.x) == list(heat.y) == [*LONG, "all others"]  # the cells and their hovers: each name whole
    assert layout.xaxis.tickangle == 0 and list(layout.xaxis.tickvals) == [*LONG, "all others"]
    for axis, most in ((layout.xaxis, 3), (layout.yaxis, 2)):
        lines = [[plain(line) for line in str(tick).split("<br>")] for tick in axis.ticktext]
        assert all(len(tick) <= most and all(len(line) <= 30 for line in tick) for tick in lines), lines
    assert plain(layout.yaxis.ticktext[2]) == "Effective federal funds rate percent"  # broken, not cut
    assert any(LONG[1] in hover for row in heat.customdata for hover in row)  # its whole name on hover
