"""Diagnostics: a stored version refitted from its training data, with the tests and charts analysts expect."""

from __future__ import annotations

import streamlit as st

from ui import diagnostics_figures as figures
from ui import diagnostics_report, diagnostics_vecm, store
from ui import diagnostics_sections as sections
from ui.errors import guarded
from ui.version_pick import pick_model, pick_version
from varlib import DEFAULT_IRF_PERIODS, Artifact, Diagnostics, diagnose, whiteness_lag_bounds

MAX_IRF_SHOWN = 40
PLOT = {"displaylogo": False}


@st.cache_data(max_entries=32, show_spinner="Refitting the version and running the tests…")
def _diagnostics(where: str, name: str, version: str, periods: int, lags: int, _artifact: Artifact) -> Diagnostics:
    # keyed by the store, the immutable (name, version) and the options; the artifact itself is not hashed
    return diagnose(_artifact, irf_periods=periods, whiteness_lags=lags)


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
        f"**{artifact.name} {artifact.version}**: {diag.model}, refitted on {diag.nobs} observations of the"
        f" {space} of {', '.join(diag.variables)} (from the stored training data; nothing is unpickled). Tests"
        " and responses are in model space."
    )
    if diag.refit_gap > 1e-6:
        st.warning(
            f"The refit differs from the stored coefficients by up to {diag.refit_gap:.3g}: the version was"
            " fitted by another statsmodels; the diagnostics describe the refit."
        )
    cointegrated = diag.cointegration is not None  # a VECM: its long-run part gets a tab of its own
    tabs = list(
        st.tabs(
            [
                "Lag order",
                *(["Cointegration"] if cointegrated else []),
                "Coefficients",
                "Stability",
                "Residuals",
                "Granger causality",
                "Impulse responses",
                "Variance decomposition",
                "Unit roots & cointegration",
                "Report",
            ]
        )
    )
    with tabs[0]:
        sections.lag_order(diag)
    if cointegrated:  # taken out of the list, so the tabs after it keep their positions below
        with tabs.pop(1):
            diagnostics_vecm.cointegration(diag)
    with tabs[1]:
        sections.coefficients(diag)
    with tabs[2]:
        sections.stability(diag)
    with tabs[3]:
        sections.residuals(diag, artifact.data.frequency)
    with tabs[4]:
        sections.granger(diag)
    with tabs[5]:
        orth = st.toggle("Orthogonalised (Cholesky, in the variables' order)", value=True, key="dg_orth")
        st.plotly_chart(figures.irf_figure(diag, orth), key="dg_irf", config=PLOT)
    with tabs[6]:
        st.plotly_chart(figures.fevd_figure(diag), key="dg_fevd", config=PLOT)
    with tabs[7]:
        sections.integration(diag)
    with tabs[8]:  # the report follows the page: the IRF choice above, the lags, and a forecast
        diagnostics_report.render(artifact, diag, where, periods, lags, orth)


guarded(render)
