"""A self-contained HTML report of one version: model card, diagnostics tables and (optionally) charts.

The file needs no network: styles are inline and plotly.js, when charts are given, is embedded
once. Charts are built by the caller (any object with plotly's `to_html`), which keeps this module
free of plotting and Streamlit code.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from .artifact import Artifact
from .backtest import Backtest
from .clock import utc_now
from .diagnostics import Cointegration, Diagnostics
from .release import __version__

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}th,td{border:1px solid #ddd;padding:3px 8px;
text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
.card td{text-align:left}.note{color:#555;font-size:.9rem}.bad{color:#a00}.good{color:#060}
.chosen{font-weight:bold;background:#e8f3ff}
"""


def render_report(
    artifact: Artifact, diagnostics: Diagnostics, figures: Iterable = (), backtest: Backtest | None = None
) -> str:
    """The whole report as one HTML string. `figures`: (title, plotly figure) pairs, embedded in order."""
    label = artifact.label
    parts = [
        f"<h1>{html.escape(artifact.kind_title)} model {html.escape(label)}</h1>",
        f"<p class='note'>Generated {utc_now()} by varlib {__version__}. All diagnostics refit the version's"
        f" spec on its stored training data; tests are on the model-space series"
        f" ({html.escape(diagnostics.to_dict()['model_space'])}).</p>",
    ]
    parts += _card(artifact)
    parts += _lag_order(diagnostics)
    if diagnostics.cointegration is not None:
        parts += _cointegration(diagnostics.cointegration)
    parts += _stability(diagnostics)
    parts += _tests(diagnostics)
    parts += _integration(diagnostics)
    parts += _granger(diagnostics)
    parts += _coefficients(diagnostics)
    parts += _fevd(diagnostics)
    if backtest is not None:
        parts += _backtest(backtest)
    parts += _figures(figures)
    body = "\n".join(parts)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(label)} report</title>"
        f"<style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def _card(artifact: Artifact) -> list[str]:
    spec, data = artifact.spec, artifact.data
    rows = {
        "created": artifact.created_at,
        "author": artifact.author,
        "notes": artifact.notes,
        "dataset": f"{data.name} ({data.sha256[:12]})",
        "variables": ", ".join(artifact.variables),
        "sample": f"{data.dates[0]} to {data.dates[-1]} ({len(data.values)} rows,"
        f" frequency {data.frequency or 'unknown'})",
        "model": artifact.description,
        "lag order": f"{artifact.k_ar} ({artifact.lag_method})",
        "transform": spec.transform,
        "trend" if spec.deterministic is None else "deterministic": spec.deterministic_terms,
        "lag inputs needed": artifact.lag_rows,
    }
    preparation = artifact.provenance.get("preparation") or {}
    if preparation.get("method", "none") != "none":
        rows["missing data"] = preparation.get("summary", preparation["method"])
    checks = (artifact.adequacy or {}).get("checks") or []
    if checks:
        rows["checks at training time"] = " ".join(f"{c['name']}: {c['verdict']}" for c in checks)
    for number, warning in enumerate(artifact.warnings, 1):
        rows[f"training warning {number}"] = warning
    parts = ["<h2>Model card</h2>", _table(pd.DataFrame({"value": rows}), classes="card")]
    evaluation = artifact.evaluation or {}
    if evaluation.get("metrics"):
        parts += [f"<h3>Holdout ({evaluation.get('rows')} rows)</h3>", _table(pd.DataFrame(evaluation["metrics"]).T)]
    return parts


def _lag_order(diag: Diagnostics) -> list[str]:
    selection = diag.lag_selection
    frame = pd.DataFrame(list(selection.table)).set_index("lag")
    cells = frame.map(lambda v: "" if v is None or pd.isna(v) else f"{v:.6g}")
    for criterion, lag in selection.selected.items():
        cells.loc[lag, criterion] = f"<span class='chosen'>{cells.loc[lag, criterion]} *</span>"
    chosen = ", ".join(f"{c.upper()} {lag}" for c, lag in selection.selected.items())
    return [
        "<h2>Lag order selection</h2>",
        f"<p>Up to {selection.max_lags} lags with {'trend' if diag.kind == 'var' else 'deterministic terms'}"
        f" '{html.escape(diag.trend)}'; chosen (*): {chosen}. The version uses {diag.k_ar}"
        f"{' (VAR order in levels)' if diag.cointegration else ''}.</p>",
        _table(cells, escape=False),
    ]


def _cointegration(coint: Cointegration) -> list[str]:
    johansen = coint.johansen
    table = pd.DataFrame(
        [
            {
                "rank <=": r,
                "trace": johansen.trace[r],
                "trace 95%": johansen.trace_critical[r][1],
                "max eigen": johansen.max_eigen[r],
                "max eigen 95%": johansen.max_eigen_critical[r][1],
                "eigenvalue": johansen.eigenvalues[r],
            }
            for r in range(len(johansen.trace))
        ]
    ).set_index("rank <=")
    parts = [
        "<h2>Cointegration</h2>",
        f"<p>Rank {coint.rank} ({html.escape(coint.rank_method)}); Johansen's test with"
        f" {johansen.lagged_differences} lagged difference(s) and deterministic terms"
        f" '{html.escape(johansen.deterministic)}' suggests rank {johansen.rank} at 5%.</p>",
        _table(table),
    ]
    for title, coefs in (("Cointegration relations (beta, normalised)", coint.beta), ("Loadings (alpha)", coint.alpha)):
        for equation in coefs.equations:
            frame = pd.DataFrame(coefs.table(equation)).set_index("regressor")
            parts += [f"<h3>{title}: {html.escape(equation)}</h3>", _table(frame)]
    return parts


def _stability(diag: Diagnostics) -> list[str]:
    stab = diag.stability
    css = "good" if stab.adequate else "bad"
    moduli = pd.DataFrame({"real": stab.eigenvalues.real, "imag": stab.eigenvalues.imag, "modulus": stab.moduli})
    return ["<h2>Stability</h2>", f"<p class='{css}'>{html.escape(stab.verdict)}</p>", _table(moduli.head(20))]


def _tests(diag: Diagnostics) -> list[str]:
    lags, adjusted_by = diag.whiteness_lags, "as R vars and JMulTi print it"
    rows = [
        {"test": f"portmanteau, adjusted ({adjusted_by}), {lags} lags", **_test_row(diag.whiteness_adjusted)},
        {"test": f"portmanteau, unadjusted, {lags} lags", **_test_row(diag.whiteness)},
        {"test": "Jarque-Bera normality (joint)", **_test_row(diag.normality)},
    ]
    rows += [
        {"test": f"Jarque-Bera {v}", **_test_row(t)}
        for v, t in zip(diag.variables, diag.normality_by_variable, strict=True)
    ]
    return ["<h2>Residual tests</h2>", _table(pd.DataFrame(rows).set_index("test"))]


def _granger(diag: Diagnostics) -> list[str]:
    rows = [
        {"direction": t.direction, "scope": t.scope, **_test_row(t.result)}
        for t in sorted(diag.granger, key=lambda t: _SCOPE_ORDER.index(t.scope))
    ]
    inst = pd.DataFrame([{"variable": t.causing[0], **_test_row(t.result)} for t in diag.instantaneous])
    return [
        "<h2>Granger causality (F tests)</h2>",
        "<p class='note'>Each row tests whether the lags of the variables on the left help forecast those on"
        " the right: single pairs, one variable against all the others jointly (as JMulTi and R vars print"
        " it), and all the others against one (EViews' block exogeneity).</p>",
        _table(pd.DataFrame(rows).set_index("direction")),
        "<h3>Instantaneous causality (Wald tests, each variable against all others)</h3>",
        _table(inst.set_index("variable")),
    ]


_SCOPE_ORDER = ("pair", "one_to_others", "others_to_one")


def _integration(diag: Diagnostics) -> list[str]:
    result = diag.integration
    if result is None:
        return []
    roots = pd.DataFrame(
        [
            {
                "variable": u.variable,
                "ADF statistic": u.adf_statistic,
                "ADF p": u.adf_pvalue,
                "KPSS statistic": u.kpss_statistic,
                "KPSS p": u.kpss_pvalue,
                "ADF p of the difference": u.diff_adf_pvalue,
                "verdict": u.verdict,
            }
            for u in result.unit_roots
        ]
    ).set_index("variable")
    parts = [
        "<h2>Unit roots and cointegration</h2>",
        f"<p>ADF (H0: unit root) and KPSS (H0: stationary), constant and trend, on {result.tested_on} of the"
        f" training data. {html.escape(result.advice)}</p>",
        _table(roots),
    ]
    johansen = result.johansen
    if johansen is not None:
        table = pd.DataFrame(
            {
                "trace": johansen.trace,
                "trace 95% critical": [c[1] for c in johansen.trace_critical],
                "max eigenvalue": johansen.max_eigen,
                "max eigenvalue 95% critical": [c[1] for c in johansen.max_eigen_critical],
            },
            index=pd.Index([f"rank <= {r}" for r in range(len(johansen.trace))], name="H0"),
        )
        parts += [
            f"<h3>Johansen trace test (constant, {johansen.lagged_differences} lagged differences):"
            f" rank {johansen.rank} at 5%</h3>",
            _table(table),
        ]
    return parts


def _coefficients(diag: Diagnostics) -> list[str]:
    parts = ["<h2>Coefficients</h2>"]
    for equation in diag.coefficients.equations:
        frame = pd.DataFrame(diag.coefficients.table(equation)).set_index("regressor")
        parts += [f"<h3>Equation {html.escape(equation)}</h3>", _table(frame)]
    return parts


def _fevd(diag: Diagnostics) -> list[str]:
    last = diag.fevd[:, -1, :]
    frame = pd.DataFrame(last, index=list(diag.variables), columns=[f"shock {v}" for v in diag.variables])
    return [f"<h2>Variance decomposition at horizon {diag.fevd.shape[1]}</h2>", _table(frame)]


def _backtest(result: Backtest) -> list[str]:
    return [
        f"<h2>Backtest ({len(result.origins)} origins, horizons 1..{result.horizon}, lag order"
        f" {result.lag_policy})</h2>",
        _table(result.scores().set_index(["variable", "horizon"])),
    ]


def _figures(figures: Iterable) -> list[str]:
    parts, embedded = [], False
    for title, figure in figures:
        # plotly.js goes in once, inline, so the file opens offline
        parts += [
            f"<h2>{html.escape(title)}</h2>",
            figure.to_html(full_html=False, include_plotlyjs=not embedded, default_height="520px"),
        ]
        embedded = True
    return parts


def _test_row(result) -> dict:
    df = ",".join(str(d) for d in result.df) if isinstance(result.df, tuple) else result.df
    return {
        "statistic": result.statistic,
        "df": df,
        "p-value": result.pvalue,
        f"at {result.signif:g}": "reject" if result.rejected else "do not reject",
    }


def _table(frame: pd.DataFrame, escape: bool = True, classes: str | None = None) -> str:
    return frame.to_html(escape=escape, float_format=lambda x: f"{x:.6g}", na_rep="", border=0, classes=classes)
