"""The model and version a person is looking at, carried from page to page.

Each page has its own pickers (their keys differ, so a page keeps its other settings), but what
was last chosen on any page is the selection: a page opened afterwards starts from it. A link
(`?model=&version=`) is applied after this, so it wins over what the session chose before.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

SHARED = "_selection"


def _seen(page: str) -> str:
    return f"_selection_seen|{page}"


def _fallback(page: str) -> str:
    return f"_selection_fallback|{page}"


def follow(page: str, model_key: str, version_key: Callable[[str], str]) -> None:
    """Start the page's pickers from the selection made on another page since this page last ran."""
    shared = st.session_state.get(SHARED)
    if shared is None or st.session_state.get(_seen(page)) == shared:
        return
    model, label, version = shared
    st.session_state[model_key] = model
    st.session_state[version_key(model)] = label
    st.session_state[_fallback(page)] = version  # when the page does not offer the label (an alias)
    st.session_state[_seen(page)] = shared


def fallback(page: str) -> str | None:
    """The concrete version behind the selection's label, for a page that does not offer that label."""
    return st.session_state.pop(_fallback(page), None)


def share(page: str, model: str, label: str, version: str) -> None:
    """Record what this page shows (`label` as picked: latest, @alias or M.m.p; `version` resolved)."""
    shared = (model, label, version)
    st.session_state[SHARED] = shared
    st.session_state[_seen(page)] = shared


DEFAULT_MODEL = "var"  # what the bundled data is published as (ui.onboarding); every page's picker starts there


def default_model(names: list[str]) -> str:
    """The model a page starts at when nothing was chosen yet: `var` when the store has it, else the first."""
    return DEFAULT_MODEL if DEFAULT_MODEL in names else names[0]
