"""The Report tab's settings: the forecast's steps, interval level and kind, a fan, a saved scenario and whether
the file holds the interactive charts, as controls, and their place in the page's address (`steps`, `level`,
`intervals`, `fan`, `scenario`, `charts=off`: written while the tab is open and kept while another page runs). A
control the report does not use is greyed out showing what it uses: a saved scenario's own steps, level and
intervals, a version's one interval kind (a VECM's), and a fan's levels instead of the one interval."""

from __future__ import annotations

import copy
from collections.abc import Callable

import streamlit as st

from ui import interval_control, scenario_gone, scenario_panel, url_state
from ui.forecast_link import LEVELS, parse_fan, parse_level
from ui.url_state import Field
from ui.whole_number import from_link, whole_number
from varlib import INTERVAL_KINDS, MAX_STEPS, Artifact, Scenario

FAN_HELP = "Draw the forecast as a fan of several levels (e.g. 30, 60 and 90%) instead of the one interval."
FAN_DRAWS = "The report draws the levels picked under Fan; empty it to draw one band at this level."
OWN = "A saved scenario keeps its own steps, level and intervals."
KEYS = {
    "steps": "dg_report_steps",
    "level": "dg_report_level",
    "fan": "dg_report_fan",
    "scenario": "dg_report_scenario",
}
INTERVALS = "dg_report_intervals"
OWN_STEPS = "_dg_report_own_steps"  # the person's steps while a saved scenario's own are shown in the field
DEFAULT_STEPS, DEFAULT_LEVEL = 8, 95
LINK_SCENARIO = "_dg_link_report_scenario"  # a link's `scenario=`, until the version's saved scenarios are listed
CHARTS = "dg_report_charts"  # the interactive charts in the file (`charts=off`: the light file)
CHARTS_HELP = (
    "The Diagnostics page's charts, interactive (residuals, their autocorrelations, the eigenvalues, Granger"
    " causality, variance decomposition), with plotly.js in the file so it opens offline: about 5 MB. Off, the"
    " file is the one `varlib report` writes, under 1 MB to mail: every table, and the forecast and impulse"
    " responses drawn as charts."
)
KEEP = {"persist_state": "session"}  # kept while another page runs (and while another tab is open)


def _fan(raw: str) -> list[int] | None:
    """`50,80` as the fan's levels, in the order written (the picker's order), or None when one is not offered."""
    if parse_fan(raw) is None:
        return None
    return list(dict.fromkeys(int(part.strip().rstrip("%")) for part in str(raw).split(",") if part.strip()))


def _cleared(key: str, default: object) -> Callable[[], None]:
    """Back to a Report address that leaves the field out (its default): the field's default again. An address of
    another tab leaves out every report field, and changes none."""

    def clear() -> None:
        if st.query_params.get("tab") == "report":
            st.session_state[key] = copy.copy(default)

    return clear


FIELDS = [  # written while the Report tab is open (link_values); views/diagnostics.py adds them to its own
    Field("steps", KEYS["steps"], from_link(KEYS["steps"], "{} steps are"), "a whole number"),
    Field("level", KEYS["level"], parse_level, ", ".join(map(str, LEVELS))),
    Field("intervals", INTERVALS, url_state.one_of(INTERVAL_KINDS), "one of " + ", ".join(INTERVAL_KINDS)),
    Field("fan", KEYS["fan"], _fan, "levels such as 50,80", _cleared(KEYS["fan"], [])),
    Field("scenario", LINK_SCENARIO, url_state.given, "a saved scenario's name", _cleared(KEYS["scenario"], "")),
    Field("charts", CHARTS, url_state.flag, "on or off", _cleared(CHARTS, True)),
]


def link_values(
    steps: int, level: int, fan: list[int], chosen: str, no_forecast: bool, intervals: str, charts: bool = True
) -> dict[str, str | None]:
    """The tab's settings for the address: a saved scenario's own steps, level and intervals are the scenario's, not
    the fields' (left out then); no forecast's without a forecast; `charts=off` for the light file."""
    light = {"charts": None if charts else "off"}
    if no_forecast:
        return light
    own = {} if chosen else {"steps": str(steps), "level": str(level), "intervals": intervals}
    return {**own, "fan": ",".join(map(str, fan)) or None, "scenario": chosen or None, **light}


def take_link(artifact: Artifact, saved: dict[str, Scenario]) -> None:
    """A link's saved scenario into the picker (one this version lacks is said, and the baseline stays)."""
    wanted = st.session_state.pop(LINK_SCENARIO, None)
    if wanted is None:
        return
    if wanted in saved:
        st.session_state[KEYS["scenario"]] = wanted
        return
    names = list(saved)  # one the audit trail says was deleted is said as the Forecast page says a link to it
    url_state.warn(
        [scenario_gone.link_deleted(artifact, wanted, names) or scenario_panel.not_saved(wanted, artifact.label, names)]
    )


def steps_and_level(left, right, scenario: Scenario | None, no_forecast: bool, fan: list[int]) -> tuple[int, int]:
    """The steps field and the Interval level control. A saved scenario's own steps and level are shown, greyed out (the
    person's steps are set aside until the baseline is picked again; the level has a control of its own, as it may
    be one the control does not offer); with a fan, the interval is greyed out, as the report does not use it."""
    fan_note = FAN_DRAWS if fan else None
    if scenario is not None:
        st.session_state.setdefault(OWN_STEPS, st.session_state.get(KEYS["steps"], DEFAULT_STEPS))
        st.session_state[KEYS["steps"]] = scenario.steps
        whole_number(
            left, "Forecast steps", 1, MAX_STEPS, KEYS["steps"], DEFAULT_STEPS, disabled=True, help=OWN, **KEEP
        )
        st.session_state[f"{KEYS['level']}|saved"] = scenario.level
        right.segmented_control(
            "Interval level",
            [scenario.level],
            key=f"{KEYS['level']}|saved",
            format_func=lambda x: f"{x:g}%",
            disabled=True,
            help=f"{OWN} {fan_note or ''}".strip(),
        )
        return scenario.steps, scenario.level
    if OWN_STEPS in st.session_state:  # back to the baseline: the person's own steps again
        st.session_state[KEYS["steps"]] = st.session_state.pop(OWN_STEPS)
    steps = whole_number(
        left, "Forecast steps", 1, MAX_STEPS, KEYS["steps"], DEFAULT_STEPS, disabled=no_forecast, **KEEP
    )
    st.session_state.setdefault(KEYS["level"], DEFAULT_LEVEL)
    level = right.segmented_control(
        "Interval level",
        LEVELS,
        key=KEYS["level"],
        format_func=lambda x: f"{x}%",
        required=True,
        disabled=no_forecast or bool(fan),
        help=fan_note,
        **KEEP,
    )
    return int(steps or DEFAULT_STEPS), int(level or DEFAULT_LEVEL)


def intervals_control(place, artifact: Artifact, scenario: Scenario | None, no_forecast: bool) -> str:
    """The Intervals control, as the Forecast page's: a saved scenario's own kind, or the one kind a version offers
    (a VECM's), is shown greyed out, and the person's choice is kept for when it applies again."""
    offered = artifact.interval_kinds
    picked = st.session_state.setdefault(INTERVALS, INTERVAL_KINDS[0])
    if scenario is None and len(offered) > 1:
        help_ = interval_control.HELP
        kind = place.segmented_control("Intervals", offered, key=INTERVALS, required=True, help=help_, **KEEP)
        return kind or offered[0]
    own = scenario.intervals if scenario is not None else offered[0]
    st.session_state[f"{INTERVALS}|own"] = own
    why = OWN if scenario is not None else interval_control.only(artifact)
    place.segmented_control("Intervals", [own], key=f"{INTERVALS}|own", disabled=True, help=why)
    if picked != own and scenario is None and not no_forecast:  # a link's, or one chosen for another version
        place.caption(f":material/info: {why}: the report uses {own} ones, not {picked}.")
    return own
