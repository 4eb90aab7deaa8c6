"""Plotly figure builders for diagnostics, backtests and comparisons: pure functions, no Streamlit calls.

Shapes the pages and tests rely on: grids are k x k (rows = response / caused variable, columns =
impulse / causing variable); every figure has a title in layout.title.text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from ui import chart_look, hover
from ui.chart_look import LEGEND_ROW_PX, PANEL_COLUMNS, PANEL_MARGIN, TICK_FORMAT, cell, legend_rows, panel_grid
from ui.panel_lines import add_hlines
from ui.plot_text import DRAWN_WIDTH, fitted, heat_labels, pair_title, panel_width
from ui.plot_text import name as shown
from ui.plot_text import names as shown_all
from varlib import Diagnostics, column_format, counted, format_number, grid_names, p_is, panel_room, title_width

LINE = "#2e86de"
BAND = "rgba(46, 134, 222, 0.3)"  # stands out from the light and the dark background alike (as ui.chart_look)
NAIVE = "#7f8c9b"
ZERO_LINE = {"color": NAIVE, "width": 1}  # a panel's zero, under residuals and responses
BAD = "#e4572e"
UNIT = "#8e44ad"  # a VECM's expected unit roots: neither the inside blue nor the outside red; 3:1 on both themes
# plotly's ten colours first (charts of up to ten variables keep theirs), then those of Dark24 that read on both
# themes (2.5:1 or more against either background), the ones least like the first ten first: 25 shocks, variables
# or versions each in a colour of its own
PALETTE = qualitative.Plotly + [qualitative.Dark24[i] for i in (0, 2, 3, 4, 6, 10, 11, 13, 14, 15, 1, 20, 12, 9, 23)]
P_VALUES = column_format((), p_value=True)  # every table's format for p-values


LEGEND_TOP = 34  # px from the chart's top: under the title, clear of plotly's modebar (top right, on hover)


def finish(fig: go.Figure, title: str, height: int, top: int | None = None) -> go.Figure:
    # the value axes print plain numbers (13,000), never SI prefixes (13k; 500m read as 500 million), as the
    # forecast charts do; an axis that already has its own format (percentages) keeps it
    fig.for_each_yaxis(lambda axis: axis.update(tickformat=TICK_FORMAT) if axis.tickformat is None else None)
    # the legend is a row under the title, left, above the subplot titles: level with the title at the right,
    # it sat where the modebar appears and was hidden by it whenever the pointer was on the chart
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "y": 0.99, "yanchor": "top"},
        height=height,
        margin={**PANEL_MARGIN, "t": top or PANEL_MARGIN["t"]},  # `top`: more lines of subplot titles or legend
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "top",
            "y": 1 - LEGEND_TOP / height,
            "xref": "container",
            "xanchor": "left",
            "x": 0,
        },
    )
    return fig


def colours(k: int) -> list[str]:
    """A colour for each of `k` series, none twice: PALETTE's, or beyond it hues evenly spaced round the wheel."""
    return PALETTE[:k] if k <= len(PALETTE) else [f"hsl({round(360 * i / k)}, 70%, 50%)" for i in range(k)]


def roots_figure(diag: Diagnostics) -> go.Figure:
    """Companion-matrix eigenvalues in the complex plane with the unit circle: stable means all inside."""
    theta = np.linspace(0, 2 * np.pi, 361)
    stab = diag.stability
    eig = stab.eigenvalues
    # a VECM's unit roots (those nearest 1, as many as the library counted) are part of the model: their own entry
    unit = np.zeros(eig.shape, dtype=bool)
    if stab.as_expected is not None and stab.unit_roots:
        unit[np.argsort(np.abs(eig - 1))[: stab.unit_roots]] = True
    outside = (np.abs(eig) >= 1) & ~unit
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=np.cos(theta),
            y=np.sin(theta),
            mode="lines",
            name="unit circle",
            line={"color": NAIVE, "dash": "dot"},
            hoverinfo="skip",
        )
    )
    groups = (
        (~outside & ~unit, "eigenvalues inside", LINE),
        (unit, f"unit roots ({stab.expected_unit_roots} expected: K - r)", UNIT),
        (outside, "eigenvalues on or outside", BAD),
    )
    for mask, name, colour in groups:
        if mask.any():
            fig.add_trace(
                go.Scatter(
                    x=eig.real[mask],
                    y=eig.imag[mask],
                    mode="markers",
                    name=name,
                    marker={"color": colour, "size": 10},
                    customdata=np.abs(eig[mask]),
                    hovertemplate="%{x:.4f} %{y:+.4f}i<br>modulus %{customdata:.4f}<extra></extra>",
                )
            )
    span = max(1.1, float(np.max(np.abs(eig))) * 1.1) if eig.size else 1.1
    fig.update_xaxes(range=[-span, span], title_text="real", zeroline=True, tickformat=TICK_FORMAT)  # a value axis
    fig.update_yaxes(range=[-span, span], title_text="imaginary", scaleanchor="x", scaleratio=1)
    verdict = "stable" if diag.stability.stable else "not stable"
    if diag.stability.as_expected is not None:  # a VECM's unit roots are part of the model
        verdict = f"{counted(diag.stability.unit_roots, 'unit root')}, " + (
            "as expected" if diag.stability.adequate else "not as expected"
        )
    return finish(fig, f"Eigenvalues of the companion matrix ({verdict})", 460)


def residuals_figure(diag: Diagnostics, alias: str | None = None, only: Sequence[int] | None = None) -> go.Figure:
    """One panel per equation (or those of the variables at `only`, each in its colour of the whole): residuals
    over time, hovering with period names by the data's frequency `alias` (2006Q1)."""
    picked = list(range(len(diag.variables))) if only is None else list(only)
    k, height = len(picked), max(300, 180 * len(picked) + 60)
    palette = colours(len(diag.variables))
    gap = min(0.06, 50 / height)  # about 50 px for a panel's title: a share of the height left 14 panels thin strips
    titles = shown_all(diag.variables[j] for j in picked)
    fig = make_subplots(rows=k, cols=1, shared_xaxes=True, subplot_titles=titles, vertical_spacing=gap)
    dates = pd.to_datetime(list(diag.resid_dates))
    for row, j in enumerate(picked, start=1):
        variable = diag.variables[j]
        fig.add_trace(
            go.Scatter(
                x=dates,
                y=diag.resid[:, j],
                mode="lines",
                name=shown(variable),
                showlegend=False,
                line={"color": palette[j], "width": 1.3},
                customdata=hover.periods(dates, alias),
                hovertemplate=f"%{{customdata}}: {hover.VALUE}<extra>" + shown(variable) + "</extra>",
            ),
            row=row,
            col=1,
        )
    add_hlines(fig, ((row, 1, 0.0, ZERO_LINE) for row in range(1, k + 1)))
    return finish(fig, f"Residuals ({diag.to_dict()['model_space']})", height)


def acorr_figure(
    diag: Diagnostics, rows: Sequence[int] | None = None, cols: Sequence[int] | None = None, drawn: int = DRAWN_WIDTH
) -> go.Figure:
    """k x k grid of residual (cross-)autocorrelations for lags 1..L with +-2/sqrt(T) bounds; or its panels in
    `rows` and `cols` (a page of the report), each as tall as in the whole grid. Panel titles fit a chart `drawn`
    px wide (the report's are printed on paper narrower than the page's chart) and hover with the whole names."""
    k, acorr = len(diag.variables), diag.resid_acorr
    rows, cols = list(range(k)) if rows is None else list(rows), list(range(k)) if cols is None else list(cols)
    lags = np.arange(1, acorr.shape[0])
    bound = 2 / np.sqrt(diag.nobs)
    names = list(diag.variables)
    full = [f"{names[i]} ← {names[j]}" if i != j else names[i] for i in rows for j in cols]  # as typed; the hovers
    room, lines = panel_room(names, title_px(len(cols), drawn)), 2 if len(cols) <= PANEL_COLUMNS else 1
    short = grid_names(names, 0, lines, width=room - title_width(" ←"))
    alone = grid_names(names, 0, 2 * lines, width=room)  # a variable's own panel
    titles = [
        fitted(alone[i], 0, 2 * lines, width=room) if i == j else pair_title(short[i], "←", short[j], width=room)
        for i in rows
        for j in cols
    ]
    # as the impulse-response grid: panels sized so the whole k x k grid is about 1,300 px tall, and
    # a piece of three rows fits a printed page (ui.diagnostics_report)
    gap = (max(title.count("<br>") for title in titles) + 1) * chart_look.LINE_PX + 44
    fig, height, top = panel_grid(full, len(cols), max(90, min(170, (1300 - (k - 1) * gap) // k)), titles,
                                  shared_xaxes=True)  # fmt: skip
    for row, i in enumerate(rows, start=1):
        for col, j in enumerate(cols, start=1):
            values = acorr[1:, i, j]
            fig.add_trace(
                go.Bar(
                    x=lags,
                    y=values,
                    marker_color=[BAD if abs(v) > bound else LINE for v in values],
                    showlegend=False,
                    hovertemplate="lag %{x}: %{y:.3f}<extra></extra>",
                ),
                row=row,
                col=col,
            )
    dotted = {"color": NAIVE, "dash": "dot", "width": 1}
    cells = [(r, c) for r in range(1, len(rows) + 1) for c in range(1, len(cols) + 1)]
    add_hlines(fig, ((r, c, sign * bound, dotted) for r, c in cells for sign in (1, -1)))
    # one scale for every panel, fitted to the bars and bounds: on -1..1 bars of ±0.1 were a few pixels tall
    top_value = float(min(1.0, max(1.5 * bound, 1.1 * np.abs(acorr[1:]).max())))
    fig.update_yaxes(range=[-top_value, top_value])
    return finish(fig, f"Residual autocorrelations (bounds ±2/√T = ±{bound:.3f})", max(360, height), top)


def title_px(columns: int, drawn: int = DRAWN_WIDTH) -> float:
    """ui.plot_text.panel_width on a chart `drawn` px wide: the report's are printed, narrower than a page's."""
    return panel_width(columns, 0.2 / columns) * (drawn - 76) / (DRAWN_WIDTH - 76)


# The Granger heatmap's cells, per theme: green below 0.05 (the strongest at 0), amber to 0.2, then a neutral
# shade; each at 4.5:1 or more against the theme's text colour, which the p-values are printed in. Plotly's own
# pick of text colour put dark grey on the mid green of p = 0.01 (2.9:1), and the white cells of p near 1 glared
# on the dark page. Cells have a gap, so the neutral ones read as cells on either background.
GRANGER_LOOK = {
    "light": {
        "text": "#262730",
        "scale": [[0, "#66bd63"], [0.05, "#a6d96a"], [0.05, "#fee08b"], [0.2, "#e6e9ef"], [1, "#f0f2f6"]],
    },
    "dark": {
        "text": "#fafafa",
        "scale": [[0, "#1b7837"], [0.05, "#166534"], [0.05, "#6b5200"], [0.2, "#3a3d4a"], [1, "#31333f"]],
    },
}


def granger_figure(diag: Diagnostics, theme: str = "light", drawn: int = DRAWN_WIDTH) -> go.Figure:
    """Heatmap of Granger p-values: rows caused, columns causing. With three or more variables a last row
    and column hold the group tests: one variable -> all others, and all others -> one variable. `theme`:
    the viewer's, 'light' or 'dark' (see GRANGER_LOOK); the causing names fit a chart `drawn` px wide."""
    look = GRANGER_LOOK.get(theme, GRANGER_LOOK["light"])
    names = list(diag.variables)
    groups = any(test.scope != "pair" for test in diag.granger)
    labels = shown_all(names) + (["all others"] if groups else [])  # category ticks: as typed
    z = np.full((len(labels), len(labels)), np.nan)
    text = [["" for _ in labels] for _ in labels]
    hover = [["" for _ in labels] for _ in labels]
    for test in diag.granger:
        i = len(names) if test.scope == "one_to_others" else names.index(test.caused[0])
        j = len(names) if test.scope == "others_to_one" else names.index(test.causing[0])
        r = test.result
        z[i, j] = r.pvalue
        text[i][j] = format_number(r.pvalue, P_VALUES)  # as in the table beside it: < 0.0001, never 9.35e-13
        hover[i][j] = (
            f"{shown(test.direction)}<br>F = {r.statistic:.4g}<br>df = ({r.df[0]}, {r.df[1]})<br>p {p_is(r.pvalue)}"
        )
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=labels,
            text=text,
            texttemplate="%{text}",
            textfont={"color": look["text"]},
            xgap=2,
            ygap=2,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            zmin=0,
            zmax=1,
            colorbar={"title": "p-value"},
            colorscale=look["scale"],
        )
    )
    # the names' room is made by plotly from the labels, in the report's stand-alone chart too (its fixed margin cut
    # `consumption` to `sumption`)
    # long names broken into lines, cut past them or numbered (whole in the hovers): turned on end, they took the
    # heatmap's height
    rows, columns, numbered = heat_labels(names, ["all others"] * groups, drawn)
    ticks = {"tickmode": "array", "tickvals": labels, "automargin": True}
    causing = "causing (numbered as the rows)" if numbered else "causing"
    fig.update_xaxes(title_text=causing, ticktext=columns, tickangle=0, **ticks)
    fig.update_yaxes(title_text="caused", ticktext=rows, autorange="reversed", **ticks)
    return finish(fig, "Granger causality p-values (F test; green = significant)", max(300, 70 * len(labels) + 160))


def fevd_figure(diag: Diagnostics, drawn: int = DRAWN_WIDTH) -> go.Figure:
    """One panel per variable, in rows of up to PANEL_COLUMNS: the share of its forecast-error variance due to each
    shock, stacked, each shock in its own colour; panel titles fit a chart `drawn` px wide, as acorr_figure's."""
    names = list(diag.variables)
    k, palette = len(names), colours(len(names))
    horizons = np.arange(1, diag.fevd.shape[1] + 1)
    room = panel_room(names, title_px(min(k, PANEL_COLUMNS), drawn))
    titles = [fitted(short, 0, 3, width=room) for short in grid_names(names, 0, 3, width=room)]  # as panel_grid's
    fig, height, top = panel_grid(
        names, min(k, PANEL_COLUMNS), 290 if k <= PANEL_COLUMNS else 200, titles, shared_yaxes=True
    )
    for i in range(k):
        for s, shock in enumerate(names):
            fig.add_trace(
                go.Bar(
                    x=horizons,
                    y=diag.fevd[i, :, s],
                    name=f"shock {shown(shock)}",
                    legendgroup=shown(shock),  # its text is no label, but kept alike
                    showlegend=i == 0,
                    marker_color=palette[s],
                    hovertemplate=f"{shown(shock)}: " + "%{y:.1%} at h=%{x}<extra></extra>",
                ),
                **cell(i, PANEL_COLUMNS),
            )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(range=[0, 1], tickformat=".0%")
    for i in range(max(0, k - PANEL_COLUMNS), k):  # under each column's lowest panel: once, not run together
        fig.update_xaxes(title_text="periods ahead", **cell(i, PANEL_COLUMNS))
    shocks = [f"shock {name}" for name in names]  # the legend's rows go above: on paper, more of them
    extra = (legend_rows(shocks, chart_look.LEGEND_WIDTH * (drawn - 20) / (DRAWN_WIDTH - 20)) - 1) * LEGEND_ROW_PX
    return finish(fig, "Forecast-error variance decomposition", height + extra, top + extra)
