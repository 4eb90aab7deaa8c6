"""The report's forecast section: a fan chart per variable as inline SVG (no script, opens offline and prints),
and the bounds of every fan level step by step; a scenario's conditions and exogenous values are named.

The fan draws the widest band first and each narrower one over it in the same translucent colour, so the
centre is darkest, as on the dashboard's Forecast page."""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .version_forecast import VersionForecast

WIDTH, HEIGHT, PAD = 640, 220, 36
HISTORY_SHOWN = 24
DEFAULT_FAN = (30, 60, 90)


def forecast_section(
    forecast: VersionForecast, history: pd.DataFrame, levels: Sequence[float] = DEFAULT_FAN
) -> list[str]:
    """HTML parts: a note on what was forecast, one SVG fan chart per variable, and the table of bounds."""
    fan = forecast.fan(levels)
    what = f"scenario <b>{html.escape(forecast.scenario)}</b>" if forecast.scenario else "the baseline"
    conditioned = sorted({c["variable"] for c in forecast.conditions})
    notes = [f"{forecast.steps} steps of {what}; the line is the {forecast.forecast.point} in levels"]
    if conditioned:
        notes.append(f"conditioned on {html.escape(', '.join(conditioned))} (diamonds, zero width)")
    if forecast.exog is not None:
        notes.append(f"exogenous {html.escape(', '.join(forecast.exog_names))} as given")
    parts = [
        "<h2>Forecast</h2>",
        f"<p class='note'>{'; '.join(notes)}. Fan of {', '.join(f'{x:g}%' for x in sorted(fan))} intervals.</p>",
    ]
    fixed = forecast.forecast.fixed
    for j, variable in enumerate(forecast.variables):
        tail = history[variable].iloc[-HISTORY_SHOWN:]
        held = None if fixed is None else fixed[:, j]
        bands = {level: (low[:, j], high[:, j]) for level, (low, high) in fan.items()}
        start = float(forecast.lag_inputs[-1, j])  # the line starts where the forecast does (edited lags too)
        parts.append(_svg(variable, tail.to_numpy(dtype=float), start, forecast.forecast.mean[:, j], bands, held))
    rows = []
    for h, label in enumerate(forecast.index):
        for j, variable in enumerate(forecast.variables):
            row = {"date": label, "variable": variable, forecast.forecast.point: forecast.forecast.mean[h, j]}
            for level, (low, high) in fan.items():
                row[f"{level:g}% lower"], row[f"{level:g}% upper"] = low[h, j], high[h, j]
            rows.append(row)
    parts.append(pd.DataFrame(rows).to_html(index=False, float_format=lambda x: f"{x:.6g}", border=0))
    return parts


def _svg(
    variable: str, history: np.ndarray, start_value: float, point: np.ndarray, bands: dict, held: np.ndarray | None
) -> str:
    widest = bands[max(bands)]
    values = np.concatenate([history, [start_value], point, widest[0], widest[1]])
    bottom, top = float(np.min(values)), float(np.max(values))
    top = top if top > bottom else bottom + 1.0
    n = len(history) + len(point)

    def xy(i: float, y: float) -> str:
        x = PAD + (WIDTH - 2 * PAD) * i / max(n - 1, 1)
        return f"{x:.1f},{HEIGHT - PAD - (HEIGHT - 2 * PAD) * (y - bottom) / (top - bottom):.1f}"

    start = len(history)  # forecast step h sits at position start + h; the line starts at the last observation
    shapes = []
    for level in sorted(bands, reverse=True):
        low, high = bands[level]
        outline = [xy(start + h, y) for h, y in enumerate(high)] + [
            xy(start + h, y) for h, y in reversed(list(enumerate(low)))
        ]
        shapes.append(
            f"<polygon points='{' '.join(outline)}' fill='#e4572e' fill-opacity='0.16'>"
            f"<title>{level:g}%</title></polygon>"
        )
    history_line = " ".join(xy(i, y) for i, y in enumerate(history))
    forecast_line = " ".join([xy(start - 1, start_value)] + [xy(start + h, y) for h, y in enumerate(point)])
    shapes.append(f"<polyline points='{history_line}' fill='none' stroke='#7f8c9b' stroke-width='2'/>")
    shapes.append(f"<polyline points='{forecast_line}' fill='none' stroke='#e4572e' stroke-width='2.5'/>")
    if held is not None:
        for h in np.flatnonzero(np.isfinite(held)):
            x, y = xy(start + int(h), float(held[h])).split(",")
            shapes.append(
                f"<rect x='{float(x) - 4:.1f}' y='{float(y) - 4:.1f}' width='8' height='8' fill='none'"
                f" stroke='#e4572e' stroke-width='2' transform='rotate(45 {x} {y})'><title>condition</title></rect>"
            )
    labels = (
        f"<text x='{PAD}' y='16' font-size='13' font-weight='bold'>{html.escape(variable)}</text>"
        f"<text x='{WIDTH - PAD}' y='{PAD - 6}' font-size='11' text-anchor='end'>{top:,.4g}</text>"
        f"<text x='{WIDTH - PAD}' y='{HEIGHT - PAD + 14}' font-size='11' text-anchor='end'>{bottom:,.4g}</text>"
    )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{HEIGHT}' role='img'"
        f" aria-label='fan chart of {html.escape(variable)}' class='fan'>{labels}{''.join(shapes)}</svg>"
    )
