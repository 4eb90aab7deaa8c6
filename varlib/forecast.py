"""Point forecasts and Gaussian intervals from fitted parameters, always reported in levels.

Pure numpy, so serving a forecast needs no statsmodels object. For `none` the numbers are
those of statsmodels' VARResults.forecast_interval. For `diff`/`logdiff` the level forecast is
the last level plus the cumulated difference forecasts, and the level forecast-error
covariance at horizon h is sum_{m=1..h} C_{h-m} Sigma_u C_{h-m}' with C_j = Phi_0 + ... + Phi_j
(not the cumulated difference bands). `logdiff` (and `log`, a model of log levels) works on log
levels and exponentiates the mean and both bounds, so its point is the median in levels.

`intervals="corrected"` adds the estimation-uncertainty term of varlib.intervals (Lütkepohl's
Omega(h)/T, cumulated for differenced models); it needs the Z'Z moments of the training sample.

A VARX adds its exogenous regressors' future values times their coefficients to each step's
model-space forecast (statsmodels' VARResults.forecast with exog_future); they leave the
forecast errors, and so the standard bands, unchanged. Hard conditions on the future path
(varlib.conditional) replace mean and bands by the conditional ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .conditional import condition_path
from .errors import InvalidInputError, OutOfRangeError
from .forecast_errors import error_covariances, model_standard_errors, normal_quantile, standard_errors
from .forecast_inputs import (
    ALPHA_MIN,
    check_alpha,
    check_conditions,
    check_exog_future,
    check_intervals,
    check_lag_inputs,
    check_steps,
)
from .intervals import SampleMoments
from .model import VarParams
from .model_space import DIFFERENCED, LOGGED, trend_columns


@dataclass(frozen=True)
class Forecast:
    """Level forecasts: arrays of shape (steps, k). `center` and `sd` are the Gaussian mean and standard
    deviation on the scale the bands are symmetric on (levels, or log levels for logdiff), so bands at
    other levels can be drawn (`band`); `fixed` holds the conditions (NaN where the path is free)."""

    mean: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    alpha: float
    point: str  # "mean" or "median" (logdiff)
    intervals: str = "standard"
    center: np.ndarray | None = None
    sd: np.ndarray | None = None
    fixed: np.ndarray | None = None
    # per condition, how many standard deviations of the forecast without conditions it lies from that forecast
    # (on the model's scale: log levels for a model fitted on logs); NaN where the path is free
    surprise: np.ndarray | None = None
    # all conditions together: d2 = (c - yhat_S)' V_SS^-1 (c - yhat_S) (varlib.conditional.condition_distance)
    condition_distance: float | None = None

    def band(self, alpha: float) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper bounds of the (1 - alpha) band, e.g. for a fan chart of several levels (a fan's inner
        layers, such as 30%, lie below the 50% a forecast's own interval may go down to)."""
        if isinstance(alpha, bool) or not ALPHA_MIN <= float(alpha) < 1:
            raise InvalidInputError(
                f"a band's level must be above 0% and at most {100 * (1 - ALPHA_MIN):g}%; got {100 * (1 - alpha):g}%",
                field="level",
                value=alpha,
            )
        if self.center is None or self.sd is None:
            raise InvalidInputError("this forecast keeps no standard errors, so it has no bands at other levels")
        return _bounds(self.center, self.sd, alpha, self.point == "median", self.fixed)[1:]


def point_forecast(
    params: VarParams, history: np.ndarray, steps: int, exog_future=None, periods_after_sample: int | None = 0
) -> np.ndarray:
    """Model-space point forecast from the last k_ar rows of `history` (statsmodels' recursion); a VARX
    needs `exog_future`, the exogenous regressors' values for each step (steps x n_exog). `history` ends
    `periods_after_sample` periods after the fitted sample (negative: before it; None: not known), where a
    trend continues."""
    p, k = params.k_ar, params.k
    # One buffer of the last p observations followed by the forecasts; each step is a single
    # product of [A_1 ... A_p] with the p previous rows, newest first.
    buffer = np.zeros((p + steps, k))
    if params.trend_coefs.shape[0]:
        buffer[p:] = _trend_regressors(params, steps, periods_after_sample) @ params.trend_coefs
    if params.exog_coefs is not None:
        buffer[p:] += check_exog_future(exog_future, steps, params.n_exog) @ params.exog_coefs
    if p == 0:
        return buffer
    buffer[:p] = history[-p:]
    stacked = params.coefs.transpose(1, 0, 2).reshape(k, p * k)
    for h in range(steps):
        buffer[p + h] += stacked @ buffer[h : h + p][::-1].reshape(p * k)
    return buffer[p:]


def forecast_levels(
    params: VarParams,
    transform: str,
    lag_levels,
    steps: int,
    alpha: float = 0.05,
    intervals: str = "standard",
    moments: SampleMoments | None = None,
    exog_future=None,
    conditions=None,
    periods_after_sample: int | None = 0,
) -> Forecast:
    """Forecast in levels from the last observations (k_ar rows, or k_ar + 1 for differenced models);
    `params` is a VAR on the model-space series (for other kinds, their VAR representation). The lag
    inputs end `periods_after_sample` periods after the fitted sample (0: they are its tail), which a
    time trend counts from.

    `intervals="corrected"` needs `moments` (varlib.intervals.sample_moments of the training sample).
    A VARX needs `exog_future` (steps x n_exog); `conditions` (steps x k levels, NaN where free) makes
    it a conditional forecast with hard conditions (varlib.conditional).
    """
    steps = check_steps(steps)
    alpha = check_alpha(alpha)
    intervals = check_intervals(intervals)
    if intervals == "corrected":
        _check_corrected(params, moments, conditions)
    integrated = transform in DIFFERENCED
    logged = transform in LOGGED
    levels = check_lag_inputs(lag_levels, params.k_ar + integrated, params.k, transform)
    base = np.log(levels) if logged else levels
    history = np.diff(base, axis=0) if integrated else base
    mean = point_forecast(params, history, steps, exog_future, periods_after_sample)
    if integrated:
        mean = base[-1] + np.cumsum(mean, axis=0)
    if intervals == "corrected":
        sigma = standard_errors(error_covariances(params, steps, integrated, moments))
    else:
        sigma = model_standard_errors(params, steps, integrated)
    fixed = surprise = distance = None
    if conditions is not None:
        fixed = check_conditions(conditions, steps, params.k, logged)
        targets = np.log(fixed) if logged else fixed
        # Deviations are measured from the reported point (exp of the log mean), so a condition equal
        # to the unconditional forecast moves nothing, bit for bit.
        reference = np.log(np.exp(mean)) if logged else mean
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # an overflow is refused below
            surprise = (targets - reference) / sigma
            mean, sigma, distance = condition_path(params, integrated, mean, sigma, targets, reference)
    point, lower, upper = _bounds(mean, sigma, alpha, logged, fixed)
    finite = np.all(np.isfinite(point)) and np.all(np.isfinite(lower)) and np.all(np.isfinite(upper))
    # a log model's levels are exp() of its forecast: a 0 is an underflow, never a value it can give
    vanished = logged and not (np.all(point > 0) and np.all(lower > 0) and np.all(upper > 0))
    if not finite or vanished:
        given = ["lag inputs"] + ["exogenous values"] * (exog_future is not None) + ["conditions"] * (fixed is not None)
        how = "overflows to infinity" if not finite else "underflows to zero, which a log model never gives,"
        raise OutOfRangeError(
            f"the forecast {how} within {steps} steps from these {' and '.join(given)}; use fewer"
            " steps or values of a realistic size",
            how,
        )
    logged_point = "median" if logged else "mean"
    return Forecast(point, lower, upper, alpha, logged_point, intervals, mean, sigma, fixed, surprise, distance)


def _bounds(center, sd, alpha: float, logged: bool, fixed) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Point, lower and upper in levels; conditioned cells are exactly their condition."""
    q = normal_quantile(1 - alpha / 2)
    point, lower, upper = center, center - q * sd, center + q * sd
    if logged:
        with np.errstate(over="ignore"):
            point, lower, upper = np.exp(point), np.exp(lower), np.exp(upper)
    if fixed is not None:
        held = np.isfinite(fixed)
        point, lower, upper = (np.where(held, fixed, values) for values in (point, lower, upper))
    return point, lower, upper


def _check_corrected(params: VarParams, moments: SampleMoments | None, conditions) -> None:
    if params.n_exog:
        raise InvalidInputError(
            "intervals 'corrected' are not offered for models with exogenous variables: the estimation term"
            " (Lütkepohl's Omega(h)/T) assumes regressors that evolve with the VAR, which exogenous ones do not;"
            " use intervals 'standard'",
            field="intervals",
            value="corrected",
        )
    if conditions is not None:
        raise InvalidInputError(
            "conditional forecasts use standard intervals (the conditional distribution treats the coefficients"
            " as known); use intervals 'standard'",
            field="intervals",
            value="corrected",
        )
    if moments is None:
        raise InvalidInputError(
            "intervals 'corrected' need the training sample of the model; forecast a stored"
            " version (service.forecast_artifact) or use intervals 'standard'"
        )


def _trend_regressors(params: VarParams, steps: int, periods_after_sample: int | None) -> np.ndarray:
    if "t" in params.trend and periods_after_sample is None:
        raise InvalidInputError(
            "the lag inputs are dated otherwise than the training data's last rows, and this model's time"
            " trend cannot be counted to them: its data have no regular frequency; give the lag inputs"
            " without dates (they are then read as the training data's last periods)",
            field="lag_inputs",
        )
    # t counts the periods of the fitted sample: its last row is t = n_totobs
    return trend_columns(params.trend, steps, params.n_totobs + (periods_after_sample or 0) + 1)
