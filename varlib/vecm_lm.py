"""The LM test for residual autocorrelation of a VECM (Breusch-Godfrey) and its Edgerton-Shukur F form, the
VECM's whiteness check.

The auxiliary regression (Lütkepohl 2005, section 8.4.3) regresses the residuals on the VECM's own
regressors, the unrestricted deterministic terms, the estimated error-correction term(s) β'y_{t-1} with
the terms restricted to the relation, and the lagged differences, plus `h` lagged residuals (pre-sample
ones set to zero); the statistics are those of varlib.autocorrelation_lm. These are JMulTi's regressors:
its printed LM statistics for the e6 VECMs are met from them (`jmulti_vecm_lm`, tests/unit/test_vecm_lm.py).
JMulTi's LM is not the check: it takes the residuals' autocovariances about their mean, and a VECM without
a constant outside the relation (`ci`, `cili`, none) has residuals whose mean is not zero, which made it
reject between a third and nine tenths of correctly specified VECMs with `ci` at a 5% level. The F form
held its level (3-6%) for 2 to 4 variables, 1 or 3 lagged differences and 60 to 200 rows, where the
adjusted portmanteau test rejected up to 39% (docs/CORRECTNESS.md).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .autocorrelation_lm import DEFAULT_LM_LAGS, LMTest, lagged_residuals, largest_lm_lags, lm_test


def vecm_regressors(results: Any) -> np.ndarray:
    """The regressors of a statsmodels VECMResults, one row per residual: the lagged differences, a constant
    (`co`) and a trend (`lo`) outside the relation, and the error-correction term(s) with the terms inside
    it (`ci`, `li`), the trend counted as statsmodels counts it (t - 1 inside the relation, t outside)."""
    levels = np.asarray(results.y_all, dtype=float).T
    rows, p = len(levels), int(results.k_ar)
    nobs = rows - p
    differences = np.diff(levels, axis=0)
    columns = [differences[p - 1 - i : rows - 1 - i] for i in range(1, p)]  # Δy_{t-1} … Δy_{t-p+1}
    trend_before = np.arange(nobs, dtype=float) + p  # t - 1: the first residual's t is p + 1
    terms = results.deterministic
    if "co" in terms:
        columns.append(np.ones((nobs, 1)))
    if "lo" in terms:
        columns.append((trend_before + 1)[:, None])
    inside = [np.ones(nobs)] if "ci" in terms else []
    if "li" in terms:
        inside.append(trend_before)
    relation = levels[p - 1 : rows - 1] @ np.asarray(results.beta, dtype=float)
    if inside:
        relation = relation + np.column_stack(inside) @ np.asarray(results.det_coef_coint, dtype=float)
    columns.append(relation)
    return np.column_stack(columns)


def vecm_lm_test(results: Any, wanted: int = DEFAULT_LM_LAGS) -> LMTest | None:
    """The test of a statsmodels VECMResults' residuals with `wanted` lagged residuals (fewer when the
    sample cannot hold them); None when not even one fits."""
    residuals = np.asarray(results.resid, dtype=float)
    regressors = vecm_regressors(results)
    lags = largest_lm_lags(len(residuals), residuals.shape[1], regressors.shape[1], wanted)
    return lm_test(residuals, regressors, lags) if lags else None


def jmulti_vecm_lm(results: Any, lags: int = DEFAULT_LM_LAGS) -> float:
    """JMulTi's LM statistic for a VECM (its GAUSS routine GetARTest_BGNoCIterms_diag, diag_vec.src), to
    compare with JMulTi's printout, not a check: T² vec(C)' (M ⊗ Σ⁻¹) vec(C), with C the residuals'
    autocovariances at lags 1..h about their mean, Σ their covariance about zero, M the lagged residuals'
    block of the auxiliary regression's inverse moment matrix, and a trend inside the relation at t where
    the estimation has t - 1 (createMX_diag). Chi-square with h K² degrees of freedom."""
    residuals = np.asarray(results.resid, dtype=float)
    regressors = vecm_regressors(results)
    if "li" in results.deterministic:
        regressors[:, -results.coint_rank :] += np.asarray(results.det_coef_coint, dtype=float)[-1]
    nobs, k = residuals.shape
    lagged = lagged_residuals(residuals, lags)
    centred = residuals - residuals.mean(axis=0)
    stacked = np.hstack([centred[i:].T @ centred[:-i] for i in range(1, lags + 1)]).reshape(-1, order="F") / nobs
    auxiliary = np.column_stack([lagged, regressors])
    block = np.linalg.inv(auxiliary.T @ auxiliary)[: k * lags, : k * lags]
    sigma_inverse = np.linalg.inv(residuals.T @ residuals / nobs)
    return float(nobs**2 * stacked @ np.kron(block, sigma_inverse) @ stacked)
