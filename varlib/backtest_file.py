"""The Backtest's scores as a file (the page's CSV download): every row carries the settings of the run.

A CSV read later on its own must say which run produced it, as `backtest --json` does. The settings are
leading columns, the same on every row, so a spreadsheet and `pandas.read_csv` read the file as one plain
table, and files of several runs stacked together stay apart.
"""

from __future__ import annotations

import pandas as pd

from .backtest import Backtest


def _per_origin(values: tuple[int, ...]) -> int | str:
    """One value when every origin used it; else each origin's, oldest first, separated by spaces."""
    return values[0] if len(set(values)) == 1 else " ".join(map(str, values))


def backtest_file_table(result: Backtest) -> pd.DataFrame:
    """`result.scores()` after the run's settings: model, version, lag_policy, lag_order, max_lags_searched
    (where a criterion re-ran at every origin), a VECM's coint_rank, origins (their count), first_origin and
    last_origin (ISO dates of the last training observation), max_horizon and point (the forecast scored)."""
    settings = {
        "model": result.name,
        "version": result.version or "",
        "lag_policy": result.lag_policy,
        "lag_order": _per_origin(result.lag_orders),
        **({"max_lags_searched": _per_origin(result.searched)} if result.searched else {}),
        **({"coint_rank": _per_origin(result.ranks)} if result.ranks else {}),
        "origins": len(result.origins),
        "first_origin": result.origins[0],
        "last_origin": result.origins[-1],
        "max_horizon": result.horizon,
        "point": result.point,
    }
    scores = result.scores()
    return pd.concat([pd.DataFrame(settings, index=scores.index), scores], axis=1)
