"""Model and version pickers shared by the Diagnostics, Backtest and Models pages (Compare's: ui.compare_pick).

They read the cached listings (ui.store), offer only usable versions, resolve `latest` through the
Registry (so results can be cached per immutable version), start from the model and version chosen on
any other page (ui.selection), and take `?model=&version=` (and the page's own fields) from a link
(ui.url_state). `open_page` applies both before the widgets render; the pickers report a version a
link asked for that the model does not have. Like the Forecast page's, the pickers keep their values
while another page runs (`persist_state="session"`), so a page comes back as it was left unless the
selection changed elsewhere in between.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import governance, live, selection, store, url_state
from ui.errors import dashboard_words, show_error
from ui.literal import literal
from ui.onboarding import render_empty_store
from varlib import (
    LATEST,
    Artifact,
    NotFoundError,
    VarlibError,
    Version,
    Withdrawal,
    WithdrawnError,
    shortened,
    text_width,
)


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


def model_labels(names: list[str], chars: int) -> Callable[[str], str]:
    """How a Model picker that shows `chars` characters names each of `names` in its box and its list: a longer
    name by its start and end (names of up to 63 characters alike but for their end, `...-alpha-one` and
    `...-alpha-two`, read the same cut at the picker's edge); names that would still read alike stay whole. Only
    the labels change: the picked value is the name."""
    labels = {name: name if text_width(name) <= chars else shortened(name, chars) for name in names}
    shown = list(labels.values())
    return lambda name: name if shown.count(labels.get(name, name)) != 1 else labels[name]


def whole_name_help(name: str | None, chars: int) -> str | None:
    """The Model picker's help for a name longer than the `chars` it shows: the name whole, as typed."""
    return f"The whole name: {literal(name)}" if name is not None and text_width(name) > chars else None


def typed_model(key: str, names: list[str]) -> None:
    """A Model picker's on_change: its search reads only the labels, which show a long name by its start and end
    (model_labels), so typed text that is no label is taken (accept_new_options) and read here: a whole name, or
    a part of one name only (case aside), picks that model; anything else keeps the model shown, and says why."""
    typed = st.session_state.get(key)
    if typed in names:
        return
    text = str(typed or "").strip().casefold()
    found = [name for name in names if name.casefold() == text] or [name for name in names if text in name.casefold()]
    if text and len(found) == 1:
        st.session_state[key] = found[0]
        return
    st.session_state[key] = st.session_state.get(f"{key}|shown", selection.default_model(names))
    if not found:
        st.session_state[f"{key}|typed"] = f"No model's name holds {literal(repr(typed))}: pick one from the list."
    else:
        listed = ", ".join(literal(name) for name in found[:3]) + (", …" if len(found) > 3 else "")
        st.session_state[f"{key}|typed"] = (
            f"{literal(repr(typed))} is part of {len(found)} models' names ({listed}): type more of the name."
        )


def say_typed(key: str, value: str | None, where=None) -> None:
    """After a Model picker: why the text typed into it picked no model (typed_model), and the model it shows."""
    st.session_state[f"{key}|shown"] = value
    if (said := st.session_state.pop(f"{key}|typed", None)) is not None:
        (where or st).warning(said, icon=":material/search_off:")


# The characters of a model name the pickers show whole, by page: the Forecast page's 320 px (35 at a
# presentation's font; names have up to 63), the Diagnostics and Backtest pages' columns at 1280 px. A longer name
# is shown by its start and end (model_labels), and the help gives it whole.
PICKER_CHARS = {"fc": 30, "dg": 22, "bt": 16}


def pick_model(prefix: str, where=None) -> str | None:
    """A model selectbox (None, with a hint, when the store has no models)."""
    names = store.model_names()
    if not names:
        render_empty_store()
        return None
    key = f"{prefix}_model"
    if st.session_state.get(key) not in names:
        st.session_state[key] = selection.default_model(names)
    chars = PICKER_CHARS.get(prefix, 10**3)
    shown = model_labels(names, chars)
    whole = whole_name_help(st.session_state[key], chars)
    picked = (where or st).selectbox(
        "Model",
        names,
        key=key,
        persist_state="session",
        format_func=shown,
        help=whole,
        accept_new_options=True,  # a whole name typed is found, not only the shortened label (typed_model)
        on_change=typed_model,
        args=(key, names),
    )
    say_typed(key, picked, where)
    return picked


def pick_version(prefix: str, name: str, where=None, problems: list[str] | None = None) -> Artifact | None:
    """One version of `name` ('latest', an alias or a pinned one), loaded; None with a message when none is usable.
    Withdrawn versions are offered only when the person asks for them (or a link names one). `latest` and an alias
    are followed while the page is open, as on the Forecast page."""
    pending = url_state.take_pending_version(prefix)
    alias = pending is not None and pending.strip().startswith("@")  # a link's alias stays one: it is followed
    wanted = pending.strip() if alias else concrete_version(name, pending, problems)
    fallback = selection.fallback(prefix)
    withdrawn = store.withdrawals(name)
    # a withdrawn version a link or another page names is offered: the box is ticked for it, so it stays
    named = any(str(v) in (wanted, fallback) for v in withdrawn)
    if named:
        st.session_state[f"{prefix}_withdrawn|{name}"] = True
    host = where or st
    picker = host.container()  # the Version picker above its box: level with the row's other controls
    # drawn for every model, greyed where none is withdrawn: a box that came and went moved the page below it
    asked = host.checkbox(
        "Withdrawn too",  # short: it shares a narrow column with the Version picker
        value=named,
        key=f"{prefix}_withdrawn|{name}",
        persist_state="session",  # else a withdrawn version picked with it is not offered back
        help="Offer the withdrawn versions too; they still load when named explicitly."
        if withdrawn
        else f"No version of {name} is withdrawn.",
        disabled=not withdrawn,
    ) and bool(withdrawn)  # a tick the session kept from a model with withdrawn versions asks for nothing here
    entries = store.usable(name, include_withdrawn=asked or named)
    if not entries:
        everything = store.versions(name)
        hidden = not asked and bool(governance.withdrawn_of(everything, withdrawn))
        message = governance.no_version_in_use(name, everything, withdrawn)
        st.error(message + (" Tick **Withdrawn too** to look at them." if hidden else ""))
        url_state.write_unopened(prefix, name)
        live.watch(prefix, name, LATEST, None, None, withdrawn)  # a version published next is shown without a reload
        return None
    key = version_key(prefix, name)
    in_use = any(entry.usable(withdrawn) for entry in entries)  # else there is no `latest` to offer
    aliases = governance.alias_choices(name, withdrawn, {wanted, st.session_state.get(key)})
    options = [LATEST] * in_use + list(aliases) + [entry.label for entry in entries]
    if wanted is not None:
        if wanted in options:
            st.session_state[key] = wanted
        elif problems is not None:
            problems.append(refused_version(name, wanted))
    if st.session_state.get(key) not in options:
        live.note_gone(prefix, name, store.versions(name))  # deleted, or listed as damaged: said, not dropped
        st.session_state[key] = fallback if fallback in options else options[0]
    newest = store.latest(name) if in_use else None

    gone = {str(v) for v in withdrawn}

    def label_of(v: str) -> str:
        return f"latest ({newest})" if v == LATEST else aliases.get(v) or governance.marked(v, gone)

    relabel(key, label_of)
    label = picker.selectbox(
        "Version",
        options,
        key=key,
        format_func=label_of,
        persist_state="session",
        help="'latest' follows new publications, an alias (@name) its moves; then versions newest first.",
    )
    if label in aliases:
        if (version := aliased_version(prefix, name, label, newest, withdrawn)) is None:
            return None
    else:
        version = newest if label == LATEST else next(e.version for e in entries if e.label == label)
    selection.share(prefix, name, label, str(version))
    governance.warn_if_withdrawn(name, version, withdrawn)
    live.watch(prefix, name, label, version, newest, withdrawn)  # `latest` followed, a withdrawal said, while open
    return live.load(name, version, label)  # deleted since the listing was read: said (live.note_gone)


def aliased_version(
    prefix: str, name: str, alias: str, newest: Version | None, withdrawn: dict[Version, Withdrawal]
) -> Version | None:
    """The version `alias` points at, read afresh (it can move); None when it is refused (one of a withdrawn
    version) or gone, which is said and followed: moved back, the page shows it."""
    try:
        return store.resolve(name, alias)
    except (WithdrawnError, NotFoundError) as exc:
        show_error(exc)
        url_state.write_unopened(prefix, name, alias)
        live.watch(prefix, name, alias, None, newest, withdrawn, refused=str(exc))
        return None


def relabel(key: str, label_of: Callable[[str], str]) -> None:
    """Before a version selectbox: make sure the browser shows its chosen option's label as it is now.

    An option can keep its value and change its label: `latest (0.0.1)` becomes `latest (0.0.2)` when a
    version is published, `@champion → 0.0.1` moves with its alias. Streamlit 1.67's browser side keeps the
    label it drew while the value stays the same, so the closed picker would name a version the page no
    longer shows. Setting the value again, once its label has changed, makes the server send it anew.
    """
    value, drawn = st.session_state.get(key), f"_drawn_label|{key}"
    if value is not None:
        label = label_of(value)
        before = st.session_state.get(drawn)
        if before is not None and before[0] == value and before[1] != label:
            st.session_state[key] = value
        st.session_state[drawn] = (value, label)


def concrete_version(name: str, wanted: str | None, problems: list[str] | None) -> str | None:
    """A link's version as the picker lists it: `0_0_3` as 0.0.3, `@alias` as the version it points at now (an
    alias that does not open is a problem, and the picker keeps its own choice)."""
    if wanted is None or wanted == LATEST:
        return wanted
    wanted = wanted.strip()
    if not wanted.startswith("@"):
        return wanted.replace("_", ".")
    try:
        return str(store.resolve(name, wanted))
    except VarlibError as exc:
        if problems is not None:
            problems.append(not_opening(name, wanted, exc))
        return None


def refused_version(name: str, wanted: str, here: str | None = None) -> str:
    """The words (for "The link asked for ...") of a link's version of `name` that no picker offers: an alias or
    `latest` that opens none (the library's reason: an alias the model lacks, one of a withdrawn version), a version
    the store does not have, or one it has that cannot be used (damaged). Every page says it so (`here`: the page's
    address, see ui.errors.dashboard_words)."""
    if wanted.startswith("@") or wanted == LATEST:
        try:
            store.resolve(name, wanted)
        except VarlibError as exc:
            if wanted == LATEST:
                return latest_of_none(name, store.versions(name), store.withdrawals(name))
            return not_opening(name, wanted, exc, here)
    elif wanted not in {entry.label for entry in store.versions(name)}:
        return f"version {wanted!r} of {name!r}, which the store does not have"
    return f"version {wanted!r} of {name!r}, which is not a usable version"


def not_opening(name: str, wanted: str, exc: VarlibError, here: str | None = None) -> str:
    """The words of a link's alias (or `latest`) of `name` that opens no version, with the library's reason `exc`
    (as said on the page `here`, see ui.errors.dashboard_words)."""
    return f"version {wanted!r} of {name!r}, which does not open ({dashboard_words(str(exc), here)})"


def latest_of_none(name: str, entries, withdrawn) -> str:
    """What a link's `latest` of `name` asked for when no version is in use (for "The link asked for ..."): `latest`
    exists as a word but stands for no version (why, as governance.no_version_in_use says it), and how to open one."""
    gone = governance.withdrawn_of(entries, withdrawn)
    if not gone:
        why, then = "none of its versions can be used", "publish a new version"
    else:
        every = "every version" if len(gone) == len(entries) else "every usable version"
        why = f"{every} of {name!r} is withdrawn"
        then = f"open a withdrawn one by its number (`version={gone[0]}` in the link), or publish a new version"
    return f"version 'latest' of {name!r}, which stands for no version now: {why}; {then}"
