"""Plotly figures of backtests and of versions compared side by side: pure functions, no Streamlit calls."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui import hover
from ui.chart_look import PANEL_COLUMNS, PANEL_MARGIN, cell, panel_grid
from ui.diagnostics_figures import LINE, NAIVE, finish
from ui.overlaid_colours import overlaid_colours
from ui.period_hover import period_hover
from ui.plot_text import name as shown
from varlib import Artifact, Backtest, OverlaidForecast, counted, period_labels

DTICK_HORIZONS = 12  # up to this many horizons, every one gets its tick
HEIGHT = 380  # px, of a chart of versions overlaid
PLOT_PX = HEIGHT - PANEL_MARGIN["t"] - PANEL_MARGIN["b"]  # its plot's height at most (a long legend takes some)
EDGE_PX = 1.2  # a band's dotted edges: seen, and thinner than the 2.2 px line they frame


def backtest_figure(result: Backtest, metric: str = "rmse", alias: str | None = None) -> go.Figure:
    """One panel per variable: the model's (VAR, VECM) and the random walk's metric by horizon. The hover names the
    origins' periods by the data's frequency `alias` (2006Q1)."""
    scores = result.scores()
    names = list(result.variables)
    origins = hover.periods(result.origins, alias)
    span = f"{counted(len(origins), 'origin')}, {origins[0]} to {origins[-1]}" if origins else "no origins"
    # in rows of up to PANEL_COLUMNS, each title fitted to its panel (its whole name in the hover)
    columns = min(len(names), PANEL_COLUMNS)
    fig, height, top = panel_grid(names, columns, 250 if len(names) <= PANEL_COLUMNS else 190)
    for j, variable in enumerate(names):
        rows = scores[scores["variable"] == variable]
        for column, label, colour in ((metric, shown(result.model), LINE), (f"{metric}_rw", "random walk", NAIVE)):
            fig.add_trace(
                go.Scatter(
                    x=rows["horizon"],
                    y=rows[column],
                    mode="lines+markers",
                    name=label,
                    legendgroup=label,
                    showlegend=j == 0,
                    line={"color": colour},
                    customdata=[span] * len(rows),
                    hovertemplate=f"{label} h=%{{x}}: {hover.VALUE}<br>%{{customdata}}<extra></extra>",
                ),
                **cell(j, columns),
            )
        if rows[metric].isna().all():  # MAPE left out (values of both signs, or near 0): said where the lines would be
            fig.add_annotation(
                text=f"{metric.upper()} left out:<br>{shown(variable)} is near<br>or across 0",
                xref=f"x{j + 1 if j else ''} domain",
                yref=f"y{j + 1 if j else ''} domain",
                x=0.5,
                y=0.5,
                showarrow=False,
            )
            for axes in (fig.update_xaxes, fig.update_yaxes):
                axes(showticklabels=False, showgrid=False, zeroline=False, **cell(j, columns))
    # a tick per horizon while they fit side by side; beyond, plotly's own spacing (40 rotated ticks overlapped)
    fig.update_xaxes(dtick=1 if result.horizon <= DTICK_HORIZONS else None)
    for j in range(max(0, len(names) - columns), len(names)):  # under each column's lowest panel, once
        fig.update_xaxes(title_text="horizon", **cell(j, columns))
    return finish(fig, f"{metric.upper()} by horizon over {counted(len(result.origins), 'origin')}", height, top)


def by_frequency(
    artifacts: Sequence[Artifact], overlaid: Sequence[OverlaidForecast]
) -> dict[str | None, tuple[list[Artifact], list[OverlaidForecast]]]:
    """The versions and their forecasts grouped by their periods (OverlaidForecast.frequency: months dated by
    their first day or their last are one group), in the order first picked."""
    groups: dict[str | None, tuple[list[Artifact], list[OverlaidForecast]]] = {}
    for artifact, item in zip(artifacts, overlaid, strict=True):
        members, items = groups.setdefault(item.frequency or artifact.data.frequency, ([], []))
        members.append(artifact)
        items.append(item)
    return groups


def overlay_figure(
    variable: str,
    history: pd.Series,
    overlaid: Sequence[OverlaidForecast],
    level: int,
    alias: str | None = None,
    frequency_name: str | None = None,
    theme: str = "light",
) -> go.Figure:
    """Recent history and each version's forecast of `variable` with its band (as strong as the viewer's `theme`
    needs); hovers name the periods by the data's frequency `alias` (2006Q1), and the title names it too when given
    (`frequency_name`: the page compares versions of several frequencies). A forecast line starts at the last lag
    input it was made from, as on the Forecast page, so it joins the history (or, for a version on its own lags,
    shows where it starts)."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=history.index,
            y=history.to_numpy(),
            mode="lines",
            name="history",
            line={"color": NAIVE, "width": 2},
            **hover.on(history.index, alias, "history"),
        )
    )
    drawn: list[tuple[str, list[str], np.ndarray]] = []  # (label, periods, line) of the lines drawn so far
    pixel = _pixel(history, variable, overlaid)
    # every band under every line: a later version's band over an earlier one's line tinted it (on the dark theme,
    # whose bands are stronger, a red line turned brown under a green band)
    bands: list[go.Scatter] = []
    lines: list[go.Scatter] = []
    for n, item in enumerate(overlaid):
        result = item.forecast
        if result is None or variable not in result.variables:
            continue
        j = result.variables.index(variable)
        x = _dated_as(pd.to_datetime(result.index), result.frequency, alias)
        line = np.stack([result.forecast.mean[:, j], result.forecast.lower[:, j], result.forecast.upper[:, j]])
        colour, fill = overlaid_colours(theme, n)  # the line and its band, as the theme's background needs
        # a band is seen by its edges, dotted in its line's colour: its fill stays light, so that three overlapping
        # stay light too and every line reads over them (a fill strong enough to be seen alone made a dark slab)
        edge = {"color": colour, "width": EDGE_PX, "dash": "dot"}
        label = shown(item.label)  # a version's label as typed, in the legend and the hover
        bands.append(
            go.Scatter(
                x=x,
                y=result.forecast.upper[:, j],
                mode="lines",
                line=edge,
                legendgroup=item.label,
                showlegend=False,
                hoverinfo="skip",
            )
        )
        bands.append(
            go.Scatter(
                x=x,
                y=result.forecast.lower[:, j],
                mode="lines",
                line=edge,
                fill="tonexty",
                fillcolor=fill,
                legendgroup=item.label,
                name=f"{label} {level}%",
                showlegend=False,
                hoverinfo="skip",
            )
        )
        dash = None if item.shared else "dash"
        # a logdiff version's line is its median in levels, the others' their mean: said where the lines are told apart
        named = f"{label} (median)" if result.forecast.point == "median" else label
        # a line and band over an earlier one (a version republished from the same fit, or refitted on data revised
        # in a late digit) hide it: said when the chart cannot tell them apart (_alike), naming both
        named += _twin(drawn, result.index, line, pixel)
        drawn.append((label, result.index, line))
        started = _dated_as(pd.to_datetime([*result.lag_index[-1:], *result.index]), result.frequency, alias)
        start_y = [float(result.lag_inputs[-1, j])] if result.lag_index else []
        lines.append(
            go.Scatter(
                x=started,
                y=start_y + list(result.forecast.mean[:, j]),
                mode="lines+markers",
                name=named,
                legendgroup=item.label,
                line={"color": colour, "width": 2.2, "dash": dash},
                **(hover.started if result.lag_index else hover.on)(started, alias, named),
            )
        )
    fig.add_traces([*bands, *lines])
    named = f"{shown(variable)} ({frequency_name} versions)" if frequency_name else shown(variable)
    fig.update_layout(hovermode="x unified")  # one hover per period listing every version, as on the Forecast page
    period_hover(fig, alias)  # its header 2010Q1, as the lines under it, not Jan 2010
    return finish(fig, f"{named}: forecasts with {level}% intervals", HEIGHT)


def _dated_as(dates: pd.DatetimeIndex, own: str | None, alias: str | None) -> pd.DatetimeIndex:
    """A version's dates as the chart's frequency `alias` dates the same periods (named alike by period_labels):
    its month ends (ME) at the chart's month starts (MS), so the lines overlay by period."""
    if not own or not alias or own == alias or not len(dates):
        return dates
    span = pd.Timedelta(days=400)  # more than a period of any frequency either side
    grid = pd.date_range(dates.min() - span, dates.max() + span, freq=alias)
    by_label = dict(zip(period_labels(grid, alias), grid, strict=True))
    return pd.DatetimeIndex(
        [by_label.get(name, date) for name, date in zip(period_labels(dates, own), dates, strict=True)]
    )


def _pixel(history: pd.Series, variable: str, overlaid: Sequence[OverlaidForecast]) -> float:
    """The values one pixel of the plot's height spans: the range of everything drawn (history, each line from its
    start, each band) over the plot's PLOT_PX. The axis plotly draws spans at least that range, so its pixels are
    no smaller: two lines within half of this are within half a pixel on screen."""
    values = [history.to_numpy(dtype=float)]
    for item in overlaid:
        result = item.forecast
        if result is not None and variable in result.variables:
            j = result.variables.index(variable)
            forecast = result.forecast
            values += [forecast.mean[:, j], forecast.lower[:, j], forecast.upper[:, j], result.lag_inputs[-1:, j]]
    drawn = np.concatenate([np.asarray(v, dtype=float).ravel() for v in values])
    drawn = drawn[np.isfinite(drawn)]
    return float(np.ptp(drawn)) / PLOT_PX if drawn.size else 0.0


def _twin(drawn: list[tuple[str, list[str], np.ndarray]], index: list[str], line: np.ndarray, pixel: float) -> str:
    """What a version's legend entry adds when an earlier version's line lies under its own (`line`: its forecast,
    lower and upper bounds by step): `(same as var 0.0.1)` when the bands cannot be told apart either, `(same line
    as var 0.0.1)` when only the lines cannot; else nothing."""
    for label, periods, seen in drawn:
        if periods == index and seen.shape == line.shape and _alike(seen[0], line[0], pixel):
            return f" (same as {label})" if _alike(seen[1:], line[1:], pixel) else f" (same line as {label})"
    return ""


def _alike(drawn: np.ndarray, line: np.ndarray, pixel: float) -> bool:
    """Equal to within half a pixel of the plot's height (`pixel`): a 2.2 px line drawn that close over another
    covers it whole. Exactly equal ones too (a flat chart has no range; refits of one spec agree to about 1e-15)."""
    return bool(np.allclose(drawn, line, rtol=1e-10, atol=0.5 * pixel))
