"""Which dates lie on a frequency's grid, and the grid's dates between two dates, from counts of days and months.

pandas tests a date against a monthly, quarterly, yearly or weekly offset one date at a time and builds such a
grid date by date in Python; frequency.detect_frequency tries some 50 grids, on every run of dates too, so 100,000
dates on no grid took a minute. The answers here are pandas' own (`offset.is_on_offset` of each date,
`pd.date_range(first, last, freq=offset)`), worked out on whole arrays for dates without a time zone (a grid's:
midnight dates) and the offsets of frequency.CANDIDATES; anything else is still asked of pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_O = pd.offsets
_MONTHLY = (_O.MonthBegin, _O.MonthEnd, _O.BusinessMonthBegin, _O.BusinessMonthEnd)
_QUARTERLY = (_O.QuarterBegin, _O.QuarterEnd)
_YEARLY = (_O.YearBegin, _O.YearEnd)
_BEGINS = (_O.MonthBegin, _O.BusinessMonthBegin, _O.QuarterBegin, _O.YearBegin)
_BUSINESS = (_O.BusinessMonthBegin, _O.BusinessMonthEnd)
_UNITS = ("s", "ms", "us", "ns")


_KINDS = frozenset((_O.Day, _O.BusinessDay, _O.Week, *_MONTHLY, *_QUARTERLY, *_YEARLY))


def _counted(offset) -> bool:
    """Offsets whose dates are worked out here: a plain day, business day, weekday, month, quarter (one or two: a
    half-year) or year, dated by its first or last (business) day."""
    kind = type(offset)
    if kind not in _KINDS or offset.normalize or offset.n not in ((1, 2) if kind in _QUARTERLY else (1,)):
        return False
    if kind is _O.Week:
        return offset.weekday is not None
    return kind is not _O.BusinessDay or not offset.offset  # a business day shifted by hours: pandas'


class DayCounts:
    """`index`'s dates as day and month numbers, worked out once for every grid asked about. `days` is None when
    they have a time of day or a time zone: a grid is then asked of pandas. `dated` (the day each falls on) is None
    for a time zone only: a day's, month's or week's offset asks for the day alone, whatever the time of day
    (pandas' `is_on_offset` of such an offset reads the date's day, month and weekday), and pandas answers date by
    date only in a time zone."""

    def __init__(self, index: pd.DatetimeIndex) -> None:
        self.index = index
        values = index.to_numpy() if index.tz is None else None
        self.dated = values.astype("datetime64[D]") if values is not None else None  # floored: 23:00 is that day's
        midnight = self.dated is not None and len(self.dated) and (self.dated == values).all()
        self.days = self.dated if midnight else None
        if self.dated is not None:
            months = self.dated.astype("datetime64[M]")
            self.month = months.astype(np.int64)  # months since January 1970
            self.calendar = self.month % 12 + 1  # January is 1
            self.starts, self.ends = months.astype("datetime64[D]"), (months + 1).astype("datetime64[D]") - 1
            self.weekday = (self.dated.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0

    def on_offset(self, offset) -> np.ndarray:
        """`offset.is_on_offset` of each date (a half-year's offset takes any quarter's date, as pandas' does)."""
        kind = type(offset)
        if self.dated is not None and kind is _O.Day and not offset.normalize:  # any number of days: pandas
            return np.ones(len(self.dated), dtype=bool)  # steps there and back, which lands on every date
        if self.dated is None or not _counted(offset):
            return np.array([offset.is_on_offset(stamp) for stamp in self.index], dtype=bool)
        if kind is _O.BusinessDay:
            return self.weekday < 5
        if kind is _O.Week:
            return self.weekday == offset.weekday
        return (self.dated == _dated(kind, self.starts, self.ends)) & _in_cycle(offset, self.calendar)

    def on_grid(self, offset) -> np.ndarray:
        """Whether each date is one of `pd.date_range(first date, last date, freq=offset)`: the grid's dates as
        pandas steps them from the first on or after the first date (a half-year's every other quarter from there)."""
        if self.days is None:
            return self.on_offset(offset)
        if not _counted(offset):
            grid = pd.date_range(self.index.min(), self.index.max(), freq=offset)
            return np.asarray(self.index.isin(grid), dtype=bool)
        on = self.on_offset(offset)
        if offset.n == 2 and on.any():  # pandas' grid starts at the first quarter's date on or after the first date
            start = grid_between(self.index.min(), self.index.max(), offset).to_numpy()[0]
            on &= (self.month - start.astype("datetime64[M]").astype(np.int64)) % 6 == 0
        return on


def on_offset(index: pd.DatetimeIndex, offset) -> np.ndarray:
    """`offset.is_on_offset` of each of `index`'s dates (DayCounts: for many offsets, count once)."""
    return DayCounts(index).on_offset(offset)


def grid_between(first: pd.Timestamp, last: pd.Timestamp, offset) -> pd.DatetimeIndex:
    """`pd.date_range(first, last, freq=offset)`, without its freq, for midnight dates and offsets of the kinds
    counted here; pandas' own for anything else."""
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    plain = first.tz is None and last.tz is None and first == first.normalize() and last == last.normalize()
    if not plain or not _counted(offset) or type(offset) in (_O.Day, _O.BusinessDay):  # pandas' are whole-array
        return pd.date_range(first, last, freq=offset)
    unit = max(first.unit, last.unit, key=_UNITS.index)
    start, end = np.datetime64(first.date(), "D"), np.datetime64(last.date(), "D")
    kind = type(offset)
    if kind is _O.Week:
        weekday = (start.astype(np.int64) + 3) % 7
        dates = np.arange(start + (offset.weekday - weekday) % 7, end + 1, 7)
    else:
        months = np.arange(start.astype("datetime64[M]"), end.astype("datetime64[M]") + 1)
        dates = _dated(kind, months.astype("datetime64[D]"), (months + 1).astype("datetime64[D]") - 1)
        dates = dates[_in_cycle(offset, months.astype(np.int64) % 12 + 1) & (dates >= start) & (dates <= end)]
        dates = dates[::2] if offset.n == 2 else dates  # a half-year: every other quarter from the first
    return pd.DatetimeIndex(dates.astype(f"datetime64[{unit}]"))


def _dated(kind, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The date of each month on a grid of `kind`: its first or last day, or business day."""
    if kind in _BUSINESS:
        return np.busday_offset(starts, 0, roll="forward") if kind in _BEGINS else np.busday_offset(ends, 0, "backward")
    return starts if kind in _BEGINS else ends


def _in_cycle(offset, calendar: np.ndarray) -> np.ndarray:
    """Whether each month (January is 1) is one of `offset`'s: every month, every third from its quarters'
    starting month, or its year's month."""
    if type(offset) in _QUARTERLY:
        return (calendar - offset.startingMonth) % 3 == 0
    if type(offset) in _YEARLY:
        return calendar == offset.month
    return np.ones(len(calendar), dtype=bool)


def within(index: pd.DatetimeIndex, grid: pd.DatetimeIndex) -> np.ndarray:
    """`index.isin(grid)` for a grid in order (grid_between's), found by halving it rather than by hashing all of its
    dates: a daily grid of centuries holds millions."""
    if index.dtype != grid.dtype or not len(grid):
        return np.asarray(index.isin(grid), dtype=bool)
    dates, values = grid.asi8, index.asi8
    return dates[np.searchsorted(dates, values).clip(max=len(dates) - 1)] == values
