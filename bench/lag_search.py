"""`python -m bench --lag-search [--quick] [--json]`: the lag-order search of a training run on long samples,
varlib's one-QR criteria (varlib.lag_search, through varlib.model.select_lags) against statsmodels'
select_order (one fit per order), alternating in one process; the figures are medians and their ratio."""

from __future__ import annotations

import time

import numpy as np

# (rows, variables, max lags): quarterly, a few years of daily data, decades of daily data (Schwert's rule)
SIZES = ((200, 3, 14), (5_000, 5, 31), (20_000, 5, 44))
QUICK_SIZES = ((200, 3, 14), (5_000, 5, 31))


def measure(repeats: int = 3, sizes: tuple[tuple[int, int, int], ...] = SIZES) -> dict:
    """Per size: both medians (s), their ratio, and whether both chose the same orders."""
    from statsmodels.tsa.vector_ar.var_model import VAR

    from varlib.model import select_lags

    rng = np.random.default_rng(20261201)
    results = {}
    for rows, k, lags in sizes:
        series = np.cumsum(rng.standard_normal((rows, k)), axis=0) * 0.1 + rng.standard_normal((rows, k))
        ours, theirs = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            chosen = select_lags(series, lags, "c", min_lags=0).selected  # from 0, as select_order
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            reference = VAR(series).select_order(lags, trend="c").selected_orders
            theirs.append(time.perf_counter() - start)
        same = chosen == {ic: int(order) for ic, order in reference.items()}
        results[f"{rows}x{k}, {lags} lags"] = {
            "varlib_s": round(float(np.median(ours)), 4),
            "select_order_s": round(float(np.median(theirs)), 4),
            "select_order_over_varlib": round(float(np.median(theirs) / np.median(ours)), 1),
            "same_orders": bool(same),
        }
    return results
