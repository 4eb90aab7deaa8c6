"""Fixed VAR processes, batched simulation and batched OLS for the coverage study (numpy only, for speed)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BURN_IN = 100
SEED = 20261124
_SDS = (1.0, 0.7, 1.3)
_CORRELATION = 0.3


@dataclass(frozen=True)
class Process:
    """y_t = intercept + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t, u_t ~ N(0, sigma); for an integrated
    design this process drives the differences and the levels are their running sum."""

    coefs: np.ndarray  # (p, k, k)
    intercept: np.ndarray  # (k,)
    sigma: np.ndarray  # (k, k)
    radius: float  # largest modulus of the companion eigenvalues

    @property
    def k(self) -> int:
        return int(self.sigma.shape[0])

    @property
    def p(self) -> int:
        return int(self.coefs.shape[0])


def companion_radius(coefs: np.ndarray) -> float:
    """Largest eigenvalue modulus of the VAR(p) companion matrix."""
    p, k, _ = coefs.shape
    top = np.hstack(list(coefs))
    lower = np.hstack([np.eye(k * (p - 1)), np.zeros((k * (p - 1), k))]) if p > 1 else np.zeros((0, k))
    return float(np.max(np.abs(np.linalg.eigvals(np.vstack([top, lower])))))


def make_process(k: int, p: int, radius: float, drift: bool) -> Process:
    """A fixed random VAR(p) (seeded by k and p) rescaled so its companion radius is `radius`.

    Multiplying A_i by c**i multiplies every companion eigenvalue by c, so the shape of the
    dynamics is kept and only the persistence is set.
    """
    rng = np.random.default_rng([SEED, k, p])
    raw = rng.uniform(-1.0, 1.0, size=(p, k, k)) / np.arange(1, p + 1)[:, None, None]
    scale = radius / companion_radius(raw)
    coefs = raw * scale ** np.arange(1, p + 1)[:, None, None]
    sds = np.array(_SDS[:k])
    corr = np.full((k, k), _CORRELATION) + (1 - _CORRELATION) * np.eye(k)
    intercept = np.array([0.2, -0.1, 0.1][:k]) if drift else np.array([1.0, -0.5, 0.5][:k])
    return Process(coefs, intercept, corr * np.outer(sds, sds), companion_radius(coefs))


def simulate(process: Process, reps: int, length: int, rng: np.random.Generator) -> np.ndarray:
    """`reps` independent paths of `length` observations (after a burn-in), shape (reps, length, k)."""
    p, k = process.p, process.k
    total = BURN_IN + length
    shocks = rng.standard_normal((reps, total, k)) @ np.linalg.cholesky(process.sigma).T
    y = np.zeros((reps, total, k))
    for t in range(p, total):
        value = process.intercept + shocks[:, t]
        for i in range(p):
            value = value + y[:, t - 1 - i] @ process.coefs[i].T
        y[:, t] = value
    return y[:, BURN_IN:]


def fit_ols(series: np.ndarray, p: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Batched OLS of a VAR(p) with a constant on (reps, n, k) series, as statsmodels fits it.

    Returns coefs (reps, p, k, k), intercepts (reps, k) and the df-adjusted sigma_u (reps, k, k).
    """
    reps, n, k = series.shape
    rows = n - p
    lagged = [series[:, p - i : p - i + rows] for i in range(1, p + 1)]
    z = np.concatenate([np.ones((reps, rows, 1))] + lagged, axis=2)
    target = series[:, p:]
    zt = np.transpose(z, (0, 2, 1))
    beta = np.linalg.solve(zt @ z, zt @ target)  # (reps, m, k)
    resid = target - z @ beta
    sigma = np.transpose(resid, (0, 2, 1)) @ resid / (rows - z.shape[2])
    coefs = np.transpose(beta[:, 1:].reshape(reps, p, k, k), (0, 1, 3, 2))
    return coefs, beta[:, 0], sigma
