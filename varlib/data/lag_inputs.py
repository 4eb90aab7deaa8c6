"""Lag inputs: the last observations a forecast starts from, read from a CSV or an edited table.

One reader serves the CLI (`forecast --lags-csv`) and the dashboard (upload and table editor),
so both accept the same files: an optional date column (named like a date, see
`columns.DATE_COLUMN_NAMES`), one column per model variable (extra columns are ignored),
the rows the model needs, oldest first (or newest first when dated); a longer file of recent
data gives its last rows. Every check names the variable and the row
(by its date, else its number), so a person can fix the cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from ..forecast_inputs import check_lag_value, check_lag_values, lag_array, lag_cell
from ..wording import counted, plural_of
from .columns import dated_first_column, find_date_column
from .csv_text import column_name, read_text_table
from .datasets import without_notes_below
from .file_bytes import read_source
from .frequency import label_of, period_labels
from .number_forms import MISSING_MARKS
from .number_marks import not_a_number
from .periods import first_break, in_their_periods, newest_first, offset_of, on_grid, on_its_grid, period_of
from .sample_window import straddled_label
from .timeindex import AmbiguousDates, counted_off_grid, parse_dates

DATE = "date"  # the label column of an editor table


def read_lag_csv(
    source: str | Path | bytes, variables: list[str], needed: int, name: str | None = None
) -> pd.DataFrame:
    """A lag-input CSV (a file, `-` for standard input, or bytes) as a table of text cells: the `date` labels,
    then one column per variable."""
    data, label = read_source(source, name, "lag inputs", whole=True)  # named by the path as given
    # marks of a missing value (NaN, NA, `.`) stay as written: a lag input cannot be missing, so the cell is
    # refused as typed, not as an empty one the person never left
    raw = read_text_table(data, label, observations=False)
    missing = [v for v in variables if column_name(v) not in raw.columns]  # a model trained on NFD names too
    if missing:
        raise InvalidInputError(
            f"CSV {label!r} lacks the {plural_of(len(missing), 'column')} {', '.join(missing)}; it needs a"
            f" header with {', '.join(variables)}"
            f" (and optionally {DATE}), one row per observation, oldest first",
            field="columns",
            value=missing,
        )
    date_col = find_date_column(raw.columns)
    if date_col is not None:  # a longer file's last rows are the lag inputs, so notes under them must go
        raw = without_notes_below(raw, date_col)[0]
    if len(raw) < needed:
        raise InvalidInputError(
            f"CSV {label!r} has {len(raw)} data rows; this model needs {needed} (the last observations, oldest"
            " first; a longer file gives its last ones)",
            field="rows",
            value=len(raw),
        )
    table = pd.DataFrame({v: raw[column_name(v)] for v in variables})
    date_col = date_col or dated_first_column(raw, variables, "the lag inputs")
    table.insert(0, DATE, raw[date_col] if date_col else _row_labels(len(raw)))
    return table


def _row_labels(count: int) -> list[str]:
    return [f"row {i + 1}" for i in range(count)]


def editor_table(lags: pd.DataFrame) -> pd.DataFrame:
    """The table a person edits: a read-only `date` column (ISO text) and one numeric column per variable."""
    frame = lags.copy()
    dated = isinstance(frame.index, pd.DatetimeIndex)
    frame.insert(0, DATE, [iso_label(d) if dated else f"row {i + 1}" for i, d in enumerate(frame.index)])
    return frame.reset_index(drop=True)


def parse_lag_table(
    table: pd.DataFrame,
    variables: list[str],
    needed: int,
    transform: str,
    frequency: str | None = None,
    dates_named: str = DATE,
    periods: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Lag inputs as a float frame (with a DatetimeIndex when the labels are dates), or an error. Dated rows
    run oldest first or newest first; a table of more rows than `needed` (a file of recent data) gives its
    last ones in time. With the model's `frequency` the dates must be consecutive periods of it (and numeric
    dates that read day first and month first alike are read the way that makes them so). `dates_named`: what
    the caller calls the dates (a REST body's `lag_dates`), as the field of a refusal about them. `periods`: the
    periods undated rows stand for (the model's last ones), which name a bad cell as REST's undated rows are named."""
    kept, named, dates = _rows_in_time(table, variables, needed, frequency, dates_named)
    if dates is None and periods is not None and len(periods) == len(named):
        named = [str(period) for period in periods]
    return _dated(_numbers(kept, variables, named, transform), variables, dates, frequency, dates_named)


def _rows_in_time(
    table: pd.DataFrame, variables: list[str], needed: int, frequency: str | None, dates_named: str
) -> tuple[pd.DataFrame, list[str], pd.DatetimeIndex | None]:
    """The table's last `needed` rows in time, each row's label for a message, and their dates (None: undated)."""
    if len(table) < needed:
        raise InvalidInputError(
            f"the model needs {needed} rows of lag inputs (the last observations, oldest first); got {len(table)}",
            field="rows",
            value=len(table),
        )
    check_lag_columns(table.columns, variables)
    labels = [str(x) for x in table[DATE]] if DATE in table.columns else _row_labels(len(table))
    dates = None if labels == _row_labels(len(table)) else _dates(labels, frequency, dates_named)
    rows = np.arange(len(table))
    if dates is not None and newest_first(dates):  # the dates say which row is the last observation
        rows, dates = rows[::-1], dates[::-1]
    if dates is not None:
        _check_order(dates, dates_named)
        dates = dates[-needed:]
    rows = rows[-needed:]  # in time: the last observations
    # a bad cell named by its period as the tables and charts name it (2009Q3), not by the ISO date beneath it
    named = [labels[i] for i in rows] if dates is None else period_labels(dates, frequency)
    return table.iloc[rows].reset_index(drop=True), named, dates


def _dated(
    values: np.ndarray, variables: list[str], dates: pd.DatetimeIndex | None, frequency: str | None, named: str
) -> pd.DataFrame:
    """The checked values as a frame, indexed by their dates (consecutive periods of `frequency`) when dated."""
    frame = pd.DataFrame(values, columns=variables)
    if dates is None:
        return frame
    frame.index = dates.rename(DATE)
    _check_periods(frame.index, frequency, named)
    return frame


def check_lag_columns(columns, variables: list[str]) -> None:
    """Refuse lag inputs that lack a column of the model (a table, or a library caller's DataFrame)."""
    missing = [v for v in variables if v not in columns]
    if missing:
        raise InvalidInputError(
            f"lag inputs lack the {plural_of(len(missing), 'column')} {', '.join(missing)}; they need"
            f" {', '.join(variables)}",
            field="columns",
            value=missing,
        )


def _check_periods(dates: pd.DatetimeIndex, frequency: str | None, named: str = DATE) -> None:
    """Dated lag inputs of a model with a frequency are consecutive periods of it: a VAR's lags are the
    periods just before the forecast, and a row missing or off the grid would shift every lag after it."""
    offset = offset_of(frequency)
    position = None if offset is None else first_break(dates, offset)
    if position is None:
        return
    date, label = dates[position], label_of(str(frequency))
    if not on_its_grid(date, offset):  # the suggestion is the period the date lies in (rollback: the one before)
        raise InvalidInputError(
            f"the lag inputs' date {iso_label(date)} is not a {label} period of this model ({frequency});"
            f" use its dates, e.g. {iso_label(period_of(date, offset))}",
            field=named,
            value=iso_label(date),
        )
    skipped, before, after = period_labels([dates[position - 1] + offset, dates[position - 1], date], frequency)
    raise InvalidInputError(  # periods named as the tables name them (2010Q3), not by the ISO dates beneath
        f"the lag inputs skip {skipped} (between {before} and {after}):"
        f" they are consecutive {label} periods, one row each",
        field=named,
        value=iso_label(date),
    )


def _check_order(dates: pd.DatetimeIndex, named: str = DATE) -> None:
    """Dated rows must run oldest to newest (or newest to oldest), once each: taken in file order, rows out of
    order would start the forecast from the wrong observation."""
    for position in range(1, len(dates)):
        if dates[position] == dates[position - 1]:
            raise InvalidInputError(
                f"the lag inputs have the date {iso_label(dates[position])} twice (rows {position} and"
                f" {position + 1}); keep one row per date",
                field=named,
                value=iso_label(dates[position]),
            )
        if dates[position] < dates[position - 1]:
            before, date = iso_label(dates[position - 1]), iso_label(dates[position])
            raise InvalidInputError(
                f"the lag inputs' dates are out of order: row {position + 1} ({date}) comes after {before};"
                " sort the rows by date, oldest first",
                field=named,
                value=date,
            )


def _dates(labels: list[str], frequency: str | None, named: str) -> pd.DatetimeIndex:
    """The labels as dates (numeric ones read in one order: a forecast's dates continue from the last); a
    label that is not a date is named (taken in file order, the rows would be dated from the training
    data's end), and dates that read day first and month first alike are refused. Dates of consecutive
    periods dated another way than the model's (2009-06-30 for a quarter the model dates 2009-04-01) are
    read as those periods."""
    fits = on_grid(frequency)
    try:
        dates = parse_dates(pd.Index(labels), named, "the lag inputs", fits)
    except AmbiguousDates:  # `2009.3` on quarters from March: neither 2009Q3 nor 2009-03 is the model's
        if (why := counted_off_grid(labels, frequency)) is None:
            raise
        raise InvalidInputError(f"the lag inputs' date {why}", field=named, value=labels[0]) from None
    for label, date in zip(labels, dates, strict=True):  # 2014Q3 among quarters from Nov: none of the model's
        if (why := straddled_label(label, date, frequency)) is not None:
            raise InvalidInputError(f"the lag inputs' date {why}", field=named, value=label)
    periods = None if fits is None or fits(dates) else in_their_periods(dates, frequency)
    return dates if periods is None else periods  # a period skipped is named by the model's dates


def read_lag_inputs(
    source: str | Path | bytes,
    variables: list[str],
    needed: int,
    transform: str,
    name: str | None = None,
    frequency: str | None = None,
) -> pd.DataFrame:
    """`read_lag_csv` then `parse_lag_table`: the checked lag inputs of a CSV file or upload."""
    return parse_lag_table(read_lag_csv(source, variables, needed, name), variables, needed, transform, frequency)


def count_changed(lags: pd.DataFrame, reference: pd.DataFrame) -> int:
    """How many values of `lags` differ from `reference` (same variables and rows)."""
    return int((lags.to_numpy() != reference[list(lags.columns)].to_numpy()).sum())


def _numbers(kept: pd.DataFrame, variables: list[str], labels: list[str], transform: str) -> np.ndarray:
    """The cells as a (rows x variables) array, read cell by cell in time order (each row, then the variables): a
    cell that is no number is refused here, a number by the one owner of the value rules (check_lag_value), so a
    bad value is worded as it is in a REST body's rows."""
    cells = kept[variables].to_numpy(dtype=object)
    numbers = np.column_stack([pd.to_numeric(kept[v], errors="coerce").astype(float).to_numpy() for v in variables])
    for row, col in np.ndindex(*numbers.shape):
        cell, number = cells[row, col], float(numbers[row, col])
        where = lag_cell(row, col, variables, labels)  # lag input realgdp on 2009Q3, in row 2
        if cell is None or (isinstance(cell, float) and np.isnan(cell)) or str(cell).strip() == "":
            raise InvalidInputError(f"{where} is empty; enter a number", field="lag_inputs", value=cell)
        if np.isnan(number) and str(cell).strip() in MISSING_MARKS and not _writes_nan(cell):
            raise InvalidInputError(
                f"{where} is {str(cell).strip()!r}, which marks a missing value; enter a number",
                field="lag_inputs",
                value=cell,
            )
        if np.isnan(number) and not _writes_nan(cell):
            raise InvalidInputError(not_a_number(where, cell), field="lag_inputs", value=cell)
        check_lag_value(number, where, transform, cell)
    return numbers


def _writes_nan(cell: object) -> bool:
    """Whether a cell writes the number NaN itself (`nan`, `NaN`), which pandas reads as it reads `NA` or `x`."""
    try:
        return bool(np.isnan(float(str(cell).strip())))
    except ValueError:
        return False


def dated_lag_inputs(
    rows, dates: list[str], variables: list[str], needed: int, transform: str, frequency: str | None = None
) -> pd.DataFrame:
    """Lag rows given with their dates apart (a REST body's `lag_inputs` and `lag_dates`), checked as a lag
    table is (`parse_lag_table`): one date per row, in order, consecutive periods of `frequency`."""
    values = lag_array(rows, needed, len(variables))  # the shape first: a date count means nothing before
    shown = ", ".join(map(str, dates))
    shown = shown if len(shown) <= 80 else f"{shown[:80]}..."
    if len(dates) != len(rows):
        raise InvalidInputError(
            f"lag_dates has {counted(len(dates), 'date')} ({shown}) for {len(rows)} rows of lag_inputs; give"
            " one date per"
            " row, in the same order",
            field="lag_dates",
            value=dates,
        )
    table = pd.DataFrame(values, columns=variables)
    table.insert(0, DATE, dates)
    # read in time as a lag file is, so a bad value is named by its period as there (the numbers need no parsing)
    kept, named, parsed = _rows_in_time(table, variables, needed, frequency, "lag_dates")
    numbers = kept[variables].to_numpy(dtype=float)
    check_lag_values(numbers, transform, variables, named)
    frame = _dated(numbers, variables, parsed, frequency, "lag_dates")
    if not isinstance(frame.index, pd.DatetimeIndex):  # labels such as "row 1" read as no dates at all
        raise InvalidInputError(
            f"lag_dates ({shown}) are not dates; give each row's date, e.g. 2010-04-01", field="lag_dates", value=dates
        )
    return frame
