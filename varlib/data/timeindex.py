"""Date columns read as dates: ISO, numeric day or month first, period labels and counts, checked strictly."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list
from .date_forms import AmbiguousDates, day_or_month_first, one_form, year_first_months
from .date_text import (
    PIVOT,
    as_written_locally,
    compact_months,
    fraction_as_period,
    guessed_dates,
    in_common_era,
    labels_as_iso,
    not_after_today,
    short_year_quarters,
)
from .frequency import detect_frequency, label_of, period_labels
from .month_names import MONTH_NUMBER, month_year_parts
from .periods import Fits, in_their_periods, offset_of, on_grid, period_of, straddled
from .unread_dates import unread_date_hint

_PERIOD_COUNT = r"^(\d{4})[:.](\d{1,2})$"  # 1960:1, 1960.1: the year and its quarter or month, as EViews,
# gretl, RATS or JMulTi write them
_YEAR_DOT = re.compile(r"\d{4}\.")
# periods a year and months a period, the fewest periods first: 1990:1 and 1990:2 alone are half-years
COUNTED = {"half-years": (2, 6), "quarters": (4, 3), "months": (12, 1)}


def parse_dates(
    values: pd.Index, column: str, source: str, fits: Fits | None = None, observed: bool = True
) -> pd.DatetimeIndex:
    """Parse a date column strictly, naming the first value that is not a date. Numeric dates such as
    01.04.2000 or 04/01/2000 are read in one order for the whole column (see `date_forms.day_or_month_first`; `fits`
    says which dates the reader expects, by default any on a regular grid); periods may be named as
    statistics offices do (2000Q1, 2000-Q1, 2000 Q1, Q1 2000, 2000M01, 2000-01, 90Q1), as Excel does (Dec-01, Jan
    2001: see `_month_years`), as finance files do (199003: see `compact_months`) or counted within the year as
    econometrics programs do (1960:1, 1960.1: see `_counted_periods`). `observed`: the dates are of observations,
    so a two-digit year is never in the future (`1/4/60` and `60Q1` are 1960, not 2060)."""
    return read_dates(values, column, source, fits, observed)[0]


def read_dates(
    values: pd.Index, column: str, source: str, fits: Fits | None = None, observed: bool = True
) -> tuple[pd.DatetimeIndex, str | None]:
    """`parse_dates`, and how dates that could be read two ways were read (`day first`, `as quarters of the
    year`), else None."""
    text = as_written_locally(pd.Series(values, dtype=str).str.strip())
    if len(text) and text.str.fullmatch(r"\d{4}\.0+").all():  # 1985.0: whole years a spreadsheet wrote as numbers
        text = text.str.replace(r"\.0+$", "", regex=True)
    text, said = year_first_months(text, column, source, fits or _regular, observed)  # 15-Jan: Jan 2015
    text = compact_months(short_year_quarters(_month_years(text, observed), observed))
    if text.str.fullmatch(r"\d{4}[-/][1-9]").any() and text.str.fullmatch(r"\d{4}([-/])\d{1,2}").all():
        text = text.str.replace("[-/]", ":", regex=True)  # 2000-1 ... 2000/4 count periods, as 2000:1 does
    iso = _iso(text)
    if iso is not None:  # the stored and the edited form (lag tables on every rerun): nothing to decide
        return _months_dated_by_a_day(iso, fits or _regular, said)
    text = labels_as_iso(text)
    order, ordered = _counted_periods(text, column, source, fits)
    one_form(text, values, column, source)
    if ordered is None:
        order, ordered = day_or_month_first(text, column, source, fits or _regular, observed)
    parsed = in_common_era(ordered) if ordered is not None else guessed_dates(text)
    bad = parsed.isna()
    if bad.any():
        position, good = int(np.flatnonzero(bad.to_numpy())[0]), np.flatnonzero(~bad.to_numpy())
        fix = _fix_for(text, values, good, position)
        if position == len(values) - 1 and not any(c.isdigit() for c in str(values[position])) and len(good):
            fix = "a row of totals or averages under the data is no observation: delete that row"  # `Total,...`
        if above := _lines_above_the_data(values, bad.to_numpy()):
            raise InvalidInputError(f"date column {column!r} of {source!r}: {above}", field=column, value=values[0])
        raise InvalidInputError(
            f"date column {column!r} of {source!r}, row {position + 1}: {values[position]!r} is not a date; {fix}",
            field=column,
            value=values[position],
        )
    return _months_dated_by_a_day(pd.DatetimeIndex(parsed), fits or _regular, order)


def _fix_for(text: pd.Series, values: pd.Index, good: np.ndarray, bad: int) -> str:
    """How to write the date that is not: as the first date read, when that shows a form the refused one lacks
    (`01/04/2022` for `01/07/22`). A date of the refused one's own form (`199001` for `199013`) is no fix: its
    numbers are what is wrong, and offering the form it has as the one to use contradicts itself. No example
    for digits alike that no form here read (`010190`, `999999`), only pandas' guess of each cell on its own.
    A spreadsheet's day number, a month named in another language or an empty cell is said as such."""
    if hint := unread_date_hint(pd.Series(values, dtype=str).str.strip(), str(values[bad]).strip()):
        return hint
    if not len(good):
        return "write it as YYYY-MM-DD"
    example, refused = str(values[good[0]]).strip(), str(values[bad]).strip()
    guessed = text.iloc[good[0]] == example and example.isdigit() and refused.isdigit()
    if guessed and len(example) == len(refused):
        return "write it as YYYY-MM-DD"
    if _form(example) == _form(refused):
        return f"it is written as the other dates are ({example!r}) but names no day, month or period: correct it"
    return f"write it as the other dates are ({example!r}) or as YYYY-MM-DD"


def _lines_above_the_data(values: pd.Index, bad: np.ndarray) -> str | None:
    """Rows at the top holding words, not dates, above rows that all hold dates: lines describing the series above
    the table, as a central bank's download writes them (`Unit:`, `Multiplier:`, ..., `Time Period` above the
    dates), said as such with the fix; asking for the first of them `as the other dates are` misled. None for
    anything else (a single such row, a row with digits: a date mistyped)."""
    lead = int(np.argmin(bad)) if not bad.all() else 0
    if lead < 2 or bad[lead:].any() or any(c.isdigit() for cell in values[:lead] for c in str(cell)):
        return None
    shown = ", ".join(repr(str(cell).strip()) for cell in values[: min(lead, 3)]) + (", ..." if lead > 3 else "")
    return (
        f"rows 1 to {lead} ({shown}) hold words, not dates, above rows that all hold dates (from row {lead + 1}):"
        " lines describing the series sit above the data; delete them, keeping one line that names the columns"
        f" (such as {str(values[lead - 1]).strip()!r}) as the header above the first date"
    )


def _form(cell: str) -> str:
    """The form a date is written in, whatever its numbers: a day or month's one or two digits alike (`1990m1`,
    `1990m10`; `1/4/2000`, `01/04/2000`), longer numbers by their length (a year of two digits or four), letters
    ignoring case."""
    return re.sub(r"\d+", lambda digits: "0" * len(digits[0]) if len(digits[0]) > 2 else "0", cell.lower())


def _months_dated_by_a_day(
    dates: pd.DatetimeIndex, fits: Fits, order: str | None
) -> tuple[pd.DatetimeIndex, str | None]:
    """Monthly (or quarterly, yearly) values dated on one day of the month after the first, as some sources
    date a month by its middle (2000-01-15, 2000-02-15, ...). No frequency grid holds such dates, so when they
    do not fit as they are and the months they fall in do, they are read as those months, and `order` says
    so. Dates of other days, or with a time of day, stay as they are."""
    months = as_their_months(dates)
    if months is None or fits(dates) or not fits(months):
        return dates, order
    said = f"on day {dates[0].day} of the month, taken as the months they fall in"
    return months, f"{order}, {said}" if order else said


def as_their_months(dates: pd.DatetimeIndex) -> pd.DatetimeIndex | None:
    """Dates all on one day of the month after the first, at midnight (2000-01-15, 2000-02-15, ...): the months
    they fall in (their 1st); None for any other dates. Whether to read them so is the reader's to decide."""
    day = int(dates[0].day) if len(dates) else 1
    if not 2 <= day <= 28 or (dates.day != day).any() or (dates != dates.normalize()).any():
        return None
    return dates - pd.Timedelta(days=day - 1)


def is_date(cell: object) -> bool:
    """Whether one cell reads as a date or a period on its own (is a first column dates; is a line a note)."""
    try:
        read_dates(pd.Index([cell]), "date", "one cell")
    except InvalidInputError:
        return False
    return True


def _month_years(text: pd.Series, observed: bool) -> pd.Series:
    """Cells naming a month and its year (`Dec-01`, `jan 2001`) as the ISO date of the month's first day; other
    cells as they are. pandas would read `Dec-01` as 1 December of the year 1, and `Dec-02` as the day after.
    A two-digit year is read as Python's `%y` reads it (69-99: 19xx, else 20xx), and when `observed` never
    in the future, as numeric dates are (see `date_forms.day_or_month_first`)."""
    parts = month_year_parts(text)
    named = parts[0].notna()
    if not named.any():
        return text
    year, two_digit = parts[1][named].astype(int), parts[1][named].str.len() == 2
    year = year.where(~two_digit, year + np.where(year < PIVOT, 2000, 1900))
    month = parts[0][named].str[:3].str.lower().map(MONTH_NUMBER)
    dates = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": 1}), errors="coerce")
    if observed:
        dates = dates.where(~two_digit, not_after_today(dates))
    written = dates.dropna().dt.strftime("%Y-%m-%d")  # not a date (Dec-0000): as it is, for the caller to name
    return text.where(~text.index.isin(written.index), written)


def _iso(text: pd.Series) -> pd.DatetimeIndex | None:
    """The dates when every one is in ISO 8601 form (`2009-07-01`), else None."""
    if text.str.match(_YEAR_DOT).any():  # pandas reads 1960.1 as a year-month; it may be a quarter
        return None
    try:
        parsed = pd.to_datetime(text, errors="coerce", format="ISO8601")
    except (ValueError, TypeError):  # e.g. offsets of several time zones: the general reading decides
        return None
    return None if in_common_era(parsed).isna().any() else pd.DatetimeIndex(parsed)


def _counted_periods(
    text: pd.Series, column: str, source: str, fits: Fits | None
) -> tuple[str | None, pd.Series | None]:
    """Labels such as `1960:1` or `1960.1`: a year and the number of its half-year, quarter or month. The
    largest number says which (up to 2: half-years; up to 4: quarters) unless the reader expects some dates
    (`fits`: a model's grid, a forecast's periods): then the one reading that gives them, and a refusal
    when more than one or none do.
    (how, dates); (None, None) when the labels are not of this form (or count beyond 12, e.g. 1960.25)."""
    parts = text.str.extract(_PERIOD_COUNT)
    counts = pd.to_numeric(parts[1], errors="coerce")
    beyond = counts.isna() | (counts < 1) | (counts > 12)
    if len(text) and text.str.fullmatch(r"\d{4}\.\d+").all() and beyond.any():
        example = text[beyond].iloc[0]  # 2000.25: a fraction of the year, which pandas would read as 2000
        raise InvalidInputError(
            f"date column {column!r} of {source!r}: {example!r} is a year with a fraction, not a date; write the"
            f" periods as {fraction_as_period(example)}",
            field=column,
            value=example,
        )
    if len(text) == 0 or parts.isna().any().any():
        return None, None
    year, count = parts[0].astype(int), parts[1].astype(int)
    readings = {
        name: pd.Series(
            pd.to_datetime(pd.DataFrame({"year": year, "month": (count - 1) * months + 1, "day": 1})), index=text.index
        )
        for name, (per_year, months) in COUNTED.items()
        if count.min() >= 1 and count.max() <= per_year
    }
    if len(readings) > 1 and fits is not None and not count.eq(1).all():  # all 1: every reading is one date
        fitting = [name for name, dates in readings.items() if fits(pd.DatetimeIndex(dates))]
        if len(fitting) > 1 and fitting[0] == "half-years":  # with quarters: they are meant (Jan and Jul start both)
            fitting = fitting[1:]
        if len(fitting) != 1:
            _refuse_counted(text, year, count, fitting or list(readings), column, source)
        readings = {fitting[0]: readings[fitting[0]]}
    name, dates = next(iter(readings.items()), (None, None))
    return (f"as {name} of the year", dates) if name else (None, None)


def counted_unit(order: str | None) -> str | None:
    """The periods (`quarters`) a file's dates counted, from how they were read (`as quarters of the year`, the
    reading above); None for any other reading."""
    found = re.fullmatch(r"as ([\w-]+) of the year", order or "")
    return found[1] if found and found[1] in COUNTED else None


def _refuse_counted(text: pd.Series, year: pd.Series, count: pd.Series, names: list[str], column: str, source: str):
    """Counted labels that read as more than one of `names` (or as none the reader expects), with each reading
    written out unmistakably."""
    example = int(count.ne(1).to_numpy().argmax())
    n, y = int(count.iloc[example]), int(year.iloc[example])
    words = {"half-years": f"half-year {n}", "quarters": f"quarter {n}", "months": f"month {n}"}
    forms = {"half-years": f"{y}-{6 * n - 5:02d}", "quarters": f"{y}Q{n}", "months": f"{y}-{n:02d}"}
    raise AmbiguousDates(
        f"date column {column!r} of {source!r}: {text.iloc[example]!r} is"
        f" {' or '.join(words[name] for name in names)} of {y} and the dates do not tell which; write them"
        f" as {' or '.join(forms[name] for name in names)}",
        field=column,
        value=text.iloc[example],
    )


def counted_off_grid(labels: list[str], frequency: str | None) -> str | None:
    """Why counted labels (`2009.3`, `2009.4`) read no way as consecutive periods of a model of `frequency` (on
    quarters from March, quarter 3 overlaps two and months 3 and 4 skip one), naming the model's periods of that
    year, a form it reads; None when a reading fits (the refusal offering each form names one read) or none counts."""
    fits, parts = on_grid(frequency), [re.fullmatch(_PERIOD_COUNT, label.strip()) for label in labels]
    if fits is None or not labels or not all(parts):
        return None
    counts = [(int(part[1]), int(part[2])) for part in parts if part]
    readings = {
        name: pd.DatetimeIndex([pd.Timestamp(year, (n - 1) * months + 1, 1) for year, n in counts])
        for name, (per_year, months) in COUNTED.items()
        if min(n for _, n in counts) >= 1 and max(n for _, n in counts) <= per_year
    }
    if not readings or any(_fits_as(dates, COUNTED[name][1], frequency, fits) for name, dates in readings.items()):
        return None
    year, offset = counts[0][0], offset_of(frequency)  # the model's periods dated in that year, as it names them
    own = sorted(
        {day for day in (period_of(pd.Timestamp(year, m, 1), offset) for m in range(1, 13)) if day.year == year}
    )
    return (
        f"{labels[0]!r} counts {and_list(readings, 'or')} of {year}, and no reading gives consecutive"
        f" {label_of(str(frequency))} periods of this model ({frequency}); write the dates as the model names its"
        f" periods, e.g. {and_list(period_labels(own, frequency))}"
    )


def _fits_as(dates: pd.DatetimeIndex, months: int, frequency: str | None, fits: Fits) -> bool:
    """Whether periods of `months` from `dates` are `fits`'s periods, or fall each in one of them (`in_their_periods`:
    quarters read on a model dated by quarter ends); a calendar quarter among quarters from March overlaps two."""
    lasts = dates + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    if any(straddled("", first, last, frequency) for first, last in zip(dates, lasts, strict=True)):
        return False
    mapped = in_their_periods(dates, frequency)
    return fits(dates) or (mapped is not None and fits(mapped))


def _regular(index: pd.DatetimeIndex) -> bool:
    """Dates on a grid of some frequency (periods may be missing); never for fewer than 3 distinct dates. A date
    given twice or rows out of order do not count against it: they are the file's to mend, and said so by name
    (datasets.check_dates) once the dates are read, not taken for a sign of the wrong reading."""
    index = pd.DatetimeIndex(index.unique()).sort_values()
    if len(index) < 3:
        return False
    try:
        detect_frequency(index)
    except InvalidInputError:
        return False
    return True
