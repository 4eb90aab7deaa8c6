"""Date forms that read more than one way, read for a whole column at once: numbers day, month or year first
(`01.04.2000`, `04/01/2000`, `15/01/01`), and a two-digit number beside a month's name (`15-Jan`).

A column is read one way, never date by date: pandas guesses each cell on its own, and would read 01/04 as 4
January and 13/04 as 13 April in one file, or `15-Jan` as 15 January of the year 1. Where the dates do not
tell which reading is meant, the column is refused with the readings, never guessed.
"""

from __future__ import annotations

import re

import pandas as pd

from ..errors import InvalidInputError
from .date_text import NUMERIC_DATE, PIVOT, not_after_today
from .month_names import MONTH_NUMBER, SHORT_YEAR_MONTH
from .periods import Fits


class AmbiguousDates(InvalidInputError):
    """Numeric dates that read as well day first as month first: a reader that would otherwise give up on
    the dates (and carry on without them) must stop here instead."""


def numeric_forms(mark: str, year: str) -> dict[str, str]:
    """The strptime forms of a numeric date whose parts `mark` separates, by order; `year` is `%Y` or `%y`. A
    two-digit year may come first too (`15/01/01`, as Japanese and Korean dates write it)."""
    forms = {"day first": f"%d{mark}%m{mark}{year}", "month first": f"%m{mark}%d{mark}{year}"}
    return forms | ({"year first": f"%y{mark}%m{mark}%d"} if year == "%y" else {})


def one_form(text: pd.Series, values: pd.Index, column: str, source: str) -> None:
    """Numeric dates (01/07/2022) among dates of another form are refused: they would be read date by date,
    each in whichever order parses it, and 01/08/2022 after 2022-07-01 could be 8 January."""
    numeric = text.str.fullmatch(NUMERIC_DATE).to_numpy()
    other_form = ~numeric & (text != "").to_numpy()  # an empty cell is no form: it is named as no date
    if not numeric.any() or not other_form.any():
        return
    first, other = int(numeric.argmax()), int(other_form.argmax())
    raise InvalidInputError(
        f"date column {column!r} of {source!r} writes dates in two forms: row {first + 1} {values[first]!r} and"
        f" row {other + 1} {values[other]!r}; write every date one way, e.g. YYYY-MM-DD",
        field=column,
        value=values[other],
    )


def day_or_month_first(
    text: pd.Series, column: str, source: str, fits: Fits, observed: bool
) -> tuple[str | None, pd.Series | None]:
    """Dates written as numbers (`01.04.2000`, `1/4/00`), read day first or month first for the whole
    column. The order that parses every date wins; when both do, dotted dates (01.04.2000) are day first, as
    wherever that form is used, and other dates take the one order whose dates `fits`; when that leaves both or
    neither, they are refused as ambiguous. A two-digit year first (`15/01/01`: January 2015) is read so only
    when those dates fit and no other reading's do: day first, they would be 15 January 2001, then 15
    February, ... and 16 January, refused as out of order. (order, dates); (None, None) when the dates are not
    of this form, and no order when both read every date alike (01/01/2000)."""
    parts = text.str.extract(NUMERIC_DATE)
    if len(text) == 0 or parts.isna().any().any():
        return None, None
    separator, year = parts[1].iloc[0], "%Y" if len(parts[3].iloc[0]) == 4 else "%y"
    forms = numeric_forms(separator, year)
    parsed = {order: pd.to_datetime(text, errors="coerce", format=form) for order, form in forms.items()}
    if year == "%y" and observed:  # Python's pivot puts 00-68 in 20xx; an observation is not from the future
        parsed = {order: not_after_today(dates) for order, dates in parsed.items()}
    complete = {order: dates for order, dates in parsed.items() if not dates.isna().any()}
    fitting = {order for order, dates in complete.items() if fits(pd.DatetimeIndex(dates))}
    if fitting == {"year first"}:
        return "year first", complete["year first"]
    complete.pop("year first", None)
    if len(complete) == 2:
        if parsed["day first"].equals(parsed["month first"]):
            return None, parsed["day first"]
        if separator == ".":
            return "day first", parsed["day first"]
        complete = {order: dates for order, dates in complete.items() if order in fitting}
        if len(complete) != 1:
            _refuse_ambiguous(text, parsed, column, source)
    if complete:
        return next(iter(complete.items()))
    # neither order reads every date: the form of the separator's custom (dots: day first), whose
    # unreadable dates the caller names
    order = "day first" if separator == "." else "month first"
    return order, parsed[order]


def _refuse_ambiguous(text: pd.Series, readings: dict[str, pd.Series], column: str, source: str) -> None:
    day, month = readings["day first"], readings["month first"]
    example = int((day != month).to_numpy().argmax())
    raise AmbiguousDates(
        f"date column {column!r} of {source!r}: its dates read day first and month first alike"
        f" ({text.iloc[example]!r} is {day.iloc[example]:%d %B %Y} or {month.iloc[example]:%d %B %Y}) and"
        " the dates do not tell which; write them as YYYY-MM-DD",
        field=column,
        value=text.iloc[example],
    )


def year_first_months(
    text: pd.Series, column: str, source: str, fits: Fits, observed: bool
) -> tuple[pd.Series, str | None]:
    """A column of a two-digit number and a month's name (`15-Jan`, as Excel's yy-mmm format shows January
    2015) as the ISO dates of those months, and how they were read; other columns as they are (None). Excel's
    d-mmm shows 15 January of a year it does not write the same way, so the months are taken only where they
    `fits`, and refused otherwise with both readings: pandas would read them as days of the year 1."""
    parts = text.str.extract(SHORT_YEAR_MONTH, flags=re.IGNORECASE)
    written = text != ""
    if not written.any() or parts[0][written].isna().any():
        return text, None
    number = parts[0][written].astype(int)
    month = parts[1][written].str[:3].str.lower().map(MONTH_NUMBER)
    year = number + (number < PIVOT) * 2000 + (number >= PIVOT) * 1900
    dates = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": 1}))
    dates = not_after_today(dates) if observed else dates
    example = str(text[written].iloc[0])
    if not fits(pd.DatetimeIndex(dates)):
        raise InvalidInputError(
            f"date column {column!r} of {source!r}: {example!r} is {dates.iloc[0]:%b %Y} if {number.iloc[0]:02d} is"
            f" the year (Excel's yy-mmm) or {number.iloc[0]} {dates.iloc[0]:%B} of no year if it is the day"
            " (d-mmm), and read as years the dates are not one row per period; write each date with its year, as"
            " YYYY-MM-DD",
            field=column,
            value=example,
        )
    iso = text.where(~written, dates.dt.strftime("%Y-%m-%d"))
    return iso, f"as years and months ({example!r}: {dates.iloc[0]:%b %Y})"
