"""Model and version pickers shared by the Diagnostics, Backtest and Compare pages.

They read the cached listings (ui.store), offer only usable versions, resolve `latest` through the
Registry (so results can be cached per immutable version), and accept a deep link
`?model=var&version=0.0.3` once, when the page is opened with it.
"""

from __future__ import annotations

import streamlit as st

from ui import store
from ui.onboarding import render_empty_store
from varlib import LATEST, Artifact


def pick_model(prefix: str, where=None) -> str | None:
    """A model selectbox (None, with a hint, when the store has no models)."""
    names = store.model_names()
    if not names:
        render_empty_store()
        return None
    key = f"{prefix}_model"
    _apply_link(prefix, names)
    if st.session_state.get(key) not in names:
        st.session_state[key] = "var" if "var" in names else names[0]
    return (where or st).selectbox("Model", names, key=key)


def pick_version(prefix: str, name: str, where=None) -> Artifact | None:
    """One version of `name` ('latest' or a pinned one), loaded; None with a message when none is usable.
    Withdrawn versions are offered only when the person asks for them."""
    asked = bool(store.withdrawals(name)) and (where or st).checkbox(
        "Include withdrawn versions", key=f"{prefix}_withdrawn|{name}", help="They still load when named explicitly."
    )
    entries = store.usable(name, include_withdrawn=asked)
    if not entries:
        st.error(f"Model **{name}** has no usable version; the Models page shows each reason.")
        return None
    key = f"{prefix}_version|{name}"
    options = [LATEST] + [entry.label for entry in entries]
    wanted = st.session_state.pop(f"_{prefix}_link_version", None)
    if wanted in options:
        st.session_state[key] = wanted
    if st.session_state.get(key) not in options:
        st.session_state[key] = LATEST
    newest = store.latest(name)
    label = (where or st).selectbox(
        "Version",
        options,
        key=key,
        format_func=lambda v: f"latest ({newest})" if v == LATEST else v,
        help="Newest first; 'latest' follows new publications.",
    )
    version = newest if label == LATEST else next(e.version for e in entries if e.label == label)
    return store.load(name, version)


def pick_versions(prefix: str, where=None) -> list[Artifact]:
    """Two or more usable versions of any models (default: the two newest of the first model), loaded, in the
    order they were picked."""
    names = store.model_names()
    if not names:
        render_empty_store()
        return []
    entries = {f"{name} {entry.label}": (name, entry.version) for name in names for entry in store.usable(name)}
    key = f"{prefix}_versions"
    if key not in st.session_state or not set(st.session_state[key]) <= set(entries):
        first = "var" if "var" in names else names[0]
        st.session_state[key] = [label for label in entries if label.startswith(f"{first} ")][:2]
    chosen = (where or st).multiselect(
        "Versions", list(entries), key=key, help="Pick two or more versions, of one model or of several."
    )
    # in the order picked: the first one picked is the comparison's reference (its lag inputs are shared)
    return [store.load(*entries[label]) for label in chosen]


def _apply_link(prefix: str, names: list[str]) -> None:
    """Copy ?model=&version= into the pickers once per distinct link."""
    params = {k: v for k, v in st.query_params.to_dict().items() if k in ("model", "version")}
    seen = f"_{prefix}_link_seen"
    if not params or st.session_state.get(seen) == params:
        return
    st.session_state[seen] = params
    if params.get("model") in names:
        st.session_state[f"{prefix}_model"] = params["model"]
    if "version" in params:
        st.session_state[f"_{prefix}_link_version"] = params["version"].strip().replace("_", ".")
