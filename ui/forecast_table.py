"""The Forecast page's table of the forecast and its downloads (CSV, JSON), named after what they hold."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ui.tables import forecast_table
from varlib import VersionForecast, to_json


def show_table(result: VersionForecast, level: int) -> None:
    st.subheader(f"Forecast table ({result.forecast.point}, {level}% interval)")
    table = forecast_table(result)
    st.dataframe(
        table,
        width="stretch",
        column_config={c: st.column_config.NumberColumn(format=column_format(table[c])) for c in table.columns},
    )
    stem = f"{result.name}-{result.version}-forecast-{result.steps}steps-{level}"
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


def column_format(values: pd.Series, digits: int = 6) -> str:
    """One printf format for a whole column: `digits` significant digits at the column's largest
    magnitude, the same decimals on every row (scientific only for very large or small columns)."""
    finite = [abs(float(x)) for x in values if x == x and math.isfinite(float(x))]
    top = max(finite, default=0.0)
    if top == 0.0:
        return "%.2f"
    exponent = math.floor(math.log10(top))
    if exponent >= 12 or exponent < -4:
        return f"%.{digits - 1}e"
    return f"%.{max(0, digits - 1 - exponent)}f"
