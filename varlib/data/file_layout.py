"""Files laid out otherwise than one row per date and one column per series, each told how to turn it: in long
form (`long_form`), transposed with the dates across the header row (World Bank and Eurostat exports, many
spreadsheets), with the dates in another column or in two (`columns.misplaced_dates`), or without dates at all
(`no_dates`).

Asked only once a file's dates fail to read or repeat, by training and by the upload preview alike, so no file
that trains is affected and both say the same."""

from __future__ import annotations

import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list
from .columns import column_label, find_date_column, holds_dates, is_date_column_name, misplaced_dates
from .long_form import SHOWN, long_form

LABEL_COLUMNS = 6  # at most this many columns name a row before the dates start (the World Bank's take 4)


def layout_refusal(
    raw: pd.DataFrame, date_col: str, source: str, failure: InvalidInputError | None
) -> InvalidInputError | None:
    """What to do with a file whose date column failed to read (`failure`) or repeats a date (None), when its
    layout is the reason; else None, and the reader's error stands."""
    across = long_form(raw, date_col, source) or dates_across(raw, source)
    return across or misplaced_dates(raw, date_col, source, failure) or no_dates(raw, date_col, source)


def dates_across(raw: pd.DataFrame, source: str) -> InvalidInputError | None:
    """The refusal of a transposed file, else None: after one or a few label columns, every header cell is a
    date of one regular grid (three or more), so each row is a series."""
    header = [str(column).strip() for column in raw.columns]
    start = next((at for at in range(1, LABEL_COLUMNS + 1) if holds_dates(pd.Series(header[at:]))), None)
    if start is None:
        return None
    label = next((name for name in raw.columns[:start] if raw[name].is_unique), raw.columns[0])
    series = [str(name).strip() for name in raw[label]]
    shown = and_list(repr(name) for name in series[:SHOWN])
    shown += f" and {len(series) - SHOWN} more" if len(series) > SHOWN else ""
    turn = f"frame.set_index({str(label)!r})" + (f".iloc[:, {start - 1}:]" if start > 1 else "") + ".T"
    return InvalidInputError(
        f"{source!r} has its dates across the header row ({header[start]!r} to {header[-1]!r}, columns"
        f" {start + 1} to {len(header)}) and one series per row ({shown}): the file is transposed, and a VAR needs"
        " one row per date and one column per series. Transpose it (a spreadsheet: copy, then Paste Special >"
        f" Transpose; pandas: {turn}) and train on that",
        field=str(raw.columns[0]),
    )


def no_dates(raw: pd.DataFrame, date_col: str, source: str) -> InvalidInputError | None:
    """The refusal of a file without dates, else None: no column is named like a date, and the one taken for the
    dates holds numbers like the others (not whole years, which read as dates, nor fractions of them)."""
    if is_date_column_name(date_col) or find_date_column(raw.columns) is not None:
        return None
    cells = raw[date_col].astype(str).str.strip()
    numbers = pd.to_numeric(cells[cells != ""], errors="coerce")
    if numbers.empty or numbers.isna().any() or numbers.between(1000, 2999).all():
        return None
    return InvalidInputError(
        f"{source!r} has no column of dates: the column taken for them, {column_label(date_col)!r}, holds numbers"
        f" ({cells.iloc[0]!r}, ...) like the others, and none is named like a date. A VAR reads one row per period:"
        " add a first column of dates, one per row (such as 1959Q1, Jan 1959 or 1959-01-01); if a column holds"
        " dates, name it as the date column (CLI --date-col, dashboard: the Date column select)",
        field=date_col,
        value=cells.iloc[0],
    )
