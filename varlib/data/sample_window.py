"""The rows of a dataset between a start and an end date (CLI --start/--end, the Train page's From and To).

Its refusals name the bounds as `the start date` and `the end date`, the words of any caller of the library;
`bounds_named` says them as a front's own (the CLI's --start and --end, the Train page's From and To).

A bound written as a period (`2018Q4`, `2018H2`, `2018`, `Dec 2018`, `2018-12`, `2018M12`) means that whole
period, and a row means the period it is dated in: `--end 2018Q4` keeps 2018Q4 whether the file dates it
2018-10-01 or 2018-12-31, and `--end 2018` keeps all of 2018.
A row is kept when its period overlaps the bound's (`--start "Mar 2000"` keeps 2000Q1 as `--end "Nov 2005"` keeps
2005Q4); a bound at least as long as the rows' periods (a quarter or a year on quarterly rows, a year on yearly
ones) keeps instead the rows dated in it: on quarters dated Mar, Jun, Sep and Dec (read as quarters from March:
`Mar 1995` is March to May) `--start 1995Q1` and `--start 1995` keep Mar 1995 on, not Dec 1994 too, and on years
dated June `--start 2010` keeps Jun 2010 on, not Jun 2009 too (on calendar periods both rules keep the same rows).
On periods not the calendar's every bound keeps the rows dated in it, a month or a day too: such dates name the
period they end as often as the one they start, so a From of 1 January 1995 keeps Mar 1995 on, as `1995Q1` does, and
on quarters dated 31 January, 30 April, ... `--end 2014-06-30` ends at 30 April, as `--end 2014Q2` does.
A bound counting periods of a year (`2000.1`, `2000:1`) is read as the file's dates were (a quarter in a file of
1995.1 ... 2009.4); on other files `2000:1` is refused, and `2000.1` too on rows longer than a month.
A bound written as a day is that day: on calendar periods a start keeps the rows whose period holds or follows
it, an end those whose period holds or precedes it, so the same quarters give the same sample whether the file dates
them 1995-01-01 or 1995-03-31 (a date picker's every bound is a day). A row's period is the one its date falls
in, as the frequency detection reads the rows: a month dated on its 1st, its 15th, its last day or its last
business day is that month.
Weekly rows are the days they are dated, as one file dates a week by its first day and another by its last and
nothing tells which: `--end 2020-01-14` keeps the weeks dated up to 14 January, `--end "Jan 2020"` those dated in
January. Only a bound with a time of day written (`2020-01-14T00:00` too: the text
decides, not the value) is compared with the rows' dates as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from .date_forms import numeric_forms
from .date_text import NUMERIC_DATE, read_date
from .frequency import detect_frequency, period_labels
from .periods import period_firsts, period_lasts, straddled
from .timeindex import COUNTED, as_their_months, counted_unit

# How much a bound written as a period spans (else a day: the rows' own dates are compared with it)
_SPANS = (
    (re.compile(r"\d{4}"), pd.DateOffset(years=1)),
    (re.compile(r".*[Qq][1-4].*|\d{4}[\s:-]*[Tt][1-4]|[Tt][1-4][\s/-]*\d{4}"), pd.DateOffset(months=3)),
    (re.compile(r"\d{4}[\s:-]*[HhSs][12]|[HhSs][12][\s/-]*\d{4}"), pd.DateOffset(months=6)),
    (
        re.compile(r"\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{4}|\d{4}[Mm]\d{1,2}|[A-Za-z]{3,9}[\s.-]*\d{2,4}"),
        pd.DateOffset(months=1),
    ),
)

# How a refusal names each bound; a front says them as its own options or fields (bounds_named)
BOUND_WORDS = {"start": "the start date", "end": "the end date"}
# A name a message quotes as repr does ('sales to the end date.csv', a column's): the person's text, never a bound
_QUOTED = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")

# A time of day written after a date: `T00` (ISO's hour), `00:00`, `0:00`, `12am`, `00h00`; never `1995:02`'s colon
_TIME_OF_DAY = re.compile(r"\dT\d{1,2}|(?<![\d:])\d{1,2}(?::\d{2}|h\d{2})|\d\s*[AaPp]\.?[Mm]\b")


def slice_dates(
    frame: pd.DataFrame, start: str | None, end: str | None, source: str = "the data", order: str | None = None
) -> pd.DataFrame:
    """Keep rows between start and end (inclusive); either may be None. Refused, with the data's span, when
    start lies after end or no row lies between them. `order`: how the file's numeric dates were read (`day
    first`, see timeindex.read_dates), which a bound written as numbers is read by too."""
    if not start and not end:
        return frame
    bounds, spans = {}, {}
    for label, value in (("start", start), ("end", end)):
        # 2000.1 in a file of 1995.1 ... 2009.4: a quarter, as the file's dates are read
        if value:
            counted = _counted(value, label, order, pd.DatetimeIndex(frame.index))
            bounds[label], spans[label] = counted or _bound_and_span(value, label, order)
    first, last = BOUND_WORDS["start"], BOUND_WORDS["end"]  # the CLI says --start, the Train page From (bounds_named)
    if "start" in bounds and "end" in bounds and bounds["start"] > bounds["end"]:
        raise InvalidInputError(
            f"{first} {start} lies after {last} {end}: give the earlier date as {first}", field="start", value=start
        )
    mask = np.ones(len(frame), dtype=bool)
    # one rule at both ends: a row is kept when its period overlaps the period a bound names (`--start "Mar
    # 2000"` keeps 2000Q1, as `--end "Nov 2005"` keeps 2005Q4); a bound at least as long as the rows' periods
    # keeps the rows dated in it (`--start 1995Q1` on quarters dated Mar, Jun, ...: Mar 1995, not Dec 1994 too)
    starts, lasts = _periods(pd.DatetimeIndex(frame.index)) if any(spans.values()) else (frame.index, frame.index)
    # on periods not the calendar's (quarters from March) any bound keeps the rows dated in it, a day (a date
    # picker's From) as a quarter does: `Mar-95` is more often Jan-Mar 1995 than the Mar-May the grid reads
    off = any(spans.values()) and not _of_the_calendar(starts, lasts)
    dated = {label: off or _holds_whole_rows(span, starts, lasts) for label, span in spans.items()}
    if "start" in bounds:
        mask &= (lasts if spans["start"] and not dated["start"] else frame.index) >= bounds["start"]
    if "end" in bounds:
        ends = frame.index if dated["end"] else starts
        mask &= ends < bounds["end"] + spans["end"] if spans["end"] else frame.index <= bounds["end"]
    if len(frame) and not mask.any():
        dates = pd.DatetimeIndex(frame.index.unique()).sort_values()
        asked = f"between {start} and {end}" if start and end else f"from {start} on" if start else f"up to {end}"
        # the bound to change: one past the data's end (a start) or before its beginning (an end)
        field = "start" if "start" in bounds and bounds["start"] > dates[-1] else "end" if "end" in bounds else "start"
        inside = "start" in bounds and "end" in bounds and bounds["start"] >= dates[0] and bounds["end"] <= dates[-1]
        fix = "widen the window to hold a row" if inside else f"give {first} and {last} within that"
        raise InvalidInputError(
            f"no row of {source} lies {asked}: its data run from {_span(dates)}; {fix}",
            field=field,
            value=start if field == "start" else end,
        )
    return frame[mask]


def bounds_named(message: str, start: str, end: str, words: Mapping[str, str] | None = None) -> str:
    """`message` with the bounds it names (BOUND_WORDS) said as a front's own: `--start` and `--end` for the CLI;
    `words` maps any other of the library's words to the front's (the CLI's `--lags -1` for `lag order -1`).
    A name it quotes (a file's, a column's) is kept as written."""
    said = {BOUND_WORDS["start"]: start, BOUND_WORDS["end"]: end, **(words or {})}
    parts = _QUOTED.split(message)  # the quoted names at odd places
    return "".join(part if at % 2 else _said(part, said) for at, part in enumerate(parts))


def _said(text: str, said: Mapping[str, str]) -> str:
    for library, front in said.items():
        text = text.replace(library, front)
    return text


def _bound_and_span(value: str, label: str, order: str | None) -> tuple[pd.Timestamp, pd.DateOffset | None]:
    """A bound as a date and the length of the period it names: a day for a day (never the rows' own dates, which
    name a quarter by its first day in one file and its last in another); None for an instant, a bound with a time
    of day written (`1995-02-15T00:00` too: the text says so, not the value, which is midnight either way)."""
    date = _bound(value, label, order)
    return date, span_of(str(value)) or (None if _TIME_OF_DAY.search(str(value)) else pd.DateOffset(days=1))


def _bound(value: str, label: str, order: str | None) -> pd.Timestamp:
    """A bound as a date. One written as numbers (`01.04.2010`, `04/01/2010`) is read in the order the file's own
    dates were, else dotted day first (as wherever that form is used), else the one way it reads; never by pandas'
    guess, month first, which put `--end 01.04.2010` in January. Two readings and nothing to tell: refused."""
    parts, date = re.fullmatch(NUMERIC_DATE, value.strip()), None
    if parts is None:
        date, told = read_date(value), None
    else:
        forms = numeric_forms(parts[2], "%Y" if len(parts[4]) == 4 else "%y")
        readings = {
            way: pd.to_datetime([value.strip()], format=form, errors="coerce")[0] for way, form in forms.items()
        }
        told = next((way for way in forms if (order or "").startswith(way)), "day first" if parts[2] == "." else None)
        ways = [told] if told else [way for way in ("day first", "month first") if pd.notna(readings[way])]
        found = {readings[way] for way in ways}
        if len(found) > 1:
            day, month = readings["day first"], readings["month first"]
            raise InvalidInputError(
                f"{label} date {value!r} is {day:%d %B %Y} read day first or {month:%d %B %Y} read month first, and"
                " the file's dates do not tell which; write it as YYYY-MM-DD",
                field=label,
                value=value,
            )
        date = next(iter(found), None)
    if date is None or pd.isna(date):
        how = f", read {told} as the file's dates are" if told and (order or "").startswith(told) else ""
        raise InvalidInputError(f"{label} date {value!r} is not a date{how} (use YYYY-MM-DD or 1970Q1)")
    return date


def _span(index: pd.DatetimeIndex) -> str:
    """`1959Q1 to 2009Q3`: the first and last dates, named as periods of their frequency when they have one."""
    dates = pd.DatetimeIndex(index)  # unique and sorted
    try:
        alias: str | None = detect_frequency(dates).alias
    except InvalidInputError:
        alias = None
    first, last = period_labels([dates[0], dates[-1]], alias)
    return f"{first} to {last}"


def span_of(bound: str) -> pd.DateOffset | None:
    """The length of the period a bound or a label names (a year, a quarter, a half-year, a month), None for a day."""
    return next((span for form, span in _SPANS if form.fullmatch(bound.strip())), None)


def straddled_label(text: str, date: pd.Timestamp, frequency: str | None) -> str | None:
    """Why a label read as `date` names no period of `frequency` (periods.straddled); None for a day's date."""
    span = span_of(text)
    return None if span is None else straddled(text, date, date + span - pd.Timedelta(days=1), frequency)


def _holds_whole_rows(span: pd.DateOffset | None, starts: pd.Index, lasts: pd.Index) -> bool:
    """Whether a bound's period is at least as long as the rows' own (a quarter or a year on quarterly rows): it
    holds the dates of as many rows as it has room for, however the rows are anchored (Mar, Jun, ...: one a
    quarter, four a year), where it overlaps one row more. `starts` and `lasts`: the rows' periods (`_periods`)."""
    return span is not None and len(starts) > 0 and starts[0] + span - pd.Timedelta(days=1) >= lasts[0]


def _of_the_calendar(starts: pd.Index, lasts: pd.Index) -> bool:
    """Whether the rows' periods are the calendar's (months; quarters from January, April, ...; half-years from
    January and July; years from January), or are no periods (weeks, days, rows on no grid: `_periods`)."""
    if not len(starts) or starts[0] == lasts[0]:
        return True
    first, last = pd.Timestamp(starts[0]), pd.Timestamp(lasts[0])
    length = (last.year - first.year) * 12 + last.month - first.month + 1
    return first.day == 1 and (first.month - 1) % length == 0


def _periods(index: pd.DatetimeIndex) -> tuple[pd.DatetimeIndex, pd.DatetimeIndex]:
    """The first and the last day of the period of each row, as the frequency detection reads the rows: 2018-10-01
    and 2018-12-31 for a quarter dated by either, a business month's end (2020-05-29) its calendar month's, a month
    dated on its 15th that month (as a file's dates so are read: timeindex.as_their_months). Weekly rows, and rows
    on no grid, as dated: a week may be dated by its first day or its last, and nothing tells which."""
    dates, alias = _grid(index)
    if alias is None or alias.startswith("W"):
        return index, index
    calendar = re.sub(r"^B(?=[MQY])", "", alias)  # BME, BQE-DEC: a business day dates its calendar period
    return period_firsts(dates, calendar), period_lasts(dates, calendar)


def _grid(index: pd.DatetimeIndex) -> tuple[pd.DatetimeIndex, str | None]:
    """The rows' dates as the frequency detection reads them (a month dated on its 15th: that month's 1st) and the
    grid they lie on; None for none."""
    alias = _alias(index)
    months = as_their_months(index) if alias is None else None
    if months is not None and (found := _alias(months)) is not None:
        return months, found
    return index, alias


def _coarser_than_months(index: pd.DatetimeIndex) -> bool:
    """Whether the rows are periods longer than a month (quarters, half-years, years), where a bound `2005.4` could
    mean the fourth quarter as well as April. False for monthly or finer rows and for rows on no grid."""
    dates, alias = _grid(index)
    if alias is None:
        return False
    # a year of the grid's steps, averaged: one step of business months can be 32 days (2020-02-28 to 2020-03-31)
    steps = pd.date_range(dates[0], periods=13, freq=alias)
    return bool((steps[-1] - steps[0]) / 12 > pd.Timedelta(days=45))


def _alias(index: pd.DatetimeIndex) -> str | None:
    """The grid the dates lie on; None for none (gaps and order are checked after the window) or too few rows."""
    try:
        return detect_frequency(index).alias or None
    except InvalidInputError:
        return None


def _counted(
    value: str, label: str, order: str | None, rows: pd.DatetimeIndex
) -> tuple[pd.Timestamp, pd.DateOffset] | None:
    """A bound that counts periods of a year (`2000.1`, `2000:1`, `2000-4`) and its span, read as the file's dates
    were (`as quarters of the year`); None for other bounds and, but for `2000:1`, when the file's dates did not
    count periods (`2000-4` is then a month, as dates elsewhere read, and so is `2000.1` on monthly or finer rows).
    Refused when the count does not fit the file's periods, or `2000:1` has no file reading to follow, nor `2000.1`
    to `2000.4` when the `rows` are longer than a month: econometrics programs write the fourth quarter `2005.4`,
    which read as April would drop two quarters unsaid (`2000.5` on is no quarter: a month)."""
    parts = re.fullmatch(r"(\d{4})([:./-])([1-9]|1[0-2])", value.strip())
    unit = counted_unit(order)
    quarter_or_month = (  # the rows' grid is looked for only for such a bound
        parts is not None and unit is None and parts[2] == "." and int(parts[3]) <= 4 and _coarser_than_months(rows)
    )
    if parts is None or (unit is None and parts[2] != ":" and not quarter_or_month):
        return None
    if unit is None:
        said = f"{label} date {value!r} counts periods of {parts[1]}, a form the file's dates are not written in"
        raise InvalidInputError(f"{said}{_readings(parts[1], int(parts[3]), rows)}", field=label, value=value)
    per_year, months = COUNTED[unit]
    if int(parts[3]) > per_year:
        raise InvalidInputError(
            f"{label} date {value!r} is read as the file's dates are, {unit} of the year, and {parts[1]} has"
            f" {per_year}; use 1 to {per_year}",
            field=label,
            value=value,
        )
    return pd.Timestamp(int(parts[1]), (int(parts[3]) - 1) * months + 1, 1), pd.DateOffset(months=months)


def _readings(year: str, count: int, rows: pd.DatetimeIndex) -> str:
    """What a bound `2005.2` could mean, and how to write each, on `rows`: on calendar half-years most likely the
    half-year (`2005H2`), on calendar years nothing finer matters (the year alone keeps the same rows), past 4 only
    a month, else a quarter or a month."""
    dates, alias = _grid(rows)
    named = period_labels([dates[0]], alias)[0] if alias else ""
    quarter, month = f"{year}Q{count} for a quarter", f"{year}-{count:02d} for a month"
    if re.fullmatch(r"\d{4}", named):
        return f"; the rows are whole years, so the year alone is enough: write {year}"
    if count > 4:  # `2005:7` is no quarter: offering 2005Q4 would end the sample at another period
        return f", and a year has 4 quarters, so it can only mean a month: write {year}-{count:02d}"
    if re.fullmatch(r"\d{4}H[12]", named):
        if count <= 2:
            half = f"{year}H{count} for a half-year"
            return f", so it could mean a half-year, a quarter or a month: write {half}, {quarter} or {month}"
        halves = f"the rows' half-years are {year}H1 and {year}H2"
        return f", and {halves}, so it could mean a quarter or a month: write {quarter} or {month}"
    return f", so it could mean quarters or months: write {quarter} or {month}"
