"""Plotly figure builders: pure functions from data to go.Figure, no Streamlit calls.

Colours are fixed mid-tones and the band is translucent, so the same figure reads on the
light and the dark theme (Streamlit's theme supplies background, fonts and grid).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui import hover
from ui.chart_look import BAND, HOLDOUT_MARGIN, LEGEND_BELOW, TICK_FORMAT, TITLE_CHARS, Look
from ui.period_hover import period_hover
from ui.plot_text import fitted, plain, text_width
from ui.plot_text import name as shown
from ui.plot_text import names as shown_all

HISTORY = "#7f8c9b"
INPUTS = "#5b6776"
FORECAST = "#e4572e"
ACTUAL = "#2e86de"
PREVIEW_MARGIN = {"l": 10, "r": 10, "t": 24, "b": 10}


def recent(history: pd.DataFrame | pd.Series, steps: int, lag_rows: int = 0):
    """The tail of the history a chart shows: enough to read the forecast against (40 periods, or
    three times the horizon, or four times the lag inputs, whichever is most)."""
    return history.iloc[-min(len(history), max(40, 3 * steps, 4 * lag_rows)) :]


def _band(
    x: Sequence, lower: np.ndarray, upper: np.ndarray, name: str, fill: str, periods: list[str]
) -> list[go.Scatter]:
    """An interval as two traces: the upper edge, then the lower edge filled up to it."""
    return [
        go.Scatter(
            x=list(x),
            y=upper,
            mode="lines",
            line={"width": 0},
            name=f"{name} upper",
            showlegend=False,
            **hover.named(periods, "upper"),
        ),
        go.Scatter(
            x=list(x),
            y=lower,
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=fill,
            name=name,
            **hover.named(periods, "lower"),
        ),
    ]


def _layout(fig: go.Figure, title: str, y_title: str, x_title: str, height: int, alias: str | None) -> go.Figure:
    # the legend below the axis, as on the forecast charts: beside the title it sat under plotly's modebar. A long
    # title wraps (its whole text in `meta`, the accessible name's), and a y-axis title taller than the plot is
    # left out, as on the forecast charts (Look.layout): the title names the variable
    lines = fitted(plain(title), TITLE_CHARS[False] + 8, 3)  # a 17 px title, not the forecast charts' 21 px
    margin = {**HOLDOUT_MARGIN, "t": HOLDOUT_MARGIN["t"] + 22 * lines.count("<br>")}
    fig.update_layout(
        title={"text": lines, "x": 0, "xanchor": "left"},
        height=height,
        hovermode="x unified",
        margin=margin,
        legend=LEGEND_BELOW,
        meta={"title": title},
    )
    fig.update_xaxes(title_text=x_title)
    period_hover(fig, alias)  # its header 2006Q1, as the lines under it, not "Jan 2006"
    room = (height - margin["t"] - margin["b"]) / 7  # the plot's height in characters of a 13 px axis title
    fig.update_yaxes(title_text=y_title if text_width(plain(y_title)) <= room else "", tickformat=TICK_FORMAT)
    return fig


def forecast_figure(
    variable: str,
    history: pd.Series,
    lag_inputs: pd.Series,
    dates: Sequence[str],
    mean: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    level: float,
    point: str = "mean",
    height: int = 340,
    look: Look | None = None,
) -> go.Figure:
    """Recent history, the lag inputs the forecast starts from, the forecast and its interval band.

    `look` sets what a screen or a projector needs: the subtitle (model, version, interval), font
    sizes, the band's opacity for the theme and the period format of the hover labels.

    Dated forecasts share a time axis with the history; when the data has no regular frequency the
    forecast rows are `+1`, `+2`, ... and everything is drawn against periods relative to the last
    observation (0), so the two never end up on mismatched axes.
    """
    x, history, lag_inputs, x_title = aligned(dates, history, lag_inputs)
    look = look or Look()
    band = f"{level:g}% interval"
    # The forecast line starts at the last lag input, so it visibly continues from it.
    start_x = [lag_inputs.index[-1]] if len(lag_inputs) else []
    start_y = [float(lag_inputs.iloc[-1])] if start_x else []
    lines = {"mode": "lines", "line": {"width": 0}, "x": list(x)}
    ahead = hover.started(start_x + list(x), look.alias, point)
    periods = ahead["customdata"][1:] if start_x else hover.periods(x, look.alias)  # named once, for every line
    traces = [
        history_trace(history, look),
        {**lines, "y": upper, "name": f"{band} upper", "showlegend": False, **hover.named(periods, "upper")},
        {**lines, "y": lower, "name": band, "fill": "tonexty", "fillcolor": look.band, **hover.named(periods, "lower")},
        {
            "x": start_x + list(x),
            "y": start_y + list(mean),
            "mode": "lines+markers",
            "name": f"forecast ({point})",
            "line": {"color": FORECAST, "width": 2.5},
            "marker": {"size": 5},
            **ahead,
        },
        lag_inputs_trace(lag_inputs, look),
    ]
    # One Figure built from plain dicts: plotly checks it once (each add_trace or update_layout checks
    # again, several times the cost of the forecast itself on every rerun).
    return go.Figure(
        data=[go.Scatter(trace) for trace in traces],
        layout=look.layout(shown(variable), shown(variable), x_title, height, [*history.index, *x]),
    )


def holdout_figure(
    variable: str,
    train_tail: pd.Series,
    dates: Sequence[str],
    actual: np.ndarray,
    forecast: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    height: int = 340,
    alias: str | None = None,
) -> go.Figure:
    """The holdout forecast (fitted without the last rows) against what actually happened; the data's frequency
    `alias` (QS-JAN) names the periods in the hover's lines and, where a d3 format can, its header."""
    x = _axis(dates)
    periods = hover.periods(x, alias)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=train_tail.index,
            y=train_tail.to_numpy(),
            mode="lines",
            name="training data",
            line={"color": HISTORY, "width": 2},
            **hover.on(train_tail.index, alias, "data"),
        )
    )
    for trace in _band(x, lower, upper, "95% interval", BAND, periods):
        fig.add_trace(trace)
    fig.add_trace(
        go.Scatter(
            x=x,
            y=actual,
            mode="lines+markers",
            name="actual",
            line={"color": ACTUAL, "width": 2},
            marker={"size": 5},
            **hover.named(periods, "actual"),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=forecast,
            mode="lines+markers",
            name="holdout forecast",
            line={"color": FORECAST, "width": 2, "dash": "dash"},
            marker={"size": 5},
            **hover.named(periods, "forecast"),
        )
    )
    return _layout(fig, f"{shown(variable)}: holdout", shown(variable), "date", height, alias)


def aligned(dates: Sequence[str], history: pd.Series, lag_inputs: pd.Series):
    """The forecast axis, with history and lag inputs on the same axis: dates, or periods relative to the
    last observation (0) when the data has no regular frequency, so the two never end up on mismatched axes."""
    x = _axis(dates)
    if x and isinstance(x[0], str):
        x = list(range(1, len(x) + 1))
        history = pd.Series(history.to_numpy(), index=range(1 - len(history), 1))
        lag_inputs = pd.Series(lag_inputs.to_numpy(), index=range(1 - len(lag_inputs), 1))
        return x, history, lag_inputs, "periods after the last observation"
    return x, history, lag_inputs, "date"


def history_trace(history: pd.Series, look: Look) -> dict:
    """The recent history under a forecast (ui.figures and ui.scenario_figures draw it alike)."""
    return {
        "x": history.index,
        "y": history.to_numpy(),
        "mode": "lines",
        "name": "history",
        "line": {"color": HISTORY, "width": 2},
        **hover.on(history.index, look.alias, "history"),  # its period: unified hovers list it at any x
    }


def lag_inputs_trace(lag_inputs: pd.Series, look: Look) -> dict:
    """The observations a forecast starts from, marked as open circles."""
    return {
        "x": lag_inputs.index,
        "y": lag_inputs.to_numpy(),
        "mode": "markers",
        "name": "lag inputs",
        "marker": {"color": INPUTS, "size": 8, "symbol": "circle-open", "line": {"width": 2}},
        **hover.on(lag_inputs.index, look.alias, "lag input"),
    }


def _axis(dates: Sequence[str]) -> list:
    """Dates as timestamps when they parse (a real time axis), else the labels (`+1`, `+2`, ...)."""
    labels = list(dates)
    if labels and not str(labels[0]).startswith("+"):
        parsed = pd.to_datetime(pd.Series(labels), errors="coerce")
        if not parsed.isna().any():
            return list(parsed)
    return labels


def series_preview_figure(frame: pd.DataFrame) -> go.Figure:
    """Small multiples of every numeric column against its dates (gaps show as breaks in the line)."""
    from plotly.subplots import make_subplots

    names = [str(c) for c in frame.columns]
    titles = shown_all(names)  # as typed: a header `<b>x</b>` is no bold title
    height = max(160, 130 * len(names))
    # each panel's title sits in the gap above it: 30 px keeps it off the tick labels of the panel above
    gap = min(30 / (height - PREVIEW_MARGIN["t"] - PREVIEW_MARGIN["b"]), 1 / max(len(names) - 1, 1))
    fig = make_subplots(rows=len(names), cols=1, shared_xaxes=True, subplot_titles=titles, vertical_spacing=gap)
    for row, (name, title) in enumerate(zip(names, titles, strict=True), start=1):
        fig.add_trace(
            go.Scatter(
                x=frame.index,
                y=frame[name],
                mode="lines",
                name=title,
                showlegend=False,
                line={"color": ACTUAL, "width": 1.5},
                connectgaps=False,
                hovertemplate=hover.line(title),
            ),
            row=row,
            col=1,
        )
    fig.update_layout(height=height, margin=PREVIEW_MARGIN)
    fig.update_yaxes(tickformat=TICK_FORMAT)
    return fig
