"""Files laid out otherwise than one row per date and one column per series, each told how to turn it: in long
form (`long_form`), transposed with the dates across the header row (World Bank and Eurostat exports, many
spreadsheets), or with the dates in another column or in two (`columns.misplaced_dates`).

Asked only once a file's dates fail to read or repeat, by training and by the upload preview alike, so no file
that trains is affected and both say the same."""

from __future__ import annotations

import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list
from .columns import holds_dates, misplaced_dates
from .long_form import SHOWN, long_form

LABEL_COLUMNS = 6  # at most this many columns name a row before the dates start (the World Bank's take 4)


def layout_refusal(
    raw: pd.DataFrame, date_col: str, source: str, failure: InvalidInputError | None
) -> InvalidInputError | None:
    """What to do with a file whose date column failed to read (`failure`) or repeats a date (None), when its
    layout is the reason; else None, and the reader's error stands."""
    across = long_form(raw, date_col, source) or dates_across(raw, source)
    return across or misplaced_dates(raw, date_col, source, failure)


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
