"""The report's diagnostics sections (lag order, cointegration, stability, residual tests, unit roots,
Granger causality, coefficients, variance decomposition, backtest) and its table renderer.

Every table prints each numeric column in one format (varlib.number_format): p-values to four
decimals, information criteria to six significant digits, the rest by the column's magnitudes.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from .backtest import Backtest
from .diagnostics import Cointegration, Diagnostics
from .integration_results import P_COLUMNS as UNIT_ROOT_P
from .kinds import get_kind
from .model_space import CRITERION_LABELS
from .number_format import format_column
from .report_forecast import printable
from .scores import score_notes
from .wording import counted

P_COLUMNS = frozenset({"p", "p-value", "p normal", "pvalue", *UNIT_ROOT_P})


def lag_order(diag: Diagnostics) -> list[str]:
    selection = diag.lag_selection
    frame = pd.DataFrame(list(selection.table)).set_index("lag")
    # criteria are read by their differences between lags: six significant digits, one format per column
    cells = pd.DataFrame({c: format_column(frame[c], digits=6) for c in frame.columns}, index=frame.index)
    for criterion, lag in selection.selected.items():
        cells.loc[lag, criterion] = f"<span class='chosen'>{cells.loc[lag, criterion]} *</span>"
    chosen = ", ".join(f"{CRITERION_LABELS[c]} {lag}" for c, lag in selection.selected.items())
    return [
        "<h2>Lag order selection</h2>",
        f"<p>Up to {selection.max_lags} lags with {get_kind(diag.kind).deterministic_name}"
        f" '{html.escape(diag.trend)}'; chosen (*): {chosen}. The version uses {diag.k_ar}"
        f"{' (VAR order in levels)' if diag.cointegration else ''}.</p>",
        table(cells.rename(columns=CRITERION_LABELS), escape=False),
    ]


def cointegration(coint: Cointegration) -> list[str]:
    johansen = coint.johansen
    ranks = johansen.frame().set_index("rank <=")
    parts = [
        "<h2>Cointegration</h2>",
        f"<p>Rank {coint.rank} ({html.escape(coint.rank_method)}); Johansen's test with"
        f" {counted(johansen.lagged_differences, 'lagged difference')} and deterministic terms"
        f" '{html.escape(johansen.deterministic)}' suggests rank {johansen.rank} at 5%.</p>",
        *([f"<p class='note'>{html.escape(_sentence(coint.johansen_caveat))}.</p>"] if coint.johansen_caveat else []),
        table(ranks),
    ]
    for title, coefs in (("Cointegration relations (beta, normalised)", coint.beta), ("Loadings (alpha)", coint.alpha)):
        for equation in coefs.equations:
            parts += [f"<h3>{title}: {html.escape(equation)}</h3>", table(coefs.frame(equation))]
    return parts


def _sentence(text: str) -> str:
    """Its first letter raised and no other lowered (str.capitalize wrote "johansen")."""
    return text[:1].upper() + text[1:]


def stability(diag: Diagnostics) -> list[str]:
    stab = diag.stability
    css = "good" if stab.adequate else "bad"
    shown = stab.roots_frame().map(stab.root_text)  # every root: a VAR(8) of three variables has 24
    return ["<h2>Stability</h2>", f"<p class='{css}'>{prose(stab.verdict)}</p>", table(shown)]


def residual_tests(diag: Diagnostics) -> list[str]:
    lags, adjusted_by = diag.whiteness_lags, "as R vars and JMulTi print it"
    rows = [{"test": diag.whiteness_lm.name, **result_row(diag.whiteness_lm)}] if diag.whiteness_lm else []
    rows += [
        {"test": f"portmanteau, adjusted ({adjusted_by}), {lags} lags", **result_row(diag.whiteness_adjusted)},
        {"test": f"portmanteau, unadjusted, {lags} lags", **result_row(diag.whiteness)},
        {"test": "Doornik-Hansen normality (joint; the verdict's)", **result_row(diag.normality)},
        {
            "test": "Jarque-Bera normality (joint, Lütkepohl's: in the variables' order)",
            **result_row(diag.normality_lutkepohl),
        },
    ]
    rows += [
        {"test": f"Jarque-Bera {v}", **result_row(t)}
        for v, t in zip(diag.variables, diag.normality_by_variable, strict=True)
    ]
    rows += [{"test": label, **result_row(t)} for label, t in diag.arch.labelled(diag.variables)] if diag.arch else []
    parts = ["<h2>Residual tests</h2>", table(pd.DataFrame(rows).set_index("test"))]
    if diag.arch is not None:
        css = "good" if diag.arch.rejected is False else "bad"
        note = f" ({_sentence(diag.arch.joint_note)}.)" if diag.arch.joint_note else ""
        parts.append(f"<p class='{css}'>{prose(diag.arch.verdict + note)}</p>")
    return parts


def granger(diag: Diagnostics) -> list[str]:
    rows = [
        {"direction": t.direction, "scope": t.scope_label, **result_row(t.result)}
        for t in sorted(diag.granger, key=lambda t: _SCOPE_ORDER.index(t.scope))
    ]
    inst = pd.DataFrame([{"variable": t.causing[0], **result_row(t.result)} for t in diag.instantaneous])
    return [
        "<h2>Granger causality (F tests)</h2>",
        "<p class='note'>Each row tests whether the lags of the variables on the left help forecast those on"
        " the right: single pairs, one variable against all the others jointly (as JMulTi and R vars print"
        " it), and all the others against one (EViews' block exogeneity).</p>",
        table(pd.DataFrame(rows).set_index("direction")),
        "<h3>Instantaneous causality (Wald tests, each variable against all others)</h3>",
        table(inst.set_index("variable")),
    ]


_SCOPE_ORDER = ("pair", "one_to_others", "others_to_one")


def integration(diag: Diagnostics, compare: str | None = None) -> list[str]:
    """The unit-root section; `compare` names where the reader compares versions (Diagnostics.advice_comparing)."""
    result = diag.integration
    if result is None:
        return []
    roots = result.table()
    parts = [
        "<h2>Unit roots and cointegration</h2>",
        f"<p>{prose(roots.caption)} {prose(diag.advice_comparing(compare) or result.advice)}</p>",
        printable(table, roots.frame.set_index("variable")),  # nine columns: split to fit a page in print
    ]
    johansen = result.johansen
    if johansen is not None:
        ranks = pd.DataFrame(
            {
                "trace": johansen.trace,
                "trace 95% critical": [c[1] for c in johansen.trace_critical],
                "max eigenvalue": johansen.max_eigen,
                "max eigenvalue 95% critical": [c[1] for c in johansen.max_eigen_critical],
            },
            index=pd.Index([f"rank <= {r}" for r in range(len(johansen.trace))], name="H0"),
        )
        parts += [
            f"<h3>Johansen trace test ({result.tested_on}, constant,"
            f" {counted(johansen.lagged_differences, 'lagged difference')}):"
            f" rank {johansen.rank} at 5%</h3>",
            table(ranks),
        ]
    return parts


def coefficients(diag: Diagnostics) -> list[str]:
    if diag.coefficients.none_note:
        return ["<h2>Coefficients</h2>", f"<p class='note'>{html.escape(diag.coefficients.none_note)}</p>"]
    parts = [
        "<h2>Coefficients</h2>",
        "<p class='note'>Estimates with standard errors and t statistics. p: two-sided, from Student's t with"
        f" the equation's {diag.coefficients.df_resid} residual degrees of freedom"
        f"{' (the relations taken as known)' if diag.cointegration is not None else ''} (as R's vars reports it: a"
        " small-sample convention, not exact in a dynamic model); p normal: the asymptotic normal p-value"
        " statsmodels and JMulTi print.</p>",
    ]
    for equation in diag.coefficients.equations:
        parts += [f"<h3>Equation {html.escape(equation)}</h3>", table(diag.coefficients.frame(equation))]
    return parts


def fevd(diag: Diagnostics) -> list[str]:
    shares = diag.variance_shares()  # a column per shock: printed, split into tables that fit the page
    horizon = diag.fevd.shape[1]
    return [
        f"<h2>Variance decomposition at horizon {horizon}</h2>",
        # the table alone did not say what its rows and columns are, nor that a row adds up to 1
        f"<p class='note'>Each row: the shares of that variable's {horizon}-step forecast-error variance due to each"
        " shock (orthogonalised by the Cholesky factor, in the variables' order); a row sums to 1.</p>",
        printable(table, shares),
    ]


def backtest(result: Backtest, observed: np.ndarray | None = None) -> list[str]:
    """The backtest's section; `observed`: the version's exogenous values, which tell the calendar's columns."""
    scores = result.scores()
    notes = (*score_notes(scores["mape"], result.exog, observed), *result.notes)
    return [
        f"<h2>Backtest ({len(result.origins)} origins, horizons 1..{result.horizon}, lag order"
        f" {result.lag_policy})</h2>",
        f"<p>{html.escape(result.summary())}; {html.escape(result.policy())}.</p>",
        table(scores.set_index(["variable", "horizon"])),
        *(f"<p>{html.escape(note)}</p>" for note in notes),
    ]


def result_row(result) -> dict:
    df = result.df_text if isinstance(result.df, tuple) else result.df  # a single df stays a number
    return {
        "statistic": result.statistic,
        "df": df,
        "p-value": result.pvalue,
        f"at {result.signif:g}": result.decision,
    }


def prose(text: object) -> str:
    """The library's text as HTML: escaped, its `backticks` (a transform's name) as code."""
    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", html.escape(str(text)))


def table(
    frame: pd.DataFrame, escape: bool = True, classes: str | None = None, digits: int = 4, header: bool = True
) -> str:
    """A frame as an HTML table, each numeric column in one number format (p-values to four decimals, `< 0.0001` below);
    `header=False` for a list of names and values, whose column names would say nothing."""
    shown = frame.copy()
    for column in frame.columns:
        if _numeric(frame[column]):
            shown[column] = format_column(frame[column], str(column) in P_COLUMNS, digits)
    if shown.index.nlevels == 1 and shown.index.name is not None and shown.columns.name is None:
        # the rows' name in the header's corner: pandas would give it a header row of its own, empty but for it
        shown.columns.name, shown.index.name = shown.index.name, None
    # in a box that scrolls sideways: a table of many variables is wider than the page
    return (
        f"<div class='wide'>{shown.to_html(escape=escape, na_rep='', border=0, classes=classes, header=header)}</div>"
    )


def _numeric(column: pd.Series) -> bool:
    present = [v for v in column if v is not None and not (isinstance(v, float) and np.isnan(v))]
    return bool(present) and all(isinstance(v, int | float | np.number) and not isinstance(v, bool) for v in present)
