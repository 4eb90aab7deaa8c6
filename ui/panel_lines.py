"""Horizontal reference lines (zero, ±2/√T bounds) across the panels of a subplot grid, added in one step.

plotly's `add_hline(row=, col=)` validates every shape already in the layout on each call, so a k×k grid's
2k² lines cost time growing with the square of their count: two minutes for the residual autocorrelations of
14 variables. The same lines as one list of shapes take milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go

Line = tuple[int, int, float, dict]  # row, column (from 1), height on the panel's y axis, plotly line style


def add_hlines(fig: go.Figure, lines: Iterable[Line]) -> go.Figure:
    """Each line across the whole width of its panel, as `add_hline` draws it."""
    shapes = list(fig.layout.shapes)
    for row, col, y, style in lines:
        panel = fig.get_subplot(row, col)
        x_ref, y_ref = (axis.plotly_name.replace("axis", "") for axis in (panel.xaxis, panel.yaxis))
        across = {"xref": f"{x_ref} domain", "x0": 0, "x1": 1}
        shapes.append({"type": "line", **across, "yref": y_ref, "y0": y, "y1": y, "line": style})
    fig.update_layout(shapes=shapes)
    return fig
