"""The Diagnostics page's Report tab: one self-contained HTML file of what the page shows.

The report follows the page: its impulse responses are the kind (orthogonalised or plain) and
horizon chosen on the Impulse responses tab, its tests use the page's whiteness lags, and it adds a
forecast (chart with its band and a table) for the steps and level picked here. The backtest run on
the Backtest page in this session, if any, is included. Built on click and cached per choice.
"""

from __future__ import annotations

import streamlit as st

from ui import diagnostics_figures as figures
from ui import session
from varlib import MAX_STEPS, Artifact, Backtest, Diagnostics, forecast_artifact, level_to_alpha, render_report

BACKTESTS = "backtests"  # the ui.session slot where the Backtest page keeps this session's results
LEVELS = (80, 90, 95, 99)


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
    backtest_key: tuple | None,
    _artifact: Artifact,
    _diag: Diagnostics,
    _backtest: Backtest | None,
) -> bytes:
    # keyed by the store, the immutable version and every choice; the objects themselves are not hashed
    # a VARX's forecast needs future exogenous values, which only its saved scenarios hold
    forecast = None if _artifact.exog else forecast_artifact(_artifact, steps, level_to_alpha(level))
    charts = report_figures(_diag, _artifact.data.frequency)
    return render_report(_artifact, _diag, charts, _backtest, forecast, orth).encode()


def session_backtest(artifact: Artifact) -> tuple[tuple | None, Backtest | None]:
    """The newest backtest of this version run on the Backtest page in this session, if any."""
    mine = [
        (key, result)
        for key, result in session.results(BACKTESTS).items()
        if key[:2] == (artifact.name, str(artifact.version))
    ]
    return mine[-1] if mine else (None, None)


def render(artifact: Artifact, diag: Diagnostics, where: str, periods: int, lags: int, orth: bool) -> None:
    """The tab: what the file will hold, the forecast's steps and level, and the download."""
    backtest_key, backtest = session_backtest(artifact)
    kind = "orthogonalised" if orth else "plain"
    st.markdown(
        "One self-contained HTML file (opens offline): model card, a forecast, every table above and the charts,"
        f" with the {kind} impulse responses up to horizon {periods} as on the Impulse responses tab"
        + (
            f", plus the backtest you ran ({backtest_key[2]} origins, horizon {backtest_key[3]})."
            if backtest
            else ". Run a backtest on the Backtest page to include its scores."
        )
    )
    left, right, _ = st.columns([1, 1.4, 2], vertical_alignment="bottom")
    steps = int(left.number_input("Forecast steps", 1, MAX_STEPS, 8, key="dg_report_steps"))
    level = right.segmented_control(
        "Interval", LEVELS, default=95, key="dg_report_level", format_func=lambda x: f"{x}%"
    )
    level = int(level or 95)
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
            backtest_key,
            artifact,
            diag,
            backtest,
        ),
        f"{artifact.name}-{artifact.version}-report.html",
        "text/html",
        icon=":material/download:",
        on_click="ignore",
        key="dg_report",
    )
