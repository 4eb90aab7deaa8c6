"""A VARX's exogenous values when none are given (the Forecast page's start, Compare's assumption): a calendar
column continues its pattern, any other holds its last observed value; and what was assumed, in words."""

from __future__ import annotations

import numpy as np

from .data.columns import repeat_period
from .data.frequency import label_of


def held_exog(names, observed: np.ndarray | None, steps: int) -> dict[str, list[float]]:
    """A VARX's exogenous values for `steps` steps when none are given: a column the data checks recognise as the
    calendar (a seasonal dummy, a quarter number: varlib.data.columns.repeat_period) continues its pattern period by
    period; any other holds its last observed value flat (zeros for a version that stored no observations). The
    one place every front end holds values: the Forecast page's start, Compare (CLI, REST and dashboard)."""
    rows = _rows(names, observed)
    values = {}
    for j, name in enumerate(names):
        column, period = rows[:, j], _pattern(rows[:, j])
        if period is None:
            values[name] = [float(column[-1])] * steps
            continue
        step = column[-1] - column[-1 - period]  # a year column of quarterly data goes up 1 every 4 rows
        values[name] = [float(column[h % period - period] + step * (h // period + 1)) for h in range(steps)]
    return values


def held_words(names, observed: np.ndarray | None, frequency: str | None = None) -> str:
    """What held_exog assumed, in words: `d1, d2, d3 continue their quarterly pattern; z held at its last
    observed 3.2` (`frequency`: the data's alias, naming a pattern a year long)."""
    rows = _rows(names, observed)
    patterns: dict[str, list[str]] = {}
    held = []
    for j, name in enumerate(names):
        period = _pattern(rows[:, j])
        if period is None:
            held.append((name, rows[-1, j]))
            continue
        word = label_of(frequency) if frequency else ""
        kind = f"{word} pattern" if _PER_YEAR.get(word) == period else f"pattern of {period} periods"
        patterns.setdefault(kind, []).append(name)
    parts = [
        f"{', '.join(group)} continue{'s its' if len(group) == 1 else ' their'} {kind}"
        for kind, group in patterns.items()
    ]
    if held and not patterns:  # as every hold was said before seasonal columns continued
        return f"held at their last observed ({', '.join(f'{n} {v:g}' for n, v in held)})"
    if len(held) == 1:
        parts.append(f"{held[0][0]} held at its last observed {held[0][1]:g}")
    elif held:
        values = ", ".join(f"{n} {v:g}" for n, v in held)
        parts.append(f"{', '.join(n for n, _ in held)} held at their last observed ({values})")
    return "; ".join(parts)


_PER_YEAR = {"quarterly": 4, "monthly": 12, "half-yearly": 2, "bimonthly": 6}  # a calendar pattern a year long


def calendar_columns(names, observed: np.ndarray | None) -> list[str]:
    """The exogenous columns that repeat with the calendar (held_exog continues them), whose future values are
    known in advance; none for a version that stored no observations."""
    rows = _rows(names, observed)
    return [name for j, name in enumerate(names) if _pattern(rows[:, j]) is not None]


def _pattern(column: np.ndarray) -> int | None:
    """The rows a calendar column repeats after (repeat_period), when two whole periods were observed."""
    return repeat_period(column) if len(column) >= 5 else None


def _rows(names, observed: np.ndarray | None) -> np.ndarray:
    """The observed exogenous values (rows x names); one row of zeros for a version that stored none."""
    return np.asarray(observed, dtype=float) if observed is not None and len(observed) else np.zeros((1, len(names)))
