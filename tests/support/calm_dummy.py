"""A small VARX sample for the tests of part fits: a stable VAR(1) of two variables in levels, quarterly, with an
exogenous dummy `calm` that is 1 until its last rows, so that the fits of the earlier rows cannot estimate it."""

from __future__ import annotations

import numpy as np
import pandas as pd


def quarters_calm_until(rows: int, moved: int = 3, seed: int = 5) -> pd.DataFrame:
    """`rows` quarters of `a` and `b` (from 2000Q1), and `calm`: 1, then 0 on the last `moved` rows."""
    rng = np.random.default_rng(seed)
    levels = np.zeros((rows, 2))
    for t in range(1, rows):
        levels[t] = 0.5 * levels[t - 1] + rng.normal(0, 1, 2)
    data = pd.DataFrame(levels + 10, index=pd.date_range("2000-01-01", periods=rows, freq="QS"), columns=["a", "b"])
    data["calm"] = np.where(np.arange(rows) < rows - moved, 1.0, 0.0)
    return data
