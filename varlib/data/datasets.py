"""Datasets: the bundled statsmodels macro data and user CSVs, validated before any fitting."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ..spec import check_distinct, check_two_or_more
from .cell_text import blank
from .columns import (
    column_label,
    default_variables,
    guess_date_column,
    is_percent_column,
    left_out_note,
    percent_hint,
)
from .csv_text import READ_AS, column_name, read_text_table
from .file_bytes import check_size, read_file
from .file_layout import layout_refusal
from .file_rows import FileRows
from .fill import Preparation, make_regular
from .frequency import data_span, detect_frequency
from .left_out import MACRO_WHY, columns_left_out, in_other_dress
from .number_marks import number_hint
from .periods import newest_first, one_period_twice
from .rows_not_data import without_dated_empty_ends, without_notes_below
from .sample_window import slice_dates
from .timeindex import read_dates

MACRODATA = "macrodata"
DEFAULT_VARIABLES = ("realgdp", "realcons")


@dataclass(frozen=True)
class Dataset:
    """A validated multivariate series: one row per period of `frequency` (a pandas alias such as
    `QS-OCT`), float columns without holes, and how holes were filled if there were any."""

    name: str
    frame: pd.DataFrame
    sha256: str
    frequency: str | None = None
    preparation: Preparation | None = None
    read_as: tuple[str, ...] = ()  # how a CSV was read where it is not a plain one, e.g. "dates day first"
    left_out: tuple[tuple[str, str], ...] = ()  # (column, why) of the file's, when no variables were named

    @property
    def variables(self) -> list[str]:
        return list(self.frame.columns)

    @property
    def span(self) -> dict:
        """Its rows and first and last period (`2006Q1`), for people and programs."""
        return data_span(self.frame.index, self.frequency)


def load_macrodata(variables: Sequence[str] | None = None) -> Dataset:
    """The US macro data bundled with statsmodels, quarterly 1959Q1-2009Q3."""
    from statsmodels.datasets import macrodata

    raw = macrodata.load_pandas().data
    starts = pd.DataFrame({"year": raw["year"].astype(int), "month": raw["quarter"].astype(int) * 3 - 2, "day": 1})
    frame = raw.drop(columns=["year", "quarter"]).set_index(pd.DatetimeIndex(pd.to_datetime(starts)))
    frame.index.name = "date"
    frame = select_variables(frame, variables or DEFAULT_VARIABLES, source="macrodata")
    frequency = detect_frequency(pd.DatetimeIndex(frame.index), "macrodata")
    left = () if variables else tuple((str(c), MACRO_WHY) for c in raw.columns if c not in frame.columns)
    return Dataset(MACRODATA, frame, frame_sha256(frame), frequency.alias, Preparation(frequency.alias), (), left)


def macro_columns() -> list[str]:
    """Every variable of the bundled macro data."""
    from statsmodels.datasets import macrodata

    return [c for c in macrodata.load_pandas().data.columns if c not in ("year", "quarter")]


def read_csv(
    source: str | Path | bytes, name: str | None = None, keep_headerless: bool = False
) -> tuple[pd.DataFrame, str, str]:
    """Read a CSV into a frame of text cells (varlib.data.csv_text); returns (frame, dataset name, sha256 of
    the bytes). A column with values but no header is refused unless `keep_headerless` (the upload preview)."""
    if isinstance(source, (str, Path)):
        data, name = read_file(source, name)  # `-`: standard input
    else:
        data = bytes(source)
        name = name or "upload.csv"
        check_size(len(data), name)
    table = read_text_table(data, name, keep_headerless=keep_headerless)
    if table.empty:
        names = ", ".join(map(str, table.columns))
        raise InvalidInputError(f"CSV {name!r} has a header ({names}) but no data rows: add one row per period")
    return table, name, hashlib.sha256(data).hexdigest()


def load_csv(
    source: str | Path | bytes,
    date_col: str | None = None,
    variables: Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    name: str | None = None,
    fill: str = "none",
) -> Dataset:
    """A Dataset from a CSV with one date column and numeric columns (by default all that hold values).

    Missing periods and empty cells are refused with their dates named, unless `fill` says how to
    make the rows regular (varlib.data.fill)."""
    raw, name, digest = read_csv(source, name)
    date_col = column_name(date_col) if date_col else guess_date_column(raw.columns, raw)
    if date_col is None:
        raise InvalidInputError(f"CSV {name!r} has no columns")
    if date_col not in raw.columns:
        raise InvalidInputError(
            f"date column {date_col!r} is not in {name!r}; its columns are {', '.join(map(str, raw.columns))}"
        )
    if len(raw.columns) == 1 and any(mark in str(raw.columns[0]).strip() for mark in " |"):
        raise InvalidInputError(one_column(raw, name))  # its header holds every column, by another separator
    raw, notes = without_notes_below(raw, date_col)
    chosen, left_out = (list(variables), ()) if variables else default_variables(raw, date_col)
    left_out = in_other_dress(raw, left_out)
    try:
        frame, order, turned = by_date(raw.drop(columns=date_col), raw[date_col], column_label(date_col), name)
    except InvalidInputError as exc:
        better = layout_refusal(raw, date_col, name, exc)  # long form, transposed, or the dates elsewhere
        if better is None:
            raise
        raise better from None
    if frame.index.has_duplicates and (better := layout_refusal(raw, date_col, name, None)):
        raise better
    rows = FileRows.of(raw[date_col], pd.DatetimeIndex(frame.index), turned)
    frame = select_variables(frame, chosen, source=name, allow_missing=True, rows=rows)
    frame, trimmed = without_dated_empty_ends(frame)
    frame = slice_dates(frame, start, end, repr(name), order)
    check_dates(pd.DatetimeIndex(frame.index), name, rows)
    frequency = detect_frequency(pd.DatetimeIndex(frame.index), repr(name))
    frame, preparation = make_regular(frame, frequency, fill, repr(name))
    left = () if variables else columns_left_out(raw, date_col, chosen, left_out)  # named later: said why
    unsaid: dict[str, list[str]] = {}  # left out for holding no numbers: said too, as the groups are
    grouped = {column for columns, _ in left_out for column in columns}
    for column, why in left:
        if column not in grouped:
            unsaid.setdefault(why, []).append(column)
    groups = (*left_out, *((columns, why) for why, columns in unsaid.items()))
    how = read_as(raw, order, turned) + notes + trimmed + tuple(left_out_note(*group) for group in groups)
    return Dataset(name, frame, digest, frequency.alias or None, preparation, how, left)


def by_date(frame: pd.DataFrame, dates: pd.Series, column: str, source: str) -> tuple[pd.DataFrame, str | None, bool]:
    """`frame` indexed by its date column's `dates`, rows oldest first (a file dated newest first, as some
    statistics offices publish them, turned around); how numeric dates were read, and whether it was turned."""
    index, order = read_dates(pd.Index(dates), column, source)
    turned = newest_first(index)
    frame = frame.set_axis(index.rename("date"))
    return (frame.iloc[::-1] if turned else frame), order, turned


def read_as(raw: pd.DataFrame, order: str | None, turned: bool = False) -> tuple[str, ...]:
    """How a CSV was read where it is not a plain one: its form (varlib.data.csv_text), for dates written as
    numbers their order (`dates day first`), and rows dated newest first, which are read oldest first."""
    dates = ((f"dates {order}",) if order else ()) + (("rows newest first, turned around",) if turned else ())
    return tuple(raw.attrs.get(READ_AS, ())) + dates


def select_variables(
    frame: pd.DataFrame,
    variables: Sequence[str],
    source: str,
    allow_missing: bool = False,
    rows: FileRows | None = None,
) -> pd.DataFrame:
    """Pick at least two distinct columns and make them floats, naming any bad cell (by its file's `rows`
    when given). An empty cell is NaN when `allow_missing` (the fill step decides), else refused like text or
    infinity."""
    row_label = rows.at if rows is not None else lambda position: _row_label(frame.index, position)
    # found by their composed form (NFC: `Ö` as one character or as O and its mark), named as the caller wrote
    # them, which is how a model spec names them
    variables = [str(v).strip() for v in variables if str(v).strip()]
    check_distinct([column_name(v) for v in variables], "variables")
    named = {column_name(c): c for c in frame.columns}
    missing = [v for v in variables if column_name(v) not in named]  # first: "needs 2 variables" hid a typo in one
    if missing:
        dates = frame.index.name
        if dates is not None and str(dates) in missing:  # named, but it is what dates the rows
            raise InvalidInputError(
                f"{str(dates)!r} is the date column of {source!r}, which dates the rows: it cannot also be a variable"
                f" or an exogenous column; available: {', '.join(map(_listed, frame.columns))}",
                field="variables",
                value=str(dates),
            )
        raise InvalidInputError(
            f"{', '.join(map(repr, missing))} not in {source!r}; available: {', '.join(map(_listed, frame.columns))}"
        )
    check_two_or_more(variables, source)
    picked, columns = frame[[named[column_name(variable)] for variable in variables]], {}
    # missing-value marks (NA, #N/A, ...) are already empty: the reader empties them (number_forms.MISSING_MARKS)
    empty_cells = blank(picked)  # every column's at once (cell_text)
    for at, variable in enumerate(variables):
        column = picked.iloc[:, at]
        numbers = pd.to_numeric(column, errors="coerce").astype(float)
        empty = empty_cells[:, at]
        bad = ~np.isfinite(numbers.to_numpy()) & ~(empty & allow_missing)
        text = numbers.isna().to_numpy() & ~empty  # cells that are no number at all (inf is one)
        if text.sum() >= 2 and text.sum() == (~empty).sum() and not is_percent_column(column):
            cell = column.iloc[int(np.flatnonzero(text)[0])]  # a text column (a country code): no row to fix
            raise InvalidInputError(
                f"column {variable!r} of {source!r} holds text, not numbers: {cell!r} in"
                f" {row_label(int(np.flatnonzero(text)[0]))}; {number_hint(cell) or LEAVE_OUT}",
                field=variable,
                value=cell,
            )
        if bad.any():
            position = int(np.flatnonzero(bad)[0])
            where = row_label(position)
            fix = (
                percent_hint([column.iloc[position]])
                if is_percent_column(column)
                else number_hint(column.iloc[position]) or PLAIN
            )
            fix = "give it a value, or choose a fill for empty cells" if empty[position] else fix
            raise InvalidInputError(
                f"column {variable!r} of {source!r}, {where}: {column.iloc[position]!r} is not a finite number; {fix}",
                field=variable,
                value=column.iloc[position],
            )
        if empty.all():  # a fill could not help, and listing every cell would hide the point
            raise InvalidInputError(
                f"column {variable!r} of {source!r} has no values at all; leave it out of the variables",
                field=variable,
            )
        columns[variable] = np.where(empty, np.nan, numbers.to_numpy())
    return pd.DataFrame(columns, index=frame.index)


LEAVE_OUT = "leave it out of the variables"
PLAIN = "write a plain number there (such as -1234.5), or empty the cell and choose a fill"


def _row_label(index: pd.Index, position: int) -> str:
    """`row 12 (2001-04-01)` when the rows are dated, else `row 12`."""
    if isinstance(index, pd.DatetimeIndex):
        stamp = index[position]
        day = stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat()
        return f"row {position + 1} ({day})"
    return f"row {position + 1}"


def _listed(column: object) -> str:
    """A column name for a list joined by commas: quoted as in a CSV row when it holds a comma or a quote,
    so the list reads unambiguously and pastes back into `--vars`."""
    name = str(column)
    if "," not in name and '"' not in name:
        return name
    return '"' + name.replace('"', '""') + '"'  # a quote inside doubled, as csv.writer does


def check_dates(index: pd.DatetimeIndex, source: str, rows: FileRows | None = None) -> None:
    """Dates must be unique and increasing: a VAR reads rows as consecutive periods. Named as the file
    writes them when its `rows` are given."""
    named = rows.date if rows is not None else lambda stamp: stamp.date().isoformat()
    if index.has_duplicates:
        duplicate = index[index.duplicated()][0]
        raise InvalidInputError(f"{source!r} has the date {named(duplicate)} more than once; keep one row per date")
    if not index.is_monotonic_increasing:
        position = int(np.flatnonzero(np.diff(index.asi8) < 0)[0]) + 1
        period = one_period_twice(index, position)  # 1997-03-31 then 1997Q1: a repeat, which sorting keeps
        if period is not None:
            rows_of = rows.at if rows is not None else lambda at: f"row {at + 1} ({index.strftime('%Y-%m-%d')[at]})"
            raise InvalidInputError(
                f"{source!r} has the period {period} more than once: {rows_of(position - 1)} and {rows_of(position)};"
                " keep one row per period"
            )
        raise InvalidInputError(
            f"{source!r} is not sorted by date: {named(index[position])} comes after {named(index[position - 1])};"
            " sort the rows by date"
        )


def frame_sha256(frame: pd.DataFrame) -> str:
    """A stable digest of the values and dates, for provenance."""
    digest = hashlib.sha256()
    digest.update(",".join(map(str, frame.columns)).encode())
    digest.update(np.ascontiguousarray(pd.DatetimeIndex(frame.index).asi8).tobytes())
    digest.update(np.ascontiguousarray(frame.to_numpy(dtype=float)).tobytes())
    return digest.hexdigest()


def one_column(raw: pd.DataFrame, name: str) -> str:
    """Why a file of one column has nothing to fit: its header holds the others, by another separator."""
    return (
        f"{name!r} reads as one column ({str(raw.columns[0])[:60]!r}): separate its columns by commas, semicolons"
        " or tabs (a spreadsheet's CSV export does)"
    )
