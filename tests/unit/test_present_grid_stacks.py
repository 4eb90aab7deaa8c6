"""A presentation grid whose cells cannot keep a plot of PLOT_LEAST px in a low window stacks its charts there
(CSS by window size: only the browser knows it); a grid whose cells hold their plot stays a grid."""

from __future__ import annotations

import plotly.graph_objects as go

from ui import presentation
from ui.chart_look import Look

LOOK = Look(subtitle="varx 0.0.1 · scenario far · mean with 95% standard interval", present=True, grid=True)
PLAIN = ["history", "95% interval", "forecast (mean)", "lag inputs"]
FAR = ["history", "95% interval", "baseline (no conditions)", "far (mean)", "condition", "lag inputs"]


def _needs(names: list[str]) -> dict[int, int]:
    fig = go.Figure(layout=LOOK.layout("realgdp", "realgdp", "date", presentation.STACK_HEIGHT))
    for name in names:
        fig.add_scatter(x=[0, 1], y=[0, 1], name=name)
    presentation.fit_legend(fig, LOOK)
    return presentation.cell_needs(fig, LOOK)


def test_a_grid_whose_cells_hold_their_plot_stays_a_grid():
    assert presentation.grid_stacks(_needs(PLAIN), presentation.STACK_HEIGHT) == ""


def test_a_far_scenarios_legend_stacks_the_grid_of_a_low_window_only():
    notes = [("folded", "2 warnings: values far from what the model knows (open to read)")]
    css = presentation.screen_css(0, notes, _needs(FAR), presentation.STACK_HEIGHT)
    at_1280 = next(line for line in css.splitlines() if line.startswith("@media (min-width: 1280px) and (max-w"))
    height = int(at_1280.split("max-height: ")[1].split("px")[0])
    assert 720 < height < 1080, at_1280  # a 1280x720 window stacks, a 1920x1080 one keeps the grid
    assert "flex: 1 1 100% !important" in css


def test_a_grid_cell_that_stacks_counts_its_legend_as_a_stacked_chart_does():
    """Counted at a cell's width, the rows left the stacked chart of a low window 50 px of empty margin; a grid that
    never stacks keeps its cells' count (plotly lays its charts out once)."""
    margins = {}
    for stacks in (False, True):
        fig = go.Figure(layout=LOOK.layout("realgdp", "realgdp", "date", presentation.STACK_HEIGHT))
        for name in FAR:
            fig.add_scatter(x=[0, 1], y=[0, 1], name=name)
        presentation.fit_legend(fig, LOOK, stacks)
        margins[stacks] = fig.layout.margin.b
    assert margins[True] == LOOK.margin["b"]  # one row at a page's width, as stacked
    assert margins[False] > LOOK.margin["b"]


def test_a_grid_of_one_row_counts_its_cells_as_high_as_a_stacked_chart():
    """Two variables fill the window as a stacked chart does (STACK_HEIGHT), higher than a grid row of more."""
    needs = dict.fromkeys(presentation.GRID_WINDOWS, presentation.GRID_HEIGHT + 40)
    assert "flex: 1 1 100%" not in presentation.screen_css(0, (), needs, presentation.STACK_HEIGHT)
    assert "flex: 1 1 100%" in presentation.screen_css(0, (), needs, presentation.GRID_HEIGHT)
