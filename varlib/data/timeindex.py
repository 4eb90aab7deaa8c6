"""The time axis: parsing date columns, the frequency of a series and the labels of forecast periods."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from .frequency import detect_frequency

_NUMERIC_DATE = r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$"  # day and month in either order, then the year


def _quarter_start(year: str, quarter: str) -> str:
    return f"{year}-{3 * int(quarter) - 2:02d}-01"


_PERIOD_LABELS = (  # how statistics offices and econometrics programs name periods, as ISO dates
    (r"^(\d{4})[\s:-]*[Qq]([1-4])$", lambda m: _quarter_start(m[1], m[2])),  # 2000Q1, 2000-Q1, 2000 Q1, 2000:Q1
    (r"^[Qq]([1-4])[\s/-]*(\d{4})$", lambda m: _quarter_start(m[2], m[1])),  # Q1 2000, Q1-2000
    (r"^(\d{4})[Mm](\d{2})$", lambda m: f"{m[1]}-{m[2]}"),  # 2000M01
)

_PERIOD_COUNT = r"^(\d{4})[:.](\d{1,2})$"  # 1960:1, 1960.1: the year and its quarter or month, as EViews,
# gretl, RATS or JMulTi write them
_YEAR_DOT = re.compile(r"\d{4}\.")
_COUNTED = {"quarters": (4, 3), "months": (12, 1)}  # periods a year, months a period; quarters first


class AmbiguousDates(InvalidInputError):
    """Numeric dates that read as well day first as month first: a reader that would otherwise give up on
    the dates (and carry on without them) must stop here instead."""


Fits = Callable[[pd.DatetimeIndex], bool]  # what dates a reader expects, e.g. on a model's grid


def parse_dates(
    values: pd.Index, column: str, source: str, fits: Fits | None = None, observed: bool = True
) -> pd.DatetimeIndex:
    """Parse a date column strictly, naming the first value that is not a date. Numeric dates such as
    01.04.2000 or 04/01/2000 are read in one order for the whole column (see `_day_or_month_first`; `fits`
    says which dates the reader expects, by default any on a regular grid); periods may be named as
    statistics offices do (2000Q1, 2000-Q1, 2000 Q1, Q1 2000, 2000M01, 2000-01) or counted within the year as
    econometrics programs do (1960:1, 1960.1: see `_counted_periods`). `observed`: the dates are of
    observations, so a two-digit year is never in the future (`1/4/60` is 1960, not 2060)."""
    return read_dates(values, column, source, fits, observed)[0]


def read_dates(
    values: pd.Index, column: str, source: str, fits: Fits | None = None, observed: bool = True
) -> tuple[pd.DatetimeIndex, str | None]:
    """`parse_dates`, and how dates that could be read two ways were read (`day first`, `as quarters of the
    year`), else None."""
    text = pd.Series(values, dtype=str).str.strip()
    iso = _iso(text)
    if iso is not None:  # the stored and the edited form (lag tables on every rerun): nothing to decide
        return iso, None
    for pattern, form in _PERIOD_LABELS:
        text = text.str.replace(pattern, form, regex=True)
    order, ordered = _counted_periods(text, column, source, fits)
    _one_form(text, values, column, source)
    if ordered is None:
        order, ordered = _day_or_month_first(text, column, source, fits or _regular, observed)
    parsed = ordered if ordered is not None else pd.to_datetime(text, errors="coerce", format="mixed")
    bad = parsed.isna()
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        raise InvalidInputError(
            f"date column {column!r} of {source!r}, row {position + 1}: {values[position]!r} is not a date",
            field=column,
            value=values[position],
        )
    return pd.DatetimeIndex(parsed), order


def _one_form(text: pd.Series, values: pd.Index, column: str, source: str) -> None:
    """Numeric dates (01/07/2022) among dates of another form are refused: they would be read date by date,
    each in whichever order parses it, and 01/08/2022 after 2022-07-01 could be 8 January."""
    numeric = text.str.fullmatch(_NUMERIC_DATE).to_numpy()
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


def _iso(text: pd.Series) -> pd.DatetimeIndex | None:
    """The dates when every one is in ISO 8601 form (`2009-07-01`), else None."""
    if any(map(_YEAR_DOT.match, text)):  # pandas reads 1960.1 as a year-month; it may be a quarter
        return None
    try:
        parsed = pd.to_datetime(text, errors="coerce", format="ISO8601")
    except (ValueError, TypeError):  # e.g. offsets of several time zones: the general reading decides
        return None
    return None if parsed.isna().any() else pd.DatetimeIndex(parsed)


def _counted_periods(
    text: pd.Series, column: str, source: str, fits: Fits | None
) -> tuple[str | None, pd.Series | None]:
    """Labels such as `1960:1` or `1960.1`: a year and the number of its quarter or of its month. The largest
    number says which (up to 4: quarters) unless the reader expects some dates (`fits`: a model's grid, a
    forecast's periods): then the one reading that gives them, and a refusal when both or neither do.
    (how, dates); (None, None) when the labels are not of this form (or count beyond 12, e.g. 1960.25)."""
    parts = text.str.extract(_PERIOD_COUNT)
    if len(text) == 0 or parts.isna().any().any():
        return None, None
    year, count = parts[0].astype(int), parts[1].astype(int)
    readings = {
        f"as {name} of the year": pd.Series(
            pd.to_datetime(pd.DataFrame({"year": year, "month": (count - 1) * months + 1, "day": 1})), index=text.index
        )
        for name, (per_year, months) in _COUNTED.items()
        if count.min() >= 1 and count.max() <= per_year
    }
    if len(readings) == 2 and fits is not None and not count.eq(1).all():  # all 1: both readings are one date
        fitting = [how for how, dates in readings.items() if fits(pd.DatetimeIndex(dates))]
        if len(fitting) != 1:
            example = int(count.ne(1).to_numpy().argmax())
            n, y = count.iloc[example], year.iloc[example]
            raise AmbiguousDates(
                f"date column {column!r} of {source!r}: {text.iloc[example]!r} is quarter {n} or month {n} of {y}"
                f" and the dates do not tell which; write them as {y}Q{n} or {y}-{n:02d}",
                field=column,
                value=text.iloc[example],
            )
        readings = {fitting[0]: readings[fitting[0]]}
    return next(iter(readings.items()), (None, None))


def _day_or_month_first(
    text: pd.Series, column: str, source: str, fits: Fits, observed: bool
) -> tuple[str | None, pd.Series | None]:
    """Dates written as numbers (`01.04.2000`, `1/4/00`), read day first or month first for the whole
    column, never date by date (which reads 01/04 as 4 January and 13/04 as 13 April in one file). The
    order that parses every date wins; when both do, dotted dates (01.04.2000) are day first, as wherever
    that form is used, and other dates take the one order whose dates `fits`; when that leaves both or
    neither, they are refused as ambiguous. (order, dates); (None, None) when the dates are not of this
    form, and no order when both read every date alike (01/01/2000)."""
    parts = text.str.extract(_NUMERIC_DATE)
    if len(text) == 0 or parts.isna().any().any():
        return None, None
    separator, year = parts[1].iloc[0], "%Y" if len(parts[3].iloc[0]) == 4 else "%y"
    forms = {"day first": f"%d{separator}%m{separator}{year}", "month first": f"%m{separator}%d{separator}{year}"}
    parsed = {order: pd.to_datetime(text, errors="coerce", format=form) for order, form in forms.items()}
    if year == "%y" and observed:  # Python's pivot puts 00-68 in 20xx; an observation is not from the future
        parsed = {order: _not_after_today(dates) for order, dates in parsed.items()}
    complete = {order: dates for order, dates in parsed.items() if not dates.isna().any()}
    if len(complete) == 2:
        if parsed["day first"].equals(parsed["month first"]):
            return None, parsed["day first"]
        if separator == ".":
            return "day first", parsed["day first"]
        complete = {order: dates for order, dates in complete.items() if fits(pd.DatetimeIndex(dates))}
        if len(complete) != 1:
            _refuse_ambiguous(text, parsed, column, source)
    if complete:
        return next(iter(complete.items()))
    # neither order reads every date: the form of the separator's custom (dots: day first), whose
    # unreadable dates the caller names
    order = "day first" if separator == "." else "month first"
    return order, parsed[order]


def _not_after_today(dates: pd.Series) -> pd.Series:
    """Two-digit years read a century earlier where they would lie after today."""
    today = pd.Timestamp.now().normalize()
    return dates.where(~(dates > today), dates - pd.DateOffset(years=100))


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


def offset_of(frequency: str | None):
    """The pandas offset of a frequency alias such as `QS-JAN`; None without one (or for an unknown one)."""
    try:
        return pd.tseries.frequencies.to_offset(frequency) if frequency else None
    except ValueError:
        return None


def periods_from(first: str, frequency: str | None, count: int) -> list[str]:
    """`count` consecutive periods of `frequency` from the ISO date `first`, as ISO labels; refused when
    `first` is not one of its periods (or there is no frequency to count in)."""
    offset = offset_of(frequency)
    start = pd.to_datetime(first, errors="coerce", format="ISO8601")
    if offset is None or pd.isna(start) or not offset.is_on_offset(start):
        raise InvalidInputError(f"{first!r} is not a period of frequency {frequency}", field="date", value=first)
    return [iso_label(d) for d in pd.date_range(start, periods=count, freq=offset)]


def periods_between(first: pd.Timestamp, last: pd.Timestamp, frequency: str | None) -> int | None:
    """How many periods of `frequency` `last` lies after `first` (negative: before; both on its grid);
    None when there is no frequency to count in and the two differ."""
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    if first == last:
        return 0
    offset = offset_of(frequency)
    if offset is None:
        return None
    early, late = sorted((first, last))
    count = len(pd.date_range(early, late, freq=offset)) - 1
    return count if last > first else -count


def on_grid(frequency: str | None) -> Fits | None:
    """Consecutive periods of `frequency` (a pandas alias such as `QS-JAN`): what lag inputs of a model of that
    frequency are. None without a frequency."""
    offset = offset_of(frequency)
    if offset is None:
        return None
    return lambda index: first_break(oldest_first(index), offset) is None


def first_break(index: pd.DatetimeIndex, offset) -> int | None:
    """The position of the first date off the grid of `offset` or not one period after the date before it;
    None when the dates follow one another period by period, as lag inputs do."""
    for position, stamp in enumerate(index):
        if not offset.is_on_offset(stamp) or (position and stamp != index[position - 1] + offset):
            return position
    return None


def _regular(index: pd.DatetimeIndex) -> bool:
    """Increasing dates on a grid of some frequency (periods may be missing), newest first or oldest first;
    never for fewer than 3."""
    index = oldest_first(index)
    if len(index) < 3 or not index.is_monotonic_increasing or index.has_duplicates:
        return False
    try:
        detect_frequency(index)
    except InvalidInputError:
        return False
    return True


def newest_first(index: pd.Index) -> bool:
    """Whether dates run from the newest to the oldest, as some statistics offices publish them."""
    return len(index) > 1 and index.is_unique and index.is_monotonic_decreasing


def oldest_first(index: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """Dates newest first turned around; dates in any other order as they are."""
    return index[::-1] if newest_first(index) else index


def infer_frequency(index: pd.DatetimeIndex) -> str | None:
    """The pandas frequency alias of the dates, or None when irregular."""
    if len(index) < 3:
        return None
    try:
        with pd.option_context("future.infer_freq_returns_offset", True):
            offset = pd.infer_freq(index)
    except (TypeError, ValueError):
        return None
    return None if offset is None else getattr(offset, "freqstr", str(offset))


def future_dates(last: pd.Timestamp, frequency: str | None, steps: int) -> list[str]:
    """ISO labels for the forecast rows; `+1`, `+2`, ... when the frequency is unknown."""
    last = pd.Timestamp(last)
    # The zone is part of the key: equal instants in two zones hash alike but label differently.
    return list(_future_labels(last, str(last.tz), frequency, steps))


@lru_cache(maxsize=1024)  # pure in its arguments; building a date_range was a third of a cached forecast
def _future_labels(last: pd.Timestamp, zone: str, frequency: str | None, steps: int) -> tuple[str, ...]:
    return tuple(_future_dates(last, frequency, steps))


def _future_dates(last: pd.Timestamp, frequency: str | None, steps: int) -> list[str]:
    offset = offset_of(frequency)
    if offset is not None:
        try:
            return [iso_label(d) for d in pd.date_range(last + offset, periods=steps, freq=offset)]
        except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
            pass
    return [f"+{h}" for h in range(1, steps + 1)]
