"""Periods of a frequency: its pandas offset, periods counted between two dates, the period a date falls in,
consecutive dates (what lag inputs are) and dates newest first. Periods listed ahead: periods_ahead."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..errors import InvalidInputError
from .date_text import read_dates
from .frequency import detect_frequency, label_of, period_labels

Fits = Callable[[pd.DatetimeIndex], bool]  # what dates a reader expects, e.g. consecutive periods of a model


def offset_of(frequency: str | None):
    """The pandas offset of a frequency alias such as `QS-JAN`; None without one (or for an unknown one)."""
    try:
        return pd.tseries.frequencies.to_offset(frequency) if frequency else None
    except ValueError:
        return None


def periods_between(first: pd.Timestamp, last: pd.Timestamp, frequency: str | None) -> int | None:
    """How many periods of `frequency` `last` lies after `first` (negative: before; both on its grid);
    None when there is no frequency to count in and the two differ."""
    first, last, offset = pd.Timestamp(first), pd.Timestamp(last), offset_of(frequency)
    if first == last or offset is None:
        return 0 if first == last else None
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


_STARTS = (pd.offsets.MonthBegin, pd.offsets.QuarterBegin, pd.offsets.YearBegin)
_ENDS = (pd.offsets.MonthEnd, pd.offsets.QuarterEnd, pd.offsets.YearEnd)


def in_their_periods(dates: pd.DatetimeIndex, frequency: str | None) -> pd.DatetimeIndex | None:
    """Dates as the dates of the months, quarters or years they fall in, as `frequency` dates its periods:
    2009-06-30 in quarters dated by their first day (`QS-JAN`) is 2009-04-01, and 2009-04-01 in quarters dated by
    their last (`QE-DEC`) is 2009-06-30, so data dated by a period's end (pandas' `resample("QE")`) or middle fit a
    model dated by its start. Only dates alike in their periods (every one its period's last day, or all on one day
    of one month of it): None for mixed days, times of day, two dates in one period, or any frequency but these."""
    found = _their_periods(dates, frequency)
    if found is None:
        return None
    periods, groups = found
    alike = not len(dates) or any(len(group) == len(dates) for group in groups)
    return periods if alike and periods.is_unique else None


def unlike_the_others(
    dates: pd.DatetimeIndex, frequency: str | None, fits: Fits | None = None
) -> tuple[int, int] | None:
    """The position of the first date dated unlike most of the others (2010-08-31 among quarter ends), when those
    others read as their periods (`in_their_periods`, and as `fits` expects), and the position of one of them: the
    date to name, where the dates as a whole read as no periods. None when no date stands out so."""
    found = _their_periods(dates, frequency)
    if found is None or len(dates) < 2:
        return None
    group = max(found[1], key=len)  # of groups as large, the one dated first: a tie blames the later dates
    if len(group) == len(dates) or 2 * len(group) < len(dates):
        return None
    mapped = in_their_periods(dates[group], frequency)
    if mapped is None or (fits is not None and not fits(mapped)):
        return None
    return next(position for position in range(len(dates)) if position not in group), group[0]


def _their_periods(dates: pd.DatetimeIndex, frequency: str | None) -> tuple[pd.DatetimeIndex, list[list[int]]] | None:
    """The period of each date in `frequency`'s dating, and the positions of dates dated alike (the last days of
    their periods; each day of a month of the period); None for dates with a time of day or another frequency."""
    offset = offset_of(frequency)
    if not _of_whole_periods(offset) or (dates != dates.normalize()).any():
        return None
    firsts, lasts = _firsts_and_lasts(dates, offset)
    periods = firsts if isinstance(offset, _STARTS) else lasts
    months_in = (dates.year - firsts.year) * 12 + dates.month - firsts.month
    if isinstance(offset, pd.offsets.Week):  # a day of the week, not of a month
        months_in = (dates - firsts).days
    groups: dict[object, list[int]] = {"last": [i for i in range(len(dates)) if dates[i] == lasts[i]]}
    days = [day if not end else "end" for day, end in zip(dates.day, dates.is_month_end, strict=True)]  # 30th, 31st
    for position, key in enumerate(zip(months_in, days, strict=True)):
        groups.setdefault(key, []).append(position)
    return periods, sorted((group for group in groups.values() if group), key=lambda group: group[0])


def period_firsts(dates: pd.Index, frequency: str | None) -> pd.DatetimeIndex:
    """The first day of the month, quarter or year each date falls in, as `frequency` groups them, dated by its first
    day or its last (2018-12-31 in `QE-DEC` is 2018Q4, first day 2018-10-01); the dates as they are for others."""
    offset, dates = offset_of(frequency), pd.DatetimeIndex(dates)
    return _firsts_and_lasts(dates, offset)[0] if _of_whole_periods(offset) else dates


def period_lasts(dates: pd.Index, frequency: str | None) -> pd.DatetimeIndex:
    """The last day of the period each date falls in, as `period_firsts` finds its first."""
    offset, dates = offset_of(frequency), pd.DatetimeIndex(dates)
    return _firsts_and_lasts(dates, offset)[1] if _of_whole_periods(offset) else dates


def one_period_twice(index: pd.DatetimeIndex, position: int) -> str | None:
    """The label of the period the dates at `position - 1` and `position` share (`1997-03-31` then `1997Q1`), on the
    grid the others lie on without one of the two (either may be dated unlike them); None for two periods or no grid."""
    for dropped in (position, position - 1):
        others = index.delete(dropped)
        if len(others) < 3 or not others.is_monotonic_increasing or not others.is_unique:
            continue
        try:
            alias = detect_frequency(others).alias
        except InvalidInputError:
            continue
        pair, offset = index[position - 1 : position + 1], offset_of(alias)
        if _of_whole_periods(offset) and period_firsts(pair, alias)[0] == period_firsts(pair, alias)[1]:
            return period_labels([period_of(pair[1], offset)], alias)[0]
    return None


def _of_whole_periods(offset) -> bool:
    """A grid of single weeks, months, quarters or years, or of half-years (two quarters: `2QS-JAN`, `2QE-DEC`),
    dated by their first day or their last."""
    if type(offset) in (pd.offsets.QuarterBegin, pd.offsets.QuarterEnd):
        return offset.n in (1, 2)
    if type(offset) is pd.offsets.Week:  # weeks ending on a weekday (`W-SUN`)
        return offset.n == 1 and getattr(offset, "weekday", None) is not None
    return type(offset) in (*_STARTS, *_ENDS) and offset.n == 1


def _first_month_and_length(offset) -> tuple[int, int]:
    """The month one of `offset`'s periods starts in, and their length in months. A half-year's alias names the
    month a half starts (`2QS-APR`: April and October) or ends (`2QE-DEC`: June and December) in, as
    frequency.detect_frequency writes it: pandas' own offsets take any quarter's start or end for one."""
    if isinstance(offset, (pd.offsets.MonthBegin, pd.offsets.MonthEnd)):
        return 1, 1
    anchor = offset.startingMonth if hasattr(offset, "startingMonth") else offset.month
    length = 3 * offset.n if isinstance(offset, (pd.offsets.QuarterBegin, pd.offsets.QuarterEnd)) else 12
    return (anchor if isinstance(offset, _STARTS) else anchor % 12 + 1), length


def _firsts_and_lasts(dates: pd.DatetimeIndex, offset) -> tuple[pd.DatetimeIndex, pd.DatetimeIndex]:
    """The first and the last day of the period of `offset` (one of _STARTS or _ENDS, or weeks) each date falls in."""
    if isinstance(offset, pd.offsets.Week):
        lasts = pd.DatetimeIndex([offset.rollforward(stamp) for stamp in dates])
        return lasts - pd.Timedelta(days=6), lasts
    first_month, length = _first_month_and_length(offset)
    months = pd.Index(dates.year * 12 + dates.month - 1)
    starts = months - (months - (first_month - 1)) % length  # the month each period starts in, counted from year 0
    firsts = pd.DatetimeIndex(pd.to_datetime({"year": starts // 12, "month": starts % 12 + 1, "day": 1}))
    lasts = firsts + pd.offsets.MonthBegin(length) - pd.Timedelta(days=1)
    return firsts, lasts


def period_of(stamp: pd.Timestamp, offset) -> pd.Timestamp:
    """The date of `offset`'s period that `stamp` falls in: its first day for a grid dated so (`MS`, `QS-JAN`,
    `2QS-JAN`), its last for one dated by the end (`ME`, `QE-DEC`, `W-SUN`: the Sunday that ends the week)."""
    stamp = pd.Timestamp(stamp)
    if _of_whole_periods(offset) and stamp == stamp.normalize():
        firsts, lasts = _firsts_and_lasts(pd.DatetimeIndex([stamp]), offset)
        return firsts[0] if isinstance(offset, _STARTS) else lasts[0]
    return offset.rollback(stamp) if "Begin" in type(offset).__name__ else offset.rollforward(stamp)


def on_its_grid(stamp: pd.Timestamp, offset) -> bool:
    """Whether `stamp` is one of `offset`'s dates; for half-years, of the two halves its alias names (pandas'
    `2QE-DEC` takes 2010-03-31 too)."""
    return period_of(stamp, offset) == stamp if _of_whole_periods(offset) else offset.is_on_offset(stamp)


def straddled(text: str, first: pd.Timestamp, last: pd.Timestamp, frequency: str | None) -> str | None:
    """Why a label of the period from `first` to `last` (`2015Q1`) is none of `frequency`'s: one of another calendar
    (a calendar quarter among quarters from Nov; a calendar year among years from July) overlaps two or more, which
    read as the one its first day is in was silently wrong. None within one (a month, a day), or on weeks or days."""
    offset = offset_of(frequency)
    if not _of_whole_periods(offset) or isinstance(offset, pd.offsets.Week):
        return None
    ours = [period_of(stamp, offset) for stamp in (first, last)]
    if ours[0] == ours[1]:
        return None
    one, other = period_labels(ours, frequency)
    over = f"{one} and {other}" if periods_between(ours[0], ours[1], frequency) == 1 else f"{one} to {other}"
    return (
        f"{text} ({first:%b %Y} to {last:%b %Y}) is not a {label_of(str(frequency))} period of this model ({frequency})"
        f" but overlaps {over}; write the period it stands for as the model names its periods ({one}, {other}), or"
        " a date inside it"
    )


def period_dates(index: pd.Index, frequency: str | None) -> pd.DatetimeIndex | None:
    """An index of dates as dates: a DatetimeIndex as it is, a PeriodIndex (`2010Q3`) as its periods dated as
    `frequency` dates them (a quarter's first day, or its last for `QE-DEC`); None for any other index. Refused:
    a period of another calendar than the model's (`straddled`)."""
    if not isinstance(index, pd.PeriodIndex):
        return index if isinstance(index, pd.DatetimeIndex) else None
    starts = index.to_timestamp(how="start")
    for period, first, last in zip(index, starts, index.to_timestamp(how="end").normalize(), strict=True):
        if (why := straddled(str(period), first, last, frequency)) is not None:
            raise InvalidInputError(f"the period {why}", field="date", value=str(period))
    dated = in_their_periods(starts, frequency)
    return starts if dated is None else dated


def dated_by_text(index: pd.Index) -> bool:
    """Whether an index of text labels dates its rows: some label reads as a date (`2010Q3`, `2010-07-01`), as
    `pd.read_csv(path, index_col=0)` leaves a file's dates, or holds a year (`2010Q5`, a date mistyped, which the
    reader then names). Labels such as `t-1`, `lag1` or `1` do not, and a row count or numbers are no date."""
    if isinstance(index, pd.MultiIndex) or not len(index) or not all(isinstance(label, str) for label in index):
        return False
    return bool(read_dates(index).notna().any() or index.str.contains(r"\d{4}", regex=True).any())


def first_break(index: pd.DatetimeIndex, offset) -> int | None:
    """The position of the first date off the grid of `offset` or not one period after the date before it;
    None when the dates follow one another period by period, as lag inputs do."""
    for position, stamp in enumerate(index):
        if not on_its_grid(stamp, offset) or (position and stamp != index[position - 1] + offset):
            return position
    return None


def newest_first(index: pd.Index) -> bool:
    """Whether dates run from the newest to the oldest, as some statistics offices publish them."""
    return len(index) > 1 and index.is_unique and index.is_monotonic_decreasing


def oldest_first(index: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """Dates newest first turned around; dates in any other order as they are."""
    return index[::-1] if newest_first(index) else index
