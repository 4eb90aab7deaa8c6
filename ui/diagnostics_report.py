"""The Diagnostics page's Report tab: one self-contained HTML file of what the page shows.

The report follows the page: its impulse responses are the kind (orthogonalised or plain) and
horizon chosen on the Impulse responses tab, its tests use the page's whiteness lags, and it adds a
forecast (chart with its band, or a fan of several levels, and a table) for the steps, level and interval kind
picked here, or a saved scenario of the version. The backtest run on
the Backtest page in this session, if any, is included. Built on click and cached per choice; a forecast the
settings cannot have (corrected intervals too costly for the steps) is refused on the page, not on the click.
The tab's controls and their place in the address: ui.report_settings.
"""

from __future__ import annotations

import streamlit as st

from ui import diagnostics_figures as figures
from ui import irf_pick, scenario_gone, session, store
from ui import report_settings as settings
from ui.chart_files import backtest_part, file_stem, shortened, stem_of
from ui.errors import show_error
from ui.forecast_link import FAN_LEVELS
from varlib import (
    Artifact,
    Backtest,
    Diagnostics,
    Scenario,
    VarlibError,
    Withdrawal,
    forecast_artifact,
    forecast_scenario,
    level_to_alpha,
    render_report,
    whiteness_lag_bounds,
)

BACKTESTS = "backtests"  # the ui.session slot where the Backtest page keeps this session's results
SHOWN = "_dg_report_scenarios_shown"  # the scenarios the picker offered on this session's last run (scenario_gone)


# Printed, a chart must fit a page with its heading: Letter between margins of 2.5 cm is 867 px tall (96 an inch)
# and 600 px wide (A4's is about the same), less the heading's 60. The residuals and autocorrelation grids of more
# than a few variables are taller, so the report draws them in pieces of whole panels that fit, titled for paper.
PRINTED_HEIGHT = 800
PRINTED_WIDTH = 600
PANELS_BYTES = 40  # of the file's name for the impulse-response panels picked: the rest keeps its room


def report_figures(diag: Diagnostics, alias: str | None) -> list:
    """The plotly charts the report embeds after its own sections (its forecast and impulse responses
    are drawn by the report itself, as the CLI's are): each fits a printed page (PRINTED_HEIGHT, PRINTED_WIDTH)."""
    k = len(diag.variables)
    residuals = _pieces(k, PRINTED_HEIGHT, lambda part: figures.residuals_figure(diag, alias, part))
    # at most PANEL_COLUMNS columns, so a panel's title is readable on paper
    blocks = _parts(k, figures.PANEL_COLUMNS)
    acorr = [
        (rows, cols, figure)
        for cols in blocks
        for rows, figure in _pieces(
            k, PRINTED_HEIGHT, lambda part, cols=cols: figures.acorr_figure(diag, part, cols, PRINTED_WIDTH)
        )
    ]
    charts = [
        ("Stability", figures.roots_figure(diag)),
        *((_part_title("Residuals", rows, (), k), figure) for rows, figure in residuals),
        *((_part_title("Residual autocorrelations", rows, cols, k), figure) for rows, cols, figure in acorr),
        ("Granger causality", figures.granger_figure(diag, drawn=PRINTED_WIDTH)),
        ("Variance decomposition", figures.fevd_figure(diag, PRINTED_WIDTH)),
    ]
    # drawn at the page's width on screen too: print does not redraw a chart, so one drawn across a wide window
    # made Chromium shrink every page to fit it (to two thirds from a window 1,440 px wide: tables in 6 points)
    return [(title, figure.update_layout(width=PRINTED_WIDTH)) for title, figure in charts]


def _parts(k: int, size: int) -> list[range]:
    """0..k-1 in runs of about equal length, none longer than `size`."""
    count = -(-k // size)
    size = -(-k // count)
    return [range(start, min(k, start + size)) for start in range(0, k, size)]


def _pieces(k: int, height: int, draw) -> list[tuple[range, object]]:
    """`draw(part)`'s figures for runs of 0..k-1, as long as `height` allows (one panel row each at the least)."""
    fits = 1  # the longest run that fits, found from the short end: a grid of 14 rows is slow to draw
    while fits < k and draw(_parts(k, fits + 1)[0]).layout.height <= height:
        fits += 1
    return [(part, draw(part)) for part in _parts(k, fits)]


def _part_title(title: str, rows: range, cols: range | tuple, k: int) -> str:
    """A piece's heading: `Residuals (variables 1–3 of 6)`; the whole chart's is the title alone."""
    if len(rows) == k and len(cols) in (0, k):
        return title
    said = f"variables {rows.start + 1}–{rows.stop} of {k}" if len(rows) > 1 else f"variable {rows.start + 1} of {k}"
    if not cols:
        return f"{title} ({said})"
    across = f"{cols.start + 1}–{cols.stop}" if len(cols) > 1 else f"{cols.start + 1}"
    return f"{title} ({said.replace('variable', 'row')}, columns {across})"


def report_name(
    artifact: Artifact,
    scenario: str,
    forecast: tuple | None,
    kind: str,
    periods: int,
    panels: str | None = None,
    lags: int | None = None,
    backtest: tuple | None = None,
    charts: bool = True,
) -> str:
    """The file's name after what it holds, as the forecast's files are named (ui.chart_files): the scenario,
    steps, level or fan and interval kind of its forecast, then its impulse responses' kind and horizon, the
    panels picked (ui.irf_pick.name_part, cut to PANELS_BYTES), the portmanteau tests' lags other than the
    version's default and the backtest's settings (`backtest`: its origins, horizon and lags policy) as the
    Backtest page names its files, and `light` without the interactive charts (`charts`), so two reports of one
    version that hold different numbers or charts never share a name."""
    picked = shortened(file_stem(panels), PANELS_BYTES) if panels else None
    scored = ("backtest", *backtest_part(*backtest)) if backtest else ()
    light = None if charts else "light"
    responses = file_stem("irf", kind, periods, picked, f"{lags}-whiteness-lags" if lags else None, *scored, light)
    return f"{stem_of(artifact.name, artifact.version, 'report', scenario or None, forecast, '-' + responses)}.html"


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
    # the version is withdrawn: a withdrawal can come at any time) and every `choice`, which holds the saved scenario
    # as it was read: its name may be deleted and saved again with other numbers; the objects are not hashed
    if _scenario is not None:
        forecast = forecast_scenario(_artifact, _scenario)
    elif _artifact.exog:  # a VARX's forecast needs future exogenous values, which its saved scenarios hold
        forecast = None
    else:
        alpha = level_to_alpha(choice["level"])
        forecast = forecast_artifact(_artifact, choice["steps"], alpha, intervals=choice["intervals"])
    charts = report_figures(_diag, _artifact.data.frequency) if choice["charts"] else []
    shown, accumulated = choice["shown"], choice["accumulated"]
    fan, orth = choice["fan"], choice["orth"]
    return render_report(
        _artifact, _diag, charts, _backtest, forecast, orth, fan, _withdrawal, _scenario, shown, accumulated
    ).encode()


@st.cache_data(max_entries=32, show_spinner=False)
def _refusal(key: tuple, steps: int, level: int, intervals: str, _artifact: Artifact) -> VarlibError | None:
    """Why the report's forecast cannot be made (corrected intervals too costly for these steps), or None: found
    once per version and choice (keyed by `key`, as _report), not by a forecast on every rerun of the tab."""
    try:
        forecast_artifact(_artifact, steps, level_to_alpha(level), intervals=intervals)
    except VarlibError as exc:
        return exc
    return None


def session_backtest(artifact: Artifact) -> tuple[tuple | None, Backtest | None]:
    """The newest backtest of this version run on the Backtest page in this session, if any."""
    mine = [
        (key, result)
        for key, result in session.results(BACKTESTS).items()
        if key[:2] == (artifact.name, str(artifact.version))
    ]
    return mine[-1] if mine else (None, None)


def _saved(artifact: Artifact) -> tuple[dict[str, Scenario], str | None]:
    """The version's saved scenarios by name (a link's one put into the picker), and the notice of the picker's
    scenario when it was deleted (or damaged) since this session's last run listed it, as the Forecast page says it.
    The listing is cached, so the one opened is asked for first (free within a second of the store's last word)."""
    if artifact.version is None:
        return {}, None
    wanted = st.session_state.get(settings.LINK_SCENARIO)  # a link's, else the picker's
    opened = wanted if wanted is not None else st.session_state.get(settings.KEYS["scenario"])
    saved = scenario_gone.listed(artifact, artifact.version, opened)
    settings.take_link(artifact, saved)
    held = st.session_state.get(settings.KEYS["scenario"])
    damaged = {s.scenario: s.damaged for s in store.damaged_scenarios(artifact.name, artifact.version)}
    # what the report holds instead, and what to do, in the words the Forecast page's notice ends with
    instead = "holds no forecast (a VARX forecasts saved scenarios only)" if artifact.exog else "forecasts the baseline"
    pick = "pick another saved scenario under *Forecast of*" if saved else "save a scenario on the Forecast page"
    to_do = f"The report {instead} instead: {pick} to report one."
    gone = scenario_gone.dropped(artifact, held, list(saved), damaged, SHOWN, to_do)
    scenario_gone.remember(artifact, list(saved), SHOWN)
    return saved, gone


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
    saved, gone = _saved(artifact)
    if st.session_state.get(settings.KEYS["scenario"]) not in ("", *saved):  # another version's, gone, none yet
        st.session_state[settings.KEYS["scenario"]] = ""
    if gone:
        st.warning(gone, icon=":material/delete:")
    chosen = st.session_state[settings.KEYS["scenario"]]  # the picker's, drawn below the controls it sets
    scenario = saved.get(chosen)
    no_forecast = bool(artifact.exog) and not chosen  # a VARX forecasts only with future exogenous values
    # plotly.js makes a file of about 5 MB, 50 times the rest: a person picks it only for the charts it draws
    charts = st.session_state.setdefault(settings.CHARTS, True)
    drawn = "and the interactive charts (about 5 MB)" if charts else "without the interactive charts (under 1 MB)"
    st.markdown(
        f"One self-contained HTML file (opens offline): model card, {'' if no_forecast else 'a forecast, '}every"
        f" table above {drawn}, with the {kind} impulse responses up to horizon {periods} as on the Impulse"
        " responses tab"
        + (
            f", plus the backtest you ran ({backtest_key[2]} origins, horizon {backtest_key[3]})."
            if backtest
            else ". Run a backtest on the Backtest page to include its scores."
        )
    )
    picked_fan = [] if no_forecast else list(st.session_state.get(settings.KEYS["fan"]) or [])  # the fan's, drawn below
    left, right, kinds = st.columns([1, 1.4, 2], vertical_alignment="top")  # labels in line; a note hangs below
    steps, level = settings.steps_and_level(left, right, scenario, no_forecast, picked_fan)
    intervals = settings.intervals_control(kinds, artifact, scenario, no_forecast)
    first, second = st.columns([1, 1.4])
    if saved:  # else it would offer only the baseline, which a VARX cannot forecast
        chosen = first.selectbox(
            "Forecast of",
            ["", *saved],
            format_func=lambda s: s or "the baseline",
            key=settings.KEYS["scenario"],
            help="The baseline, or a saved scenario of this version (with its own steps, level and intervals).",
            **settings.KEEP,
        )
    fan = tuple(
        (second if saved else first).multiselect(
            "Fan (optional)",
            FAN_LEVELS,
            key=settings.KEYS["fan"],
            format_func=lambda x: f"{x}%",
            help=settings.FAN_HELP,
            disabled=no_forecast,
            **settings.KEEP,
        )
    )
    st.toggle("Interactive charts", key=settings.CHARTS, help=settings.CHARTS_HELP, **settings.KEEP)
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
    as_read = repr(scenario) if scenario else None  # its contents, not its name alone: a name may be saved again
    choice = {"orth": orth, "steps": steps, "level": level, "intervals": intervals, "fan": fan, "scenario": as_read}
    choice |= {"shown": (tuple(shown[0]), tuple(shown[1])), "accumulated": accumulated, "charts": charts}
    refused = None if no_forecast or chosen else _refusal(key, steps, level, intervals, artifact)
    if refused is not None:  # shown here: the download would fail silently, on the click
        show_error(refused, advice="The report can be downloaded once this is corrected.")
    st.download_button(
        "Download HTML report",
        lambda: _report(key, choice, artifact, diag, backtest, saved.get(chosen), withdrawal),
        report_name(
            artifact,
            chosen,
            None if no_forecast else (steps, level, sorted(fan), intervals),
            kind,
            periods,
            irf_pick.name_part(diag.variables, *shown),
            None if lags == whiteness_lag_bounds(artifact)[2] else lags,  # the version's default: its name as before
            backtest_key[2:] if backtest else None,  # (name, version, origins, horizon, policy)
            charts,
        ),
        "text/html",
        icon=":material/download:",
        on_click="ignore",
        key="dg_report",
        disabled=refused is not None,
    )
    return settings.link_values(steps, level, list(fan), chosen, no_forecast, intervals, charts)
