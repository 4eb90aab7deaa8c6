"""A reference for the browser benchmark: the dashboard's own forecast charts on a bare page.

One number input (Steps) and, for every variable of the benchmark's version, the chart the Forecast
page draws (ui.figures.forecast_figure with the page's look), recomputed on every change. The floor
app has one minimal chart; the dashboard draws one real chart per variable. Timing this page beside
both tells what drawing those charts costs in the framework and what the dashboard adds to it.

`streamlit run bench/charts_app.py` with VARLIB_STORE_DIR naming the benchmark's store and the
project on PYTHONPATH (bench/browser.py sets both).
"""

from __future__ import annotations

import streamlit as st

from ui.chart_look import Look, export_config
from ui.figures import forecast_figure, recent
from varlib import Registry, Settings, forecast_artifact

st.set_page_config(page_title="charts", layout="wide")


@st.cache_resource
def _artifact():
    return Registry.from_settings(Settings.from_env()).load("var", "0.0.1")


def _charts() -> None:
    st.title("Charts")
    steps = int(st.number_input("Steps", min_value=1, max_value=200, value=8, key="steps"))
    artifact = _artifact()
    result = forecast_artifact(artifact, steps, 0.05)
    lags, shown = artifact.default_lag_inputs(), recent(artifact.history, steps, artifact.lag_rows)
    look = Look(subtitle=f"{artifact.label} · mean with 95% standard interval", alias=artifact.data.frequency)
    for j, variable in enumerate(artifact.variables):
        forecast = result.forecast
        figure = forecast_figure(
            variable,
            shown[variable],
            lags[variable],
            result.index,
            forecast.mean[:, j],
            forecast.lower[:, j],
            forecast.upper[:, j],
            95,
            height=360,
            look=look,
        )
        st.plotly_chart(figure, key=f"chart|{variable}", config=export_config(variable))


_charts()
