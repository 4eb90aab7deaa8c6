"""Point forecasts and Gaussian intervals from fitted parameters, always reported in levels.

Pure numpy, so serving a forecast needs no statsmodels object. For `none` the numbers are
those of statsmodels' VARResults.forecast_interval. For `diff`/`logdiff` the level forecast is
the last level plus the cumulated difference forecasts, and the level forecast-error
covariance at horizon h is sum_{m=1..h} C_{h-m} Sigma_u C_{h-m}' with C_j = Phi_0 + ... + Phi_j
(not the cumulated difference bands). `logdiff` (and `log`, a model of log levels) works on log
levels and exponentiates the mean and both bounds, so its point is the median in levels.

`intervals="corrected"` adds the estimation-uncertainty term of varlib.intervals (Lütkepohl's
Omega(h)/T, cumulated for differenced models); it needs the Z'Z moments of the training sample.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from .errors import InvalidInputError
from .intervals import SampleMoments, estimation_covariances
from .model import VarParams
from .spec import DIFFERENCED, LOGGED

MAX_STEPS = 400
ALPHA_MIN, ALPHA_MAX = 0.0001, 0.5  # 99.99% to 50% intervals
INTERVAL_KINDS = ("standard", "corrected")


@dataclass(frozen=True)
class Forecast:
    """Level forecasts: arrays of shape (steps, k)."""

    mean: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    alpha: float
    point: str  # "mean" or "median" (logdiff)
    intervals: str = "standard"


def check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 1 <= steps <= MAX_STEPS:
        raise InvalidInputError(
            f"steps {steps!r} must be a whole number from 1 to {MAX_STEPS}", field="steps", value=steps
        )
    return int(steps)


def check_alpha(alpha) -> float:
    try:
        value = float(alpha)
    except (TypeError, ValueError):
        value = float("nan")
    if isinstance(alpha, bool) or not ALPHA_MIN <= value <= ALPHA_MAX:
        raise InvalidInputError(
            f"alpha {alpha!r} must be between {ALPHA_MIN} and {ALPHA_MAX} (0.05 gives a 95% interval)",
            field="alpha",
            value=alpha,
        )
    return value


def level_to_alpha(level: float) -> float:
    """The alpha of an interval level in percent: 95 -> 0.05 (rounded, so JSON shows 0.05, not
    0.050000000000000044)."""
    return check_alpha(round(1 - float(level) / 100, 6))


def check_lag_inputs(lag_levels, needed: int, k: int, transform: str) -> np.ndarray:
    """A (needed x k) array of finite levels, positive for logdiff and log, or a clear error."""
    try:
        values = np.asarray(lag_levels, dtype=float)
    except (TypeError, ValueError):
        raise InvalidInputError("lag inputs must all be numbers") from None
    if values.ndim != 2 or values.shape != (needed, k):
        raise InvalidInputError(
            f"lag inputs have shape {values.shape}; this model needs {needed} rows (the last observations,"
            f" oldest first) of {k} values"
        )
    bad = np.argwhere(~np.isfinite(values))
    if bad.size:
        row, col = bad[0]
        raise InvalidInputError(f"lag input row {row + 1}, column {col + 1} is {values[row, col]}; use a finite number")
    if transform in LOGGED and np.any(values <= 0):
        row, col = np.argwhere(values <= 0)[0]
        raise InvalidInputError(
            f"lag input row {row + 1}, column {col + 1} is {values[row, col]:g}; a {transform} model needs positive"
            " values"
        )
    if np.max(np.abs(values)) > 1e150:
        raise InvalidInputError("lag inputs are too large in magnitude (over 1e150) to forecast from")
    return values


def ma_matrices(coefs: np.ndarray, steps: int) -> np.ndarray:
    """Phi_0..Phi_{steps-1} of the moving-average representation."""
    p, k, _ = coefs.shape
    # Phi_h = sum_i Phi_{h-i} A_i as one product per horizon: the row of the p previous Phi's
    # (zero-padded before Phi_0) times the stacked A's. The per-lag loop was most of a forecast.
    padded = np.zeros((max(p, 1) - 1 + steps, k, k))
    padded[max(p, 1) - 1] = np.eye(k)
    if p == 0:
        return padded
    stacked = coefs.reshape(p * k, k)  # [A_1; A_2; ...; A_p]
    for h in range(1, steps):
        previous = padded[h - 1 : h - 1 + p][::-1]  # Phi_{h-1}, ..., Phi_{h-p}
        padded[p - 1 + h] = previous.transpose(1, 0, 2).reshape(k, p * k) @ stacked
    return padded[p - 1 :]


def point_forecast(params: VarParams, history: np.ndarray, steps: int) -> np.ndarray:
    """Model-space point forecast from the last k_ar rows of `history` (statsmodels' recursion)."""
    p, k = params.k_ar, params.k
    # One buffer of the last p observations followed by the forecasts; each step is a single
    # product of [A_1 ... A_p] with the p previous rows, newest first.
    buffer = np.zeros((p + steps, k))
    if params.trend_coefs.shape[0]:
        buffer[p:] = _trend_regressors(params, steps) @ params.trend_coefs
    if p == 0:
        return buffer
    buffer[:p] = history[-p:]
    stacked = params.coefs.transpose(1, 0, 2).reshape(k, p * k)
    for h in range(steps):
        buffer[p + h] += stacked @ buffer[h : h + p][::-1].reshape(p * k)
    return buffer[p:]


def error_covariances(
    params: VarParams, steps: int, integrated: bool, moments: SampleMoments | None = None
) -> np.ndarray:
    """Forecast-error covariance for horizons 1..steps, of the series or of its cumulated sum;
    with the training sample's `moments`, plus the estimation-uncertainty term."""
    phis = ma_matrices(params.coefs, steps)
    weights = np.cumsum(phis, axis=0) if integrated else phis  # C_j = Phi_0 + ... + Phi_j
    terms = weights @ params.sigma_u @ np.transpose(weights, (0, 2, 1))
    covs = np.cumsum(terms, axis=0)
    if moments is not None:
        covs = covs + estimation_covariances(params, moments, phis, integrated)
    return covs


def check_intervals(kind) -> str:
    if kind not in INTERVAL_KINDS:
        raise InvalidInputError(
            f"intervals {kind!r} must be one of {', '.join(INTERVAL_KINDS)}", field="intervals", value=kind
        )
    return kind


def forecast_levels(
    params: VarParams,
    transform: str,
    lag_levels,
    steps: int,
    alpha: float = 0.05,
    intervals: str = "standard",
    moments: SampleMoments | None = None,
) -> Forecast:
    """Forecast in levels from the last observations (k_ar rows, or k_ar + 1 for differenced models);
    `params` is a VAR on the model-space series (for other kinds, their VAR representation).

    `intervals="corrected"` needs `moments` (varlib.intervals.sample_moments of the training sample).
    """
    steps = check_steps(steps)
    alpha = check_alpha(alpha)
    intervals = check_intervals(intervals)
    if intervals == "corrected" and moments is None:
        raise InvalidInputError(
            "intervals 'corrected' need the training sample of the model; forecast a stored"
            " version (service.forecast_artifact) or use intervals 'standard'"
        )
    integrated = transform in DIFFERENCED
    levels = check_lag_inputs(lag_levels, params.k_ar + integrated, params.k, transform)
    base = np.log(levels) if transform in LOGGED else levels
    history = np.diff(base, axis=0) if integrated else base
    mean = point_forecast(params, history, steps)
    if integrated:
        mean = base[-1] + np.cumsum(mean, axis=0)
    if intervals == "corrected":
        sigma = _standard_errors(error_covariances(params, steps, integrated, moments))
    else:
        sigma = _model_standard_errors(params, steps, integrated)
    q = normal_quantile(1 - alpha / 2)
    lower, upper = mean - q * sigma, mean + q * sigma
    point = "mean"
    if transform in LOGGED:
        with np.errstate(over="ignore"):
            mean, lower, upper = np.exp(mean), np.exp(lower), np.exp(upper)
        point = "median"
    if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(lower)) and np.all(np.isfinite(upper))):
        raise InvalidInputError(
            f"the forecast overflows to infinity within {steps} steps from these lag inputs; use fewer steps"
            " or inputs of a realistic size"
        )
    return Forecast(mean, lower, upper, alpha, point, intervals)


def _standard_errors(covs: np.ndarray) -> np.ndarray:
    return np.sqrt(np.clip(np.diagonal(covs, axis1=1, axis2=2), 0.0, None))


_HORIZONS_KEPT = 32


def _model_standard_errors(params: VarParams, steps: int, integrated: bool) -> np.ndarray:
    """Forecast standard errors without the estimation term. They depend on the parameters and
    the horizon only, not on the lag inputs, so a cached artifact computes them once per horizon
    (a third of a cached forecast); they live on the params object and go when it goes."""
    kept = params.__dict__.setdefault("_standard_errors", {})  # frozen dataclass: no attribute assignment
    sigma = kept.get((steps, integrated))
    if sigma is None:
        sigma = _standard_errors(error_covariances(params, steps, integrated))
        sigma.setflags(write=False)
        if len(kept) >= _HORIZONS_KEPT:
            kept.clear()
        kept[(steps, integrated)] = sigma
    return sigma


def normal_quantile(p: float) -> float:
    """Standard normal quantile. The stdlib's (Wichura's AS241, ~1e-16) avoids importing
    scipy.stats, which would add most of a second to every CLI call."""
    return NormalDist().inv_cdf(p)


def _trend_regressors(params: VarParams, steps: int) -> np.ndarray:
    columns = []
    if params.trend.startswith("c"):
        columns.append(np.ones(steps))
    if "t" in params.trend:
        columns.append(np.arange(params.n_totobs + 1, params.n_totobs + 1 + steps, dtype=float))
    return np.column_stack(columns)
