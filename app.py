"""The dashboard's entrypoint: page set-up, navigation and a sidebar naming the store in use.

Run with `make run` (or `streamlit run app.py`). Add a page by appending to PAGES.
"""

from __future__ import annotations

import streamlit as st

from ui import store  # noqa: E402
from ui.errors import explain  # noqa: E402
from varlib.errors import VarlibError  # noqa: E402

st.set_page_config(page_title="VAR forecasts", page_icon=":material/query_stats:", layout="wide")

PAGES = [
    st.Page("pages/forecast.py", title="Forecast", icon=":material/show_chart:", default=True),
    st.Page("pages/models.py", title="Models", icon=":material/inventory_2:"),
    st.Page("pages/train.py", title="Train & publish", icon=":material/model_training:"),
    st.Page("pages/diagnostics.py", title="Diagnostics", icon=":material/troubleshoot:"),
    st.Page("pages/backtest.py", title="Backtest", icon=":material/history:"),
    st.Page("pages/compare.py", title="Compare versions", icon=":material/compare_arrows:"),
]


def render_sidebar() -> None:
    """Which store this dashboard reads, whether it answers, and whether it may publish."""
    with st.sidebar:
        st.caption("Model store")
        try:
            settings = store.settings()
        except VarlibError as exc:  # a bad environment variable: the pages show the same error
            st.error(explain(exc))
            return
        st.text(store.describe(settings))  # plain text: markdown would turn the endpoint into a link
        try:
            store.check(settings)
        except VarlibError as exc:
            st.markdown(":red-badge[:material/cloud_off: unreachable]")
            st.error(str(exc))
        else:
            badges = ":green-badge[:material/check_circle: reachable]"
            if settings.read_only:
                badges += " :orange-badge[:material/lock: read-only]"
            st.markdown(badges)


navigation = st.navigation(PAGES)
render_sidebar()
navigation.run()
