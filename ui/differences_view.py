"""The Forecast page's table of a scenario against its baseline, step by step: per variable the baseline, the
scenario and their difference (absolute and in percent), side by side for two variables, else a tab each."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.forecast_table import CONDITIONED_HELP
from ui.layout import tab_per_variable
from ui.tables import differences_table, period_index
from varlib import VersionForecast, and_list, plural_of, shared_formats

# two variables' differences fit side by side at 1440 px, four columns each and a conditioned one's fifth: nine
SIDE_BY_SIDE, SIDE_COLUMNS = 2, 9


def differences(baseline: VersionForecast, result: VersionForecast, levels=None) -> None:
    """The scenario against the baseline, step by step (only when something was conditioned); `levels`: the
    variables' history, which tells the ones whose difference in percent says nothing (left out, and said so)."""
    if not result.conditions:
        return
    st.subheader("Scenario against the baseline")
    table = differences_table(baseline, result, levels)
    if blank := [v for v in baseline.variables if table[f"{v} difference %"].isna().all()]:
        st.caption(
            f"Δ % is left out for {and_list(blank)}: {plural_of(len(blank), 'its', 'their')} values are not all of one"
            " sign or come near 0, where a difference in percent of the baseline says nothing (the Δ column holds the"
            " difference)."
        )
    table = table.set_axis(period_index(table.index, baseline.frequency))  # named as the hovers name them
    formats = shared_formats(table.select_dtypes("number"), baseline.variables)  # a `conditioned` mark is no number
    if len(baseline.variables) <= SIDE_BY_SIDE and len(table.columns) <= SIDE_COLUMNS:
        _differences_grid(table, formats)
        return
    for _, part in tab_per_variable(table, list(baseline.variables)):  # its baseline, scenario and differences
        _differences_grid(part, formats)


def _differences_grid(table: pd.DataFrame, formats: dict[str, str]) -> None:
    st.dataframe(
        table,
        width="stretch",
        column_config={column: _difference_column(column, formats.get(column)) for column in table},
        placeholder="–",  # a Δ % left out (differences): no percent, as a left-out MAPE shows
    )


def _difference_column(name: str, shared: str | None):
    """A variable's baseline, scenario and difference in one format (`shared`; percentages with two decimals), Δ
    for a column's "difference" ending in the headers (SIDE_COLUMNS fit at 1440 px); its `conditioned` mark ticked."""
    if shared is None:
        return st.column_config.CheckboxColumn(name, help=CONDITIONED_HELP)
    # only the column's ending: a variable named `net difference` keeps its name (`net difference baseline`)
    percent, difference = name.endswith(" difference %"), name.endswith(" difference")
    if not (percent or difference):
        return st.column_config.NumberColumn(name, format=shared)
    label = f"{name.removesuffix(' difference %')} Δ %" if percent else f"{name.removesuffix(' difference')} Δ"
    what = "the scenario minus the baseline" + (", in percent of the baseline" if percent else "")
    return st.column_config.NumberColumn(label, format="%.2f%%" if percent else shared, help=what)
