"""The impulse-response grid of the Diagnostics page: every pair of variables, or the impulses and responses
picked (ui.irf_pick); a pure function, no Streamlit calls."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ui import hover
from ui.chart_look import LINE_PX, PANEL_COLUMNS, panel_grid
from ui.diagnostics_figures import BAND, LINE, ZERO_LINE, finish
from ui.panel_lines import add_hlines
from ui.plot_text import pair_title, panel_width
from varlib import Diagnostics, grid_names, panel_room, title_width


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
    full = [f"{names[j]} → {names[i]}" for i in rows for j in cols]  # as typed; each panel's hover
    room = panel_room(names, panel_width(len(cols), 0.2 / len(cols)))  # px
    lines = 2 if len(cols) <= PANEL_COLUMNS else 1
    short = grid_names(names, 0, lines, width=room - title_width(" →"))  # told apart alike in any row or column
    titles = [pair_title(short[j], "→", short[i], width=room) for i in rows for j in cols]
    gap = (max(title.count("<br>") for title in titles) + 1) * LINE_PX + 44  # as ui.chart_look.panel_grid's
    panel = max(90, min(190, (1300 - (len(rows) - 1) * gap) // len(rows)))  # the whole grid about 1,300 px
    fig, height, top = panel_grid(full, len(cols), panel, titles, shared_xaxes=True)
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
                    hovertemplate=f"h=%{{x}}: {hover.VALUE}<extra></extra>",
                ),
                row=row,
                col=col,
            )
    add_hlines(fig, ((row, col, 0.0, ZERO_LINE) for row in range(1, len(rows) + 1) for col in range(1, len(cols) + 1)))
    kind = ("Orthogonalised" if orth else "Plain") + (" accumulated" if accumulated else "")
    space = f" of the {diag.summed_levels}" if accumulated else ""
    return finish(fig, f"{kind} impulse responses{space} (impulse → response)", max(360, height), top)
