"""What a forecast accepts: steps, alpha (one minus the interval's level), the interval kind, lag inputs,
exogenous values and conditions, each checked with a message that names the bad value and what to give.

The CLI, the REST service and the dashboard pass their inputs through these same checks (varlib.forecast
calls them), so each surface refuses a value with the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Real

import numpy as np

from .errors import InvalidInputError
from .model_space import LOGGED
from .whole_numbers import whole_number
from .wording import counted

MAX_STEPS = 400
ALPHA_MIN, ALPHA_MAX = 0.0001, 0.5  # 99.99% to 50% intervals
LEVEL_RANGE = (round((1 - ALPHA_MAX) * 100, 6), round((1 - ALPHA_MIN) * 100, 6))  # the same, as levels in percent
INTERVAL_KINDS = ("standard", "corrected")
MAX_MAGNITUDE = 1e150  # a lag input beyond it overflows within a few steps of any VAR


def check_steps(steps, named: str = "steps") -> int:
    """`steps` as a whole number of periods; a refusal names it as the caller's parameter does (`named`)."""
    return whole_number(steps, 1, MAX_STEPS, named, named)


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


def level_to_alpha(level: float, name: str = "level") -> float:
    """The alpha of an interval level in percent: 95 -> 0.05 (rounded, so JSON shows 0.05, not
    0.050000000000000044). Out of `LEVEL_RANGE` it is refused in percent, as typed, under `name` (the CLI's
    "--level", the REST field "level")."""
    lowest, highest = LEVEL_RANGE
    number = isinstance(level, Real) and not isinstance(level, bool)
    if not number or not lowest <= level <= highest:
        shown = f"{level:g}" if number else repr(level)
        raise InvalidInputError(
            f"{name} {shown} must be a percentage from {lowest:g} to {highest:g} (95 gives a 95% interval)",
            field=name.lstrip("-"),
            value=level,
        )
    return check_alpha(round(1 - float(level) / 100, 6))


def check_lag_inputs(
    lag_levels, needed: int, k: int, transform: str, variables: Sequence[str] = (), labels: Sequence[str] | None = None
) -> np.ndarray:
    """A (needed x k) array of lag inputs that pass `check_lag_values`, or a clear error (naming a bad cell by its
    variable and period when `variables` and the rows' `labels` are given)."""
    values = lag_array(lag_levels, needed, k)
    check_lag_values(values, transform, variables, labels)
    return values


def lag_array(lag_levels, needed: int, k: int) -> np.ndarray:
    """Lag inputs as a (needed x k) float array, or an error about their shape (their values are not checked)."""
    if isinstance(lag_levels, list | tuple):  # rows of unequal length (a REST body) are named, not "not numbers"
        widths = [len(values) if isinstance(values, list | tuple) else None for values in lag_levels]
        if None not in widths and len(set(widths)) > 1:
            row = next(n for n, width in enumerate(widths) if width != k)
            raise InvalidInputError(
                f"lag inputs: row {row + 1} has {counted(len(lag_levels[row]), 'value')}; this model needs {needed}"
                f" rows (the last observations, oldest first) of {k} values, one per variable"
            )
    try:
        values = np.asarray(lag_levels, dtype=float)
    except (TypeError, ValueError):
        raise InvalidInputError("lag inputs must all be numbers") from None
    if values.ndim != 2 or values.shape != (needed, k):
        raise InvalidInputError(
            f"lag inputs have shape {values.shape}; this model needs {needed} rows (the last observations,"
            f" oldest first) of {k} values"
        )
    return values


def check_lag_values(
    values: np.ndarray, transform: str, variables: Sequence[str] = (), labels: Sequence[str] | None = None
) -> None:
    """Refuse the first bad cell of a (rows x variables) array of lag inputs, in time order (oldest row first,
    then the variables in the model's order), as `check_lag_value` words it."""
    bad = ~(np.abs(values) <= MAX_MAGNITUDE)  # NaN compares false, so it is caught with infinity and the huge
    if transform in LOGGED:
        bad |= values <= 0
    if bad.any():
        row, col = np.argwhere(bad)[0]  # row-major: the oldest row's first bad value
        check_lag_value(float(values[row, col]), lag_cell(row, col, variables, labels), transform)


def check_lag_value(number: float, where: str, transform: str, typed: object = None) -> None:
    """The rules a lag input value meets, and their words: the one owner, so a bad cell is refused alike from a
    CSV (`forecast --lags-csv`, the dashboard's upload and table), a REST body and a library caller. `where` names
    the cell (`lag_cell`); `typed`: the text the person wrote, shown as written when it is no finite number."""
    shown = f"{number:g}"
    if not np.isfinite(number):  # `nan`, `inf`: a number, but none to forecast from; quoted as the text it is
        shown, reason = repr(str(typed).strip() if isinstance(typed, str) else shown), "; use a finite number"
    elif abs(number) > MAX_MAGNITUDE:
        reason = (
            f", too large in magnitude to forecast from (over {MAX_MAGNITUDE:g}); enter the observed level in the"
            " units of the training data"
        )
    elif transform in LOGGED and number <= 0:
        reason = "; this model works on logs and needs positive values: enter a level above 0"
    else:
        return
    value = typed if isinstance(typed, str) else number  # as given: the text typed, else the number
    raise InvalidInputError(f"{where} is {shown}{reason}", field="lag_inputs", value=value)


def lag_cell(row: int, col: int, variables: Sequence[str] = (), labels: Sequence[str] | None = None) -> str:
    """A lag input cell as a person finds it: its variable and period (`on 2009Q3`, as a lag table names its rows)
    or its row (`in row 2`, rows without dates), else its row and column."""
    label = str(labels[row]) if labels is not None and len(labels) > row else f"row {row + 1}"
    if len(variables) <= col:
        return f"lag input {label}, column {col + 1}"
    return f"lag input {variables[col]} {'in' if label.startswith('row ') else 'on'} {label}"


def check_intervals(kind) -> str:
    if kind not in INTERVAL_KINDS:
        raise InvalidInputError(
            f"intervals {kind!r} must be one of {', '.join(INTERVAL_KINDS)}", field="intervals", value=kind
        )
    return kind


def check_exog_future(values, steps: int, n_exog: int) -> np.ndarray:
    """The exogenous regressors' future values as a (steps x n_exog) array of finite numbers, or an error."""
    if values is None:
        raise InvalidInputError(
            f"this model has {counted(n_exog, 'exogenous variable')}: a forecast needs their values for each of"
            f" the {steps}"
            " steps (CLI --exog-csv, REST `exog`, the Forecast page's table)",
            field="exog",
        )
    array = _step_rows(values, steps, n_exog, "exog", ("exogenous values must all be numbers", ""))
    if not np.all(np.isfinite(array)):
        row, col = np.argwhere(~np.isfinite(array))[0]
        raise InvalidInputError(
            f"exogenous value at step {row + 1}, column {col + 1} is {array[row, col]}; use a finite number",
            field="exog",
        )
    return array


def check_conditions(conditions, steps: int, k: int, logged: bool) -> np.ndarray:
    """Conditions as a (steps x k) array: finite levels (positive for logdiff) where set, NaN where free."""
    words = ("conditions must be numbers, or empty for a free value", " (empty where the path is free)")
    fixed = _step_rows(conditions, steps, k, "conditions", words)
    if np.any(np.isinf(fixed)) or (logged and np.any(fixed <= 0)):
        row, col = np.argwhere(np.isinf(fixed) | (logged & (fixed <= 0)))[0]
        raise InvalidInputError(
            f"condition at step {row + 1}, column {col + 1} is {fixed[row, col]:g}; use a finite number"
            + (" above 0 (a logdiff model works on logs)" if logged else ""),
            field="conditions",
        )
    return fixed


def _step_rows(values, steps: int, width: int, field: str, words: tuple[str, str]) -> np.ndarray:
    """`values` as a (steps x width) float array: one row per step, or an error. `words`: what to say when
    they are not numbers, and what to add to the count of values in a row."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise InvalidInputError(words[0], field=field) from None
    if array.shape != (steps, width):
        what = "exogenous values" if field == "exog" else field
        raise InvalidInputError(
            f"{what} have shape {array.shape}; this forecast needs {counted(steps, 'row')} (one per step) of"
            f" {counted(width, 'value')}{words[1]}",
            field=field,
        )
    return array
