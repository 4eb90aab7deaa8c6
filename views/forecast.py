"""Forecast: pick a model version, edit the lag inputs (and a VARX's exogenous values), condition the path in
the scenario editor, see the forecast with its band or fan, save the scenario or open a saved one (the
settings, inputs and charts are ui.forecast_panel: a fragment holding the inputs and, a fragment of its own,
the results)."""

from __future__ import annotations

import streamlit as st

from ui import (
    governance,
    live,
    presentation,
    presentation_focus,
    scenario_panel,
    selection,
    store,
    url_state,
    version_pick,
)
from ui.errors import guarded
from ui.forecast_link import FIELDS, KEYS, PAGE
from ui.forecast_panel import forecast_panel, set_defaults
from ui.layout import control_row
from ui.literal import library_text, literal
from ui.onboarding import render_onboarding
from ui.tables import holdout_rmse_text
from varlib import (
    LATEST,
    Artifact,
    Card,
    VersionEntry,
    utc_time,
)

PICKER_WIDTH = 320  # px: a model name longer than ui.version_pick.PICKER_CHARS["fc"] is shown by its start and end


def render() -> None:
    names = store.model_names()
    if not names:
        st.title("Forecast")
        render_onboarding()
        return
    scenario_panel.apply_queued()  # a saved scenario's version, steps and level, asked for on the last run
    selection.follow(PAGE, KEYS["model"], lambda _: KEYS["version"])
    requested = url_state.incoming(PAGE, FIELDS, KEYS["model"])
    problems = []
    if requested:
        problems = url_state.apply_selection(PAGE, requested, KEYS["model"], names)
        problems += url_state.apply(PAGE, FIELDS, requested)
    set_defaults()
    # An embedded page (`?embed=true`, e.g. in a slide deck) is always a presentation.
    present = bool(st.session_state.get(KEYS["present"])) or bool(st.context.is_embedded)
    if present:
        presentation.enter()
    else:
        st.title("Forecast")
    box = st.expander("Model and version", expanded=False) if present else st.container()
    with box:
        controls = control_row()
        name = _pick_model(controls, names)
        entries = store.versions(name)
        withdrawn = store.withdrawals(name)
        # `latest` is the registry's answer, read once per run (one small read; pinned versions need none)
        newest = store.latest(name) if any(e.usable(withdrawn) for e in entries) else None
        version_label = _pick_version(controls, name, entries, newest, problems, withdrawn)
        controls.toggle(
            "Presentation mode",
            key=KEYS["present"],
            persist_state="session",
            on_change=presentation_focus.switched,
            help="For a room: no sidebar, large fonts, one chart per screen or a grid, controls folded away.",
        )
    presentation_focus.keep_focus(present)
    refused = url_state.warn(problems)  # above the charts too: their lines come off the presented window

    if newest is None and version_label in (None, LATEST):  # a withdrawn version a link names is still shown
        linked = url_state.applied(PAGE)  # kept until the page writes its own: a model picked since is not the link's
        if linked.get(url_state.VERSION) == LATEST and linked.get(url_state.MODEL, name) == name:
            said = version_pick.latest_of_none(name, entries, withdrawn)
            st.warning(f"The link asked for {library_text(said)}.", icon=":material/link_off:")
        st.error(governance.no_version_in_use(name, entries, withdrawn))
        governance.publish_link()
        url_state.write_unopened(PAGE, name)
        live.watch(PAGE, name, LATEST, None, None, withdrawn)  # a version published next is shown without a reload
        return
    if version_label == LATEST:
        version = newest
    elif version_label.startswith("@"):
        if (version := version_pick.aliased_version(PAGE, name, version_label, newest, withdrawn)) is None:
            return
    else:
        version = _entry(entries, version_label).version
    selection.share(PAGE, name, version_label, str(version))
    artifact = live.load(name, version, version_label)  # deleted since the listing was read: said (live.note_gone)
    gone = governance.warn_if_withdrawn(name, version, withdrawn)
    said = live.watch(PAGE, name, version_label, version, newest, withdrawn, on_newer=_show_version)
    # their lines come off the presented charts' window: the link's refusals, a moved alias's or a newer version's
    # notice too
    presentation.above([*(("warning", text) for text in refused), *([("warning", gone)] if gone else []), *said])
    if not present:
        _model_card(artifact)
    forecast_panel(artifact, version_label, present)


def _pick_model(where, names: list[str]) -> str:
    key = KEYS["model"]
    if st.session_state.get(key) not in names:
        st.session_state[key] = selection.default_model(names)
    whole = version_pick.whole_name_help(st.session_state[key], version_pick.PICKER_CHARS[PAGE])
    shown = version_pick.model_labels(names, version_pick.PICKER_CHARS[PAGE])
    picked = where.selectbox(
        "Model",
        names,
        key=key,
        on_change=_model_changed,
        args=(names,),
        persist_state="session",
        width=PICKER_WIDTH,
        help=whole,
        format_func=shown,
        accept_new_options=True,  # a whole name typed is found, not only the shortened label (typed_model)
    )
    version_pick.say_typed(key, picked, where)
    return picked


def _model_changed(names: list[str]) -> None:
    before = st.session_state.get(f"{KEYS['model']}|shown")
    version_pick.typed_model(KEYS["model"], names)
    if st.session_state[KEYS["model"]] != before:  # typed text that picked no model keeps the version too
        st.session_state[KEYS["version"]] = LATEST


def _show_version(label: str) -> None:
    st.session_state[KEYS["version"]] = label


def _pick_version(where, name: str, entries: list[VersionEntry], newest, problems: list[str], withdrawn) -> str:
    key = KEYS["version"]
    wanted = url_state.take_pending_version(PAGE)
    fallback = selection.fallback(PAGE)
    named = {wanted, st.session_state.get(key)} if wanted else {st.session_state.get(key)}
    choices, labels = governance.version_choices(name, entries, withdrawn, named)
    options = [LATEST] * (newest is not None) + choices  # no `latest` when every usable version is withdrawn
    if wanted is not None:
        if wanted in options:
            st.session_state[key] = wanted
        elif wanted != LATEST:  # a `latest` that stands for no version is said beside the page's error
            broken = next((e for e in entries if e.label == wanted and not e.ok), None)
            reason = f" ({broken.status})" if broken else ""
            problems.append(  # a damaged one with its status, else as every page says it
                f"version {wanted!r} of {name!r}, which is not usable{reason}"
                if broken
                else version_pick.refused_version(name, wanted)
            )
    if st.session_state.get(key) not in options:
        live.note_gone(PAGE, name, entries)  # deleted by hand, or listed as damaged: said, not dropped
        st.session_state[key] = fallback if fallback in options else (options[0] if options else None)
    latest_label = f"latest ({newest})" if newest else "latest"

    def label_of(v: str) -> str:
        return latest_label if v == LATEST else labels.get(v, v)

    version_pick.relabel(key, label_of)
    return where.selectbox(
        "Version",
        options,
        key=key,
        format_func=label_of,
        persist_state="session",
        width=PICKER_WIDTH,
        help="'latest' follows new publications; aliases (@name), then versions newest first (withdrawn: by link).",
    )


def _entry(entries: list[VersionEntry], label: str) -> VersionEntry:
    return next(entry for entry in entries if entry.label == label)


def _model_card(artifact: Artifact) -> None:
    card = Card.from_artifact(artifact)
    created = utc_time(card.created_at)
    # the decimals the Train page and the Models page print the same numbers with
    rmse = literal(holdout_rmse_text(card, order_words=", the holdout's own order")) or "no holdout"
    # the variables, the file's name and what was filled are typed text: shown as typed (ui.literal)
    details = (
        f"**{literal(artifact.description)}** · variables **{literal(', '.join(artifact.variables))}** ·"
        f" {card.frequency or 'undated'} · lag order **{artifact.k_ar}** ({artifact.lag_method}) · transform"
        f" **{artifact.spec.transform}** · holdout RMSE {rmse} · trained on {literal(card.dataset)}"
        + (f" · missing data: {library_text(card.fill)}" if card.fill else "")
    )
    if card.flags:
        details += (
            "  \n:material/warning: Checks at training time: "
            + ", ".join(map(library_text, card.flags))
            + " (the Diagnostics page explains each)."
        )
    with st.container(border=True):
        st.markdown(
            f"**{artifact.label}** · created {created} by {literal(card.author)}"
            + (f" · {literal(card.notes)}" if card.notes else "")
        )
        st.caption(details)  # with the checks (ui.layout)


guarded(render)
