"""The Diagnostics page's Report tab: one self-contained HTML file of what the page shows.

The report follows the page: its impulse responses are the kind (orthogonalised or plain) and
horizon chosen on the Impulse responses tab, its tests use the page's whiteness lags, and it adds a
forecast (chart with its band, or a fan of several levels, and a table) for the steps and level picked here,
or a saved scenario of the version. The backtest run on
the Backtest page in this session, if any, is included. Built on click and cached per choice.
"""

from __future__ import annotations

import streamlit as st

from ui import diagnostics_figures as figures
from ui import session, store
from ui.forecast_link import FAN_LEVELS
from ui.whole_number import whole_number
from varlib import (
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
    where: str,
    name: str,
    version: str,
    periods: int,
    lags: int,
    orth: bool,
    steps: int,
    level: int,
    fan: tuple[int, ...],
    backtest_key: tuple | None,
    _artifact: Artifact,
    _diag: Diagnostics,
    _backtest: Backtest | None,
    _scenario: Scenario | None,
    scenario: str = "",
    withdrawn: str | None = None,
    _withdrawal: Withdrawal | None = None,
    shown: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
    accumulated: bool = False,
) -> bytes:
    # keyed by the store, the immutable version, every choice (a saved scenario is immutable too) and whether
    # the version is withdrawn (a withdrawal can come at any time); the objects themselves are not hashed
    if _scenario is not None:
        forecast = forecast_scenario(_artifact, _scenario)
    elif _artifact.exog:  # a VARX's forecast needs future exogenous values, which its saved scenarios hold
        forecast = None
    else:
        forecast = forecast_artifact(_artifact, steps, level_to_alpha(level))
    charts = report_figures(_diag, _artifact.data.frequency)
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
) -> None:
    """The tab: what the file will hold, the forecast's steps and level, and the download. `shown`: the impulses
    and responses picked on the Impulse responses tab, `accumulated` whether they are summed there."""
    backtest_key, backtest = session_backtest(artifact)
    kind = ("orthogonalised" if orth else "plain") + (" accumulated" if accumulated else "")
    saved = {s.scenario: s for s in store.scenarios(artifact.name, artifact.version)} if artifact.version else {}
    chosen = st.session_state.get("dg_report_scenario") or ""  # the picker's, drawn below the controls it sets
    chosen = chosen if chosen in saved else ""
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
    left, right, _ = st.columns([1, 1.4, 2], vertical_alignment="top")  # labels in line; a note hangs below
    own = "A saved scenario keeps its own steps and level." if chosen else None
    off = no_forecast or bool(chosen)  # nothing to set: no forecast, or the scenario's own settings
    steps = whole_number(left, "Forecast steps", 1, MAX_STEPS, "dg_report_steps", 8, disabled=off, help=own)
    level = right.segmented_control(
        "Interval", LEVELS, default=95, key="dg_report_level", format_func=lambda x: f"{x}%", disabled=off, help=own
    )
    level = int(level or 95)
    first, second = st.columns([1, 1.4])
    if saved:  # else it would offer only the baseline, which a VARX cannot forecast
        chosen = first.selectbox(
            "Forecast of",
            ["", *saved],
            format_func=lambda s: s or "the baseline",
            key="dg_report_scenario",
            help="The baseline, or a saved scenario of this version (with its own steps and level).",
        )
    fan = tuple(
        (second if saved else first).multiselect(
            "Fan (optional)",
            FAN_LEVELS,
            key="dg_report_fan",
            format_func=lambda x: f"{x}%",
            help=FAN_HELP,
            disabled=no_forecast,
        )
    )
    withdrawal = store.withdrawals(artifact.name).get(artifact.version) if artifact.version else None
    if no_forecast:
        st.caption(
            "No forecast in the report: this VARX needs future exogenous values, which a saved scenario holds;"
            + (" pick one under *Forecast of*." if saved else " save one on the Forecast page to include it.")
        )
    st.download_button(
        "Download HTML report",
        lambda: _report(
            where,
            artifact.name,
            str(artifact.version),
            periods,
            lags,
            orth,
            steps,
            level,
            fan,
            backtest_key,
            artifact,
            diag,
            backtest,
            saved.get(chosen),
            chosen,
            withdrawal.describe() if withdrawal else None,
            withdrawal,
            (tuple(shown[0]), tuple(shown[1])),
            accumulated,
        ),
        f"{artifact.name}-{artifact.version}-report.html",
        "text/html",
        icon=":material/download:",
        on_click="ignore",
        key="dg_report",
    )
