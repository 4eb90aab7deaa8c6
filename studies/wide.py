"""Wide simulated samples (20 variables x 200 rows by default) for the diagnostics' speed benchmarks and the tests
that check those fast paths against statsmodels on the same designs."""

from __future__ import annotations

import numpy as np

SEED = 20261215


def stable_var2(k: int = 20, rows: int = 200, seed: int = SEED) -> np.ndarray:
    """A stable VAR(2) of `k` variables (own lags 0.3 and 0.1, small cross effects), burn-in dropped."""
    rng = np.random.default_rng(seed)
    a1 = 0.3 * np.eye(k) + 0.03 * rng.standard_normal((k, k))
    a2 = 0.1 * np.eye(k) + 0.02 * rng.standard_normal((k, k))
    y = np.zeros((rows + 50, k))
    for t in range(2, rows + 50):
        y[t] = a1 @ y[t - 1] + a2 @ y[t - 2] + rng.standard_normal(k)
    return y[50:]


def two_walk_levels(k: int = 20, rows: int = 200, seed: int = SEED) -> np.ndarray:
    """Levels driven by two random walks plus noise: cointegrated, rank k - 2."""
    rng = np.random.default_rng(seed)
    walks = np.cumsum(rng.standard_normal((rows, 2)), axis=0)
    return 50 + walks @ rng.standard_normal((2, k)) + 0.5 * rng.standard_normal((rows, k))
