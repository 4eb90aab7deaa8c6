"""What keeps an open page current: a timed fragment that notices new publications.

Listings are cached for store.LIST_TTL seconds, so an idle page would otherwise never show a
version published meanwhile. Every LIST_TTL seconds the fragment asks the Registry what `latest`
is (one small read). A page showing `latest` then reruns with the new version; a page showing a
pinned version says that a newer one exists and offers it.
"""

from __future__ import annotations

import streamlit as st

from ui import store
from varlib import VarlibError, Version

LATEST_SEEN = "_live_latest_seen"


def watch_latest(name: str, shown: Version, following_latest: bool, on_newer=None) -> None:
    """Rerun (following `latest`) or show a badge (pinned) when `name` gets a version newer than `shown`."""
    st.session_state[LATEST_SEEN] = (name, str(shown))
    in_page_run = [True]  # the page run that draws this has just resolved `latest` itself

    @st.fragment(run_every=store.LIST_TTL)
    def _check() -> None:
        if in_page_run[0]:
            in_page_run[0] = False
            return
        if st.session_state.get(LATEST_SEEN) != (name, str(shown)):
            return  # the page moved on; a rerun of the whole page redraws this
        try:
            newest = store.latest(name)
        except VarlibError:
            return  # the page itself reports store failures; a badge is no place for them
        if newest == shown or (newest < shown and not following_latest):
            return  # (a page following `latest` also follows it back, when its version is withdrawn)
        store.refresh()  # the pickers must list the new version too
        if following_latest:
            st.rerun()  # the whole page, now with the new version
        st.info(f"{name} {newest} has been published since this page opened.", icon=":material/new_releases:")
        # A click reruns this fragment only: the callback sets the page's state, then the whole page reruns.
        if on_newer is not None and st.button(
            f"Show {name} {newest}",
            key=f"live_show|{name}|{newest}",
            on_click=on_newer,
            args=(str(newest),),
            icon=":material/update:",
        ):
            st.rerun()

    _check()


def refresh_every(seconds: int = store.LIST_TTL):
    """A decorator for a page section that re-reads its (cached) listing on a timer."""
    return st.fragment(run_every=seconds)
