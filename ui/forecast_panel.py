"""The Forecast page below the model and version, a fragment: the inputs (ui.forecast_inputs) and, a fragment
inside it, the results drawn from them (settings, charts, the scenario editor, table and the page's link).

An input's change (a lag cell, a picker) reruns the panel only, not the sidebar's store check, the
sign-in or the model pickers. A change of steps, level or interval kind reruns the results only: the
browser then redraws neither the lag table nor the pickers. The results write the page's URL at the end
of every run (theirs and the page's), so the address bar and the "Copy link" box always hold the view.
"""

from __future__ import annotations

from contextlib import nullcontext
from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import (
    differences_view,
    forecast_inputs,
    forecast_view,
    interval_control,
    paths_editor,
    presentation,
    scenario_gone,
    scenario_panel,
    url_state,
)
from ui.errors import shielded
from ui.forecast_link import (
    DEFAULT_LEVEL,
    DEFAULT_STEPS,
    KEYS,
    LAYOUTS,
    LEVELS,
    LINK_LAGS,
    PAGE,
    STEPS_NOTE,
    encode_lags,
    linked_steps_note,
    steps_in_range,
)
from ui.forecast_table import show_table
from ui.forecast_view import EXPORT
from ui.lag_table import link_lags
from ui.layout import at_row_bottom, control_row
from varlib import INTERVAL_KINDS, MAX_STEPS, Artifact

LINK_OPEN = "fc_link_open"
SAVED_KEEPS = "A saved scenario keeps its own steps, level and intervals: **Edit a copy** (below) to change them."
FAN_DRAWS = "The fan chart draws the levels picked under Fan chart"
FOLD = "Forecast settings and lag inputs"  # a presentation's controls, folded above the charts
# px: the Interval level and Intervals controls' places, as wide as their widest usual forms (four levels; standard
# and corrected): a fan's or a saved scenario's level, or one kind, moves nothing after them; more levels wrap
SLOTS = {"level": 240, "intervals": 180}
LINE_PX = 68  # the Steps field under its label: Copy link stays at its bottom, however high a wrapped fan makes the row


def set_defaults() -> None:
    """Start the settings at their defaults (widgets read them from session state)."""
    st.session_state.setdefault(KEYS["steps"], DEFAULT_STEPS)
    st.session_state.setdefault(KEYS["level"], DEFAULT_LEVEL)
    st.session_state.setdefault(KEYS["intervals"], INTERVAL_KINDS[0])
    st.session_state.setdefault(KEYS["layout"], "stack")


def _clamp_steps() -> None:
    """Steps outside 1..MAX_STEPS are set to the nearest allowed value, and an emptied field (its clear
    button) goes back to the default; the field says so."""
    typed = st.session_state.get(KEYS["steps"])
    if typed is None:
        st.session_state[STEPS_NOTE] = f"Steps emptied: back to the default, {DEFAULT_STEPS}."
        st.session_state[KEYS["steps"]] = DEFAULT_STEPS
        return
    st.session_state[KEYS["steps"]] = steps_in_range(int(typed), f"{typed} is")


def _settings(
    artifact: Artifact, present: bool, given: forecast_inputs.Inputs
) -> tuple[int, int | float, str, str, DeltaGenerator, DeltaGenerator]:
    """The settings row, returned with the place of its Intervals control (ui.interval_control) so the page's link
    can close it once the view is known. A control that does not apply is disabled, saying why: a saved scenario
    keeps its own settings, a fan its own levels."""
    row = control_row("medium", align="top")
    kept = SAVED_KEEPS if given.saved else None
    typed = row.number_input(
        "Steps",
        value=None,  # so that an emptied field reaches _clamp_steps as empty, not as 0
        step=1,
        key=KEYS["steps"],
        on_change=_clamp_steps,
        persist_state="session",
        help=kept or f"How many periods ahead to forecast (1–{MAX_STEPS}).",
        width=150,
        disabled=bool(kept),
    )
    steps = int(DEFAULT_STEPS if typed is None else typed)
    level_slot = row.container(width=presentation.scaled(SLOTS["level"], present))
    if given.fan:  # the levels the fan draws, in a control that cannot change them (the person's level is kept)
        key = f"{KEYS['level']}|fan"
        st.session_state[key] = list(given.fan)
        level = given.saved.level if given.saved else st.session_state.get(KEYS["level"]) or DEFAULT_LEVEL
        level_slot.segmented_control(
            "Interval level",
            given.fan,
            selection_mode="multi",
            format_func=lambda x: f"{x}%",
            key=key,
            disabled=True,
            help=_fan_help(given.saved, level),
            wrap=True,
        )
    elif given.saved:  # its own level, which may be one the control does not offer (saved from the CLI)
        own = given.saved.level
        key = f"{KEYS['level']}|saved"
        st.session_state[key] = own
        level = level_slot.segmented_control(
            "Interval level", [own], format_func=lambda x: f"{x}%", key=key, disabled=True, help=kept
        )
    else:
        level = level_slot.segmented_control(
            "Interval level",
            LEVELS,
            format_func=lambda x: f"{x}%",
            key=KEYS["level"],
            required=True,
            persist_state="session",
            help="Coverage of the shaded band: 95% means alpha = 0.05.",
        )
    intervals = interval_control.chosen(artifact)
    # filled by the results, once they know whether the forecast is conditioned
    place = row.container(width=presentation.scaled(SLOTS["intervals"], present)).empty()
    layout = "stack"
    if present:
        layout = row.segmented_control(
            "Charts", list(LAYOUTS), format_func=LAYOUTS.get, key=KEYS["layout"], required=True, persist_state="session"
        )
        row.segmented_control(
            "Image export", ["PNG", "SVG"], default="PNG", key=EXPORT, required=True, help="The camera icon on a chart."
        )
    note = st.session_state.get(STEPS_NOTE)
    if note:  # right under the field, which starts the row
        st.caption(f":orange[:material/warning: {note}]")
    return steps, level or DEFAULT_LEVEL, intervals, layout or "stack", row, place


def _fan_help(saved, level) -> str:
    """Why the level control shows the fan's levels, and what a fan with none picked draws instead."""
    if saved is None:
        return f"{FAN_DRAWS}; unpick them all to draw one band at {level}%."
    return f"{FAN_DRAWS}; unpick them all to draw the saved scenario's own {saved.level}% band. {SAVED_KEEPS}"


@st.fragment
@shielded
def forecast_panel(artifact: Artifact, version_label: str, present: bool) -> None:
    """The page below the pickers, in reading order: settings, scenario pickers, charts, lag inputs (or a saved
    scenario), the scenario editor and the table; in a presentation the controls are folded above the charts.
    The inputs are read first, then the results fragment draws from them."""
    if present:  # a link's value not used is said above the folded controls, which stay folded: the room sees the
        # forecast drawn (the default in its place) and why, the presenter opens them to change it
        notices, said = _link_notices(artifact), st.container()  # always there: the fold after it keeps its place,
        for text in notices:  # and so stays open when a notice goes (the browser closed it under the presenter)
            said.warning(text, icon=":material/link_off:")
        presentation.above([("warning", text) for text in notices], part="panel")
    folded = st.expander(FOLD, expanded=False) if present else nullcontext()
    below_folded = st.container() if present else None  # created now, so it follows the folded controls
    with folded:
        settings, pickers = st.container(), st.container()
        charts = below_folded if below_folded is not None else st.container()
        given = forecast_inputs.inputs(artifact, present, pickers)
        _results(artifact, version_label, present, given, settings, charts, linked_steps_note())


def _link_notices(artifact: Artifact) -> list[str]:
    """A line for each of a link's steps, lag inputs or scenario that this run does not use as given, and for a
    saved scenario that keeps its own settings (STEPS_NOTE, ui.lag_table and ui.scenario_panel warn among the
    controls; their checks, made before they are drawn)."""
    said = [steps] if (steps := linked_steps_note()) else []  # not the presenter's typing
    if overridden := st.session_state.get(scenario_panel.OVERRIDDEN):  # markdown, as the controls' warning says it
        said.append(overridden)
    if refusal := scenario_panel.link_refusal(artifact):  # with the saved names the presenter picks from
        said.append(refusal)
    link = st.session_state.get(LINK_LAGS)
    if isinstance(link, str) and link_lags(artifact, link)[1] is not None:  # else none, or taken by the table
        said.append("The link's lag inputs were not used: the forecast starts from the model's own.")
    return said


@st.fragment
@shielded
def _results(
    artifact: Artifact,
    version_label: str,
    present: bool,
    given: forecast_inputs.Inputs,
    settings: DeltaGenerator,
    charts: DeltaGenerator,
    linked: str | None = None,
) -> None:
    """The scenario editor and the table (here, under the lag inputs), the settings and the charts (above them);
    the page's URL and link. Streamlit keeps a fragment's writes to containers outside it in place when it writes
    there on every run, as it does to these two. `linked`: linked_steps_note() as the panel's run read it."""
    with settings:
        steps, level, intervals, layout, settings_row, intervals_place = _settings(artifact, present, given)
    if present and linked is not None and linked_steps_note() != linked:
        st.rerun(scope="app")  # steps typed since: the panel's run drops its notice above the fold (this one cannot)
    saved, fan, lags = given.saved, given.fan, given.lags
    if saved and not scenario_gone.still_saved(artifact, saved.scenario, saved):  # deleted or saved again since
        st.rerun(scope="app")  # whose picker says so, and shows the editor: none of its numbers are drawn
    if saved:  # its own level, whatever the level control held before it was opened
        level = saved.level
    computed, inputs = given.saved_forecasts, None
    if saved is None:
        found = forecast_view.editor_forecast(artifact, lags, given.edited, steps, level, intervals, present)
        if found is not None:
            *computed, inputs = found
    drawn = computed[1].forecast.intervals if computed else intervals
    conditioned = bool(inputs and inputs["conditions"])
    interval_control.draw(intervals_place, artifact, SAVED_KEEPS if saved else None, conditioned)
    note = interval_control.note(artifact, drawn, conditioned)
    if note:
        settings.caption(note)
    params = {
        "model": artifact.name,
        "version": str(artifact.version) if saved else version_label,  # a scenario's link pins its version
        "steps": str(saved.steps if saved else steps),
        "level": str(level) if level in LEVELS else None,  # a saved scenario's own level stays in the scenario
        # the kind drawn: a conditional forecast shows standard bands whatever was chosen
        "intervals": drawn,
        "present": "1" if present else None,
        "layout": layout if present else None,
        "lags": encode_lags(lags, artifact.default_lag_inputs().index) if given.edited and lags is not None else None,
        "fan": ",".join(map(str, fan)) or None,
        "scenario": saved.scenario if saved else None,
    }
    url_state.write(PAGE, params)
    editor, edited_exog = {}, False  # what the link leaves out: typed conditions, exogenous values not their start
    if not saved and inputs is not None:
        edited_exog = paths_editor.exog_edited(artifact, inputs["exog"])
        editor = {"conditions": inputs["conditions"], "exogenous values": edited_exog}
    left_out = [what for what, value in editor.items() if value]
    _copy_link(settings_row, params, left_out, present)
    with charts:
        if not computed:
            paths = "the exogenous values or conditions" if artifact.exog else "the conditions"
            fix = "the lag inputs" if lags is None else f"{paths} below"
            st.info(f"Fix {fix} to see the forecast.", icon=":material/edit_note:")
            return
        baseline, result = computed
        # in a presentation the picker goes under the charts: above them it pushed the legends off the screen
        drawn = st.container() if present else nullcontext()
        overlays = forecast_view.overlays_input(artifact, result, saved, present)
        with drawn:
            forecast_view.charts(
                artifact, lags, result, baseline, level, fan, overlays, present, layout, given.edited, edited_exog
            )
    with charts if present else nullcontext():  # in a presentation the editor is folded away, not the table
        differences_view.differences(baseline, result, artifact.data.values)
        if inputs is not None and not present and paths_editor.editor_open():
            scenario_panel.save_form(artifact, inputs)
        show_table(result, level, fan, given.edited, edited_exog)
    scenario_gone.watch(artifact, saved, overlays)  # an idle page learns of one deleted elsewhere too


def _copy_link(row: DeltaGenerator, params: dict, left_out: list[str], present: bool) -> None:
    """The page's link in a popover at the end of the settings row, written only while it is open (every change
    redraws what is shown). `left_out`: what is on screen that a link does not carry (typed conditions, edited
    exogenous values; a saved scenario's link does); a presentation draws no save form, so it names the mode."""
    place = at_row_bottom(row, presentation.scaled(LINE_PX, present))
    link = place.popover("Copy link", icon=":material/link:", key=LINK_OPEN, on_change="rerun")
    if not link.open:
        return
    query = urlencode({k: v for k, v in params.items() if v is not None})
    base = str(st.context.url or "").split("?")[0]
    if base and not urlsplit(base).path:  # the root page's address has no path: `host/?…`, not `host?…`
        base += "/"
    url = f"{base}?{query}"
    with link:
        # the code block's copy icon shows on hover only and is no Tab stop: the keyboard's way is the address bar
        st.caption(
            "This view, with its settings and any edited lag inputs (copy icon at its right on hover; from the"
            " keyboard, copy the browser's address, which holds the same link):"
        )
        st.code(url, language=None, wrap_lines=True)
        if left_out:
            shown = {
                "conditions": "the conditions of Scenario: conditions",
                "exogenous values": "the edited Exogenous values",
            }
            form = "turn Presentation mode off and open" if present else "open"
            st.caption(
                f"It does not carry {' or '.join(shown[what] for what in left_out)}: to share them with its link,"
                f" save them as a scenario ({form} Scenario: conditions{'' if present else ', below'}, for its form)."
            )
