"""Forecast-error covariances of a VAR from its moving-average representation, in levels or cumulated.

The h-step error of a VAR forecast is sum_{i<h} Phi_i u_{T+h-i}; for a model fitted on differences the
level error cumulates them, so its weights are C_j = Phi_0 + ... + Phi_j (docs/CORRECTNESS.md). The
conditional forecasts (varlib.conditional) use the same weights for the whole stacked path.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from .intervals import SampleMoments, estimation_covariances
from .model import VarParams


def ma_matrices(coefs: np.ndarray, steps: int) -> np.ndarray:
    """Phi_0..Phi_{steps-1} of the moving-average representation."""
    p, k, _ = coefs.shape
    # Phi_h = sum_i Phi_{h-i} A_i as one product per horizon: the row of the p previous Phi's
    # (zero-padded before Phi_0) times the stacked A's, not a product per lag and horizon.
    padded = np.zeros((max(p, 1) - 1 + steps, k, k))
    padded[max(p, 1) - 1] = np.eye(k)
    if p == 0:
        return padded
    stacked = coefs.reshape(p * k, k)  # [A_1; A_2; ...; A_p]
    for h in range(1, steps):
        previous = padded[h - 1 : h - 1 + p][::-1]  # Phi_{h-1}, ..., Phi_{h-p}
        padded[p - 1 + h] = previous.transpose(1, 0, 2).reshape(k, p * k) @ stacked
    return padded[p - 1 :]


def error_weights(params: VarParams, steps: int, integrated: bool) -> np.ndarray:
    """W_0..W_{steps-1}: the effect of a shock j periods earlier on the forecast's own scale (Phi_j,
    or C_j = Phi_0 + ... + Phi_j when the levels are cumulated differences)."""
    phis = ma_matrices(params.coefs, steps)
    return np.cumsum(phis, axis=0) if integrated else phis


def error_covariances(
    params: VarParams, steps: int, integrated: bool, moments: SampleMoments | None = None
) -> np.ndarray:
    """Forecast-error covariance for horizons 1..steps, of the series or of its cumulated sum;
    with the training sample's `moments`, plus the estimation-uncertainty term."""
    phis = ma_matrices(params.coefs, steps)
    weights = np.cumsum(phis, axis=0) if integrated else phis
    terms = weights @ params.sigma_u @ np.transpose(weights, (0, 2, 1))
    covs = np.cumsum(terms, axis=0)
    if moments is not None:
        covs = covs + estimation_covariances(params, moments, phis, integrated)
    return covs


def standard_errors(covs: np.ndarray) -> np.ndarray:
    return np.sqrt(np.clip(np.diagonal(covs, axis1=1, axis2=2), 0.0, None))


_HORIZONS_KEPT = 32


def model_standard_errors(params: VarParams, steps: int, integrated: bool) -> np.ndarray:
    """Forecast standard errors without the estimation term. They depend on the parameters and
    the horizon only, not on the lag inputs, so a cached artifact computes them once per horizon
    (a third of a cached forecast); they live on the params object and go when it goes."""
    kept = params.__dict__.setdefault("_standard_errors", {})  # frozen dataclass: no attribute assignment
    sigma = kept.get((steps, integrated))
    if sigma is None:
        sigma = standard_errors(error_covariances(params, steps, integrated))
        sigma.setflags(write=False)
        if len(kept) >= _HORIZONS_KEPT:
            kept.clear()
        kept[(steps, integrated)] = sigma
    return sigma


def normal_quantile(p: float) -> float:
    """Standard normal quantile. The stdlib's (Wichura's AS241, ~1e-16) avoids importing
    scipy.stats, which would add most of a second to every CLI call."""
    return NormalDist().inv_cdf(p)
