"""The impulse-response grid of the Diagnostics page: every pair of variables, or the impulses and responses
picked (ui.irf_pick); a pure function, no Streamlit calls."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.diagnostics_figures import BAND, LINE, ZERO_LINE, finish, grid_height
from ui.panel_lines import add_hlines
from ui.plot_text import name as shown
from varlib import Diagnostics


def irf_figure(
    diag: Diagnostics,
    orth: bool = True,
    impulses: Sequence[str] | None = None,
    responses: Sequence[str] | None = None,
    accumulated: bool = False,
) -> go.Figure:
    """A grid: row = response, column = impulse (every variable, or those given, in the variables' order); line
    with its (1 - signif) asymptotic band; `accumulated`: summed over the periods (the levels' responses of a VAR
    of differences)."""
    irf = diag.irf
    names = list(diag.variables)
    rows = [names.index(v) for v in (responses or names)]
    cols = [names.index(v) for v in (impulses or names)]
    values = irf.values(orth, accumulated)
    lower, upper = irf.bands(orth, accumulated)
    periods = np.arange(irf.periods + 1)
    titles = [f"{shown(names[j])} → {shown(names[i])}" for i in rows for j in cols]  # as typed
    fig = make_subplots(rows=len(rows), cols=len(cols), subplot_titles=titles, shared_xaxes=True)
    level = round((1 - irf.signif) * 100)
    for row, i in enumerate(rows, start=1):
        for col, j in enumerate(cols, start=1):
            first = row == 1 and col == 1
            fig.add_trace(
                go.Scatter(
                    x=periods, y=upper[:, i, j], mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip"
                ),
                row=row,
                col=col,
            )
            fig.add_trace(
                go.Scatter(
                    x=periods,
                    y=lower[:, i, j],
                    mode="lines",
                    line={"width": 0},
                    fill="tonexty",
                    fillcolor=BAND,
                    name=f"{level}% asymptotic band",
                    showlegend=first,
                    hoverinfo="skip",
                ),
                row=row,
                col=col,
            )
            fig.add_trace(
                go.Scatter(
                    x=periods,
                    y=values[:, i, j],
                    mode="lines",
                    line={"color": LINE, "width": 2},
                    name="response",
                    showlegend=first,
                    hovertemplate="h=%{x}: %{y:.4g}<extra></extra>",
                ),
                row=row,
                col=col,
            )
    add_hlines(fig, ((row, col, 0.0, ZERO_LINE) for row in range(1, len(rows) + 1) for col in range(1, len(cols) + 1)))
    kind = ("Orthogonalised" if orth else "Plain") + (" accumulated" if accumulated else "")
    space = " of the levels" if accumulated else ""
    return finish(fig, f"{kind} impulse responses{space} (impulse → response)", grid_height(len(rows)))
