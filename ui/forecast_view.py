"""The Forecast page's results: the inputs of a forecast (the editor's or a saved scenario's), the charts with a
band or a fan and the overlaid forecasts, the table of differences from the baseline, and the forecast table
with its downloads. Streamlit rendering only; the numbers come from the library."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui import store
from ui.errors import show_error
from ui.figures import recent
from ui.lag_table import lag_inputs
from ui.paths_editor import condition_inputs, exog_inputs
from ui.scenario_figures import Line, scenario_figure
from ui.tables import differences_table, forecast_table
from varlib import (
    Artifact,
    Scenario,
    VarlibError,
    VersionForecast,
    count_changed,
    forecast_artifact,
    forecast_periods,
    forecast_scenario,
    level_to_alpha,
    path_editor_table,
    to_json,
)

BASELINE = "baseline (no conditions)"


def editor_forecast(artifact: Artifact, steps: int, level: int, intervals: str):
    """Lag inputs, exogenous values and conditions from the editor, and the forecasts they give: (lag inputs,
    baseline, forecast, the inputs as make_scenario takes them), or None after saying what to fix."""
    lags = lag_inputs(artifact)
    if lags is None:
        st.info("Fix the lag inputs above to see the forecast.", icon=":material/edit_note:")
        return None
    labels = forecast_periods(artifact, steps, lags)
    exog = exog_inputs(artifact, labels) if artifact.exog else None
    if artifact.exog and exog is None:
        return None
    alpha = level_to_alpha(level)
    try:
        baseline = forecast_artifact(artifact, steps, alpha, lags, intervals, exog)
    except VarlibError as exc:
        show_error(exc)
        return None
    conditions = condition_inputs(artifact, labels, baseline)
    if conditions and intervals != "standard":
        st.info("Conditional forecasts use standard intervals (see the README); showing those.", icon=":material/info:")
        intervals = "standard"
        baseline = forecast_artifact(artifact, steps, alpha, lags, intervals, exog)
    try:
        result = (
            forecast_artifact(artifact, steps, alpha, lags, intervals, exog, conditions) if conditions else baseline
        )
    except VarlibError as exc:
        show_error(exc)
        return None
    own = not count_changed(lags, artifact.default_lag_inputs())  # a scenario then keeps "the version's own"
    inputs = {"steps": steps, "alpha": alpha, "lag_inputs": None if own else lags, "intervals": intervals, "exog": exog}
    return lags, baseline, result, {**inputs, "conditions": conditions}


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
    st.dataframe(shown, width="stretch")
    shown.index = pd.to_datetime(shown.index)  # the charts draw them on the time axis
    for title, values, columns in (
        ("Exogenous values", scenario.exog, list(artifact.exog)),
        ("Conditions", scenario.conditions, artifact.variables),
    ):
        if values:
            st.subheader(title)
            path = pd.DataFrame({k: [np.nan if x is None else x for x in v] for k, v in values.items()})
            st.dataframe(path_editor_table(path, columns, result.index), hide_index=True, width="stretch")
    return shown, baseline, result


def overlays_input(artifact: Artifact, result: VersionForecast, saved: Scenario | None) -> list[str]:
    """Which other forecasts to draw over this one: the baseline and the version's other saved scenarios."""
    others = [s.scenario for s in store.scenarios(artifact.name, artifact.version) if not saved or s != saved]
    default = [BASELINE] if result.conditions else []
    return st.multiselect(
        "Overlay",
        [BASELINE, *others],
        default=default,
        key=f"fc_overlay|{artifact.label}|{saved.scenario if saved else ''}|{bool(result.conditions)}",
        help="Draw the baseline and saved scenarios of this version over the forecast (dashed).",
    )


def charts(artifact, lags, result, baseline, level: int, fan: list[int], overlays: list[str]) -> None:
    """One chart per variable: the band (or the fan), the conditions, the overlaid forecasts."""
    lines = _lines(artifact, baseline, overlays)
    shown = recent(artifact.history, result.steps, artifact.lag_rows)
    if result.forecast.point == "median":
        st.caption(
            f"This model forecasts {'log levels' if artifact.spec.transform == 'log' else 'log differences'}: the"
            " line is the **median** in levels (the exponential of the log forecast), and the bands are exact in"
            " levels."
        )
    bands = result.fan(fan) if fan else {level: (result.forecast.lower, result.forecast.upper)}
    fixed = result.forecast.fixed
    for j, variable in enumerate(artifact.variables):
        fig = scenario_figure(
            variable,
            shown[variable],
            lags[variable],
            result.index,
            result.forecast.mean[:, j],
            {lvl: (low[:, j], high[:, j]) for lvl, (low, high) in bands.items()},
            f"{result.scenario or ('scenario' if result.conditions else 'forecast')} ({result.forecast.point})",
            None if fixed is None else fixed[:, j],
            [Line(line.label, line.dates, line.values[:, j]) for line in lines],
        )
        st.plotly_chart(fig, key=f"chart|{variable}", config={"displaylogo": False})


def differences(baseline: VersionForecast, result: VersionForecast) -> None:
    """The scenario against the baseline, step by step (only when something was conditioned)."""
    if not result.conditions:
        return
    st.subheader("Scenario against the baseline")
    table = differences_table(baseline, result)
    formats = {c: st.column_config.NumberColumn(format="%.2f%%" if c.endswith("%") else "%.6g") for c in table.columns}
    st.dataframe(table, width="stretch", column_config=formats)


def forecast_tables(result: VersionForecast, level: int) -> None:
    """The forecast table with CSV and JSON downloads (the JSON is the CLI's `forecast --json`)."""
    st.subheader(f"Forecast table ({result.forecast.point}, {level}% interval)")
    table = forecast_table(result)
    st.dataframe(
        table, width="stretch", column_config={c: st.column_config.NumberColumn(format="%.6g") for c in table.columns}
    )
    stem = f"{result.name}-{result.version}-{result.scenario or 'forecast'}-{result.steps}steps-{level}"
    first, second, _ = st.columns([1, 1, 4])
    first.download_button(
        "Download CSV",
        table.to_csv().encode(),
        f"{stem}.csv",
        "text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    second.download_button(
        "Download JSON",
        to_json(result.to_dict(), indent=2).encode(),
        f"{stem}.json",
        "application/json",
        icon=":material/data_object:",
        on_click="ignore",
    )


def _lines(artifact: Artifact, baseline: VersionForecast, overlays: list[str]) -> list[Line]:
    saved = {s.scenario: s for s in store.scenarios(artifact.name, artifact.version)}
    lines = []
    for label in overlays:
        if label == BASELINE:
            lines.append(Line(label, baseline.index, baseline.forecast.mean))
        elif label in saved:
            other = forecast_scenario(artifact, saved[label])
            lines.append(Line(label, other.index, other.forecast.mean))
    return lines
