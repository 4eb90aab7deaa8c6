"""A file in long form: one row per date and series, the series named in a column of its own and the numbers in
another (`date,variable,value`, as tidy data and SDMX, OECD and Eurostat exports write them). A VAR reads one
column per series, so such a file is refused with how to turn it, instead of blaming its text column or its
repeated dates."""

from __future__ import annotations

import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list
from .timeindex import read_dates

SHOWN = 4  # series named in the refusal


def long_form(raw: pd.DataFrame, date_col: str, source: str) -> InvalidInputError | None:
    """The refusal of a file in long form, else None: a column of dates, each more than once, a text column
    that names a series on each date's rows once (with two series or more), and number columns."""
    texts = [str(column) for column in raw.columns if _all_text(raw[column])]
    numbers = [str(column) for column in raw.columns if _all_numbers(raw[column])]
    dates = next((column for column in [date_col, *texts] if _repeated_dates(raw[column])), None)
    keys = [column for column in texts if column != dates and raw[column].nunique() >= 2]
    key = next((column for column in keys if not raw.duplicated([dates, column]).any()), None) if dates else None
    if key is None or not numbers:
        return None
    series = [str(name).strip() for name in raw[key].unique()]
    shown = and_list(repr(name) for name in series[:SHOWN])
    shown += f" and {len(series) - SHOWN} more" if len(series) > SHOWN else ""
    rows = f"{source!r} has one row per date and {key} ({shown})"
    if len(numbers) > 1:  # a panel: several series for each of several units
        return InvalidInputError(
            f"{rows}, each with {and_list(map(repr, numbers))}: a VAR needs one row per date. Keep the rows of one"
            f" {key} (e.g. {series[0]!r}), or put each {key}'s series in columns of their own",
            field=key,
        )
    return InvalidInputError(
        f"{rows}, with the numbers in {numbers[0]!r}: the file is in long form, and a VAR needs one column per"
        f" series. Pivot it (pandas: frame.pivot(index={dates!r}, columns={key!r}, values={numbers[0]!r}); a"
        " spreadsheet: a pivot table) and train on that",
        field=key,
    )


def _filled(cells: pd.Series) -> pd.Series:
    text = cells.astype(str).str.strip()
    return text[cells.notna() & text.ne("")]


def _all_text(cells: pd.Series) -> bool:
    filled = _filled(cells)
    return len(filled) > 0 and bool(pd.to_numeric(filled, errors="coerce").isna().all())


def _all_numbers(cells: pd.Series) -> bool:
    filled = _filled(cells)
    return len(filled) > 0 and bool(pd.to_numeric(filled, errors="coerce").notna().all())


def _repeated_dates(cells: pd.Series) -> bool:
    try:
        dates = read_dates(pd.Index(cells.astype(str)), "date", "a column")[0]
    except InvalidInputError:
        return False
    return bool(dates.has_duplicates)
