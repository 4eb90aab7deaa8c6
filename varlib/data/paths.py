"""Future paths: the exogenous values and the conditions of a forecast, with one reader and one checker.

A path is a table with one row per forecast step and one column per variable. The CLI (`--exog-csv`,
`--conditions-csv`), the REST service (`exog`, `conditions`: one list per variable, step by step) and
the dashboard (editable tables, CSV uploads) all go through `check_path`, so the same file or table is
accepted or refused with the same message everywhere. A row's step is given by a date column (named
like a date, see `columns.DATE_COLUMN_NAMES`) holding forecast dates, by a `step` column of numbers
from 1, or by the row order. For conditions an empty cell leaves that value free, and a step beyond
the horizon is refused; exogenous values are needed for every step (rows after the last step are not
used). Every message names the variable, the step and its date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from .columns import find_date_column
from .csv_text import read_text_table
from .timeindex import AmbiguousDates, as_their_months, parse_dates

STEP = "step"
CONDITIONS = "conditions"
EXOG = "exogenous values"


def read_path_csv(source: str | Path | bytes, what: str = CONDITIONS, name: str | None = None) -> pd.DataFrame:
    """A path CSV (file or bytes) as a table of text cells; `check_path` checks it against a forecast."""
    label = name or (Path(source).name if isinstance(source, (str, Path)) else "upload.csv")
    try:
        data = Path(source).read_bytes() if isinstance(source, (str, Path)) else bytes(source)
    except OSError as exc:
        raise InvalidInputError(f"cannot read {what} from {label!r}: {exc.strerror or exc}", value=label) from None
    return read_text_table(data, label, observations=False)


def check_path(
    table,
    columns: Sequence[str],
    labels: Sequence[str],
    what: str = CONDITIONS,
    positive: bool = False,
    other_columns: Sequence[str] = (),
) -> pd.DataFrame:
    """A path as floats: one row per step (index 1..len(labels)), one column per name in `columns` that the
    table has (every one for exogenous values), NaN where a condition is free.

    `table` is a DataFrame (text or numbers; a date or `step` column, or a DatetimeIndex, places the rows)
    or a mapping of variable -> values step by step (the REST form, None for a free value). `labels` are the
    forecast's period labels; `positive` refuses values <= 0 (conditions of a logdiff model); names in
    `other_columns` get a message saying which kind of path they belong in."""
    frame = _as_frame(table)
    steps = _steps_of(frame, labels, what)
    given = [c for c in frame.columns if c not in (STEP, _date_column(frame))]
    _check_columns(given, columns, what, other_columns)
    index = pd.RangeIndex(1, len(labels) + 1, name=STEP)
    out = pd.DataFrame(np.nan, index=index, columns=[c for c in columns if c in given])
    for position, step in enumerate(steps):
        if step is None:  # exogenous values after the horizon: not used
            continue
        for column in out.columns:
            out.loc[step, column] = _number(frame[column].iloc[position], column, step, labels, what, positive)
    if what == EXOG:
        _check_complete(out, columns, labels)
    return out


def path_editor_table(path: pd.DataFrame | None, columns: Sequence[str], labels: Sequence[str]) -> pd.DataFrame:
    """The table a person edits: read-only `step` (1, 2, ...) and `date` columns, then one numeric column per
    variable (empty where free). `check_path` reads it back by its step column, dated or not."""
    table = pd.DataFrame({STEP: range(1, len(labels) + 1), "date": list(labels)})
    for column in columns:
        values = (
            path[column].to_numpy() if path is not None and column in path.columns else np.full(len(labels), np.nan)
        )
        padded = np.full(len(labels), np.nan)
        padded[: min(len(values), len(labels))] = np.asarray(values[: len(labels)], dtype=float)
        table[column] = padded
    return table


def _as_frame(table) -> pd.DataFrame:
    if isinstance(table, pd.DataFrame):
        frame = table.copy()
        frame.columns = [str(c).strip() for c in frame.columns]
        return frame
    if isinstance(table, Mapping):
        # JSON null is a free value; a NaN that came through JSON is not a number anyone meant
        return pd.DataFrame(
            {str(k).strip(): pd.Series([_nan_as_text(v) for v in values], dtype=object) for k, values in table.items()}
        )
    raise InvalidInputError("a path must be a table or a mapping of variable -> values, step by step")


def _nan_as_text(value):
    return "NaN" if isinstance(value, float) and np.isnan(value) else value


def _date_column(frame: pd.DataFrame) -> str | None:
    return find_date_column(c for c in frame.columns if c != STEP)


def _steps_of(frame: pd.DataFrame, labels: Sequence[str], what: str) -> list[int | None]:
    """The step (1-based) of every row; None for exogenous rows after the horizon (not used)."""
    date_column = _date_column(frame)
    if STEP in frame.columns:
        steps = [_step_number(cell, labels, what) for cell in frame[STEP]]
    elif date_column is not None or isinstance(frame.index, pd.DatetimeIndex):
        cells = frame[date_column] if date_column is not None else frame.index
        periods = pd.to_datetime(pd.Series(list(labels)), errors="coerce", format="mixed")  # read once
        steps = [_step_of_date(cell, labels, periods, what) for cell in _as_dates(cells, periods, what)]
    else:
        steps = [i + 1 for i in range(len(frame))]
        if what == CONDITIONS and len(frame) > len(labels):
            _beyond(len(labels) + 1, labels, what)
    if what == EXOG:
        steps = [s if s is not None and s <= len(labels) else None for s in steps]
    seen: set[int] = set()
    for step in steps:
        if step is not None and step in seen:
            raise InvalidInputError(
                f"{what}: step {_where(step, labels)} is given twice; keep one row per step", field=what, value=step
            )
        if step is not None:
            seen.add(step)
    return steps


def _as_dates(cells, periods: pd.Series, what: str):
    """A column of date text read as one column (01.04.2010 day first in every row, see parse_dates); as
    given when some cell is not a date, for that cell's own message. Dates that read day first and month
    first alike are refused: a date read the wrong way could still be one of the forecast's periods."""
    if isinstance(cells, pd.DatetimeIndex):
        return cells
    try:
        labels = pd.Index([str(cell).strip() for cell in cells])
        return _months_of(parse_dates(labels, "date", what, _forecast_dates(periods), observed=False), periods)
    except AmbiguousDates:
        raise
    except InvalidInputError:
        return cells


def _months_of(dates: pd.DatetimeIndex, periods: pd.Series) -> pd.DatetimeIndex:
    """Dates on one day of the month after the first (2005-02-15), for a forecast whose periods start months:
    the months they fall in, as training data and lag inputs dated that way are read, also for a date in the
    horizon's last month (which, later than its period's start, would otherwise read as past the horizon)."""
    months, fits = as_their_months(dates), _forecast_dates(periods)
    if months is None or fits is None or not (periods.dt.day == 1).all() or not fits(months):
        return dates  # named as written
    return months


def _forecast_dates(periods: pd.Series):
    """Dates a path's rows may have: the forecast's periods, or later ones (exogenous rows past the horizon)."""
    if periods.isna().any() or periods.empty:
        return None
    known = set(periods)
    return lambda index: all(stamp in known or stamp > periods.iloc[-1] for stamp in index)


def _step_number(cell, labels: Sequence[str], what: str) -> int | None:
    text = str(cell).strip()
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if not np.isfinite(number) or number != int(number) or number < 1:
        raise InvalidInputError(
            f"{what}: step {text!r} is not a step number (1 for the first forecast period)", field=STEP, value=text
        )
    step = int(number)
    if step > len(labels) and what == CONDITIONS:
        _beyond(step, labels, what)
    return step


def _step_of_date(cell, labels: Sequence[str], periods: pd.Series, what: str) -> int | None:
    text = str(cell.date() if isinstance(cell, pd.Timestamp) and cell == cell.normalize() else cell).strip()
    when = cell if isinstance(cell, pd.Timestamp) else pd.to_datetime(text, errors="coerce", format="mixed")
    if pd.isna(when):
        raise InvalidInputError(f"{what}: {text!r} is not a date", field="date", value=text)
    if periods.isna().any():
        raise InvalidInputError(
            f"{what}: the forecast periods of this model have no dates (its data has no regular frequency);"
            f" give a {STEP} column with step numbers instead of {text!r}",
            field="date",
            value=text,
        )
    matches = np.flatnonzero(periods.to_numpy() == np.datetime64(when))
    if matches.size:
        return int(matches[0]) + 1
    if when > periods.iloc[-1]:
        if what == EXOG:
            return None
        _beyond(None, labels, what, text)
    raise InvalidInputError(
        f"{what}: {text} is not one of the forecast's periods ({len(labels)} steps, {labels[0]} to {labels[-1]});"
        " use their dates",
        field="date",
        value=text,
    )


def _beyond(step: int | None, labels: Sequence[str], what: str, text: str | None = None) -> None:
    where = f"{text}" if text is not None else f"step {step}"
    raise InvalidInputError(
        f"{what}: {where} lies beyond the horizon: the forecast has {len(labels)} steps ({labels[0]} to"
        f" {labels[-1]}); forecast more steps or remove that row",
        field=STEP,
        value=text or step,
    )


def _check_columns(given: list[str], columns: Sequence[str], what: str, other_columns: Sequence[str]) -> None:
    for column in given:
        if column in columns:
            continue
        if column in other_columns:
            where = "as an exogenous value (--exog-csv, REST `exog`)" if what == CONDITIONS else "as a condition"
            role = "exogenous" if what == CONDITIONS else "a modelled variable"
            raise InvalidInputError(
                f"{what}: {column!r} is {role}; give it {where}",
                field=column,
                value=column,
            )
        raise InvalidInputError(
            f"{what}: {column!r} is not a variable of this model; use {', '.join(columns) or 'none'} (and"
            f" optionally a date or {STEP} column)",
            field=column,
            value=column,
        )


def _number(cell, column: str, step: int, labels: Sequence[str], what: str, positive: bool) -> float:
    where = f"{'condition' if what == CONDITIONS else 'exogenous value'} {column} at step {_where(step, labels)}"
    if cell is None or (isinstance(cell, float) and np.isnan(cell)) or str(cell).strip() == "":
        return np.nan  # free (conditions); a missing exogenous value is named by _check_complete
    try:
        number = float(str(cell).strip()) if not isinstance(cell, (int, float, np.number)) else float(cell)
    except ValueError:
        raise InvalidInputError(f"{where} is {cell!r}, not a number", field=column, value=str(cell)) from None
    if not np.isfinite(number):
        free = "; leave the cell empty for a free value" if what == CONDITIONS else ""
        shown = repr(str(cell).strip()) if isinstance(cell, str) else f"{number:g}"  # text as typed, numbers plain
        raise InvalidInputError(f"{where} is {shown}; use a finite number{free}", field=column, value=str(cell))
    if positive and number <= 0:
        raise InvalidInputError(
            f"{where} is {number:g}; this model works on logs, so conditions are levels above 0",
            field=column,
            value=number,
        )
    return number


def _check_complete(path: pd.DataFrame, columns: Sequence[str], labels: Sequence[str]) -> None:
    missing = [c for c in columns if c not in path.columns]
    if missing:
        raise InvalidInputError(
            f"{EXOG}: {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing; a forecast needs every"
            f" exogenous variable ({', '.join(columns)}) for each of its {len(labels)} steps",
            field="exog",
            value=missing,
        )
    for column in columns:
        empty = np.flatnonzero(path[column].isna().to_numpy())
        if empty.size:
            step = int(empty[0]) + 1
            raise InvalidInputError(
                f"{EXOG}: {column} has no value for step {_where(step, labels)}; a forecast needs every exogenous"
                f" value for each of its {len(labels)} steps",
                field=column,
                value=step,
            )


def _where(step: int, labels: Sequence[str]) -> str:
    label = labels[step - 1] if 1 <= step <= len(labels) else None
    return f"{step} ({label})" if label and not label.startswith("+") else str(step)
