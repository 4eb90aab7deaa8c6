"""The information criteria of VAR(0..p_max) on one common sample, from one QR decomposition.

statsmodels' `select_order` fits every order by its own least squares on the same rows (those after the
first p_max): on a long sample that is most of a training run (20,000 daily rows of 5 variables, 44 lags:
45 fits of up to 221 regressors). The orders' regressors are nested (the deterministic terms and exogenous
columns, then y_{t-1}, ..., y_{t-p}), so one QR decomposition X = QR of the largest design gives every
order's residual cross-products: with C = Q'Y, the residuals of the first m columns are Q_{m:} C_{m:} plus
the residuals E of the whole design, orthogonal to each other, so S_m = C_{m:}'C_{m:} + E'E, a sum of
squares with no cancellation. The criteria are statsmodels' (`VARResults.info_criteria`, Lütkepohl
pp. 146-150); tests/unit/test_lag_search.py compares the tables with `select_order`. A design that is not of
full column rank returns None: the caller then asks statsmodels, whose least squares and errors handle it.
"""

from __future__ import annotations

import numpy as np

from .model_space import trend_columns

RANK_TOLERANCE = 1e-10  # |R_ii| below this share of the largest: columns (nearly) dependent, leave it to statsmodels


def information_criteria(
    series: np.ndarray, max_lags: int, trend: str, exog: np.ndarray | None = None
) -> dict[str, list[float]] | None:
    """AIC, BIC, HQIC and FPE of each order from the first statsmodels fits (0, or 1 for trend "n" without
    exogenous columns) to `max_lags`, as `select_order(max_lags, trend).ics`; None for a rank-deficient design."""
    y = np.asarray(series, dtype=float)
    total, k = y.shape
    nobs = total - max_lags
    fixed = trend_columns(trend, nobs)  # their start does not matter: the span is the same
    if exog is not None:
        fixed = np.column_stack([fixed, np.asarray(exog, dtype=float)[max_lags:]])
    lagged = [y[max_lags - i : total - i] for i in range(1, max_lags + 1)]  # y_{t-1} ... y_{t-p_max}
    design = np.column_stack([fixed, *lagged]) if lagged or fixed.shape[1] else np.zeros((nobs, 0))
    target = y[max_lags:]
    if design.shape[1] >= nobs:
        return None
    q, r = np.linalg.qr(design)
    diagonal = np.abs(np.diag(r))
    if diagonal.size and diagonal.min() < RANK_TOLERANCE * diagonal.max():
        return None
    projected = q.T @ target
    outside = target - q @ projected  # the whole design's residuals
    remainder = outside.T @ outside
    first = 0 if exog is not None or trend != "n" else 1
    found: dict[str, list[float]] = {"aic": [], "bic": [], "hqic": [], "fpe": []}
    for lags in range(first, max_lags + 1):
        columns = fixed.shape[1] + k * lags
        rest = projected[columns:]
        sse = rest.T @ rest + remainder
        try:
            _append(found, sse / nobs, nobs, k, lags, fixed.shape[1])
        except np.linalg.LinAlgError:  # a residual covariance that is not positive definite
            return None
    return found


def _append(found: dict[str, list[float]], sigma: np.ndarray, nobs: int, k: int, lags: int, fixed: int) -> None:
    """statsmodels' criteria of one order from its residual covariance `sigma` (divided by nobs)."""
    df_model = fixed + k * lags
    df_resid = nobs - df_model  # positive: the design has fewer columns than rows
    free = lags * k * k + k * fixed
    ld = 2.0 * float(np.sum(np.log(np.diag(np.linalg.cholesky(sigma)))))  # statsmodels' logdet_symm
    found["aic"].append(ld + 2.0 / nobs * free)
    found["bic"].append(ld + np.log(nobs) / nobs * free)
    found["hqic"].append(ld + 2.0 * np.log(np.log(nobs)) / nobs * free)
    found["fpe"].append(((nobs + df_model) / df_resid) ** k * np.exp(ld))
