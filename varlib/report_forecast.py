"""The report's forecast and impulse-response sections.

The forecast: one chart per variable (recent history, the forecast from the last observation on,
its interval band, or a fan of bands at several levels, and a scenario's conditions) and the table of
every step, labelled by period (2009Q4). The impulse responses:
the kind (orthogonalised or plain) and horizon the caller asked for, as a k x k grid of small charts
with their asymptotic bands and a table, so a report says what the Diagnostics page showed. Each table is also
written split for print (`printable`), shown only there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from .artifact import Artifact
from .data.frequency import period_labels
from .diagnostics import Diagnostics
from .number_format import format_column, format_number, shared_formats
from .panel_names import grid_names
from .report_svg import PAD_LEFT, PAD_RIGHT, Band, Line, chart, chart_number
from .scenario import Scenario
from .service import VersionForecast
from .title_font import title_width
from .wording import counted, utc_time

# Bands as on the dashboard's light theme: they stand out from the white page by a contrast of at least 1.4,
# the line from its band by at least 2 (tests/app/test_presentation.py).
HISTORY, FORECAST, FORECAST_BAND = "#7f8c9b", "#e4572e", "rgba(228, 87, 46, 0.3)"
FAN_ALPHA = 0.12
FAN_LAYER = f"rgba(228, 87, 46, {FAN_ALPHA})"  # a fan's layers overlap, so the centre is darkest
RESPONSE, RESPONSE_BAND = "#2e86de", "rgba(46, 134, 222, 0.3)"
Table = Callable[..., str]  # the report's table renderer (one number format per column)
# Paper cannot scroll a wide table sideways: printed, a table is split into tables no wider than this, what A4 or
# Letter portrait leaves between margins of 2.5 cm (600 px at 96 an inch), with some to spare for the estimate.
PRINT_WIDTH = 560
PRINT_CHAR, PRINT_CELL = 7.6, 14  # px of a digit at the print tables' 9pt (DejaVu's, the widest), of padding
PANEL_WIDTH = 250  # an impulse-response panel: two side by side on a printed page


def labels_of(dates, alias: str | None) -> list[str]:
    """Period names of dates (2009Q4); relative steps (`+1`) and other text as they are."""
    values = [str(d) for d in dates]
    if not values or values[0].startswith("+"):
        return values
    try:
        return period_labels(values, alias)
    except (ValueError, TypeError):
        return values


def forecast_section(
    artifact: Artifact,
    forecast: VersionForecast,
    table: Table,
    fan: Sequence[float] = (),
    scenario: Scenario | None = None,
) -> list[str]:
    """A chart per variable and the table of the forecast, with its level (or the levels of a fan), kind and
    starting point; a scenario's name, notes, who saved it, its conditions (rings, zero width) and exogenous
    values are said, the paths in a table."""
    result, alias = forecast.forecast, artifact.data.frequency
    levels = sorted(fan) if fan else [(1 - result.alpha) * 100]
    level = ", ".join(f"{x:g}%" for x in levels)
    history = artifact.history.iloc[-max(40, 3 * forecast.steps, 4 * artifact.lag_rows) :]
    past, ahead = labels_of(artifact.data.dates[-len(history) :], alias), labels_of(forecast.index, alias)
    point = "median" if result.point == "median" else "mean"
    own = np.array_equal(forecast.lag_inputs, artifact.data.values[-artifact.lag_rows :])
    start_from = (
        f"the version's own last {counted(artifact.lag_rows, 'observation')} (ending {html.escape(past[-1])})"
        if own
        else f"{counted(len(forecast.lag_inputs), 'given lag input row')}, drawn from the last one"
    )
    parts = [
        f"<h2>{'Scenario ' + html.escape(forecast.scenario) if forecast.scenario else 'Forecast'}:"
        f" {counted(forecast.steps, 'step')}, {level} {'fan' if fan else 'intervals'}</h2>",
        # printed, kept with the chart below it (a page ended on the heading and this, the chart on the next)
        f"<p class='keep'>From {start_from}, {html.escape(result.intervals)} intervals. The line is the {point} in"
        " levels"
        + (" (the model is fitted on logs, so the median of the level)" if point == "median" else "")
        + ". Hover a point for its value and interval.</p>",
        *_scenario_notes(forecast, scenario),
        *_paths_table(forecast, table, labels_of(forecast.index, alias)),
    ]
    bands = {x: forecast.band(x) for x in levels} if fan else {levels[0]: (result.lower, result.upper)}
    columns: dict[str, np.ndarray] = {}
    groups: list[list[list[str]]] = []  # printed, a table per variable: its point, then each level's two bounds
    for j, variable in enumerate(forecast.variables):
        columns[f"{variable} {point}"] = result.mean[:, j]
        groups.append([[f"{variable} {point}"]])
        for x in levels:
            low, high = bands[x]
            prefix = f"{variable} {x:g}% " if fan else f"{variable} "
            columns[f"{prefix}lower"], columns[f"{prefix}upper"] = low[:, j], high[:, j]
            groups[-1].append([f"{prefix}lower", f"{prefix}upper"])
    # one format per variable across its point and bounds, the Forecast page table's (and the hover notes')
    formats = shared_formats(columns, forecast.variables)
    fixed = result.fixed
    for j, variable in enumerate(forecast.variables):
        last = float(forecast.lag_inputs[-1, j])  # where the forecast starts (the last lag input)
        mean = result.mean[:, j].tolist()
        widest_low, widest_high = bands[levels[-1]][0][:, j].tolist(), bands[levels[-1]][1][:, j].tolist()
        fmt = formats[f"{variable} {point}"]
        notes = [" (last observation)"] + [
            f" ({levels[-1]:g}%: {chart_number(lo, fmt)} to {chart_number(hi, fmt)})"
            for lo, hi in zip(widest_low, widest_high, strict=True)
        ]
        start = len(past) - 1  # the forecast line and band start at the last observation
        lines = [
            Line("history", history[variable].tolist(), HISTORY, fmt=fmt),  # the point's format: one per variable
            Line(point, [last, *mean], FORECAST, start=start, markers=True, notes=notes, fmt=fmt),
        ]
        if fixed is not None and np.isfinite(fixed[:, j]).any():
            held = [None, *(None if np.isnan(x) else float(x) for x in fixed[:, j])]
            lines.append(Line("condition", held, FORECAST, start=start, connect=False, fmt=fmt))
        colour = FORECAST_BAND if not fan else FAN_LAYER
        layers = [
            Band(
                [last, *bands[x][0][:, j]],
                [last, *bands[x][1][:, j]],
                colour,
                start=start,
                name=f"{x:g}% interval",
                # a layer's legend shows it as drawn: over the wider layers beneath it
                swatch=f"rgba(228, 87, 46, {1 - (1 - FAN_ALPHA) ** (depth + 1):.3f})" if fan else "",
            )
            for depth, x in enumerate(reversed(levels))  # widest first: narrower layers darken the centre
        ]
        parts.append(chart(variable, past + ahead, lines, layers))
    cells = {c: [format_number(v, formats[c]) for v in values] for c, values in columns.items()}
    parts.append(printable(table, pd.DataFrame(cells, index=pd.Index(ahead, name="period")), groups))
    return parts


def printable(table: Table, frame: pd.DataFrame, groups: Sequence[Sequence[Sequence[str]]] = ()) -> str:
    """`frame` as one table on screen (it scrolls sideways), and for print as tables that fit a portrait page, each
    led by the rows' labels: every group of units (a variable's) starts a table, whose units (a point; a level's
    lower and upper bounds) go on while they fit. No groups: each column a unit of one group."""
    groups = groups or [[[c] for c in frame.columns]]

    def width(texts: Sequence[str], header: str) -> float:  # a header wraps at spaces and hyphens, a number never
        words = re.split(r"\s+|(?<=-)", header)
        return PRINT_CELL + PRINT_CHAR * max([len(word) for word in words] + [len(t) for t in texts])

    def texts(column: str) -> list[str]:
        values = frame[column]
        return [str(v) for v in values] if values.dtype == object else format_column(values)

    room = PRINT_WIDTH - width([str(i) for i in frame.index], str(frame.index.name or ""))
    printed = []
    for group in groups:
        chunk: list[str] = []
        used = 0.0
        for unit in group:
            need = sum(width(texts(c), str(c)) for c in unit)
            if chunk and used + need > room:
                printed.append(table(frame[chunk]))
                chunk, used = [], 0.0
            chunk, used = [*chunk, *unit], used + need
        printed.append(table(frame[chunk]))
    return f"<div class='screen'>{table(frame)}</div><div class='print'>{''.join(printed)}</div>"


def _scenario_notes(forecast: VersionForecast, scenario: Scenario | None) -> list[str]:
    saved = []
    if scenario is not None and not scenario.damaged:
        who = f" by {scenario.actor.known_as()}" if scenario.actor else ""
        saved.append(f"<p class='note'>Saved{html.escape(who)} on {html.escape(utc_time(scenario.created_at))}.</p>")
        if scenario.notes:
            saved.append(f"<p>{html.escape(scenario.notes)}</p>")
    notes = []
    held = sorted({c["variable"] for c in forecast.conditions})
    if held:
        notes.append(
            f"conditioned on {html.escape(', '.join(held))} ({counted(len(forecast.conditions), 'value')},"
            " drawn as rings"
            " with zero width): every other value is forecast given them"
        )
    if forecast.exog is not None:
        notes.append(f"exogenous {html.escape(', '.join(forecast.exog_names))} as given for every step")
    text = "; ".join(notes)  # its first letter raised, not the others (variables keep their case)
    return (
        saved
        + ([f"<p class='note'>{text[:1].upper()}{text[1:]}.</p>"] if notes else [])
        + [f"<p class='note'><strong>{html.escape(far)}</strong></p>" for far in forecast.warnings()]
    )


def _paths_table(forecast: VersionForecast, table: Table, periods: list[str]) -> list[str]:
    """The values a scenario fixed, by period: its exogenous path and its conditions (empty where free)."""
    columns: dict[str, list] = {}
    if forecast.exog is not None:
        for j, name in enumerate(forecast.exog_names):
            columns[f"{name} (exogenous)"] = forecast.exog[:, j].tolist()
    for condition in forecast.conditions:
        values = columns.setdefault(f"{condition['variable']} (condition)", [None] * forecast.steps)
        values[condition["step"] - 1] = condition["value"]
    if not columns:
        return []
    frame = pd.DataFrame(columns, index=pd.Index(periods, name="period"))
    return ["<h3>The scenario's given values</h3>", printable(table, frame)]


def irf_section(
    diag: Diagnostics,
    orth: bool,
    table: Table,
    impulses: Sequence[str] = (),
    responses: Sequence[str] = (),
    accumulated: bool = False,
) -> list[str]:
    """Impulse responses of the kind asked for, up to the diagnostics' horizon, charts and table: of every pair of
    variables, or of the `impulses` and `responses` given (as the Diagnostics page draws them); `accumulated`:
    summed over the periods, the levels' responses of a VAR of differences (ignored for any other model)."""
    irf, names = diag.irf, list(diag.variables)
    accumulated = accumulated and diag.level_responses
    rows = [(i, v) for i, v in enumerate(names) if not responses or v in responses]
    cols = [(j, v) for j, v in enumerate(names) if not impulses or v in impulses]
    values = irf.values(orth, accumulated)
    lower, upper = irf.bands(orth, accumulated)
    level = f"{(1 - irf.signif) * 100:g}%"
    # as the Diagnostics page titles its chart: "Plain accumulated impulse responses of the log levels"
    kind = ("Orthogonalised" if orth else "Plain") + (" accumulated" if accumulated else "")
    of_levels = f" of the {diag.summed_levels}" if accumulated else ""
    how = (
        "Responses to a one-standard-deviation shock, orthogonalised by the Cholesky factor of the residual"
        f" covariance in the variables' order ({', '.join(names)}: a shock to one moves those after it at once)"
        if orth
        else "Responses to a unit shock in one equation's residual (not orthogonalised: shocks may be correlated)"
    )
    steps = [f"h={h}" for h in range(irf.periods + 1)]
    room = PANEL_WIDTH - PAD_LEFT - PAD_RIGHT  # a title line's px, of the 12 px bold title font
    whole = all(title_width(f"{names[j]} → {names[i]}", 12, "report") <= room for i, _ in rows for j, _ in cols)
    arrow = title_width(" →", 12, "report")  # after the impulse's name
    # paper has no hover: the key below names them whole
    short = names if whole else grid_names(names, 0, 1, width=room - arrow, size=12, font="report")
    charts = [
        chart(
            f"{impulse} → {response}",
            steps,
            [Line("response", values[:, i, j].tolist(), RESPONSE)],
            Band(lower[:, i, j].tolist(), upper[:, i, j].tolist(), RESPONSE_BAND),  # no legend: too small
            width=PANEL_WIDTH,
            height=170,
            zero_line=True,
            # every panel's title the same lines high, so that a row's plots line up
            shown=[f"{short[j]} → {short[i]}"] if whole else [f"{short[j]} →", short[i]],
        )
        for i, response in rows
        for j, impulse in cols
    ]
    drawn = {v for _, v in rows} | {v for _, v in cols}
    key = [f"{html.escape(s)} = {html.escape(n)}" for s, n in zip(short, names, strict=True) if s != n and n in drawn]
    pairs = [(i, response, j, impulse) for i, response in rows for j, impulse in cols]
    frame = pd.DataFrame(
        {f"{impulse} → {response}": values[:, i, j] for i, response, j, impulse in pairs},
        index=pd.Index(range(irf.periods + 1), name="h"),
    )
    return [
        f"<h2>{kind} impulse responses{of_levels}, horizon {irf.periods}</h2>",
        f"<p class='keep'>{html.escape(how)}, in model space ({html.escape(diag.to_dict()['model_space'])})"
        + (f", summed over the periods: the responses of the {diag.summed_levels}" if accumulated else "")
        + f", with {level}"
        " asymptotic bands. Each panel is titled impulse → response, and they run by responding variable: all of"
        " one variable's before the next's"
        # printed, two panels go to a line, so the grid's rows are the page's only on screen
        + "<span class='screen'> (a row of the grid each; columns: the impulse)</span>."
        + ("" if len(pairs) == len(names) ** 2 else f" Shown: {counted(len(pairs), 'pair')} of {len(names) ** 2}.")
        + "</p>",
        f"<div class='grid' style='grid-template-columns:repeat({len(cols)}, {PANEL_WIDTH}px)'>{''.join(charts)}</div>",
        f"<p class='note'>Names shortened in the titles: {'; '.join(key)}.</p>" if key else "",
        printable(table, frame),
    ]
