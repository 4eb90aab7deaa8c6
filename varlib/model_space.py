"""The spaces a model is fitted in: the transforms, trends, deterministic terms and criteria a spec names,
and the series each transform fits (below the model kinds, which every one of them uses)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from .errors import InvalidInputError

TRANSFORMS = ("none", "diff", "logdiff", "log")  # each kind says which it fits (ModelKind.transforms)
TRENDS = ("c", "ct", "n")
# A VECM's deterministic terms (statsmodels' and JMulTi's words): none, or a constant outside (co) or inside (ci)
# the cointegration relation, and/or a linear trend outside (lo) or inside (li) it.
DETERMINISTIC = ("n", "co", "ci", "lo", "li", "colo", "coli", "cilo", "cili")
CRITERIA = ("aic", "bic", "hqic", "fpe")
CRITERION_LABELS = {ic: ic.upper() for ic in CRITERIA}  # a table's headers, as its text names them (`--ic aic`)

MODEL_SPACE = {"none": "levels", "diff": "first differences", "logdiff": "log differences", "log": "log levels"}
DIFFERENCED = ("diff", "logdiff")
LOGGED = ("log", "logdiff")  # need positive data; their forecasts are exponentiated (a median in levels)
# Names that say a column holds logs already (log_gdp, ln_cons, log(gdp)): it is neither tested nor advised in logs
# again. Values alone cannot tell: log GDP of 9 and an index of 9 look alike.
LOG_NAMES = ("log_", "ln_", "log(", "ln(", "log ", "ln ", "log.", "ln.")


def named_in_logs(names) -> list[str]:
    """The names among `names` that say their column holds logs already (LOG_NAMES)."""
    return [name for name in names if str(name).lower().startswith(LOG_NAMES)]


def logs_advisable(levels: np.ndarray | None, names) -> bool:
    """Whether a log transform may be advised for the series `levels` (of the variables `names`): every value is
    positive (no log of zero or of a negative exists; None: not known, so the names alone tell), and no name says
    its column holds logs already."""
    positive = levels is None or bool(np.all(np.asarray(levels, dtype=float) > 0))
    return positive and not named_in_logs(names)


def trend_columns(trend: str, rows: int, start: int = 1) -> np.ndarray:
    """The deterministic regressors of a VAR's `trend` over `rows` periods, as statsmodels lays them out: ones for
    a constant, then the time trend `start`, `start + 1`, ... (`ct`); no columns for `n`. The one place they are
    built: the fit's design (varlib.intervals), a forecast's future terms (varlib.forecast), the lag search
    (varlib.lag_search) and the exogenous checks (varlib.exog_checks)."""
    # powers of t, as statsmodels' trends count them; its quadratic `ctt` is no model's trend (TRENDS), but the lag
    # search is checked against statsmodels' select_order with it too (tests/unit/test_lag_search.py)
    powers = {"n": 0, "c": 1, "ct": 2, "ctt": 3}.get(trend)
    if powers is None:
        raise InvalidInputError(f"trend {trend!r} is not one of {', '.join(TRENDS)}", field="trend", value=trend)
    t = np.arange(start, start + rows, dtype=float)
    return np.column_stack([t**power for power in range(powers)]) if powers else np.zeros((rows, 0))


def to_model_space(levels: np.ndarray, transform: str, names: list[str] | None = None) -> np.ndarray:
    """The series a model is fitted on: levels, differences, log differences or log levels."""
    if transform == "none":
        return levels
    if transform in LOGGED:
        bad = np.argwhere(levels <= 0)
        if bad.size:
            row, column = (int(x) for x in bad[0])
            name = names[column] if names else f"variable {column + 1}"
            raise InvalidInputError(
                f"transform {transform!r} needs positive data: {name} is {levels[row, column]:g} in row {row + 1};"
                f" {_unlogged(transform)}, or leave that variable out",
                field=name,
                value=float(levels[row, column]),
            )
        logs = np.log(levels)
        return logs if transform == "log" else np.diff(logs, axis=0)
    return np.diff(levels, axis=0)


def _unlogged(transform: str) -> str:
    """The transforms without logs that fit what `transform` fits: levels for log levels (a VECM), differences
    or levels for log differences (a VAR)."""
    return "use 'none' (levels)" if transform == "log" else "use 'diff' or 'none'"


def check_positive(frame: pd.DataFrame, transform: str, period: Callable[[pd.Timestamp], str] = str) -> None:
    """For `logdiff` and `log`, refuse a non-positive value naming its column and its `period` (the caller names
    it as people do: `1986Q1`)."""
    if transform not in LOGGED:
        return
    values = frame.to_numpy(dtype=float)
    bad = np.argwhere(values <= 0)
    if bad.size:
        row, column = (int(x) for x in bad[0])
        name, when = str(frame.columns[column]), frame.index[row]
        if isinstance(when, pd.Timestamp):
            label = f"in {period(when)} (row {row + 1} of the data)"
        else:
            label = f"in row {row + 1}"
        raise InvalidInputError(
            f"transform {transform!r} needs positive data: {name} is {values[row, column]:g} {label};"
            f" {_unlogged(transform)}, or leave that variable out",
            field=name,
            value=float(values[row, column]),
        )
