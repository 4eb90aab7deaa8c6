"""Saved scenarios on the Forecast page: open one (also from its link), say what it holds, save a new one.

A saved scenario is immutable, so an open one is shown as saved (its inputs read-only); "Edit a copy"
puts its paths into the editor as a new, unsaved scenario. Saving needs write access to the store and
a role that may save scenarios (publisher or admin when sign-in is configured); a taken name is refused
and nothing is overwritten.
"""

from __future__ import annotations

import streamlit as st

from ui import auth, presses, scenario_gone, store
from ui.errors import show_error
from ui.forecast_link import FAN_LEVELS, KEYS, LEVELS, LINK_SCENARIO, NO_SCENARIO, forecast_page
from ui.layout import control_row
from ui.literal import library_text, literal
from ui.paths_editor import beyond_horizon, beyond_words, copy_scenario
from varlib import (
    READ_ONLY_SAID,
    Artifact,
    Scenario,
    VarlibError,
    Version,
    counted,
    make_scenario,
    utc_time,
)

APPLY = "_fc_apply"  # widget values to set before the widgets render on the next run
OVERRIDDEN = "_fc_scenario_overridden"  # what a link asked for that its saved scenario does not have, for the next run


def pick(artifact: Artifact) -> tuple[Scenario | None, list[int]]:
    """The saved scenario to show (None: the editor), chosen in a selectbox or named by the URL, and the
    fan chart's levels (empty: the one band)."""
    key = KEYS["scenario"]
    wanted = st.session_state.pop(LINK_SCENARIO, None)
    version = _version(artifact)
    saved = scenario_gone.listed(artifact, version, wanted if wanted is not None else st.session_state.get(key))
    damaged = {s.scenario: s.damaged for s in store.damaged_scenarios(artifact.name, version)}
    gone = scenario_gone.dropped(artifact, st.session_state.get(key), list(saved), damaged) if wanted is None else None
    problems: list[str] = []
    elsewhere: list[Version] = []
    if wanted is not None:
        if wanted in saved:
            st.session_state[key] = wanted
            if _sync_controls(saved[wanted]):
                st.session_state[OVERRIDDEN] = _overridden(saved[wanted])
                st.rerun()  # the controls show the scenario's steps and level from the first drawn run
        else:
            problem, elsewhere = _problem(artifact, wanted, list(saved))
            problems.append(f"{problem} (below)" if elsewhere else problem)
    if st.session_state.get(key) not in (NO_SCENARIO, *saved):
        st.session_state[key] = NO_SCENARIO
    row = control_row("medium", align="top")  # the pills' label beside the selectbox's, however they wrap
    chosen = row.selectbox(
        "Saved scenario",
        [NO_SCENARIO, *saved],
        key=key,
        format_func=lambda s: "none: edit a new scenario" if s == NO_SCENARIO else s,
        on_change=_opened,
        args=(artifact,),
        persist_state="session",  # an open scenario stays open while another page runs
        help="Scenarios saved for this version; each has a link that opens exactly it.",
    )
    # every level a pill of its own, picked or not: a full fan shows all its levels (a multiselect in this row scrolled
    # its chips sideways and hid the last ones) and a pick moves nothing under it. One Tab stop; arrows between levels
    fan = row.pills(
        "Fan chart",
        FAN_LEVELS,
        selection_mode="multi",
        key=KEYS["fan"],
        format_func=lambda x: f"{x}%",
        persist_state="session",  # kept while another page runs, as the page's other settings are
        help="Several interval levels at once, drawn as a fan (e.g. 30, 60 and 90%); none: the one level above.",
        wrap=True,
    )
    scenario_gone.remember(artifact, list(saved))
    if gone:
        st.warning(gone, icon=":material/delete:")
    for problem in problems:
        st.warning(asked(problem, "showing the editor instead"), icon=":material/link_off:")
    for version in elsewhere:  # the version a scenario was saved on: its own link opens it
        st.page_link(
            forecast_page(),
            label=f"Open {wanted} on {artifact.name} {version}",
            icon=":material/bookmark:",
            query_params={"model": artifact.name, "version": str(version), "scenario": wanted},
        )
    if damaged and wanted not in damaged:  # not offered above, but not hidden either
        st.caption(
            f"Not offered, as they cannot be read: {', '.join(damaged)}. An admin can delete them, which frees their"
            " names (*Delete a damaged scenario*, below), or restore the objects; or save them again under another"
            " name."
        )
    overridden = st.session_state.pop(OVERRIDDEN, None)
    if overridden:
        st.warning(overridden, icon=":material/link_off:")
    return (saved.get(chosen) if chosen else None), sorted(fan or [])  # in the pills' order, not the clicks


def asked(problem: str, instead: str) -> str:
    """A warning of a link's scenario not opened: what it asked for (`problem`, the library's words) and what the
    page shows `instead`."""
    return f"The link asked for {library_text(problem)}; {instead}."


def not_saved(wanted: str, label: str, saved: list[str]) -> str:
    """A link's scenario that version `label` does not hold, naming those it does (what a presenter picks from)."""
    return f"scenario {wanted!r} of {label}, which is not saved ({scenario_gone.saved_names(saved)})"


def link_refusal(artifact: Artifact) -> str | None:
    """The warning of the link's scenario when this version does not open it (None: it does, or none is named), as
    the controls' warning says it: a presentation writes it above the folded controls, which hold the saved names."""
    wanted, version = st.session_state.get(LINK_SCENARIO), artifact.version
    if wanted is None or version is None:
        return None
    saved = list(scenario_gone.listed(artifact, version, wanted))
    return None if wanted in saved else asked(_problem(artifact, wanted, saved)[0], "showing the forecast without it")


def _problem(artifact: Artifact, wanted: str, saved: list[str]) -> tuple[str, list[Version]]:
    """Why the link's scenario `wanted`, not among `saved` (this version's), does not open here, and the versions
    that hold it: saved but unreadable, saved on another version, or not saved at all."""
    damaged = {s.scenario: s.damaged for s in store.damaged_scenarios(artifact.name, _version(artifact))}
    if wanted in damaged:
        return f"a scenario that cannot be opened: {damaged[wanted]}", []
    refusal, elsewhere = _elsewhere(artifact, wanted)
    if elsewhere:
        return f"a scenario this version lacks: {refusal}", elsewhere
    return scenario_gone.link_deleted(artifact, wanted, saved) or not_saved(wanted, artifact.label, saved), []


def _elsewhere(artifact: Artifact, wanted: str) -> tuple[str, list[Version]]:
    """The library's refusal of a scenario this version does not hold, naming the versions that do, and those."""
    try:
        return store.scenario_elsewhere(artifact.name, _version(artifact), wanted)
    except VarlibError:  # a name no scenario can have, or the store away: the page's own words say enough
        return "", []


def describe(artifact: Artifact, scenario: Scenario, fan: list[int] | None = None) -> None:
    """What a saved scenario holds, who saved it, and a way to edit a copy; with a `fan`, that the chart draws
    the fan's levels instead of the scenario's own one."""
    who = f" by **{literal(scenario.actor.known_as())}**" if scenario.actor else ""
    when = utc_time(scenario.created_at)
    held = {name: sum(x is not None for x in path) for name, path in scenario.conditions.items()}
    parts = [f"{counted(count, 'condition')} on {name}" for name, count in held.items()]
    parts += [f"exogenous {k}" for k in scenario.exog]
    if scenario.lag_values is not None:
        parts.append("its own lag inputs")
    levels = f"{scenario.level}% {scenario.intervals} intervals"
    if fan:  # what is drawn, as the level control and the charts' subtitles say
        fanned = ", ".join(f"{x}%" for x in sorted(fan))
        levels = f"{scenario.intervals} intervals at {scenario.level}%, drawn as a {fanned} fan"
    st.info(
        f"Saved scenario **{scenario.scenario}**{who}, {when}: {scenario.steps} steps, {levels};"
        f" {'; '.join(parts) or 'no conditions'}."
        + (f"  \n{literal(scenario.notes)}  \n" if scenario.notes else "")  # typed text, shown as typed
        + " Saved scenarios never change: its steps, level and intervals are its own (**Edit a copy** to change"
        " them).",
        icon=":material/bookmark:",
    )
    if st.button("Edit a copy", icon=":material/content_copy:", key="fc_scenario_copy"):
        copy_scenario(artifact, scenario)
        _queue({KEYS["scenario"]: NO_SCENARIO})
        st.rerun()


def save_form(artifact: Artifact, inputs: dict) -> None:
    """Save the editor's scenario under a new name (guarded by the store's write access and the role)."""
    st.subheader("Save this scenario")
    registry = store.registry()
    if registry.read_only:
        st.info(
            f"This store is read-only ({READ_ONLY_SAID}), so scenarios cannot be saved here.", icon=":material/lock:"
        )
        return
    sign_in = auth.current()
    if not sign_in.can("scenario"):
        st.info(
            f"{auth.needs('scenario')}; {sign_in.refusal('publisher')}. Editing and forecasting scenarios still work.",
            icon=":material/lock:",
        )
        return
    withdrawal = store.withdrawals(artifact.name).get(artifact.version) if artifact.version else None
    if withdrawal is not None:  # the library refuses it too; say so before the form is filled in
        st.info(
            f"{artifact.label} was withdrawn ({literal(withdrawal.reason)}), so no new scenario is saved on it. Pick a"
            " version in use to save this one; scenarios saved before the withdrawal still open.",
            icon=":material/block:",
        )
        return
    # Enter in a half-typed name must not save it: a saved scenario is never overwritten, so only the button saves
    with st.form("fc_save_scenario", border=True, enter_to_submit=False):
        first, second = st.columns([1, 2])
        name = first.text_input("Name", placeholder="gdp-recovers", help="Lower-case letters, digits, - and _.")
        notes = second.text_input("Notes", placeholder="what this scenario assumes")
        st.caption(f"Saved for **{artifact.label}**, once: a saved scenario is never overwritten.")
        button = presses.key("Save scenario", artifact.name)
        if not st.form_submit_button("Save scenario", type="primary", icon=":material/bookmark_add:", key=button):
            return
    beyond = beyond_horizon(artifact, inputs["steps"])
    if beyond:  # saved, the scenario would leave them out unsaid; the CLI and REST refuse them too
        them = "it" if len(beyond) == 1 else "them"
        st.error(
            f"**Not saved.** {counted(len(beyond), 'condition')} typed after the {inputs['steps']}-step horizon"
            f" ({beyond_words(beyond)}) would be left out of the scenario. Set Steps to"
            f" {max(step for _, step in beyond)} to save {them} too, or clear {them} (**Clear all conditions**,"
            f" or at that many steps empty {'its cell' if len(beyond) == 1 else 'their cells'}). Nothing was stored.",
            icon=":material/error:",
        )
        return
    try:
        made = make_scenario(artifact, name.strip(), notes=notes, **inputs)
        saved = registry.save_scenario(made, sign_in.actor)
    except VarlibError as exc:  # a taken name, a refused write, an impossible input: said, nothing stored
        show_error(exc)
        return
    store.refresh()
    # open it, on the version it is for, so the address bar is its link
    _queue({KEYS["scenario"]: saved.scenario, KEYS["version"]: str(saved.version)})
    st.rerun()


def apply_queued() -> None:
    """Set the widget values a scenario asked for (before the widgets render)."""
    for key, value in st.session_state.pop(APPLY, {}).items():
        st.session_state[key] = value


def _queue(values: dict) -> None:
    st.session_state[APPLY] = {**st.session_state.get(APPLY, {}), **values}


def _opened(artifact: Artifact) -> None:
    """A callback (it runs before the widgets): the controls show the opened scenario's own settings (not those of
    one deleted since the picker was drawn: the run says so, and the editor keeps its own; one saved again under its
    name since: the new one's)."""
    label = st.session_state.get(KEYS["scenario"]) or NO_SCENARIO
    chosen = scenario_gone.listed(artifact, _version(artifact), label).get(label)  # deleted since: None
    if chosen is not None:
        _sync_controls(chosen)
        apply_queued()


def _sync_controls(scenario: Scenario) -> bool:
    """Show the scenario's steps, level and interval kind in the controls from the next run on; True when
    that changes any of them."""
    level = scenario.level
    queued = {KEYS["steps"]: scenario.steps, KEYS["intervals"]: scenario.intervals}
    if level in LEVELS:
        queued[KEYS["level"]] = level
    _queue(queued)
    return any(st.session_state.get(key) != value for key, value in queued.items())


def _overridden(scenario: Scenario) -> str | None:
    """The settings a link gives besides a saved scenario that differ from the scenario's own (None: none)."""
    level = f"{scenario.level}"
    own = {"steps": str(scenario.steps), "level": level, "intervals": scenario.intervals}
    link = st.query_params
    asked = [f"{name} {link[name]}" for name, value in own.items() if link.get(name, value) != value]
    if not asked:
        return None
    return (
        f"The link asked for {', '.join(asked)}, but saved scenario {scenario.scenario!r} keeps its own"
        f" ({scenario.steps} steps, {level}% {scenario.intervals} intervals): it is shown as saved;"
        " **Edit a copy** to change them."
    )


def _version(artifact: Artifact) -> Version:
    if artifact.version is None:
        raise VarlibError(f"{artifact.label} is not published; scenarios belong to published versions")
    return artifact.version
