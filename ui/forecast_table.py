"""The Forecast page's table of the forecast and its downloads (CSV, JSON), named after what they hold.

They sit in an expander that is drawn only when open: a table is the costliest element the browser
redraws on every change of steps, and most views only need the charts.
"""

from __future__ import annotations

import streamlit as st

from ui import store
from ui.chart_look import export_stem
from ui.layout import tab_per_variable
from ui.tables import forecast_table
from varlib import VersionForecast, Withdrawal, shared_formats, to_json, with_withdrawal

OPEN = "fc_table_open"
WHOLE_UP_TO = 3  # variables whose forecasts and bands fit one table at 1440 px; more get a table each


def show_table(result: VersionForecast, level: int | float, fan: list[int]) -> None:
    """The expander (its title fixed: Streamlit's expander identity includes it, so a title that named the
    level closed an open table on every change of level or fan), and inside it the bands it holds: the chart's
    fan levels when it draws a fan, else `level`."""
    box = st.expander("Forecast table and downloads", key=OPEN, on_change="rerun", icon=":material/table:")
    if not box.open:
        return
    bands = f"the {', '.join(f'{x}%' for x in sorted(fan))} intervals" if fan else f"the {level}% interval"
    with box:
        marks = " A ticked *conditioned* is a value a condition sets, not a forecast." if result.conditions else ""
        st.caption(f"The {result.forecast.point} and {bands} of each variable, by period.{marks}")
        _table(result, level, sorted(fan))


def _table(result: VersionForecast, level: int | float, fan: list[int]) -> None:
    table = forecast_table(result, fan)
    formats = shared_formats(table.select_dtypes("number"), result.variables)  # a `conditioned` mark is no number
    variables = list(result.variables)
    if len(variables) > 1 and (fan or len(variables) > WHOLE_UP_TO):
        for variable, part in tab_per_variable(table, variables):  # its point forecast, then its bounds
            _grid(part, formats, {c: _bare(c, variable, result.forecast.point) for c in part})
    else:
        _grid(table, formats, {})
    stem = export_stem(result, "forecast", level, fan)  # as the charts' images are named
    first, second, _ = st.columns([1, 1, 4])
    first.download_button(
        "Download CSV",
        table.to_csv().encode(),
        f"{stem}.csv",
        "text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    withdrawal = store.withdrawals(result.name).get(result.version) if result.version else None
    second.download_button(
        "Download JSON",
        to_json(forecast_content(result, fan, withdrawal), indent=2).encode(),
        f"{stem}.json",
        "application/json",
        icon=":material/data_object:",
        on_click="ignore",
    )


def _grid(table, formats: dict[str, str], labels: dict[str, str]) -> None:
    config = {
        c: st.column_config.NumberColumn(labels.get(c, c), format=formats[c])
        if c in formats
        else st.column_config.CheckboxColumn(labels.get(c, c), help="The value is a condition, not a forecast.")
        for c in table
    }
    st.dataframe(table, width="stretch", column_config=config)


def _bare(column: str, variable: str, point: str) -> str:
    """A column's header in its variable's own table: `mean`, `lower 80%` (the tab names the variable)."""
    return point if column == variable else column.removeprefix(f"{variable} ")


def forecast_content(result: VersionForecast, fan: list[int], withdrawal: Withdrawal | None = None) -> dict:
    """The JSON download: the CLI's `forecast --json` (the forecast and the version's withdrawal, if any), with
    a fan chart's bands under `fan`."""
    content = with_withdrawal(result.to_dict(), withdrawal)
    if fan:
        bands = result.fan(fan).items()
        content["fan"] = {str(x): {"lower": low.tolist(), "upper": high.tolist()} for x, (low, high) in bands}
    return content
