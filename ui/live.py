"""What keeps an open page current: a timed fragment that notices new publications.

Listings are cached for store.LIST_TTL seconds, so an idle page would otherwise never show a
version published meanwhile. Every LIST_TTL seconds the fragment asks the Registry what `latest`
is (one small read). A page showing `latest` then reruns with the new version; a page showing a
pinned version says that a version newer than the page's `latest` when it opened exists, and offers it
(a newer one that was already there when the page opened is in the version picker, not news).

The offer is drawn by the page, not by the timed fragment: a click on a button that a timer redraws
every few seconds can land while the fragment is rerunning and be lost. So the fragment only
records the newer version and reruns the page once; the page draws the notice and the button.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import store
from varlib import VarlibError, Version

LATEST_SEEN = "_live_latest_seen"
OPENED_WITH = "_live_opened_with"  # (name, pinned version shown, `latest` when the page opened on it)
NEWER_SEEN = "_live_newer_seen"


def watch_latest(
    name: str,
    shown: Version,
    newest: Version | None,
    following_latest: bool,
    on_newer: Callable[[str], None] | None = None,
) -> None:
    """Rerun (following `latest`) or offer the newer version (pinned) when `name` gets one newer than `shown`
    and, pinned, newer than `newest` (`latest` as this run resolved it) was when the page opened on `shown`."""
    st.session_state[LATEST_SEEN] = (name, str(shown))
    known = shown
    if following_latest:
        st.session_state.pop(OPENED_WITH, None)  # a later pinned view starts from the `latest` of its own opening
    else:
        opened = st.session_state.get(OPENED_WITH)
        if opened is None or opened[:2] != (name, shown):
            st.session_state[OPENED_WITH] = opened = (name, shown, newest)
        known = shown if opened[2] is None else max(shown, opened[2])  # None: every usable version withdrawn
        _offer_newer(name, shown, on_newer)
    in_page_run = [True]  # the page run that draws this has just resolved `latest` itself

    @st.fragment(run_every=store.LIST_TTL)
    def _check() -> None:
        if in_page_run[0]:
            in_page_run[0] = False
            return
        if st.session_state.get(LATEST_SEEN) != (name, str(shown)):
            return  # the page moved on; a rerun of the whole page redraws this
        try:
            now = store.latest(name)
        except VarlibError:
            return  # the page itself reports store failures; a notice is no place for them
        if now == known or (now < known and not following_latest):
            if _offered(name, shown):  # the offered version was withdrawn meanwhile: take the offer back
                del st.session_state[NEWER_SEEN]
                st.rerun()
            return  # (a page following `latest` also follows it back, when its version is withdrawn)
        if not following_latest and st.session_state.get(NEWER_SEEN) == (name, str(shown), str(now)):
            return  # already offered by the page
        store.refresh()  # the pickers must list the new version too
        st.session_state[NEWER_SEEN] = (name, str(shown), str(now))
        st.rerun()  # the whole page: with the new version (following `latest`) or with the offer

    _check()


def _offer_newer(name: str, shown: Version, on_newer: Callable[[str], None] | None) -> None:
    if not _offered(name, shown):
        return
    newest = st.session_state[NEWER_SEEN][2]
    st.info(f"{name} {newest} has been published since this page opened.", icon=":material/new_releases:")
    if on_newer is not None:
        st.button(
            f"Show {name} {newest}",
            key=f"live_show|{name}|{newest}",
            on_click=on_newer,
            args=(newest,),
            icon=":material/update:",
        )


def _offered(name: str, shown: Version) -> bool:
    seen = st.session_state.get(NEWER_SEEN)
    return seen is not None and seen[:2] == (name, str(shown))


def refresh_every(seconds: int = store.LIST_TTL):
    """A decorator for a page section that re-reads its (cached) listing on a timer."""
    return st.fragment(run_every=seconds)
