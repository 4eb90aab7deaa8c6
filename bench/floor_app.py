"""The framework's floor for the browser benchmark: the smallest Streamlit app that does what the
dashboard's measured interactions do, on the same Streamlit version.

Two pages (so opening a page has a floor too), each with one number input and one plotly chart whose
line has `steps + 1` points, like a forecast. `streamlit run bench/floor_app.py`.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")


def _page(title: str) -> None:
    st.title(title)
    steps = int(st.number_input("Steps", min_value=1, max_value=200, value=8, key=f"steps-{title}"))
    y = np.cumsum(np.ones(steps + 1))
    figure = go.Figure(go.Scatter(x=list(range(steps + 1)), y=y, name="forecast (mean)"))
    st.plotly_chart(figure, key=f"chart-{title}")


def first() -> None:
    _page("Floor one")


def second() -> None:
    _page("Floor two")


st.navigation([st.Page(first, title="Floor one", default=True), st.Page(second, title="Floor two")]).run()
