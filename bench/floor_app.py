"""The framework's floor for the browser benchmark: the smallest Streamlit app that does what the
dashboard's measured interactions do, on the same Streamlit version.

Two pages (so opening a page has a floor too), each with one number input and one plotly chart whose
line has `steps + 1` points, like a forecast. A third page holds the floor of a lag-cell edit: a
two-row editable table (a disabled date column, then a value) whose newest value starts the chart's
line. Its edits reach the server the way the dashboard's do: Streamlit's table editor holds each edit
for 150 ms before sending it, in case more cells change. `streamlit run bench/floor_app.py`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")


def _chart(key: str, steps: int, y) -> None:
    figure = go.Figure(go.Scatter(x=list(range(steps + 1)), y=y, name="forecast (mean)"))
    st.plotly_chart(figure, key=key)


def _page(title: str) -> None:
    st.title(title)
    steps = int(st.number_input("Steps", min_value=1, max_value=200, value=8, key=f"steps-{title}"))
    _chart(f"chart-{title}", steps, np.cumsum(np.ones(steps + 1)))


def first() -> None:
    _page("Floor one")


def second() -> None:
    _page("Floor two")


def table() -> None:
    st.title("Floor table")
    rows = pd.DataFrame({"date": ["2009-04-01", "2009-07-01"], "value": ["12901.504", "12990.341"]})
    edited = st.data_editor(rows, key="cells", hide_index=True, disabled=["date"], width="stretch")
    try:
        start = float(edited["value"].iloc[-1])
    except ValueError:
        start = 0.0
    _chart("chart-table", 8, [start + step for step in range(9)])  # a list: the bench reads its first value


pages = [st.Page(first, title="Floor one", default=True), st.Page(second, title="Floor two")]
st.navigation([*pages, st.Page(table, title="Floor table")]).run()
