"""The dashboard's entrypoint: page set-up, sign-in (when configured), navigation and a sidebar naming the
store in use and the user.

Run with `make run` (or `streamlit run app.py`). Add a page by appending to PAGES. The page scripts
live in views/, not pages/: a pages/ folder would switch Streamlit into its older multipage mode.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import auth, live, sign_in_link, store, store_status, theme_follow
from ui.errors import explain
from ui.forecast_link import FORECAST_ID
from varlib import VarlibError

# The tab's icon is a file of the app, which Streamlit inlines: a Material icon name would have every
# viewer's browser fetch the icon from Google's font servers on every page.
ICON = Path(__file__).parent / "ui" / "icon.svg"
st.set_page_config(page_title="VAR forecasts", page_icon=str(ICON), layout="wide")

PAGES = [
    # the default page is served at `/` only; its url_path names it (ui.forecast_link.FORECAST_ID), leaving
    # `/forecast` to the redirect below
    st.Page("views/forecast.py", title="Forecast", icon=":material/show_chart:", default=True, url_path=FORECAST_ID),
    st.Page("views/models.py", title="Models", icon=":material/inventory_2:"),
    st.Page("views/train.py", title="Train & publish", icon=":material/model_training:"),
    st.Page("views/diagnostics.py", title="Diagnostics", icon=":material/troubleshoot:"),
    st.Page("views/backtest.py", title="Backtest", icon=":material/history:"),
    st.Page("views/compare.py", title="Compare versions", icon=":material/compare_arrows:"),
]


def _forecast_by_its_name() -> None:
    """`/forecast`, as the other pages' addresses (/models, /train) suggest: the Forecast page lives at `/`, so go
    there with the address's settings instead of Streamlit's "Page not found" dialog."""
    st.switch_page(PAGES[0], query_params=st.query_params.to_dict())


ROUTES = [*PAGES, st.Page(_forecast_by_its_name, title="Forecast", url_path="forecast", visibility="hidden")]


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
        store_status.render(settings)


try:
    sign_in = auth.current()
except VarlibError as exc:  # a bad role setting (VARLIB_ADMIN_GROUPS set to no group): said, and no page is served
    st.error(explain(exc))
    st.stop()
if not auth.render_gate(sign_in):  # sign-in is configured and this session may not see the pages yet
    auth.render_sidebar(sign_in)
    # a tab whose sign-in ended while it was open would keep its links to the pages in the sidebar
    st.navigation(ROUTES, position="hidden")
    st.stop()
navigation = st.navigation(ROUTES)
if sign_in.configured:
    sign_in_link.open_remembered(ROUTES)  # the shared link the sign-in screen was opened with
render_sidebar()
auth.render_sidebar(sign_in)
theme_follow.follow_theme()  # a switch of theme in the menu redraws the charts in its colours
live.new_run()  # a page run's notices are said on that run, or not at all
navigation.run()
