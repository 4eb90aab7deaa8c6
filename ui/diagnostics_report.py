"""The Diagnostics page's Report tab: one self-contained HTML file of what the page shows.

The report follows the page: its impulse responses are the kind (orthogonalised or plain) and
horizon chosen on the Impulse responses tab, its tests use the page's whiteness lags, and it adds a
forecast (chart with its band, or a fan of several levels, and a table) for the steps, level and interval kind
picked here, or a saved scenario of the version. The backtest run on
the Backtest page in this session, if any, is included. Built on click and cached per choice.

The tab's settings are in the page's address while it is open (`steps`, `level`, `intervals`, `fan`, `scenario`, as
on the Forecast page) and kept while another page runs. A control the report does not use is greyed out showing what
it uses: a saved scenario's own steps, level and intervals, a version's one interval kind (a VECM's), and a fan's
levels instead of the one interval.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import streamlit as st

from ui import diagnostics_figures as figures
from ui import interval_control, session, store, url_state
from ui.forecast_link import FAN_LEVELS, parse_fan, parse_level
from ui.url_state import Field
from ui.whole_number import whole_number
from varlib import (
    INTERVAL_KINDS,
    MAX_STEPS,
    Artifact,
    Backtest,
    Diagnostics,
    Scenario,
    Withdrawal,
    forecast_artifact,
    forecast_scenario,
    level_to_alpha,
    render_report,
)

BACKTESTS = "backtests"  # the ui.session slot where the Backtest page keeps this session's results
LEVELS = (80, 90, 95, 99)
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
    Field("steps", KEYS["steps"], url_state.any_whole_number, "a whole number"),
    Field("level", KEYS["level"], parse_level, ", ".join(map(str, LEVELS))),
    Field("intervals", INTERVALS, url_state.one_of(INTERVAL_KINDS), "one of " + ", ".join(INTERVAL_KINDS)),
    Field("fan", KEYS["fan"], _fan, "levels such as 50,80", _cleared(KEYS["fan"], [])),
    Field("scenario", LINK_SCENARIO, url_state.given, "a saved scenario's name", _cleared(KEYS["scenario"], "")),
]


def report_figures(diag: Diagnostics, alias: str | None) -> list:
    """The plotly charts the report embeds after its own sections (its forecast and impulse responses
    are drawn by the report itself, as the CLI's are)."""
    return [
        ("Stability", figures.roots_figure(diag)),
        ("Residuals", figures.residuals_figure(diag, alias)),
        ("Residual autocorrelations", figures.acorr_figure(diag)),
        ("Granger causality", figures.granger_figure(diag)),
        ("Variance decomposition", figures.fevd_figure(diag)),
    ]


@st.cache_data(max_entries=8, show_spinner=False)
def _report(
    key: tuple,
    choice: dict,
    _artifact: Artifact,
    _diag: Diagnostics,
    _backtest: Backtest | None,
    _scenario: Scenario | None,
    _withdrawal: Withdrawal | None,
) -> bytes:
    # keyed by `key` (the store, the immutable version, the page's refit settings, the session's backtest and whether
    # the version is withdrawn: a withdrawal can come at any time) and every `choice` (a saved scenario is immutable
    # too); the objects themselves are not hashed
    if _scenario is not None:
        forecast = forecast_scenario(_artifact, _scenario)
    elif _artifact.exog:  # a VARX's forecast needs future exogenous values, which its saved scenarios hold
        forecast = None
    else:
        alpha = level_to_alpha(choice["level"])
        forecast = forecast_artifact(_artifact, choice["steps"], alpha, intervals=choice["intervals"])
    charts = report_figures(_diag, _artifact.data.frequency)
    shown, accumulated = choice["shown"], choice["accumulated"]
    fan, orth = choice["fan"], choice["orth"]
    return render_report(
        _artifact, _diag, charts, _backtest, forecast, orth, fan, _withdrawal, _scenario, shown, accumulated
    ).encode()


def session_backtest(artifact: Artifact) -> tuple[tuple | None, Backtest | None]:
    """The newest backtest of this version run on the Backtest page in this session, if any."""
    mine = [
        (key, result)
        for key, result in session.results(BACKTESTS).items()
        if key[:2] == (artifact.name, str(artifact.version))
    ]
    return mine[-1] if mine else (None, None)


def render(
    artifact: Artifact,
    diag: Diagnostics,
    where: str,
    periods: int,
    lags: int,
    orth: bool,
    shown=((), ()),
    accumulated: bool = False,
) -> dict[str, str | None]:
    """The tab: what the file will hold, the forecast's steps and level, and the download. `shown`: the impulses
    and responses picked on the Impulse responses tab, `accumulated` whether they are summed there. Returns the
    settings for the page's address."""
    backtest_key, backtest = session_backtest(artifact)
    kind = ("orthogonalised" if orth else "plain") + (" accumulated" if accumulated else "")
    saved = {s.scenario: s for s in store.scenarios(artifact.name, artifact.version)} if artifact.version else {}
    _take_link(artifact, saved)
    if st.session_state.get(KEYS["scenario"]) not in ("", *saved):  # another version's, or none yet
        st.session_state[KEYS["scenario"]] = ""
    chosen = st.session_state[KEYS["scenario"]]  # the picker's, drawn below the controls it sets
    scenario = saved.get(chosen)
    no_forecast = bool(artifact.exog) and not chosen  # a VARX forecasts only with future exogenous values
    st.markdown(
        f"One self-contained HTML file (opens offline): model card, {'' if no_forecast else 'a forecast, '}every"
        f" table above and the charts, with the {kind} impulse responses up to horizon {periods} as on the Impulse"
        " responses tab"
        + (
            f", plus the backtest you ran ({backtest_key[2]} origins, horizon {backtest_key[3]})."
            if backtest
            else ". Run a backtest on the Backtest page to include its scores."
        )
    )
    picked_fan = [] if no_forecast else list(st.session_state.get(KEYS["fan"]) or [])  # the fan's, drawn below
    left, right, kinds = st.columns([1, 1.4, 2], vertical_alignment="top")  # labels in line; a note hangs below
    steps, level = _steps_and_level(left, right, scenario, no_forecast, picked_fan)
    intervals = _intervals(kinds, artifact, scenario, no_forecast)
    first, second = st.columns([1, 1.4])
    if saved:  # else it would offer only the baseline, which a VARX cannot forecast
        chosen = first.selectbox(
            "Forecast of",
            ["", *saved],
            format_func=lambda s: s or "the baseline",
            key=KEYS["scenario"],
            help="The baseline, or a saved scenario of this version (with its own steps, level and intervals).",
            **KEEP,
        )
    fan = tuple(
        (second if saved else first).multiselect(
            "Fan (optional)",
            FAN_LEVELS,
            key=KEYS["fan"],
            format_func=lambda x: f"{x}%",
            help=FAN_HELP,
            disabled=no_forecast,
            **KEEP,
        )
    )
    if fan and not no_forecast:
        st.caption(
            f":material/info: The report draws a fan of {', '.join(f'{x}%' for x in sorted(fan))} bands, not the"
            " one interval: empty *Fan* to draw the interval."
        )
    withdrawal = store.withdrawals(artifact.name).get(artifact.version) if artifact.version else None
    if no_forecast:
        st.caption(
            "No forecast in the report: this VARX needs future exogenous values, which a saved scenario holds;"
            + (" pick one under *Forecast of*." if saved else " save one on the Forecast page to include it.")
        )
    refit = (where, artifact.name, str(artifact.version), periods, lags)
    key = (*refit, backtest_key, withdrawal.describe() if withdrawal else None)
    choice = {"orth": orth, "steps": steps, "level": level, "intervals": intervals, "fan": fan, "scenario": chosen}
    choice |= {"shown": (tuple(shown[0]), tuple(shown[1])), "accumulated": accumulated}
    st.download_button(
        "Download HTML report",
        lambda: _report(key, choice, artifact, diag, backtest, saved.get(chosen), withdrawal),
        f"{artifact.name}-{artifact.version}-report.html",
        "text/html",
        icon=":material/download:",
        on_click="ignore",
        key="dg_report",
    )
    return link_values(steps, level, list(fan), chosen, no_forecast, intervals)


def link_values(
    steps: int, level: int, fan: list[int], chosen: str, no_forecast: bool, intervals: str
) -> dict[str, str | None]:
    """The tab's settings for the address: a saved scenario's own steps, level and intervals are the scenario's, not
    the fields' (left out then); none without a forecast."""
    if no_forecast:
        return {}
    own = {} if chosen else {"steps": str(steps), "level": str(level), "intervals": intervals}
    return {**own, "fan": ",".join(map(str, fan)) or None, "scenario": chosen or None}


def _take_link(artifact: Artifact, saved: dict[str, Scenario]) -> None:
    """A link's saved scenario into the picker (one this version lacks is said, and the baseline stays)."""
    wanted = st.session_state.pop(LINK_SCENARIO, None)
    if wanted is None:
        return
    if wanted in saved:
        st.session_state[KEYS["scenario"]] = wanted
        return
    others = f" (saved: {', '.join(saved)})" if saved else ""
    url_state.warn([f"scenario {wanted!r} of {artifact.label}, which is not saved{others}"])


def _steps_and_level(left, right, scenario: Scenario | None, no_forecast: bool, fan: list[int]) -> tuple[int, int]:
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


def _intervals(place, artifact: Artifact, scenario: Scenario | None, no_forecast: bool) -> str:
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
