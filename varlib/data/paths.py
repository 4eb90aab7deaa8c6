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

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ..wording import counted
from .columns import find_date_column
from .csv_text import read_text_table
from .date_text import read_date, read_dates
from .path_values import (
    CONDITIONS,
    EXOG,
    STEP,
    beyond,
    cell_number,
    check_columns,
    check_complete,
    is_empty,
    is_step_name,
    refuse_no_conditions,
    step_label,
)
from .periods import in_their_periods
from .timeindex import AmbiguousDates, parse_dates

__all__ = ["CONDITIONS", "EXOG", "STEP", "check_path", "path_editor_table", "read_path_csv"]


def read_path_csv(source: str | Path | bytes, what: str = CONDITIONS, name: str | None = None) -> pd.DataFrame:
    """A path CSV (file or bytes) as a table of text cells; `check_path` checks it against a forecast."""
    label = name or (Path(source).name if isinstance(source, (str, Path)) else "upload.csv")
    try:
        data = Path(source).read_bytes() if isinstance(source, (str, Path)) else bytes(source)
    except OSError as exc:
        raise InvalidInputError(f"cannot read {what} from {label!r}: {exc.strerror or exc}", value=label) from None
    table = read_text_table(data, label, observations=False)
    if what == CONDITIONS:
        refuse_no_conditions(table, f"{what} file {label}")
    return table


def check_path(
    table,
    columns: Sequence[str],
    labels: Sequence[str],
    what: str = CONDITIONS,
    positive: bool = False,
    other_columns: Sequence[str] = (),
    frequency: str | None = None,
) -> pd.DataFrame:
    """A path as floats: one row per step (index 1..len(labels)), one column per name in `columns` that the
    table has (every one for exogenous values), NaN where a condition is free.

    `table` is a DataFrame (text or numbers; a date or `step` column, or a DatetimeIndex, places the rows)
    or a mapping of variable -> values step by step (the REST form, None for a free value). `labels` are the
    forecast's period labels, of the model's `frequency` (dates dated another way, such as quarter ends for a
    model dated by the quarters' first days, are read as the periods they fall in); `positive` refuses values
    <= 0 (conditions of a logdiff model); names in `other_columns` get a message saying which kind of path they
    belong in."""
    by_position = isinstance(table, Mapping)  # the REST form: each list step by step, every key a variable
    if by_position:  # before any other work: a body of many keys that are not variables costs nothing
        check_columns((str(key) for key in table), columns, what, other_columns, placing=False)
    frame = _as_frame(table)
    if not by_position:
        frame = _step_column_named(frame, columns)
    date_column = None if by_position else _date_column(frame)
    steps = (
        _position_steps(frame, labels, what) if by_position else _steps_of(frame, labels, what, date_column, frequency)
    )
    given = [c for c in frame.columns if c not in (STEP, date_column)] if not by_position else list(frame.columns)
    check_columns(given, columns, what, other_columns)
    index = pd.RangeIndex(1, len(labels) + 1, name=STEP)
    out = pd.DataFrame(np.nan, index=index, columns=[c for c in columns if c in given])
    for position, step in enumerate(steps):
        if step is None:  # exogenous values after the horizon: not used
            continue
        for column in out.columns:
            out.loc[step, column] = cell_number(frame[column].iloc[position], column, step, labels, what, positive)
    if what == EXOG:
        if len(steps) and all(step is None for step in steps):  # every row after the horizon: none is used
            raise InvalidInputError(
                f"{EXOG}: every row of the table lies after the forecast's last period ({labels[-1]}); give the"
                f" values of its {len(labels)} periods, {labels[0]} to {labels[-1]}",
                field="exog",
            )
        check_complete(out, columns, labels)
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
        for key, values in table.items():  # a bare number is no path: named here, with the variable it is for
            if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
                raise InvalidInputError(
                    f"{key!s:.40} is {values!r:.40}, not a list of values step by step; give a list with one"
                    " value per step, from the first forecast period",
                    field=str(key),
                    value=repr(values)[:40],
                )
        # JSON null is a free value; a NaN that came through JSON is not a number anyone meant
        return pd.DataFrame(
            {str(k): pd.Series([_nan_as_text(v) for v in values], dtype=object) for k, values in table.items()}
        )
    raise InvalidInputError("a path must be a table or a mapping of variable -> values, step by step")


def _step_column_named(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """`Step` or `STEP` as the step column, as date columns are matched in any case (unless a variable has
    that name)."""
    if STEP in frame.columns:
        return frame
    named = [c for c in frame.columns if is_step_name(c) and c not in columns]
    return frame.rename(columns={named[0]: STEP}) if len(named) == 1 else frame


def _nan_as_text(value):
    return "NaN" if isinstance(value, float) and np.isnan(value) else value


def _date_column(frame: pd.DataFrame) -> str | None:
    return find_date_column(c for c in frame.columns if c != STEP)


def _position_steps(frame: pd.DataFrame, labels: Sequence[str], what: str) -> list[int | None]:
    """Rows placed by their order: None after the horizon, where a condition's value is refused (naming its
    variable) and an empty cell is no condition at all; exogenous values there are not used."""
    if what == CONDITIONS:
        for column in frame.columns:
            late = [i for i in range(len(labels), len(frame)) if not is_empty(frame[column].iloc[i])]
            if late:
                beyond(late[0] + 1, labels, what, column=column)
    return [i + 1 if i < len(labels) else None for i in range(len(frame))]


def _steps_of(
    frame: pd.DataFrame, labels: Sequence[str], what: str, date_column: str | None, frequency: str | None
) -> list[int | None]:
    """The step (1-based) of every row; None for exogenous rows after the horizon (not used)."""
    if STEP in frame.columns:
        steps = [_step_number(cell, labels, what) for cell in frame[STEP]]
        if date_column is not None:
            _check_dates_agree(frame[date_column], steps, labels, what, frequency)
    elif date_column is not None or isinstance(frame.index, pd.DatetimeIndex):
        cells = frame[date_column] if date_column is not None else frame.index
        periods = read_dates(labels)  # read once
        steps = [_step_of_date(cell, labels, periods, what) for cell in _as_dates(cells, periods, what, frequency)]
    else:
        steps = _position_steps(frame.drop(columns=[STEP], errors="ignore"), labels, what)
    if what == EXOG:
        steps = [s if s is not None and s <= len(labels) else None for s in steps]
    seen: set[int] = set()
    for step in steps:
        if step is not None and step in seen:
            raise InvalidInputError(
                f"{what}: step {step_label(step, labels)} is given twice; keep one row per step", field=what, value=step
            )
        if step is not None:
            seen.add(step)
    return steps


def _check_dates_agree(
    cells: pd.Series, steps: list[int | None], labels: Sequence[str], what: str, frequency: str | None
) -> None:
    """Rows placed by a step column that also have dates: each date must be its step's period (the step would
    silently win otherwise). The editor's own table writes the forecast's labels, which agree as text."""
    dated_rows = [
        (row, step)
        for row, step in enumerate(steps)
        if step is not None
        and step <= len(labels)
        and not is_empty(cells.iloc[row])
        and str(cells.iloc[row]).strip() != labels[step - 1]
    ]
    if not dated_rows:
        return
    periods = read_dates(labels)
    dates = _as_dates(cells, periods, what, frequency)
    for row, step in dated_rows:
        dated = _step_of_date(dates[row], labels, periods, what)
        if dated != step:
            raise InvalidInputError(
                f"{what}: row {row + 1} gives step {step_label(step, labels)} and the date"
                f" {str(cells.iloc[row]).strip()}, which is step {step_label(dated, labels) if dated else 'none'};"
                " keep one of the two columns or make them agree",
                field=STEP,
                value=step,
            )


def _as_dates(cells, periods: pd.Series, what: str, frequency: str | None):
    """A column of date text read as one column (01.04.2010 day first in every row, see parse_dates); as
    given when some cell is not a date, for that cell's own message. Dates that read day first and month
    first alike are refused: a date read the wrong way could still be one of the forecast's periods."""
    if isinstance(cells, pd.DatetimeIndex):
        return cells
    try:
        labels = pd.Index([str(cell).strip() for cell in cells])
        dates = parse_dates(labels, "date", what, _forecast_dates(periods), observed=False)
        return _periods_of(dates, periods, frequency)
    except AmbiguousDates:
        raise
    except InvalidInputError:
        return cells


def _periods_of(dates: pd.DatetimeIndex, periods: pd.Series, frequency: str | None) -> pd.DatetimeIndex:
    """Dates dated another way than the forecast's periods (2005-02-15 or 2005-03-31 for periods dated by their
    first day): the periods they fall in, when those are the forecast's (or later: exogenous rows past the
    horizon), also for a date in the horizon's last period (which would otherwise read as past the horizon)."""
    mapped, fits = in_their_periods(dates, frequency), _forecast_dates(periods)
    return dates if mapped is None or fits is None or not fits(mapped) else mapped  # else named as written


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
        beyond(step, labels, what)
    return step


def _step_of_date(cell, labels: Sequence[str], periods: pd.Series, what: str) -> int | None:
    text = str(cell.date() if isinstance(cell, pd.Timestamp) and cell == cell.normalize() else cell).strip()
    when = cell if isinstance(cell, pd.Timestamp) else read_date(text)
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
        beyond(None, labels, what, text)
    raise InvalidInputError(
        f"{what}: {text} is not one of the forecast's periods ({counted(len(labels), 'step')}, {labels[0]} to"
        f" {labels[-1]}); use their dates",
        field="date",
        value=text,
    )
