"""Warnings of a VECM fit: variables that look stationary, a tested rank that small samples move, a thin fit.

A VECM assumes I(1) variables. Johansen's rank counts a stationary variable as a cointegrating relation of its
own (the variable alone is a stationary combination), so a rank-1 "relation" of an I(1) and an I(0) series is
just the I(0) one. The unit-root tests of varlib.integration (ADF and KPSS, on the same rows and series as the
Unit roots tab) name the variables both tests call stationary; a disagreement ("unclear") is not enough.

Johansen's trace statistic -T Σ ln(1 - λ_i) over-rejects on few rows, finding relations that are not there.
Reinsel and Ahn (1992) scale it by (T - Kp)/T, with T the effective sample of the test (the rows after the p
presample ones, statsmodels' `coint_johansen` multiplier), K the variables and p the VAR order in levels
(Cheung and Lai 1993 scale the critical values by the inverse, the same decision). The rank stays Johansen's
as JMulTi and statsmodels compute it; when the scaled statistics would choose another rank, a warning says so.

A VECM of VAR order p estimates k(p - 1) + r + d coefficients per equation, fewer than the k*p + d of the VAR in
levels whose lag order the criteria searched: its thin-fit warning counts its own.
"""

from __future__ import annotations

import numpy as np

from .integration import small_sample_rank, unit_roots
from .integration_results import Johansen, UnitRoot
from .lag_order import THIN_ADVICE, thin_fit
from .vecm_model import VecmParams
from .wording import and_list, counted, p_is, plural_of


def stationary_warning(levels: np.ndarray, names: list[str], rank: int) -> str | None:
    """A warning naming the variables that ADF and KPSS both call stationary in `levels` (None if none does), each
    around what the tests found: a linear trend, or a constant where the tests with a constant only decided or the
    trend's t-test found no trend (as the Unit roots tab words it)."""
    tested_on, roots = unit_roots(levels, names)
    stationary = [u for u in roots if u.verdict == "stationary"]
    if not stationary:
        return None
    one = len(stationary) == 1
    names_ = and_list(u.variable for u in stationary)
    figures = "; ".join(_stationary_figures(u) for u in stationary)
    return (
        f"{names_} {'looks' if one else 'look'} stationary {_around_each(stationary)}, not integrated as a VECM"
        f" assumes ({figures}; every test at 5%, on the {tested_on} of the training sample): Johansen's rank counts a"
        f" stationary variable as a cointegrating relation of its own, so the rank-{rank} long-run"
        f" {plural_of(rank, 'relation')} may be no more than {names_} {'itself' if one else 'themselves'};"
        " consider a VAR (the Diagnostics page's Unit roots tab advises its transform), or leave"
        f" {'it' if one else 'them'} out of the variables"
    )


def _around(root: UnitRoot) -> str:
    return "around a linear trend" if root.trending else "around a constant"


def _around_each(stationary: list[UnitRoot]) -> str:
    """`around a linear trend` or `around a constant` when all share it, else which variables are around which: a
    trend the tests did not find is not to be named (a VAR in levels with trend `ct` would drift with it)."""
    groups: dict[str, list[str]] = {}
    for root in stationary:
        groups.setdefault(_around(root), []).append(root.variable)
    if len(groups) == 1:
        return next(iter(groups))
    return "(" + "; ".join(f"{and_list(names)} {around}" for around, names in groups.items()) + ")"


def _stationary_figures(root: UnitRoot) -> str:
    """The tests that call one variable stationary, with the deterministic terms they had when those were a
    constant only, and the trend's p-value when its t-test found no trend."""
    terms = " (both with a constant only)" if root.regression == "c" else ""
    kpss = f"{'' if root.kpss_beyond_table else '= '}{root.kpss_p_text}"
    figures = (
        f"{root.variable}: ADF p {p_is(root.adf_pvalue)} rejects a unit root, KPSS p {kpss} does not reject"
        f" stationarity{terms}"
    )
    if root.trend_pvalue is not None and not root.trending:
        figures += f", and the trend's t-test in the ADF regression, p {p_is(root.trend_pvalue)}, finds no trend"
    return figures


def _flip(rank: int, trace: float, scaled: float, critical: float) -> str:
    """One rank's figures, with as many decimals (2 to 6) as it takes for the scaled statistic and the critical
    value to read apart: 15.49 against 15.49 cannot show which side of it the statistic fell."""
    decimals = 2
    while decimals < 6 and f"{scaled:.{decimals}f}" == f"{critical:.{decimals}f}":
        decimals += 1
    return (
        f"rank <= {rank}: trace {trace:.{decimals}f}, scaled {scaled:.{decimals}f}, 5% critical value"
        f" {critical:.{decimals}f}"
    )


def small_sample_warning(johansen: Johansen, rows: int, k_ar: int, transform: str) -> str | None:
    """A warning when Reinsel and Ahn's scaled trace statistics choose another rank than Johansen's test did
    on a model-space series of `rows` rows at VAR order `k_ar` (None when they agree); `transform`: the
    VECM's, whose differences a VAR would take."""
    found = small_sample_rank(johansen, rows, k_ar)
    if found is None:
        return None
    (factor, scaled), k, effective = found, len(johansen.trace), rows - k_ar
    flips = "; ".join(
        _flip(r, johansen.trace[r], johansen.trace[r] * factor, johansen.trace_critical[r][1])
        for r in range(scaled, johansen.rank)  # the factor is below 1: the scaled rank is never larger
    )
    force = "CLI --coint-rank {}, dashboard: Cointegration rank on the Train page"  # as ui.errors reads flags
    if scaled == 0:
        instead = (
            "rank 0 is no cointegrating relation: compare a VAR in differences (model `var`, transform"
            f" `{'logdiff' if transform == 'log' else 'diff'}`) on the holdout"
        )
    else:
        instead = f"to fit rank {scaled}, force it ({force.format(scaled)}) and compare on the holdout"
    return (
        f"Johansen's trace test chose rank {johansen.rank} at 5% on {effective} rows, close to its critical"
        f" {plural_of(johansen.rank - scaled, 'value')}: with Reinsel and Ahn's small-sample factor (T - Kp)/T ="
        f" ({effective} - {k}×{k_ar})/{effective} = {factor:.3f} it would choose rank {scaled} ({flips})."
        f" The rank is kept; {instead}. To keep rank {johansen.rank} whatever the test finds, force it"
        f" ({force.format(johansen.rank)})"
    )


def thin_warnings(searched: list[str], n: int, trend: str, params: VecmParams) -> list[str]:
    """The lag-order search's warnings `searched` (on `n` model-space rows, the VAR in levels of trend `trend`, whose
    thin-fit warning the search leaves to the VECM) with the VECM's own (VecmParams.regressors)."""
    k, p, rank, kept = params.k, params.k_ar, params.coint_rank, searched
    thin = thin_fit(n, k, p, trend, regressors=params.regressors)
    if thin is None:
        return kept
    rows, df = thin
    terms = int(params.det_coef.shape[1])
    parts = [f"{k * (p - 1)} on {counted(p - 1, 'lagged difference')}"] if p > 1 else []
    parts.append(f"{counted(rank, 'loading')} of the long-run {plural_of(rank, 'relation')}")
    parts += [counted(terms, "deterministic term")] if terms else []
    return [
        *kept,
        f"VECM of VAR order {p} estimates {params.regressors} coefficients per equation ({', '.join(parts)}) from"
        f" {rows} rows ({df} residual degrees of freedom): {THIN_ADVICE}",
    ]
