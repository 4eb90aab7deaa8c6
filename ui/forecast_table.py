"""The Forecast page's table of the forecast and its downloads (CSV, JSON), named after what they hold.

The table names its rows by period as the charts' hovers do (2010Q1); the downloads keep ISO dates, for
programs. A forecast from lag inputs other than the version's own (edited, uploaded, from a link) says so in
its files' names (`-edited-lags`) and holds those inputs in its JSON, as the REST request takes them; one from
exogenous values other than the editor's start (typed or uploaded, not saved as a scenario) says so too
(`-edited-exog`), its JSON holding them under `exog`.

They sit in an expander that is drawn only when open: a table is the costliest element the browser
redraws on every change of steps, and most views only need the charts.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import store
from ui.chart_look import export_stem
from ui.layout import tab_per_variable
from ui.spreadsheet_csv import csv_bytes
from ui.tables import forecast_table, period_index
from varlib import VersionForecast, Withdrawal, shared_formats, to_json, with_withdrawal

OPEN = "fc_table_open"
WHOLE_UP_TO = 3  # variables whose forecasts and bands fit one table at 1440 px; more get a table each
EDITED = "-edited-lags"  # ends the name of a file forecast from lag inputs other than the version's own
EDITED_EXOG = "-edited-exog"  # and of one from exogenous values other than the editor's start
CONDITIONED = " A ticked *conditioned* box marks a value that a condition sets, not one the model forecasts."
CONDITIONED_HELP = "The value is a condition, not a forecast."  # a `conditioned` column's header, in every table


def file_stem(
    result: VersionForecast, what: str, level: int | float, fan: list[int], edited: bool, exog_edited: bool = False
) -> str:
    """The name of a forecast's exported files (ui.chart_files.export_stem), marked when the lag inputs are not
    the version's own or the exogenous values not the editor's start: two files of one name never hold different
    numbers."""
    return export_stem(result, what, level, fan, (EDITED if edited else "") + (EDITED_EXOG if exog_edited else ""))


def show_table(
    result: VersionForecast, level: int | float, fan: list[int], edited: bool = False, exog_edited: bool = False
) -> None:
    """The expander (its title fixed: Streamlit's expander identity includes it, so a title that named the
    level closed an open table on every change of level or fan), and inside it the bands it holds: the chart's
    fan levels when it draws a fan, else `level`. `edited`: the lag inputs are not the version's own;
    `exog_edited`: nor the exogenous values the editor's start."""
    box = st.expander("Forecast table and downloads", key=OPEN, on_change="rerun", icon=":material/table:")
    if not box.open:
        return
    bands = f"the {', '.join(f'{x}%' for x in sorted(fan))} intervals" if fan else f"the {level}% interval"
    with box:
        marks = CONDITIONED if result.conditions else ""
        st.caption(f"The {result.forecast.point} and {bands} of each variable, by period.{marks}")
        _table(result, level, sorted(fan), edited, exog_edited)


def _table(result: VersionForecast, level: int | float, fan: list[int], edited: bool, exog_edited: bool) -> None:
    table = forecast_table(result, fan)  # dated in ISO, for the downloads
    shown = table.set_axis(period_index(table.index, result.frequency))  # named as the hovers name them
    formats = shared_formats(table.select_dtypes("number"), result.variables)  # a `conditioned` mark is no number
    variables = list(result.variables)
    if len(variables) > 1 and (fan or len(variables) > WHOLE_UP_TO):
        for variable, part in tab_per_variable(shown, variables):  # its point forecast, then its bounds
            _grid(part, formats, {c: _bare(c, variable, result.forecast.point) for c in part})
    else:
        _grid(shown, formats, {})
    stem = file_stem(result, "forecast", level, fan, edited, exog_edited)  # as the charts' images are named
    first, second, _ = st.columns([1, 1, 4])
    first.download_button(
        "Download CSV",
        csv_bytes(table),
        f"{stem}.csv",
        "text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    withdrawal = store.withdrawals(result.name).get(result.version) if result.version else None
    second.download_button(
        "Download JSON",
        to_json(forecast_content(result, fan, withdrawal, lag_inputs=edited), indent=2).encode(),
        f"{stem}.json",
        "application/json",
        icon=":material/data_object:",
        on_click="ignore",
    )


def _grid(table, formats: dict[str, str], labels: dict[str, str]) -> None:
    config = {
        c: st.column_config.NumberColumn(labels.get(c, c), format=formats[c])
        if c in formats
        else st.column_config.CheckboxColumn(labels.get(c, c), help=CONDITIONED_HELP)
        for c in table
    }
    st.dataframe(table, width="stretch", column_config=config)


def _bare(column: str, variable: str, point: str) -> str:
    """A column's header in its variable's own table: `mean`, `lower 80%` (the tab names the variable)."""
    return point if column == variable else column.removeprefix(f"{variable} ")


def forecast_content(
    result: VersionForecast, fan: list[int], withdrawal: Withdrawal | None = None, lag_inputs: bool = False
) -> dict:
    """The JSON download: the CLI's `forecast --json` (the forecast and the version's withdrawal, if any), with
    a fan chart's bands under `fan`, and with `lag_inputs` (edited or uploaded ones) the lag inputs used as a
    REST request takes them: `lag_inputs` rows oldest first, a value per variable, and their ISO `lag_dates`."""
    content = with_withdrawal(result.to_dict(), withdrawal)
    if fan:
        bands = result.fan(fan).items()
        content["fan"] = {str(x): {"lower": low.tolist(), "upper": high.tolist()} for x, (low, high) in bands}
    if lag_inputs:
        content["lag_inputs"] = result.lag_inputs.tolist()
        dates = list(result.lag_index)
        if len(dates) == len(result.lag_inputs) and not pd.to_datetime(pd.Series(dates), errors="coerce").isna().any():
            content["lag_dates"] = dates
    return content
