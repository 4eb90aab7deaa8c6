"""Estimation-uncertainty term of VAR forecast intervals (Lütkepohl's Omega(h)), in levels or cumulated.

Standard intervals treat the estimated coefficients as known. Lütkepohl (2005, sec. 3.5) adds
Omega(h)/T to the forecast MSE, with

    Omega(h) = sum_{i,j=0..h-1} tr[(B')^{h-1-i} G^{-1} B^{h-1-j} G] Phi_i Sigma_u Phi_j'

where B is the companion matrix extended by the deterministic terms, G = Z'Z/T the moment
matrix of the regressors Z_t = (deterministic terms, y_{t-1}', ..., y_{t-p}')' and Phi_i the MA
matrices. For `none` with a constant this is statsmodels' VARResults.forecast_cov(method="auto").

A model fitted on differences forecasts the level as the last level plus the cumulated
difference forecasts, so the derivative of the level forecast with respect to the coefficients
is the sum over s = 1..h of the per-horizon derivatives. That gives

    Omega_c(h) = sum_{s,r=1..h} sum_{i<s, j<r} tr[(B')^{s-1-i} G^{-1} B^{r-1-j} G] Phi_i Sigma_u Phi_j'

(docs/CORRECTNESS.md derives both). Both are computed with one recursion: with G = L L' and
Q = L^{-1} B L, the (m x m) grid of k x k blocks S_h[r, c] = sum_i (Q^{h-1-i})_{rc} Phi_i obeys
S_{h+1} = Q S_h + I (x) Phi_h, and Omega(h) = sum_{r,c} S_h[r,c] Sigma_u S_h[r,c]'; the cumulated
version uses D_h = S_1 + ... + S_h in place of S_h.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import CorruptArtifactError, InvalidInputError
from .model import VarParams
from .model_space import trend_columns

# Work of the recursion is about steps * m^3 * k^2 multiply-adds; beyond this a request would
# take tens of seconds, so it is refused with the way out instead.
MAX_WORK = 2e10


@dataclass(frozen=True)
class SampleMoments:
    """Z'Z of the fitted VAR's regressors (trend terms first, then lags 1..p) and its row count T."""

    gram: np.ndarray
    nobs: int


def regressors(series: np.ndarray, k_ar: int, trend: str) -> np.ndarray:
    """The OLS regressor matrix Z (T x m) of a VAR(k_ar) on `series`, laid out as statsmodels does."""
    series = np.asarray(series, dtype=float)
    rows = series.shape[0] - k_ar
    lagged = [series[k_ar - i : k_ar - i + rows] for i in range(1, k_ar + 1)]
    # statsmodels' trend regressor of row t of the full series is t (1-based): the first fitted row is k_ar + 1
    return np.hstack([trend_columns(trend, rows, k_ar + 1), *lagged])


def sample_moments(params: VarParams, series: np.ndarray) -> SampleMoments:
    """Z'Z of the model-space series the parameters were fitted on (checked by its length)."""
    series = np.asarray(series, dtype=float)
    if series.ndim != 2 or series.shape != (params.n_totobs, params.k):
        raise CorruptArtifactError(
            f"the stored training sample has shape {series.shape} but the model was fitted on"
            f" {(params.n_totobs, params.k)}; corrected intervals need the exact sample: retrain the model"
        )
    z = regressors(series, params.k_ar, params.trend)
    return SampleMoments(z.T @ z, int(z.shape[0]))


def extended_companion(params: VarParams) -> np.ndarray:
    """B with Z_{t+1} = B Z_t + noise: deterministic terms evolve (1 -> 1, t -> t + 1), then the VAR."""
    p, k = params.k_ar, params.k
    n_det = params.trend_coefs.shape[0]
    m = n_det + k * p
    b = np.zeros((m, m))
    if n_det:
        b[:n_det, :n_det] = np.eye(n_det)
        if n_det == 2:  # constant and linear trend: t_{next} = t + 1 * constant
            b[1, 0] = 1.0
        b[n_det : n_det + k, :n_det] = params.trend_coefs.T
    b[n_det : n_det + k, n_det:] = np.hstack(list(params.coefs))
    if p > 1:
        b[n_det + k :, n_det : n_det + k * (p - 1)] = np.eye(k * (p - 1))
    return b


def estimation_covariances(params: VarParams, moments: SampleMoments, phis: np.ndarray, integrated: bool) -> np.ndarray:
    """Omega(h)/T for h = 1..len(phis) (cumulated version when `integrated`), shape (steps, k, k).

    `phis` are the MA matrices Phi_0..Phi_{steps-1} of the fitted VAR.
    """
    steps, k = phis.shape[0], params.k
    b = extended_companion(params)
    m = b.shape[0]
    if moments.gram.shape != (m, m) or moments.nobs < 1:
        raise CorruptArtifactError(
            f"sample moments of shape {moments.gram.shape} do not fit a model with {m} regressors; retrain the model"
        )
    per_step = float(m) ** 3 * k**2
    if steps * per_step > MAX_WORK:
        raise InvalidInputError(
            f"corrected intervals for {steps} steps of a model with {m} regressors per equation are too costly"
            f" to compute on request; use at most {max(1, int(MAX_WORK // per_step))} steps or intervals 'standard'"
        )
    try:
        chol = np.linalg.cholesky(moments.gram)
    except np.linalg.LinAlgError:
        raise InvalidInputError(
            "the training regressors are collinear, so corrected intervals are undefined; use intervals 'standard'"
        ) from None
    q = np.linalg.solve(chol, b @ chol)  # L^{-1} B L
    blocks = np.zeros((m, m, k, k))  # S_h[r, c] (a k x k block each)
    running = np.zeros_like(blocks)  # D_h = S_1 + ... + S_h
    diagonal = np.arange(m)
    out = np.empty((steps, k, k))
    for h in range(steps):
        blocks = (q @ blocks.reshape(m, -1)).reshape(blocks.shape)
        blocks[diagonal, diagonal] += phis[h]
        if integrated:
            running += blocks
        use = (running if integrated else blocks).reshape(m * m, k, k)
        # sum over blocks of S Sigma_u S', as one contraction
        out[h] = np.tensordot(use @ params.sigma_u, use, axes=([0, 2], [0, 2]))
    return out / moments.nobs
