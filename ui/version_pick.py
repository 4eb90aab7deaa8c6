"""Model and version pickers shared by the Diagnostics, Backtest, Models and Compare pages.

They read the cached listings (ui.store), offer only usable versions, resolve `latest` through the
Registry (so results can be cached per immutable version), start from the model and version chosen on
any other page (ui.selection), and take `?model=&version=` (and the page's own fields) from a link
(ui.url_state). `open_page` applies both before the widgets render; the pickers report a version a
link asked for that the model does not have. Like the Forecast page's, the pickers keep their values
while another page runs (`persist_state="session"`), so a page comes back as it was left unless the
selection changed elsewhere in between.
"""

from __future__ import annotations

import streamlit as st

from ui import governance, selection, store, url_state
from ui.onboarding import render_empty_store
from varlib import LATEST, Artifact, and_list


def version_key(prefix: str, name: str) -> str:
    return f"{prefix}_version|{name}"


def open_page(prefix: str, fields: list[url_state.Field], model_key: str | None = None) -> list[str]:
    """Before any widget: the selection from other pages, then a link's values; the link's problems."""
    names = store.model_names()
    model_key = model_key or f"{prefix}_model"
    selection.follow(prefix, model_key, lambda name: version_key(prefix, name))
    params = url_state.incoming(prefix, fields, model_key)
    if not params:
        return []
    return url_state.apply_selection(prefix, params, model_key, names) + url_state.apply(prefix, fields, params)


def pick_model(prefix: str, where=None) -> str | None:
    """A model selectbox (None, with a hint, when the store has no models)."""
    names = store.model_names()
    if not names:
        render_empty_store()
        return None
    key = f"{prefix}_model"
    if st.session_state.get(key) not in names:
        st.session_state[key] = "var" if "var" in names else names[0]
    return (where or st).selectbox("Model", names, key=key, persist_state="session")


def pick_version(prefix: str, name: str, where=None, problems: list[str] | None = None) -> Artifact | None:
    """One version of `name` ('latest' or a pinned one), loaded; None with a message when none is usable.
    Withdrawn versions are offered only when the person asks for them (or a link names one)."""
    wanted = url_state.take_pending_version(prefix)
    fallback = selection.fallback(prefix)
    withdrawn = store.withdrawals(name)
    named = any(str(v) == wanted for v in withdrawn)
    asked = bool(withdrawn) and (where or st).checkbox(
        "Withdrawn too",  # short: it shares a narrow column with the Version picker
        value=named,
        key=f"{prefix}_withdrawn|{name}",
        persist_state="session",  # else a withdrawn version picked with it is not offered back
        help="Offer the withdrawn versions too; they still load when named explicitly.",
    )
    entries = store.usable(name, include_withdrawn=asked or named)
    if not entries:
        everything = store.versions(name)
        hidden = not asked and any(entry.ok and entry.version in withdrawn for entry in everything)
        message = governance.no_version_in_use(name, everything, withdrawn)
        st.error(message + (" Tick **Withdrawn too** to look at them." if hidden else ""))
        return None
    key = version_key(prefix, name)
    in_use = any(entry.version not in withdrawn for entry in entries)  # else there is no `latest` to offer
    options = [LATEST] * in_use + [entry.label for entry in entries]
    if wanted is not None:
        if wanted in options:
            st.session_state[key] = wanted
        elif problems is not None:
            problems.append(f"version {wanted!r} of {name!r}, which is not a usable version")
    if st.session_state.get(key) not in options:
        st.session_state[key] = fallback if fallback in options else options[0]
    newest = store.latest(name) if in_use else None
    label = (where or st).selectbox(
        "Version",
        options,
        key=key,
        format_func=lambda v: f"latest ({newest})" if v == LATEST else v,
        persist_state="session",
        help="Newest first; 'latest' follows new publications.",
    )
    version = newest if label == LATEST else next(e.version for e in entries if e.label == label)
    selection.share(prefix, name, label, str(version))
    governance.warn_if_withdrawn(name, version, withdrawn)
    return store.load(name, version)


def pick_versions(prefix: str, where=None, problems: list[str] | None = None) -> list[Artifact]:
    """Two or more usable versions of any models, loaded, in the order they were picked. Versions a link named
    (`model version` labels, see views/compare.py) are checked here; a link's `model` (and `version`), else the
    model and version looked at on another page, else the first model, start the picker with that version (or
    the newest) and the newest other one."""
    names = store.model_names()
    if not names:
        render_empty_store()
        return []
    entries = {f"{name} {entry.label}": (name, entry.version) for name in names for entry in store.usable(name)}
    key = f"{prefix}_versions"
    linked = st.session_state.pop(f"_{prefix}_link_versions", None)
    start = st.session_state.pop(f"_{prefix}_link_model", None), st.session_state.pop(f"_{prefix}_link_version", None)
    if linked is not None:
        unknown = [label for label in linked if label not in entries]
        if unknown and problems is not None:
            problems.append(f"versions {and_list(unknown)}, which the store does not have")
        known = list(dict.fromkeys(label for label in linked if label in entries))
        if known:
            st.session_state[key] = known
        else:  # none of them: the default pair below, as the warning says, not an empty picker
            st.session_state.pop(key, None)
    elif start[0] is not None and (labels := _linked_start(*start, names, entries, problems)):
        st.session_state[key] = labels
    if key not in st.session_state or not set(st.session_state[key]) <= set(entries):
        shared = st.session_state.get(selection.SHARED)
        if shared and shared[0] in names:
            st.session_state[key] = _start(shared[0], shared[2], entries)
        else:
            st.session_state[key] = _start("var" if "var" in names else names[0], None, entries)
    chosen = (where or st).multiselect(
        "Versions",
        list(entries),
        key=key,
        persist_state="session",
        help="Pick two or more versions, of one model or of several.",
    )
    # in the order picked: the first one picked is the comparison's reference (its lag inputs are shared)
    return [store.load(*entries[label]) for label in chosen]


def _start(model: str, version: str | None, entries: dict) -> list[str]:
    """`version` of `model` (else its newest), then its newest other version."""
    own = [label for label, (name, _) in entries.items() if name == model]
    looked_at = [label for label in own if str(entries[label][1]) == version]
    return list(dict.fromkeys(looked_at + own))[:2]


def _linked_start(model: str, version: str | None, names: list[str], entries: dict, problems) -> list[str]:
    """The start a link's `model` and `version` ask for; each value the store cannot offer is a problem."""
    problems = problems if problems is not None else []
    if model not in names:
        problems.append(f"model {model}, which the store does not have (models: {and_list(names)})")
        return []
    wanted = None if version in (None, LATEST) else version.replace("_", ".")
    labels = _start(model, wanted, entries)
    if wanted is not None and f"{model} {wanted}" not in labels:
        problems.append(f"version {version} of {model}, which is not a usable version")
    return labels
