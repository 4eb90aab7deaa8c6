"""The Forecast page's scenario results: the forecasts of the editor's inputs (or of a saved scenario) with
their baseline, the charts with a band or a fan and the overlaid forecasts, and the table of differences from
the baseline. Streamlit rendering only; the numbers come from the library."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui import presentation, scenario_gone, store
from ui.chart_look import Look, accessible_name, export_config, plot
from ui.errors import FORECAST_WAITS, show_error
from ui.figures import forecast_figure, recent
from ui.forecast_table import file_stem
from ui.layout import chart_cells
from ui.literal import library_text
from ui.paths_editor import condition_inputs, exog_inputs
from ui.scenario_figures import Line, scenario_figure
from ui.tables import period_index
from varlib import (
    Artifact,
    Scenario,
    VarlibError,
    VersionForecast,
    forecast_artifact,
    forecast_periods,
    forecast_scenario,
    level_to_alpha,
    path_editor_table,
    shortened,
)

BASELINE = "baseline (no conditions)"
EXPORT = "fc_export"
GRID_NAME_CHARS = 24  # of a model name in a presentation grid's subtitles: with its version and interval, two lines


def editor_forecast(
    artifact: Artifact,
    lags: pd.DataFrame | None,
    edited: bool,
    steps: int,
    level: int,
    intervals: str,
    present: bool = False,
):
    """The exogenous values and conditions of the editor (under the lag inputs) and the forecasts they give:
    (baseline, forecast, the inputs as make_scenario takes them), or None after saying what to fix. `edited`:
    the lag inputs differ from the version's own (a scenario of unedited ones keeps "the version's own");
    `present`: a presentation (the editor says that saving needs the mode off).
    With lag inputs to fix (None) the editors stay, dated from the training data's end, so what is typed in
    them can be seen and changed meanwhile; nothing is forecast."""
    labels = forecast_periods(artifact, steps, lags)
    exog = exog_inputs(artifact, labels) if artifact.exog else None
    if lags is None:
        condition_inputs(artifact, labels, None, present)
        return None
    alpha = level_to_alpha(level)
    baseline = None
    if exog is not None or not artifact.exog:
        try:
            baseline = forecast_artifact(artifact, steps, alpha, lags, intervals, exog)
        except VarlibError as exc:
            show_error(exc, advice=FORECAST_WAITS)
    # the conditions editor stays with an exogenous value to fix: both are named at once, and both can be fixed
    conditions = condition_inputs(artifact, labels, baseline, present)
    if conditions is None or baseline is None:  # refused, and said why: no forecast that would look like one
        return None
    if conditions and intervals != "standard":  # the Intervals control shows it (ui.interval_control)
        intervals = "standard"
        baseline = forecast_artifact(artifact, steps, alpha, lags, intervals, exog)
    try:
        result = (
            forecast_artifact(artifact, steps, alpha, lags, intervals, exog, conditions) if conditions else baseline
        )
    except VarlibError as exc:
        show_error(exc, advice=FORECAST_WAITS)
        return None
    lag_inputs = lags if edited else None
    inputs = {"steps": steps, "alpha": alpha, "lag_inputs": lag_inputs, "intervals": intervals, "exog": exog}
    return baseline, result, {**inputs, "conditions": conditions or None}


def saved_forecast(artifact: Artifact, scenario: Scenario):
    """A saved scenario's forecast and its baseline (the same inputs without the conditions), its inputs shown
    read-only: (lag inputs, baseline, forecast)."""
    result = forecast_scenario(artifact, scenario)
    lags = scenario.lag_inputs(artifact.variables)
    baseline = forecast_artifact(
        artifact, scenario.steps, scenario.alpha, lags, scenario.intervals, scenario.exog or None
    )
    shown = pd.DataFrame(result.lag_inputs, columns=artifact.variables, index=pd.Index(result.lag_index, name="date"))
    st.subheader("Lag inputs")
    st.caption(
        "Saved with the scenario." if scenario.lag_values is not None else "The version's own last observations."
    )
    st.dataframe(shown.set_axis(period_index(shown.index, artifact.data.frequency)), width="stretch")  # as hovers
    shown.index = pd.to_datetime(shown.index)  # the charts draw them on the time axis
    for title, values, columns in (
        ("Exogenous values", scenario.exog, list(artifact.exog)),
        ("Conditions", scenario.conditions, artifact.variables),
    ):
        if values:
            st.subheader(title)
            path = pd.DataFrame({k: [np.nan if x is None else x for x in v] for k, v in values.items()})
            table = path_editor_table(path, columns, result.index)
            named = period_index(table["date"], artifact.data.frequency)  # read-only: named as the hovers do
            table = table.assign(date=list(named)).rename(columns={"date": named.name})
            st.dataframe(table, hide_index=True, width="stretch", placeholder="")  # empty: free, as in the editor
    return shown, baseline, result


def overlays_input(artifact: Artifact, result: VersionForecast, saved: Scenario | None, present: bool) -> list[str]:
    """Which other forecasts to draw over this one: the baseline and the version's other saved scenarios. The
    picker is shown only when it offers something (without conditions the baseline is this forecast), and in a
    presentation only for a conditioned forecast, whose baseline it then draws."""
    if present and not result.conditions:
        return []
    key = f"fc_overlay|{artifact.label}|{saved.scenario if saved else ''}|{bool(result.conditions)}"
    # the listing is cached, so one deleted elsewhere since would still be drawn: asked first, and said once (the
    # picker then drops it from its value, as it is no longer an option)
    held = [label for label in st.session_state.get(key) or [] if label != BASELINE]
    for notice in scenario_gone.overlays_gone(artifact, held):
        st.warning(notice, icon=":material/delete:")
    others = [s.scenario for s in store.scenarios(artifact.name, artifact.version) if not saved or s != saved]
    if not others and not result.conditions:
        return []
    return st.multiselect(
        "Overlay",
        [BASELINE, *others],
        default=[BASELINE] if result.conditions else [],
        key=key,
        help="Draw the baseline and saved scenarios of this version over the forecast (dashed).",
    )


def charts(
    artifact,
    lags,
    result,
    baseline,
    level: int,
    fan: list[int],
    overlays: list[str],
    present,
    layout,
    edited=False,
    exog_edited=False,
) -> None:
    """One chart per variable: the band (or the fan), the conditions, the overlaid forecasts. `edited`: the lag
    inputs are not the version's own, `exog_edited`: nor the exogenous values the editor's start, which the
    images' file names say (as the table's downloads do)."""
    shown = recent(artifact.history, result.steps, artifact.lag_rows)
    intervals = result.forecast.intervals
    if result.forecast.point == "median" and not present:
        st.caption(
            f"This model forecasts {'log levels' if artifact.spec.transform == 'log' else 'log differences'}: the"
            " line is the **median** in levels (the exponential of the log forecast), and the bands are exact in"
            " levels."
        )
    notes = [("warning", far) for far in result.warnings()]  # in a presentation too: a value in the wrong unit
    if present and notes:  # would pass for a forecast; folded there, so that the window keeps the first chart
        notes = [("folded", presentation.fold([far for _, far in notes]))]
    else:
        for _, far in notes:
            st.warning(library_text(far), icon=":material/warning:")
    if present and result.exog is not None:  # the editor that shows them is folded away: say what was assumed
        notes.append(("caption", f"Exogenous values: {exog_summary(result)}."))
        st.caption(library_text(notes[-1][1]))  # their names as typed
    what = f"scenario {result.scenario}" if result.scenario else "scenario" if result.conditions else ""
    # a log model's line is the median in levels: the subtitle says so where the caption is not (presentation
    # mode, an exported image)
    point = "median in levels" if result.forecast.point == "median" else result.forecast.point
    grid = present and layout == "grid" and len(artifact.variables) > 1
    drawn = f"{' · ' + what if what else ''} · {point} with" + (
        f" {', '.join(f'{x}%' for x in fan) if fan else f'{level}%'} {intervals} interval{'s' if fan else ''}"
    )
    whole = f"{artifact.name} {artifact.version}{drawn}"
    # a grid's cells share a window's height two rows at a time: a model name of up to 63 characters took a third
    # line of each subtitle there and left the plots a strip; it is shortened by its middle (its start and end tell
    # names apart), and stays whole in the accessible name and the exported files' names
    look = Look(
        subtitle=f"{shortened(artifact.name, GRID_NAME_CHARS)} {artifact.version}{drawn}" if grid else whole,
        theme=presentation.theme(),
        present=present,
        alias=artifact.data.frequency,
        grid=grid,
    )
    lines = _lines(artifact, baseline, overlays)
    bands = result.fan(fan) if fan else {level: (result.forecast.lower, result.forecast.upper)}
    plain = not fan and not result.conditions and not lines
    count = len(artifact.variables)
    fixed, height = result.forecast.fixed, presentation.chart_height(present, layout, count)
    per_row = presentation.columns_for(present, layout, count)
    image_format = "svg" if st.session_state.get(EXPORT) == "SVG" else "png"
    cells = chart_cells(count, per_row)
    figures = []
    for j, variable in enumerate(artifact.variables):
        mean, history, start = result.forecast.mean[:, j], shown[variable], lags[variable]
        if plain:
            low, high = result.forecast.lower[:, j], result.forecast.upper[:, j]
            args = (level, result.forecast.point)
            fig = forecast_figure(
                variable, history, start, result.index, mean, low, high, *args, height=height, look=look
            )
        else:
            label = f"{result.scenario or ('scenario' if result.conditions else 'forecast')} ({result.forecast.point})"
            fig = scenario_figure(
                variable,
                history,
                start,
                result.index,
                mean,
                {lvl: (low[:, j], high[:, j]) for lvl, (low, high) in bands.items()},
                label,
                None if fixed is None else fixed[:, j],
                [_of(line, j) for line in lines],
                height=height,
                look=look,
            )
        figures.append(fig)
    # whether a low window stacks the grid is the grid's (its longest title, its charts' most needs), and so is
    # how every chart counts its legend's rows: decided chart by chart, a chart whose own legend fitted its cell was
    # counted for one in the window that stacked it (empty room under its plot), or the other way round
    # px: the further lines of the longest title, which a grid's rows make room for
    extra = max((fig.layout.title.text.count("<br>") for fig in figures), default=0) * look.title_line
    cell = height + (extra if height == presentation.GRID_HEIGHT else 0)  # a grid cell's least height
    needs: dict[int, int] = {}  # px a grid's cell needs for its plot, by window width: the most of its charts'
    for fig in figures if grid else ():
        needs = {w: max(needs.get(w, 0), px) for w, px in presentation.cell_needs(fig, look).items()}
    noted = [*presentation.noted_above(), *notes]
    stacks = bool(needs) and presentation.stacks(needs, cell, noted)
    for j, (variable, fig) in enumerate(zip(artifact.variables, figures, strict=True)):
        presentation.fit_legend(fig, look, stacks=stacks)
        stem = file_stem(result, variable, level, fan, edited, exog_edited)
        where = cells[j]  # presented, a container as high as the window (ui.presentation)
        if present:
            where = where.container(key=presentation.screen_key(layout, count, j), height=height, border=False)
        alt = accessible_name(fig, whole) if grid else None  # the model named whole
        plot(where, fig, key=f"chart|{variable}", config=export_config(stem, image_format), name=alt, stretch=present)
    if present:  # the notes above: their room; a grid too low for its cells: stacked
        st.html(presentation.screen_css(extra, noted, needs, cell))


def exog_summary(result: VersionForecast) -> str:
    """A VARX forecast's exogenous values in a few words: `unemp 9.6 held flat`, or their range as given."""
    parts = []
    for j, name in enumerate(result.exog_names):
        path = result.exog[:, j]
        flat = bool(np.all(path == path[0]))
        given = f"{name} as given, ranging from {path.min():g} to {path.max():g}"  # not steps 1 to 2: its values
        parts.append(f"{name} {path[0]:g} held flat" if flat else given)
    return ", ".join(parts)


def _lines(artifact: Artifact, baseline: VersionForecast, overlays: list[str]) -> list[Line]:
    saved = {s.scenario: s for s in store.scenarios(artifact.name, artifact.version)}
    lines = []
    for label in overlays:
        if label == BASELINE:
            lines.append(Line(label, baseline.index, baseline.forecast.mean))
        elif label in saved:
            other = forecast_scenario(artifact, saved[label])
            lines.append(Line(label, other.index, other.forecast.mean, other.forecast.fixed))
    return lines


def _of(line: Line, j: int) -> Line:
    """An overlaid forecast's line and conditions of the `j`th variable."""
    held = None if line.conditioned is None else line.conditioned[:, j]
    return Line(line.label, line.dates, line.values[:, j], held)
