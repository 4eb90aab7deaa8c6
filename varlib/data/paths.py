"""Future paths: the exogenous values and the conditions of a forecast, with one reader and one checker.

A path is a table with one row per forecast step and one column per variable. The CLI (`--exog-csv`,
`--conditions-csv`), the REST service (`exog`, `conditions`: one list per variable, step by step) and
the dashboard (editable tables, CSV uploads) all go through `check_path`, so the same file or table is
accepted or refused with the same message everywhere. A row's step is given by a date column (named
like a date, see `columns.DATE_COLUMN_NAMES`, else a first column that is no variable and holds dates, as
lag inputs find theirs) holding forecast dates, by the table's index of dates or periods, by a `step`
column of numbers from 1, or by the row order. For conditions an empty cell leaves that value free, and
a value beyond the horizon is refused (rows there without one are not used, however placed, so a template
serves any horizon); exogenous values are needed for every step (rows after the last step are not used).
Every message names the variable, the step and its date.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from .columns import dated_first_column, find_date_column, is_date_column_name
from .csv_text import read_text_table
from .date_text import read_dates
from .file_bytes import read_source
from .number_marks import plain_number
from .path_dates import as_dates, as_written, step_of_date
from .path_values import (
    CONDITIONS,
    EXOG,
    STEP,
    beyond,
    cell_number,
    check_columns,
    check_complete,
    horizon_words,
    index_named_step,
    is_empty,
    is_step_name,
    place,
    refuse_no_conditions,
    refuse_numbered_rows,
    shown_labels,
    step_label,
)
from .periods import dated_by_text, period_dates

Named = tuple[Sequence[str], Sequence[str]]  # a forecast's ISO labels (rows match them) and its labels as shown

__all__ = ["CONDITIONS", "EXOG", "STEP", "check_path", "path_editor_table", "read_path_csv"]


def read_path_csv(source: str | Path | bytes, what: str = CONDITIONS, name: str | None = None) -> pd.DataFrame:
    """A path CSV (a file, `-` for standard input, or bytes) as a table of text cells; `check_path` checks it
    against a forecast."""
    data, label = read_source(source, name, what)
    table = read_text_table(data, label, observations=False, steps=True)
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

    `table` is a DataFrame (text or numbers; a date or `step` column, or a DatetimeIndex or PeriodIndex, places
    the rows) or a mapping of variable -> values step by step (the REST form, None for a free value; a Series
    indexed by dates is refused there, its dates would be lost). `labels` are the
    forecast's period labels, of the model's `frequency` (dates dated another way, such as quarter ends for a
    model dated by the quarters' first days, are read as the periods they fall in); `positive` refuses values
    <= 0 (conditions of a logdiff model); names in `other_columns` get a message saying which kind of path they
    belong in."""
    by_position = isinstance(table, Mapping)  # the REST form: each list step by step, every key a variable
    if by_position:  # before any other work: a body of many keys that are not variables costs nothing
        check_columns((str(key) for key in table), columns, what, other_columns, placing=False, sent=table)
    table = _in_model_spelling(table, [*columns, *other_columns])
    frame = _as_frame(table, what)
    if not by_position:
        frame = _step_column_named(index_named_step(frame), columns)
    date_column = None if by_position else _date_column(frame, [*columns, *other_columns], what)
    if what == CONDITIONS and date_column and not is_date_column_name(date_column):
        # refuse_no_conditions knows date columns by name: dates found by position (`quarter`) are no values either
        refuse_no_conditions(frame.drop(columns=[date_column]))
    shown = shown_labels(labels, frequency)  # messages name periods as the tables do; rows match the ISO labels
    named = (labels, shown)
    steps = (
        _position_steps(frame, shown, what) if by_position else _steps_of(frame, named, what, date_column, frequency)
    )
    given = [c for c in frame.columns if c not in (STEP, date_column)] if not by_position else list(frame.columns)
    check_columns(given, columns, what, other_columns)
    index = pd.RangeIndex(1, len(labels) + 1, name=STEP)
    out = pd.DataFrame(np.nan, index=index, columns=[c for c in columns if c in given])
    for position, step in enumerate(steps):
        if step is None:  # exogenous values after the horizon: not used
            continue
        for column in out.columns:
            out.loc[step, column] = cell_number(frame[column].iloc[position], column, step, shown, what, positive)
    if what == EXOG:
        if len(steps) and all(step is None for step in steps):  # every row after the horizon: none is used
            raise InvalidInputError(
                f"{EXOG}: every row of the table lies after the forecast's last period ({shown[-1]}); give the"
                f" values of its {horizon_words(shown)}",
                field="exog",
            )
        check_complete(out, columns, shown)
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


def _as_frame(table, what: str) -> pd.DataFrame:
    if isinstance(table, pd.DataFrame):
        frame = table.copy()
        frame.columns = [str(c).strip() for c in frame.columns]
        return frame
    if isinstance(table, Mapping):
        for key, values in table.items():  # a bare number is no path: named here, with the variable it is for
            if isinstance(values, pd.Series) and isinstance(values.index, (pd.DatetimeIndex, pd.PeriodIndex)):
                # values step by step would drop the Series' dates (reversed ones would run backwards); a table
                # places rows by its dates, where a date missing is named, not filled from the next row
                raise InvalidInputError(
                    f"{key!s:.40} is a Series indexed by dates, but a mapping gives values step by step from the"
                    f" first forecast period; give a table, pd.DataFrame({{{str(key)[:40]!r}: series}}), whose dates"
                    " place the rows",
                    field=place(what, key),
                )
            if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
                raise InvalidInputError(
                    f"{key!s:.40} is {values!r:.40}, not a list of values step by step; give a list with one"
                    " value per step, from the first forecast period",
                    field=place(what, key),
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


def _date_column(frame: pd.DataFrame, variables: Sequence[str], what: str) -> str | None:
    """A column named like a date, else a first one (after a step column) that is no variable and holds dates
    (`quarter` of `1972Q2`s, pandas' index under an empty header), as lag inputs find theirs."""
    rest = frame.drop(columns=[STEP], errors="ignore")
    return find_date_column(rest.columns) or dated_first_column(rest, variables, what)


def _position_steps(frame: pd.DataFrame, labels: Sequence[str], what: str) -> list[int | None]:
    """Rows placed by their order: None after the horizon, where a condition's value is refused (naming its
    variable) and an empty cell is no condition at all; exogenous values there are not used."""
    if what == CONDITIONS:
        for column in frame.columns:
            after = frame[column].iloc[len(labels) :].tolist()  # one list, not a lookup per cell: a list may be long
            late = next((i for i, cell in enumerate(after) if not is_empty(cell)), None)
            if late is not None:
                beyond(len(labels) + late + 1, labels, what, column=column, cell=after[late])
    return [i + 1 if i < len(labels) else None for i in range(len(frame))]


def _steps_of(
    frame: pd.DataFrame, named: Named, what: str, date_column: str | None, frequency: str | None
) -> list[int | None]:
    """The step (1-based) of every row; None for rows after the horizon that are not used: exogenous ones, and
    rows of conditions without a value (a template of more rows than the horizon, placed however). `named`: the
    forecast's ISO labels, which rows are matched against, and its labels as shown (shown_labels), for messages."""
    labels, shown = named
    values = [c for c in frame.columns if c not in (STEP, date_column)]
    # the variables each row of conditions gives a value, named if it lies after the horizon; one list per
    # column, not a lookup per cell. Rows without one may lie there, as may exogenous ones, whatever they hold.
    by_column = [(c, frame[c].tolist()) for c in values] if what != EXOG else []
    held = [[c for c, cells in by_column if not is_empty(cells[row])] for row in range(len(frame))]
    index_dated = date_column is None and (
        period_dates(frame.index, frequency) is not None or dated_by_text(frame.index)
    )
    if STEP in frame.columns:
        steps: list[int | None] = [_step_number(cell, what) for cell in frame[STEP]]
        if date_column is not None:
            _check_dates_agree(frame[date_column], steps, named, what, frequency)
    elif date_column is not None or index_dated:
        cells = frame[date_column] if date_column is not None else frame.index
        periods = read_dates(labels)  # read once
        dates = as_dates(cells, periods, shown, what, frequency)
        rows = zip(dates, held, [as_written(cell) for cell in cells], strict=True)  # each date as written too
        steps = [step_of_date(cell, shown, periods, what, not had, had, frequency, text) for cell, had, text in rows]
    else:
        refuse_numbered_rows(frame.index, what)
        steps = _position_steps(frame.drop(columns=[STEP], errors="ignore"), shown, what)
    for row, step in enumerate(steps):
        if step is not None and step > len(labels):
            if held[row]:
                beyond(step, shown, what, held=held[row])
            steps[row] = None
    seen: set[int] = set()
    for step in steps:
        if step is not None and step in seen:
            raise InvalidInputError(
                f"{what}: step {step_label(step, shown)} is given twice; keep one row per step", field=STEP, value=step
            )
        if step is not None:
            seen.add(step)
    return steps


def _check_dates_agree(
    cells: pd.Series, steps: list[int | None], named: Named, what: str, frequency: str | None
) -> None:
    """Rows placed by a step column that also have dates: each date must be its step's period (the step would
    silently win otherwise). The editor's own table writes the forecast's labels, which agree as text."""
    labels, shown = named
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
    dates = as_dates(cells, periods, shown, what, frequency)
    for row, step in dated_rows:
        # a date past the horizon is a disagreement too: "2011-01-01 lies beyond the horizon" hid the step given
        dated = step_of_date(dates[row], shown, periods, what, True)
        if dated != step:
            which = f"step {step_label(dated, shown)}" if dated else "after the forecast's last step"
            raise InvalidInputError(
                f"{what}: row {row + 1} gives step {step_label(step, shown)} and the date"
                f" {str(cells.iloc[row]).strip()}, which is {which};"
                " keep one of the two columns or make them agree",
                field=STEP,
                value=step,
            )


def _step_number(cell, what: str) -> int:
    """A step column's cell as its number; one past the horizon is for `_steps_of` to judge."""
    text = str(cell).strip()
    number = plain_number(text)
    if number is None or not np.isfinite(number) or number != int(number) or number < 1:
        raise InvalidInputError(
            f"{what}: step {text!r} is not a step number (1 for the first forecast period)", field=STEP, value=text
        )
    return int(number)


def _in_model_spelling(table, names: Sequence[str]):
    """Keys or columns that are one of `names` in another Unicode form (`Ö` as one character, or as O and its mark,
    as macOS may save it) renamed to the model's own spelling, so that they match as the training file's did."""
    own = {unicodedata.normalize("NFC", name): name for name in names}

    def spelled(key):
        return own.get(unicodedata.normalize("NFC", str(key)), key)

    if isinstance(table, Mapping):
        return {spelled(key): values for key, values in table.items()}
    return table.rename(columns=spelled) if isinstance(table, pd.DataFrame) else table
