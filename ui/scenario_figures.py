"""The Forecast page's chart of one variable when it shows more than one band or one line: a fan of bands,
the conditioned values of a scenario, and other forecasts (the baseline, saved scenarios) overlaid dashed.

Pure plotly, no Streamlit calls, built like ui.figures.forecast_figure (one Figure from plain dicts, the
same `Look` for screens and projectors). A fan draws the widest band first and each narrower one over it
in a stronger solid colour (ui.chart_look.fan_colours); conditioned steps have zero width and are marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui import hover
from ui.chart_look import Look, background_colour, fan_colours
from ui.figures import FORECAST, aligned, history_trace, lag_inputs_trace
from ui.plot_text import name as shown

OVERLAY_COLOURS = ("#2e86de", "#8e44ad", "#16a085", "#d35400", "#7f8c8d")
CONDITION_MARKER = {"size": 11, "symbol": "diamond-open", "line": {"width": 2}}  # a held value, in its line's colour


@dataclass(frozen=True)
class Line:
    """Another forecast drawn over the chart: its label, period labels and values of this variable, and its
    conditions of this variable by step (NaN where free; None: a forecast without conditions)."""

    label: str
    dates: Sequence[str]
    values: np.ndarray
    conditioned: np.ndarray | None = None


def scenario_figure(
    variable: str,
    history: pd.Series,
    lag_inputs: pd.Series,
    dates: Sequence[str],
    point: np.ndarray,
    bands: dict[float, tuple[np.ndarray, np.ndarray]],
    point_label: str = "forecast (mean)",
    conditioned: np.ndarray | None = None,
    overlays: Sequence[Line] = (),
    height: int = 340,
    look: Look | None = None,
) -> go.Figure:
    """`bands`: level -> (lower, upper) of this variable, one band or the layers of a fan; `conditioned`: the
    conditions of this variable by step (NaN where free)."""
    look = look or Look()
    point_label = shown(point_label)  # a scenario's name: as typed, in the legend and the hover
    x, history, lag_inputs, x_title = aligned(dates, history, lag_inputs)
    start_x = [lag_inputs.index[-1]] if len(lag_inputs) else []
    start_y = [float(lag_inputs.iloc[-1])] if start_x else []
    ahead = hover.started(start_x + list(x), look.alias, point_label)
    periods = ahead["customdata"][1:] if start_x else hover.periods(x, look.alias)  # every line names its period
    traces: list[dict] = [history_trace(history, look)]
    fills = [look.band] if len(bands) == 1 else fan_colours(look.theme, len(bands))
    for level, fill in zip(sorted(bands, reverse=True), fills, strict=True):  # widest first, narrower ones over it
        lower, upper = bands[level]
        name = f"{level:g}% interval"
        edge = {"x": list(x), "mode": "lines", "line": {"width": 0}}
        traces.append(
            {
                **edge,
                "y": upper,
                "name": f"{name} upper",
                "showlegend": False,
                **hover.named(periods, f"{level:g}% upper"),
            }
        )
        traces.append(
            {
                **edge,
                "y": lower,
                "name": name,
                "fill": "tonexty",
                "fillcolor": fill,
                **hover.named(periods, f"{level:g}% lower"),
            }
        )
    for colour, line in zip(OVERLAY_COLOURS, overlays, strict=False):
        drawn = start_x + list(aligned(line.dates, history, lag_inputs)[0])
        traces.append(
            {
                "x": drawn,
                "y": start_y + list(line.values),
                "mode": "lines",
                "name": shown(line.label),
                "legendgroup": line.label,  # its conditions' marks go with it: one legend entry, one click hides both
                "line": {"color": colour, "width": 2, "dash": "dash"},
                # the forecast's own periods' names when it has them (the baseline's do), else its own
                **(
                    {**ahead, "hovertemplate": hover.template(shown(line.label))}
                    if drawn == start_x + list(x)
                    else hover.started(drawn, look.alias, shown(line.label))
                ),
            }
        )
        if line.conditioned is not None:
            traces += _held(line, drawn[len(start_x) :], colour, look.alias)
    if len(bands) > 1:  # a casing, so that the line reads over the fan's strong centre
        traces.append(
            {
                "x": start_x + list(x),
                "y": start_y + list(point),
                "mode": "lines",
                "line": {"color": background_colour(look.theme), "width": 6.5},
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
    traces.append(
        {
            "x": start_x + list(x),
            "y": start_y + list(point),
            "mode": "lines+markers",
            "name": point_label,
            "line": {"color": FORECAST, "width": 2.5},
            "marker": {"size": 5},
            **ahead,
        }
    )
    if conditioned is not None and np.isfinite(conditioned).any():
        held = np.isfinite(conditioned)
        traces.append(
            {
                "x": [value for value, keep in zip(x, held, strict=True) if keep],
                "y": conditioned[held].tolist(),
                **hover.named([name for name, keep in zip(periods, held, strict=True) if keep], "condition"),
                "mode": "markers",
                "name": "condition",
                "marker": {**CONDITION_MARKER, "color": FORECAST},
            }
        )
    traces.append(lag_inputs_trace(lag_inputs, look))
    return go.Figure(
        data=[go.Scatter(trace) for trace in traces],
        layout=look.layout(shown(variable), shown(variable), x_title, height, [*history.index, *x]),
    )


def _held(line: Line, x: list, colour: str, alias: str | None) -> list[dict]:
    """An overlaid forecast's conditioned steps (at `x`, its periods on the chart), marked as the viewed forecast's
    are but in the line's colour: a room tells its held values from its forecast ones without hovering."""
    conditioned = np.asarray(line.conditioned, dtype=float)
    held = np.isfinite(conditioned)
    if not held.any():
        return []
    label = shown(line.label)
    names = [name for name, keep in zip(hover.periods(x, alias), held, strict=True) if keep]
    return [
        {
            "x": [value for value, keep in zip(x, held, strict=True) if keep],
            "y": conditioned[held].tolist(),
            **hover.named(names, f"{label} condition"),
            "mode": "markers",
            "name": f"{label} condition",
            "legendgroup": line.label,
            "showlegend": False,  # the line's entry stands for both
            "marker": {**CONDITION_MARKER, "color": colour},
        }
    ]
