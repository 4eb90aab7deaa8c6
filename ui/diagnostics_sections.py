"""The Diagnostics page's sections: tables and charts of one version's diagnostics, one function a tab."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import diagnostics_figures as figures
from ui import presentation
from ui.chart_look import plot
from ui.johansen_table import johansen_formats
from ui.literal import library_text, literal
from ui.tables import GOOD, name_columns, number_formats
from ui.vecm_words import train_page_words
from varlib import CRITERION_LABELS, Diagnostics, and_list, counted, kind_names

MAX_ROWS_SHOWN = 24  # a taller table scrolls (the Granger tests of five variables, a VAR(8)'s coefficients)
SHORT_SAMPLE = 100  # rows below which the Johansen caption warns of over-rejection (and the IRF bands of width)
UNIT_ROOT_NAMES_PX = 140  # the unit-root table's variable names, cut beyond (whole in a cell's overlay)
ROOTS_HEIGHT, ROW_PX = 420, 35  # the eigenvalue table beside the chart: its tallest, and Streamlit's row height


def lag_order(diag: Diagnostics) -> None:
    selection = diag.lag_selection
    table = pd.DataFrame(list(selection.table)).set_index("lag").rename(columns=CRITERION_LABELS)
    table["chosen by"] = [
        ", ".join(CRITERION_LABELS[c] for c, lag in selection.selected.items() if lag == row) for row in table.index
    ]
    table["version"] = ["◀ used" if row == diag.k_ar else "" for row in table.index]
    st.caption(
        f"Information criteria for lags up to {selection.max_lags} on a common sample (statsmodels"
        " select_order, the version's trend); the minimum of each column is highlighted."
    )
    # criteria are read by their differences between lags: six significant digits
    styled = table.style.format(number_formats(table[list(CRITERION_LABELS.values())], digits=6), na_rep="")
    for criterion, lag in selection.selected.items():
        styled = styled.set_properties(
            subset=pd.IndexSlice[[lag], [CRITERION_LABELS[criterion]]],
            **{"background-color": "rgba(46,134,222,0.25)", "font-weight": "bold"},
        )
    # every lag shown, no inner scrolling: the chosen one can be past the tenth
    st.dataframe(styled, width="stretch", height="content", key="dg_lag_table")


def coefficients(diag: Diagnostics) -> None:
    if diag.coefficients.none_note:  # a VECM(1) with its terms inside the relations: empty tables say nothing
        st.info(library_text(diag.coefficients.none_note), icon=":material/info:")
        return
    if diag.cointegration is not None:
        st.caption(
            "The lagged differences (Γ) and the deterministic terms outside the cointegration relation, per"
            " equation of the differences: maximum-likelihood estimates, which given the relations are least"
            " squares per equation; the relations and loadings are on the Cointegration tab."
        )
    what = "Standard errors" if diag.cointegration is not None else "OLS estimates per equation, with standard errors"
    vecm = " (the relations taken as known)" if diag.cointegration is not None else ""
    st.caption(
        f"{what} and t statistics. `p`: two-sided, from Student's t with the equation's"
        f" {diag.coefficients.df_resid} residual degrees of freedom{vecm} (as R's vars reports it: a small-sample"
        " convention, not exact in a dynamic model), highlighted below 0.05; `p normal`: the asymptotic normal"
        " p-value statsmodels and JMulTi print."
    )
    equations = diag.coefficients.equations  # a tab's label is markdown: each variable as typed
    for tab, equation in zip(st.tabs([literal(e) for e in equations]), equations, strict=True):
        frame = diag.coefficients.frame(equation)
        styled = frame.style.format(number_formats(frame, p_values=("p", "p normal"))).map(
            lambda p: GOOD if p < 0.05 else "", subset=["p"]
        )
        tab.dataframe(styled, width="stretch", height=_height(len(frame)))


def stability(diag: Diagnostics) -> None:
    stab = diag.stability
    show = st.success if stab.stable and stab.moduli.max() <= 0.95 else (st.warning if stab.stable else st.error)
    if stab.as_expected is not None:  # a VECM: K - r unit roots are expected, the rest must be inside
        show = st.success if stab.adequate else st.error
    show(library_text(stab.verdict))
    left, right = st.columns([2, 1])
    plot(left, figures.roots_figure(diag), key="dg_roots")
    frame = stab.roots_frame()
    # as tall as its rows (a fixed height left blank rows under a short table); a long one scrolls beside the chart
    height = "content" if ROW_PX * (len(frame) + 1) <= ROOTS_HEIGHT else ROOTS_HEIGHT
    styled = frame.style.format(stab.root_text)
    right.dataframe(styled, width="stretch", height=height, key="dg_roots_table")


def test_frame(rows: list[tuple[str, object]]) -> pd.DataFrame:
    out = []
    for label, test in rows:
        out.append(
            {
                "test": label,
                "statistic": test.statistic,
                "df": test.df_text,
                "p-value": test.pvalue,
                f"at {test.signif:g}": test.decision,
            }
        )
    return pd.DataFrame(out).set_index("test")


WHITENESS_NOTE = (
    "The verdict uses the LM test's F form (Edgerton-Shukur; JMulTi prints it for a VAR): it holds its 5% level on"
    " short samples, where the portmanteau tests, which need many more lags than the model has, reject white"
    " residuals far too often."
)
PORTMANTEAU_NOTE = (
    "The sample is too short for the LM test, so the verdict above uses the adjusted portmanteau statistic"
    " (Hosking's, as R vars and JMulTi print it), which weights lag i by T/(T-i); with few more lags than the"
    " model has, it rejects white residuals too often."
)

ARCH_NOTE = (
    "The ARCH-LM tests (Engle's per variable, Doornik's multivariate one; their figures equal JMulTi's) ask whether"
    " the residuals' variance follows the size of recent shocks; `varlib diagnose --arch-lags` takes other lags."
)


def _tests_styled(frame: pd.DataFrame):
    return frame.style.format(number_formats(frame, p_values=("p-value",)))


def residuals(diag: Diagnostics, alias: str | None = None) -> None:
    """Residual tests with verdicts, residuals over time (hovering by period, `alias` the data's frequency)
    and their autocorrelations."""
    whiteness = diag.whiteness_lm or diag.whiteness_adjusted  # the test the training check used
    for test in (whiteness, diag.normality, *([diag.arch] if diag.arch else [])):
        partial = test is whiteness and test.fewer_lags  # a pass on fewer lags than the test's own: no all-clear
        box = st.warning if test.rejected is not False else st.info if partial else st.success  # not computed: warn
        box(library_text(test.verdict))
    rows = [(f"{diag.whiteness_lm.name} (H0: no autocorrelation)", diag.whiteness_lm)] if diag.whiteness_lm else []
    rows += [
        (
            f"portmanteau, adjusted (small-sample), {diag.whiteness_lags} lags (H0: no autocorrelation)",
            diag.whiteness_adjusted,
        ),
        (f"portmanteau, unadjusted, {diag.whiteness_lags} lags (as statsmodels prints it)", diag.whiteness),
        ("Doornik-Hansen joint (H0: normal residuals; the verdict's)", diag.normality),
        ("Jarque-Bera joint, Lütkepohl's (Cholesky: depends on the variables' order)", diag.normality_lutkepohl),
    ]
    rows += [(f"Jarque-Bera {v}", t) for v, t in zip(diag.variables, diag.normality_by_variable, strict=True)]
    rows += diag.arch.labelled(diag.variables) if diag.arch else []
    # every test in sight: the multivariate ARCH row of three variables hid under the 10 rows drawn by default
    st.dataframe(_tests_styled(test_frame(rows)), width="stretch", height=_height(len(rows)))
    note = WHITENESS_NOTE if diag.whiteness_lm else PORTMANTEAU_NOTE
    if diag.nobs < SHORT_SAMPLE:
        note += (
            f" On {diag.nobs} residuals the Jarque-Bera tests' chi-square approximation is rough (skewness and"
            " kurtosis converge slowly): read their p-values near 0.05 as undecided. Doornik-Hansen's transforms"
            " are made for small samples."
        )
    if diag.arch is not None:
        note += f" {ARCH_NOTE}" + (f" Here {library_text(diag.arch.joint_note)}." if diag.arch.joint_note else "")
    st.caption(note)
    plot(st, figures.residuals_figure(diag, alias), key="dg_resid")
    plot(st, figures.acorr_figure(diag), key="dg_acorr", image=f"acorr-{diag.whiteness_lags}-lags")  # the page's choice


def granger(diag: Diagnostics) -> None:
    st.caption(
        "F tests that the lags of the causing variables add nothing to the caused variable's equation. With three"
        " or more variables, both group directions too: one variable → all others jointly (as JMulTi and R vars"
        " print it) and all others → one (EViews' block exogeneity). Hover for F and degrees of freedom."
    )
    integrated = _integrated_in_levels(diag)
    if integrated:
        st.caption(
            f":orange[:material/warning:] {literal(and_list(integrated))} {'looks' if len(integrated) == 1 else 'look'}"
            " integrated (Unit roots tab): in a VAR in levels,"
            " tests on the lags of integrated variables can have non-standard distributions (Sims, Stock and"
            " Watson, 1990), so a p-value near 0.05 decides little; the same test on a model in differences, or"
            " with Toda and Yamamoto's extra lag, is the safer reading."
        )
    plot(st, figures.granger_figure(diag, presentation.theme()), key="dg_granger")
    rows = [
        {
            "direction": t.scope_label,
            "causing": ", ".join(t.causing),
            "caused": ", ".join(t.caused),
            "F": t.result.statistic,
            "df": f"{t.result.df[0]}, {t.result.df[1]}",
            "p-value": t.result.pvalue,
        }
        for t in diag.granger
    ]
    table = pd.DataFrame(rows)
    st.dataframe(
        table.style.format(number_formats(table, p_values=("p-value",))),
        hide_index=True,
        width="stretch",
        height=_height(len(table)),  # no half row for three or four variables
        column_config=name_columns(table, ["causing", "caused"]),
    )
    st.subheader("Instantaneous causality")
    st.caption("Wald tests of correlation between each variable's residual and the others' (symmetric).")
    inst = test_frame([(f"{t.causing[0]} ↔ others", t.result) for t in diag.instantaneous])
    st.dataframe(_tests_styled(inst), width="stretch", height=_height(len(inst)))


def _height(rows: int) -> str:
    """A table's height: all its rows up to MAX_ROWS_SHOWN (Streamlit's default draws ten and half of the next)."""
    return "content" if rows <= MAX_ROWS_SHOWN else "auto"


def _integrated_in_levels(diag: Diagnostics) -> list[str]:
    """The variables that look integrated, when the model is a VAR in levels (else none: the caveat is moot), not
    one that keeps cointegrated levels' relations (a VECM)."""
    if _cointegrated(diag) or diag.transform != "none" or diag.integration is None:
        return []
    return [u.variable for u in diag.integration.unit_roots if u.verdict == "integrated"]


def _cointegrated(diag: Diagnostics) -> bool:
    """A model of cointegrated levels, a kind with a cointegration rank (a VECM), not a VAR."""
    return diag.kind in kind_names("coint_rank")


def integration(diag: Diagnostics) -> None:
    """Unit roots of the training data and, when variables look integrated, Johansen's test."""
    result = diag.integration
    if result is None:
        st.info("No unit-root tests for this version.")
        return
    # it names the variables, and a VECM it advises in the Train page's fields, not the CLI's options
    st.info(library_text(diag.integration_advice_in(train_page_words)), icon=":material/insights:")
    roots = result.table()  # the report's table too
    st.caption(library_text(roots.caption))
    st.dataframe(
        roots.frame.style.format(number_formats(roots.frame, roots.p_columns)),
        hide_index=True,
        width="stretch",
        # eight columns of verdicts and tests beside the names take some 830 px of the 980 at 1440 px
        column_config=name_columns(roots.frame, ["variable"], most=UNIT_ROOT_NAMES_PX),
    )
    if result.johansen is None:
        st.caption("Johansen's cointegration test runs when two or more variables look integrated.")
        return
    johansen = result.johansen
    st.subheader("Johansen cointegration test")
    st.caption(
        f"Trace and maximum-eigenvalue statistics on the {result.tested_on} (constant,"
        f" {counted(johansen.lagged_differences, 'lagged difference')}); rank at 5% by the trace test:"
        f" **{johansen.rank}**."
        + (
            f" On {result.rows_tested} rows the trace test, which has no small-sample correction here, rejects too"
            " often: a rank that hangs on a statistic near its 5% value is uncertain."
            if result.rows_tested < SHORT_SAMPLE
            else ""
        )
    )
    table = johansen.frame()  # every rank in sight: past ten, an inner scroll hid them
    st.dataframe(table.style.format(johansen_formats(table)), hide_index=True, width="stretch", height="content")


def irf_bands_note(diag: Diagnostics, orth: bool, accumulated: bool = False) -> str:
    """What the responses and their bands are, and when they say little."""
    level = round((1 - diag.irf.signif) * 100)
    shock = "one standard deviation of the orthogonalised shock" if orth else "one unit of the variable's own shock"
    order = (
        f" Cholesky order: {literal(', '.join(diag.variables))} (a shock moves the variables after it at once)."
        if orth
        else ""
    )
    summed = ""
    if accumulated:  # of a model of log differences, the responses of the log levels
        summed = f" summed over the periods (responses of the {diag.summed_levels}, not of their changes)"
    note = (
        f"Each response to {shock}{summed}, with pointwise {level}% asymptotic (delta-method) bands: each period's band"
        f" on its own, not the whole path's.{order}"
    )
    if _cointegrated(diag):  # unit roots by construction
        note += " Responses of the levels of an integrated system need not die out, and their bands widen with h."
    if diag.nobs < SHORT_SAMPLE:
        note += f" On {diag.nobs} observations asymptotic bands are often too narrow: read them as rough."
    return note + _unstable(diag, "responses and their bands")


def fevd_note(diag: Diagnostics) -> str:
    """What the decomposition's shares depend on: the shocks are orthogonalised in the variables' order."""
    order = literal(" → ".join(diag.variables))
    return (
        f"Each bar splits a variable's forecast-error variance at that horizon into the shares of the shocks,"
        f" orthogonalised by the Cholesky factor in the variables' order ({order}): a shock moves the variables"
        " after it at once, not those before, so another order gives other shares. `varlib diagnose` prints the"
        " last horizon's shares."
    ) + _unstable(diag, "shares")


def _unstable(diag: Diagnostics, what: str) -> str:
    """The Stability tab's caveat, said where a VAR's responses are read: an unstable one's never die out."""
    stab = diag.stability
    if stab.stable or stab.as_expected is not None:  # a VECM's unit roots are expected, its own verdict says so
        return ""
    largest = stab.root_text(float(stab.moduli.max()))
    return (
        f" **This VAR is not stable** (largest eigenvalue modulus {largest}, on or outside the unit circle: see"
        f" Stability): shocks never die out, so these {what} are not meaningful."
    )
