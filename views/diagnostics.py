"""Diagnostics: a stored version refitted from its training data, with the tests and charts analysts expect."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import diagnostics_figures as figures
from ui import session, store
from ui.errors import guarded
from ui.version_pick import pick_model, pick_version
from varlib import DEFAULT_IRF_PERIODS, Artifact, Backtest, Diagnostics, diagnose, render_report, whiteness_lag_bounds

MAX_IRF_SHOWN = 40
PLOT = {"displaylogo": False}
BACKTESTS = "backtests"  # the ui.session slot where the Backtest page keeps this session's results


@st.cache_data(max_entries=32, show_spinner="Refitting the version and running the tests…")
def _diagnostics(where: str, name: str, version: str, periods: int, lags: int, _artifact: Artifact) -> Diagnostics:
    # keyed by the store, the immutable (name, version) and the options; the artifact itself is not hashed
    return diagnose(_artifact, irf_periods=periods, whiteness_lags=lags)


@st.cache_data(max_entries=8, show_spinner=False)
def _report(
    where: str,
    name: str,
    version: str,
    periods: int,
    lags: int,
    backtest_key: tuple | None,
    _artifact: Artifact,
    _diag: Diagnostics,
    _backtest: Backtest | None,
) -> bytes:
    return render_report(_artifact, _diag, report_figures(_diag), _backtest).encode()


def _session_backtest(artifact: Artifact) -> tuple[tuple | None, Backtest | None]:
    """The newest backtest of this version run on the Backtest page in this session, if any."""
    mine = [
        (key, result)
        for key, result in session.results(BACKTESTS).items()
        if key[:2] == (artifact.name, str(artifact.version))
    ]
    return mine[-1] if mine else (None, None)


def report_figures(diag: Diagnostics) -> list:
    """The charts the HTML report embeds, in order."""
    return [
        ("Stability", figures.roots_figure(diag)),
        ("Residuals", figures.residuals_figure(diag)),
        ("Residual autocorrelations", figures.acorr_figure(diag)),
        ("Granger causality", figures.granger_figure(diag)),
        ("Impulse responses", figures.irf_figure(diag, orth=True)),
        ("Variance decomposition", figures.fevd_figure(diag)),
    ]


def render() -> None:
    st.title("Diagnostics")
    top = st.columns([1.5, 1.5, 1, 1], vertical_alignment="bottom")
    name = pick_model("dg", top[0])
    if name is None:
        return
    artifact = pick_version("dg", name, top[1])
    if artifact is None:
        return
    periods = int(
        top[2].number_input(
            "IRF horizon",
            1,
            MAX_IRF_SHOWN,
            DEFAULT_IRF_PERIODS,
            key="dg_periods",
            help="Periods of impulse responses and variance decompositions.",
        )
    )
    lowest, most, default_lags = whiteness_lag_bounds(artifact)
    lags = int(
        top[3].number_input(
            "Whiteness lags",
            lowest,
            most,
            default_lags,
            key=f"dg_lags|{artifact.k_ar}",
            help=f"Portmanteau test lags; must exceed the lag order {artifact.k_ar}.",
        )
    )
    where = store.registry().description
    diag = _diagnostics(where, artifact.name, str(artifact.version), periods, lags, artifact)
    space = diag.to_dict()["model_space"]
    st.caption(
        f"**{artifact.name} {artifact.version}**: VAR({diag.k_ar}) with trend '{diag.trend}' refitted on"
        f" {diag.nobs} observations of the {space} of {', '.join(diag.variables)} (from the stored training"
        " data; nothing is unpickled). Tests and responses are in model space."
    )
    if diag.refit_gap > 1e-6:
        st.warning(
            f"The refit differs from the stored coefficients by up to {diag.refit_gap:.3g}: the version was"
            " fitted by another statsmodels; the diagnostics describe the refit."
        )
    tabs = st.tabs(
        [
            "Lag order",
            "Coefficients",
            "Stability",
            "Residuals",
            "Granger causality",
            "Impulse responses",
            "Variance decomposition",
            "Report",
        ]
    )
    with tabs[0]:
        _lag_order(diag)
    with tabs[1]:
        _coefficients(diag)
    with tabs[2]:
        _stability(diag)
    with tabs[3]:
        _residuals(diag)
    with tabs[4]:
        _granger(diag)
    with tabs[5]:
        orth = st.toggle("Orthogonalised (Cholesky, in the variables' order)", value=True, key="dg_orth")
        st.plotly_chart(figures.irf_figure(diag, orth), key="dg_irf", config=PLOT)
    with tabs[6]:
        st.plotly_chart(figures.fevd_figure(diag), key="dg_fevd", config=PLOT)
    with tabs[7]:
        backtest_key, backtest = _session_backtest(artifact)
        st.markdown(
            "One self-contained HTML file (opens offline): model card, every table above and the charts"
            + (
                f", plus the backtest you ran ({backtest_key[2]} origins, horizon {backtest_key[3]})."
                if backtest
                else ". Run a backtest on the Backtest page to include its scores."
            )
        )
        st.download_button(
            "Download HTML report",
            lambda: _report(
                where, artifact.name, str(artifact.version), periods, lags, backtest_key, artifact, diag, backtest
            ),
            f"{artifact.name}-{artifact.version}-report.html",
            "text/html",
            icon=":material/download:",
            on_click="ignore",
            key="dg_report",
        )


def _lag_order(diag: Diagnostics) -> None:
    selection = diag.lag_selection
    table = pd.DataFrame(list(selection.table)).set_index("lag")
    table["chosen by"] = [
        ", ".join(c.upper() for c, lag in selection.selected.items() if lag == row) for row in table.index
    ]
    table["version"] = ["◀ used" if row == diag.k_ar else "" for row in table.index]
    st.caption(
        f"Information criteria for lags up to {selection.max_lags} on a common sample (statsmodels"
        " select_order, the version's trend); the minimum of each column is highlighted."
    )
    styled = table.style.format("{:.6g}", subset=["aic", "bic", "hqic", "fpe"], na_rep="")
    for criterion, lag in selection.selected.items():
        styled = styled.set_properties(
            subset=pd.IndexSlice[[lag], [criterion]],
            **{"background-color": "rgba(46,134,222,0.25)", "font-weight": "bold"},
        )
    st.dataframe(styled, width="stretch", key="dg_lag_table")


def _coefficients(diag: Diagnostics) -> None:
    st.caption(
        "OLS estimates per equation with standard errors, t statistics and two-sided p-values; p < 0.05 is highlighted."
    )
    for tab, equation in zip(st.tabs(list(diag.coefficients.equations)), diag.coefficients.equations, strict=True):
        frame = pd.DataFrame(diag.coefficients.table(equation)).set_index("regressor")
        styled = frame.style.format("{:.6g}").map(
            lambda p: "background-color: rgba(26,152,80,0.25)" if p < 0.05 else "", subset=["p"]
        )
        tab.dataframe(styled, width="stretch")


def _stability(diag: Diagnostics) -> None:
    stab = diag.stability
    show = st.success if stab.stable and stab.moduli.max() <= 0.95 else (st.warning if stab.stable else st.error)
    show(stab.verdict)
    left, right = st.columns([2, 1])
    left.plotly_chart(figures.roots_figure(diag), key="dg_roots", config=PLOT)
    moduli = pd.DataFrame({"real": stab.eigenvalues.real, "imag": stab.eigenvalues.imag, "modulus": stab.moduli})
    right.dataframe(moduli.style.format("{:.5f}"), width="stretch", height=420)


def _test_frame(rows: list[tuple[str, object]]) -> pd.DataFrame:
    out = []
    for label, test in rows:
        df = ", ".join(map(str, test.df)) if isinstance(test.df, tuple) else str(test.df)
        out.append(
            {
                "test": label,
                "statistic": test.statistic,
                "df": df,
                "p-value": test.pvalue,
                f"at {test.signif:g}": "reject" if test.rejected else "do not reject",
            }
        )
    return pd.DataFrame(out).set_index("test")


def _residuals(diag: Diagnostics) -> None:
    rows = [
        (f"portmanteau whiteness, {diag.whiteness_lags} lags (H0: no autocorrelation)", diag.whiteness),
        ("Jarque-Bera joint (H0: normal residuals)", diag.normality),
    ]
    rows += [(f"Jarque-Bera {v}", t) for v, t in zip(diag.variables, diag.normality_by_variable, strict=True)]
    st.dataframe(_test_frame(rows).style.format({"statistic": "{:.5g}", "p-value": "{:.4g}"}), width="stretch")
    st.plotly_chart(figures.residuals_figure(diag), key="dg_resid", config=PLOT)
    st.plotly_chart(figures.acorr_figure(diag), key="dg_acorr", config=PLOT)


def _granger(diag: Diagnostics) -> None:
    st.caption(
        "F tests that the lags of the causing variable(s) add nothing to the caused variable's equation;"
        " 'all others' tests every other variable jointly. Hover for the statistic and degrees of freedom."
    )
    st.plotly_chart(figures.granger_figure(diag), key="dg_granger", config=PLOT)
    rows = [
        {
            "causing": ", ".join(t.causing),
            "caused": ", ".join(t.caused),
            "F": t.result.statistic,
            "df": f"{t.result.df[0]}, {t.result.df[1]}",
            "p-value": t.result.pvalue,
        }
        for t in diag.granger
    ]
    st.dataframe(
        pd.DataFrame(rows).style.format({"F": "{:.5g}", "p-value": "{:.4g}"}), hide_index=True, width="stretch"
    )
    st.subheader("Instantaneous causality")
    st.caption("Wald tests of correlation between each variable's residual and the others' (symmetric).")
    inst = _test_frame([(f"{t.causing[0]} ↔ others", t.result) for t in diag.instantaneous])
    st.dataframe(inst.style.format({"statistic": "{:.5g}", "p-value": "{:.4g}"}), width="stretch")


guarded(render)
