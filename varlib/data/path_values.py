"""The values of a future path (data.paths): which columns a path may have, each cell as a number, and
every step of an exogenous path given; each message names the variable, the step and its date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ..forecast_inputs import MAX_MAGNITUDE
from ..wording import counted
from .columns import find_date_column

STEP = "step"
CONDITIONS = "conditions"
EXOG = "exogenous values"


def beyond(step: int | None, labels: Sequence[str], what: str, text: str | None = None, column: str = "") -> None:
    """Refuse a row (or, with `column`, a variable's value) placed after the forecast's last step."""
    where = f"{text}" if text is not None else f"step {step}"
    which = f"{column} has a value at {where}, which" if column else where
    raise InvalidInputError(
        f"{what}: {which} lies beyond the horizon: the forecast has {counted(len(labels), 'step')} ({labels[0]} to"
        f" {labels[-1]}); forecast more steps or remove {'that value' if column else 'that row'}",
        field=column or STEP,
        value=text or step,
    )


def check_columns(
    given: Iterable[str], columns: Sequence[str], what: str, other_columns: Sequence[str], placing: bool = True
) -> None:
    """Every given column is a variable of the path; `placing`: a date or step column may place the rows."""
    for column in given:
        if column in columns:
            continue
        if column in other_columns:
            where = "as an exogenous value (--exog-csv, REST `exog`)" if what == CONDITIONS else "as a condition"
            role = "exogenous" if what == CONDITIONS else "a modelled variable"
            raise InvalidInputError(f"{what}: {column!r} is {role}; give it {where}", field=column, value=column)
        extra = f" (and optionally a date or {STEP} column)" if placing else ""
        raise InvalidInputError(
            f"{what}: {column!r} is not a variable of this model; use {', '.join(columns) or 'none'}{extra}",
            field=column,
            value=column,
        )


def is_empty(cell) -> bool:
    return cell is None or (isinstance(cell, float) and np.isnan(cell)) or str(cell).strip() == ""


def cell_number(cell, column: str, step: int, labels: Sequence[str], what: str, positive: bool) -> float:
    where = f"{'condition' if what == CONDITIONS else 'exogenous value'} {column} at step {step_label(step, labels)}"
    if is_empty(cell):
        return np.nan  # free (conditions); a missing exogenous value is named by check_complete
    try:
        number = float(str(cell).strip()) if not isinstance(cell, (int, float, np.number)) else float(cell)
    except ValueError:
        raise InvalidInputError(f"{where} is {cell!r}, not a number", field=column, value=str(cell)) from None
    if not np.isfinite(number):
        free = "; leave the cell empty for a free value" if what == CONDITIONS else ""
        shown = repr(str(cell).strip()) if isinstance(cell, str) else f"{number:g}"  # text as typed, numbers plain
        raise InvalidInputError(f"{where} is {shown}; use a finite number{free}", field=column, value=str(cell))
    if abs(number) > MAX_MAGNITUDE:  # as for lag inputs: beyond it a forecast overflows or loses its bands
        raise InvalidInputError(
            f"{where} is {number:g}, too large in magnitude to forecast with (over {MAX_MAGNITUDE:g})",
            field=column,
            value=number,
        )
    if positive and number <= 0:
        raise InvalidInputError(
            f"{where} is {number:g}; this model works on logs, so conditions are levels above 0",
            field=column,
            value=number,
        )
    return number


def check_complete(path: pd.DataFrame, columns: Sequence[str], labels: Sequence[str]) -> None:
    missing = [c for c in columns if c not in path.columns]
    if missing:
        raise InvalidInputError(
            f"{EXOG}: {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing; a forecast needs every"
            f" exogenous variable ({', '.join(columns)}) for each of its {counted(len(labels), 'step')}",
            field="exog",
            value=missing,
        )
    for column in columns:
        empty = np.flatnonzero(path[column].isna().to_numpy())
        if empty.size:
            step = int(empty[0]) + 1
            raise InvalidInputError(
                f"{EXOG}: {column} has no value for step {step_label(step, labels)}; a forecast needs every exogenous"
                f" value for each of its {counted(len(labels), 'step')}",
                field=column,
                value=step,
            )


def step_label(step: int, labels: Sequence[str]) -> str:
    label = labels[step - 1] if 1 <= step <= len(labels) else None
    return f"{step} ({label})" if label and not label.startswith("+") else str(step)


def is_step_name(column: object) -> bool:
    """`step`, `Step` or `STEP`: a column placing a path's rows by their step number."""
    return str(column).strip().lower() == STEP


def refuse_no_conditions(table: pd.DataFrame, label: str) -> None:
    """A conditions file with no value in any variable's column would give a plain forecast that reads as a
    conditioned one."""
    placing = {find_date_column(table.columns), *(c for c in table.columns if is_step_name(c))}
    values = [c for c in table.columns if c not in placing]
    if table.empty:
        raise InvalidInputError(
            f"{label} has a header ({', '.join(map(str, table.columns))}) but no rows: add one row per step to"
            " condition on, or forecast without conditions",
            field=CONDITIONS,
            value=label,
        )
    if not any(not is_empty(cell) for column in values for cell in table[column]):
        named = ", ".join(map(str, values))
        where = (
            (f"column {named} is empty" if len(values) == 1 else f"columns {named} are empty")
            if values
            else ("it has no variable's column")
        )
        raise InvalidInputError(
            f"{label} conditions nothing: {where}; give a value for each variable and step to condition on"
            " (an empty cell leaves it free), or forecast without conditions",
            field=CONDITIONS,
            value=label,
        )
