"""Models: every version in the store, newest first, broken ones with their reason, and one version in detail."""

from __future__ import annotations

import streamlit as st

from ui import forecast_link, governance, live, models_table, selection, store, url_state, version_details
from ui.errors import guarded, show_error
from ui.onboarding import render_empty_store
from ui.version_pick import open_page
from varlib import VarlibError

PAGE = "models"


def render() -> None:
    problems = open_page(PAGE, [], model_key="models_name")
    title, button = st.columns([4, 1], vertical_alignment="bottom")
    title.title("Models")
    if button.button(
        "Refresh",
        icon=":material/refresh:",
        width="stretch",
        help=f"Read the store again (lists refresh by themselves every {store.LIST_TTL} s).",
    ):
        store.refresh()
    names = store.model_names()
    if not names:
        render_empty_store()
        return
    if st.session_state.get("models_name") not in names:
        st.session_state["models_name"] = names[0]
    name = st.selectbox("Model", names, key="models_name") if len(names) > 1 else names[0]
    url_state.warn(problems)
    _versions(name)
    governance.render(name)


@live.refresh_every()  # the cached listing expires every LIST_TTL seconds; this redraws it on screen
def _versions(name: str) -> None:
    try:
        _show_versions(name)
    except VarlibError as exc:  # a timed rerun runs this part alone, outside the page's guard
        show_error(exc)


def _show_versions(name: str) -> None:
    entries = store.versions(name)
    withdrawn = store.withdrawals(name)
    ok = sum(entry.ok for entry in entries)
    st.caption(
        f"**{name}**: {len(entries)} version(s), {ok} usable"
        + (f", {len(withdrawn)} withdrawn" if withdrawn else "")
        + ", newest first. A cut cell shows its whole text when double-clicked."
    )
    models_table.render(entries, withdrawn)
    broken = [entry for entry in entries if not entry.ok]
    if broken:
        st.warning(
            f"{len(broken)} object(s) cannot be used; each row's status says why. They are listed, never loaded.",
            icon=":material/warning:",
        )
    st.subheader("Details")
    labels = [entry.label for entry in entries]
    key = f"models_version|{name}"
    wanted = url_state.take_pending_version(PAGE)
    if wanted in labels:
        st.session_state[key] = wanted
    elif wanted is not None:
        st.warning(f"The link asked for version {wanted!r} of {name!r}, which is not in the store.")
    if st.session_state.get(key) not in labels:
        st.session_state[key] = labels[0]
    label = st.selectbox("Version", labels, key=key)
    entry = next(e for e in entries if e.label == label)
    url_state.write(PAGE, {"model": name, "version": label})
    if entry.ok:
        selection.share(PAGE, name, label, label)
    governance.warn_if_withdrawn(name, entry.version, withdrawn)
    if entry.ok:
        st.page_link(
            forecast_link.forecast_page(),
            label=f"Forecast with {name} {label}",
            icon=":material/show_chart:",
            query_params={"model": name, "version": label},
        )
        try:
            artifact = store.load(name, entry.version)
        except VarlibError as exc:
            show_error(exc)
            version_details.render_entry(entry)
            return
        version_details.render(artifact)
    else:
        st.error(f"**{label}** cannot be used: {entry.status}", icon=":material/error:")
        version_details.render_entry(entry)


guarded(render)
