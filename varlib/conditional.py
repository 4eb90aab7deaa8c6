"""Conditional forecasts with hard conditions: the Gaussian distribution of the future path given part of it.

Stack the forecast errors of the next h periods on the forecast's own scale (levels, or log levels for
`logdiff`): e_{T+s} = sum_{m=1..s} W_{s-m} u_{T+m} with the MA weights W_j (Phi_j, or C_j = Phi_0 + ... +
Phi_j for models on differences; varlib.forecast_errors). With P P' = Sigma_u and standard shocks eps,
e = L eps where the block of L in row s and column m is W_{s-m} P (zero for m > s), so the path y = yhat + e
is Gaussian with covariance V = L L'. Hard conditions fix the entries S of the path at c:

    E[y | y_S = c]   = yhat + V_{.S} V_{SS}^{-1} (c - yhat_S)
    Var[y | y_S = c] = V - V_{.S} V_{SS}^{-1} V_{S.}

The mean is the Waggoner-Zha (1999) hard-condition forecast: the shocks of least norm that meet the
conditions are eps* = R'(R R')^{-1}(c - yhat_S) with R the rows S of L, and yhat + L eps* is the formula
above; it does not depend on which P is used. docs/CORRECTNESS.md has the derivation and the tests.
"""

from __future__ import annotations

import numpy as np

from .errors import InvalidInputError
from .forecast_errors import error_weights
from .model import VarParams

# The stacked path has steps * k entries; the loadings matrix is at most that square (8 bytes each).
MAX_STACKED = 2000


def shock_loadings(params: VarParams, steps: int, shocks: int, integrated: bool) -> np.ndarray:
    """L (steps*k x shocks*k): the path's errors in terms of the standard shocks of the first `shocks` periods."""
    k = params.k
    weights = error_weights(params, steps, integrated) @ _square_root(params.sigma_u)
    delay = np.arange(steps)[:, None] - np.arange(shocks)[None, :]  # s - m for row period s, shock period m
    blocks = np.where((delay >= 0)[:, :, None, None], weights[np.clip(delay, 0, None)], 0.0)
    return blocks.transpose(0, 2, 1, 3).reshape(steps * k, shocks * k)


def condition_path(
    params: VarParams, integrated: bool, mean: np.ndarray, sd: np.ndarray, targets: np.ndarray, reference=None
) -> tuple[np.ndarray, np.ndarray, float]:
    """The conditional mean and standard deviation (steps x k) of a path with unconditional `mean` and `sd`,
    given `targets` (steps x k on the same scale, NaN where free), and the conditions' joint distance from the
    forecast (`condition_distance`). The deviation of each condition is taken from `reference` (default `mean`),
    so a condition equal to it moves nothing, bit for bit."""
    mean_c, cov_c, distance = _moments(params, integrated, mean, targets, reference, sd)
    return mean_c, np.sqrt(cov_c), distance


def conditional_moments(
    params: VarParams,
    integrated: bool,
    mean: np.ndarray,
    targets: np.ndarray,
    reference=None,
    sd: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The conditional mean (steps x k) and, given the unconditional `sd`, the conditional variances (steps x k);
    without `sd`, the whole conditional covariance (steps*k x steps*k, rows in step-major order)."""
    mean_c, cov_c, _ = _moments(params, integrated, mean, targets, reference, sd)
    return mean_c, cov_c


def _moments(
    params: VarParams, integrated: bool, mean: np.ndarray, targets: np.ndarray, reference, sd: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, float]:
    """`conditional_moments`, and the joint distance of the conditions from the same rows of L (built once)."""
    steps, k = mean.shape
    fixed = np.isfinite(targets)
    if not fixed.any():
        return mean.copy(), (sd**2 if sd is not None else _joint(params, steps, integrated)), 0.0
    if steps * k > MAX_STACKED:
        raise InvalidInputError(
            f"a conditional forecast of {steps} steps of {k} variables stacks {steps * k} values; at most"
            f" {MAX_STACKED} can be conditioned on request: use at most {MAX_STACKED // k} steps",
            field="steps",
            value=steps,
        )
    loadings, where = _conditioned_loadings(params, fixed, integrated)
    rows = loadings[where]
    cross = loadings @ rows.T  # Cov(path, conditioned entries)
    try:
        chol = np.linalg.cholesky(rows @ rows.T)
    except np.linalg.LinAlgError:
        raise InvalidInputError(
            "these conditions cannot all be imposed: under this model some of them are determined by the others"
            " (their joint distribution is degenerate); remove one of them"
        ) from None
    gain = np.linalg.solve(chol.T, np.linalg.solve(chol, cross.T)).T  # V_.S V_SS^-1
    base = mean if reference is None else reference
    deviation = targets.reshape(-1)[where] - base.reshape(-1)[where]
    conditioned = mean.reshape(-1) + gain @ deviation
    conditioned[where] = targets.reshape(-1)[where]  # exactly the condition, not a rounding of it
    distance = _distance(rows, deviation)
    if sd is None:
        joint = _joint(params, steps, integrated) - gain @ cross.T
        joint[where, :] = 0.0
        joint[:, where] = 0.0
        return conditioned.reshape(steps, k), joint, distance
    variance = np.clip(sd.reshape(-1) ** 2 - np.sum(gain * cross, axis=1), 0.0, None)
    variance[where] = 0.0
    return conditioned.reshape(steps, k), variance.reshape(steps, k), distance


def condition_distance(params: VarParams, integrated: bool, targets: np.ndarray, reference: np.ndarray) -> float:
    """d2 = (c - yhat_S)' V_SS^-1 (c - yhat_S): how far all conditions together lie from the forecast without
    them (`reference`, steps x k on the model's scale), in the metric of V_SS, the unconditional covariance of
    the conditioned entries across variables and steps (rows S of L times their transpose, as above). Chi-square
    with one degree of freedom per condition under the model; for one condition, its sd-distance squared."""
    fixed = np.isfinite(targets)
    if not fixed.any():
        return 0.0
    loadings, where = _conditioned_loadings(params, fixed, integrated)
    return _distance(loadings[where], targets.reshape(-1)[where] - reference.reshape(-1)[where])


def _distance(rows: np.ndarray, deviation: np.ndarray) -> float:
    """d2 of the conditions' `deviation` from the forecast, with `rows` the rows S of L (V_SS = rows rows')."""
    cov = rows @ rows.T  # V_SS
    scale = np.sqrt(np.diag(cov))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        z = deviation / scale  # each condition's sd-distance
    if not np.all(np.isfinite(z)):
        return float("inf")
    # On the correlation scale (units and horizons alike), a pseudo-inverse that drops only the directions lost
    # in rounding: conditions nearly tied by an identity give V_SS a condition number of 1e5 or more, and the
    # distance along that direction is the point, so it is kept; conditional_moments refuses truly tied ones.
    values, vectors = np.linalg.eigh(cov / np.outer(scale, scale))
    keep = values > values[-1] * len(values) * np.finfo(float).eps
    projected = vectors[:, keep].T @ z
    with np.errstate(over="ignore"):
        return float(np.sum(projected**2 / values[keep]))


def chance_as_sd(distance: float, count: int) -> float:
    """The sd-distance of a single Gaussian value as unlikely (two-sided) as a chi-square `distance` with `count`
    degrees of freedom: sqrt(distance) for one; in logs, so that distances of thousands do not underflow to 0."""
    from scipy import special  # imported on use: scipy costs half a second to import

    if not np.isfinite(distance):
        return float("inf")
    a, y = count / 2, distance / 2
    tail = special.gammaincc(a, y)  # the chi-square upper tail
    if tail > 1e-300:
        log_tail = float(np.log(tail))
    else:  # Q(a, y) ~ y^(a-1) e^-y / Gamma(a) (1 + (a-1)/y) far in the tail
        log_tail = (a - 1) * np.log(y) - y - special.gammaln(a) + np.log1p((a - 1) / y)
    return float(-special.ndtri_exp(log_tail - np.log(2.0)))


def _conditioned_loadings(params: VarParams, fixed: np.ndarray, integrated: bool) -> tuple[np.ndarray, np.ndarray]:
    """L for the shocks that move the conditioned entries, and the mask of those entries (step-major)."""
    steps = fixed.shape[0]
    shocks = int(np.flatnonzero(fixed.any(axis=1))[-1]) + 1  # shocks after the last condition move no condition
    return shock_loadings(params, steps, shocks, integrated), fixed.reshape(-1)


def _joint(params: VarParams, steps: int, integrated: bool) -> np.ndarray:
    loadings = shock_loadings(params, steps, steps, integrated)
    return loadings @ loadings.T


def _square_root(sigma: np.ndarray) -> np.ndarray:
    """P with P P' = sigma: Cholesky, or the symmetric root when sigma is only semi-definite."""
    try:
        return np.linalg.cholesky(sigma)
    except np.linalg.LinAlgError:
        values, vectors = np.linalg.eigh(sigma)
        return vectors * np.sqrt(np.clip(values, 0.0, None))
