"""The grid tests of varlib.data.grid_dates give pandas' own answers: `offset.is_on_offset` of each date, membership
of `pd.date_range(first, last, freq=offset)` and that range itself, for every grid frequency.detect_frequency tries,
on generated dates (grids with gaps, a few dates off them, duplicates, month ends and starts, quarters and
half-years, weeks, business days, other time units, times of day). And detect_frequency, which asks them instead of
pandas so that 100,000 irregular dates are checked in well under a second (bench/date_check.py), says the same as
when it asked pandas date by date: the same grid and missing periods, or the same refusal word for word."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib.data import frequency, two_datings
from varlib.data.frequency import CANDIDATES, detect_frequency
from varlib.data.grid_dates import DayCounts, grid_between, within
from varlib.errors import InvalidInputError

OFFSETS = [pd.tseries.frequencies.to_offset(alias) for alias in (*CANDIDATES, "h", "2D", "BQE-DEC", "3MS")]
KINDS = ("D", "B", "W-SUN", "W-WED", "MS", "ME", "BMS", "BME", "QS-JAN", "QS-FEB", "QE-DEC", "QE-JAN", "2QS-JAN")
KINDS += ("2QS-MAR", "2QE-DEC", "2QE-FEB", "YS-JAN", "YS-JUL", "YE-DEC", "YE-JUN")


class PandasDayCounts:
    """What detect_frequency asked before: pandas, date by date and with its own ranges."""

    def __init__(self, index: pd.DatetimeIndex) -> None:
        self.index = index

    def on_offset(self, offset) -> np.ndarray:
        return np.array([offset.is_on_offset(stamp) for stamp in self.index], dtype=bool)

    def on_grid(self, offset) -> np.ndarray:
        if len(self.index) and (self.index == self.index.normalize()).all():
            grid = pd.date_range(self.index.min(), self.index.max(), freq=offset)
            return np.asarray(self.index.isin(grid), dtype=bool)
        return self.on_offset(offset)


def _dates(rng: np.random.Generator) -> pd.DatetimeIndex:
    """A grid of some kind, with gaps, a few dates moved off it, dates of another grid or none at all."""
    kind = KINDS[int(rng.integers(len(KINDS)))]
    start = pd.Timestamp("1890-01-01") + pd.Timedelta(days=int(rng.integers(0, 70_000)))
    grid = pd.date_range(start, periods=int(rng.integers(6, 50)), freq=kind)
    shape = rng.integers(7)
    if shape == 1:  # gaps
        grid = grid[np.sort(rng.choice(len(grid), max(3, int(len(grid) * rng.uniform(0.4, 0.95))), replace=False))]
    elif shape == 2:  # a few dates moved off the grid
        moved = rng.choice(len(grid), int(rng.integers(1, 4)), replace=False)
        shifts = np.zeros(len(grid), dtype=int)
        shifts[moved] = rng.choice([-3, -2, -1, 1, 2, 3, 14], len(moved))
        grid = grid + pd.to_timedelta(shifts, "D")
    elif shape == 3:  # one grid, then another (quarterly, then monthly; quarter ends, then starts)
        other = KINDS[int(rng.integers(len(KINDS)))]
        grid = grid.append(pd.date_range(grid[-1] + pd.Timedelta(days=1), periods=int(rng.integers(3, 30)), freq=other))
    elif shape == 4:  # a date more (a Saturday among business days)
        grid = grid.append(pd.DatetimeIndex([grid[int(rng.integers(len(grid)))] + pd.Timedelta(days=1)]))
    elif shape == 5:  # no grid: random days
        grid = start + pd.to_timedelta(np.cumsum(rng.integers(1, 40, len(grid))), "D")
    grid = pd.DatetimeIndex(grid).unique().sort_values()
    return grid.as_unit(["s", "ms", "us", "ns"][int(rng.integers(4))])


def _ask_pandas(monkeypatch) -> None:
    """detect_frequency as it was: every grid question asked of pandas."""
    monkeypatch.setattr(frequency, "DayCounts", PandasDayCounts)
    monkeypatch.setattr(frequency, "grid_between", lambda first, last, offset: pd.date_range(first, last, freq=offset))
    monkeypatch.setattr(frequency, "within", lambda index, grid: np.asarray(index.isin(grid), dtype=bool))
    monkeypatch.setattr(two_datings, "on_offset", lambda index, offset: PandasDayCounts(index).on_offset(offset))


def _said(index: pd.DatetimeIndex) -> object:
    try:
        return detect_frequency(index, "the file")
    except InvalidInputError as exc:
        return str(exc)


@pytest.mark.parametrize("seed", range(3))
def test_each_date_on_each_grid_as_pandas_says(seed):
    rng = np.random.default_rng(seed)
    for _ in range(10):
        index = _dates(rng)
        if rng.random() < 0.2:  # a date twice, or a time of day (hourly data: pandas answers)
            index = index.append(index[:2]) if rng.random() < 0.5 else index + pd.Timedelta(hours=7)
        counts, pandas_counts = DayCounts(index), PandasDayCounts(index)
        for offset in OFFSETS:
            assert counts.on_offset(offset).tolist() == pandas_counts.on_offset(offset).tolist(), (offset, index)
            assert counts.on_grid(offset).tolist() == pandas_counts.on_grid(offset).tolist(), (offset, index)
            first, last = sorted(index[rng.choice(len(index), 2)])
            ours, theirs = grid_between(first, last, offset), pd.date_range(first, last, freq=offset)
            assert ours.equals(theirs) and ours.dtype == theirs.dtype, (offset, first, last)
            assert within(index, ours).tolist() == index.isin(theirs).tolist(), (offset, first, last)


def test_grids_between_any_two_days_as_pandas_builds_them():
    rng = np.random.default_rng(7)
    for offset in OFFSETS[: len(CANDIDATES)]:
        for _ in range(40):
            first = pd.Timestamp("1700-01-01") + pd.Timedelta(days=int(rng.integers(0, 200_000)))
            last = first + pd.Timedelta(days=int(rng.integers(-5, 3_000)))  # before the first too: no dates
            ours, theirs = grid_between(first, last, offset), pd.date_range(first, last, freq=offset)
            assert ours.equals(theirs) and ours.dtype == theirs.dtype, (offset, first, last)


@pytest.mark.parametrize("seed", range(5))
def test_detect_frequency_says_what_it_said_asking_pandas(seed, monkeypatch):
    rng = np.random.default_rng(100 + seed)
    cases = [_dates(rng) for _ in range(30)]
    ours = [_said(index) for index in cases]
    _ask_pandas(monkeypatch)
    theirs = [_said(index) for index in cases]
    for index, one, other in zip(cases, ours, theirs, strict=True):
        assert one == other, list(index)


def test_a_refusal_of_many_irregular_dates_is_unchanged(monkeypatch):
    """Irregular business days (refused), and business days with a third of the dates a day or two late: the same
    grid, missing periods or words and dates as before."""
    rng = np.random.default_rng(11)
    days = pd.bdate_range("1990-01-01", periods=3_000)
    scattered = days[np.sort(rng.choice(len(days), 1_000, replace=False))]
    moved = pd.DatetimeIndex(days[:1_000] + pd.to_timedelta(rng.integers(1, 3, 1_000) * (rng.random(1_000) < 0.3), "D"))
    cases = [scattered, moved.unique().sort_values()]
    ours = [_said(index) for index in cases]
    _ask_pandas(monkeypatch)
    assert ours == [_said(index) for index in cases]
    assert isinstance(ours[0], str)  # the scattered days refused


def test_hourly_dates_on_each_offset_as_pandas_says():
    """Times of day (hours, minutes, before 1970 too: a day is the one the time falls on) are answered from the
    dates' days, as pandas' `is_on_offset` reads them, and detect_frequency says what it said asking pandas."""
    rng = np.random.default_rng(21)
    for _ in range(12):
        start = pd.Timestamp("1950-01-01") + pd.Timedelta(minutes=int(rng.integers(0, 40_000_000)))
        steps = np.cumsum(rng.choice([1, 2, 3, 24, 25, 720], int(rng.integers(5, 60))))
        index = pd.DatetimeIndex(start + pd.to_timedelta(steps, "h")).as_unit(["s", "us", "ns"][int(rng.integers(3))])
        counts, pandas_counts = DayCounts(index), PandasDayCounts(index)
        for offset in OFFSETS:
            assert counts.on_offset(offset).tolist() == pandas_counts.on_offset(offset).tolist(), (offset, index)
            assert counts.on_grid(offset).tolist() == pandas_counts.on_grid(offset).tolist(), (offset, index)


def test_hourly_refusals_unchanged(monkeypatch):
    rng = np.random.default_rng(5)
    cases = [
        pd.Timestamp("1960-03-01 05:00") + pd.to_timedelta(np.cumsum(rng.integers(1, k, 400)), "h") for k in (3, 30)
    ]
    cases.append(pd.date_range("1969-12-30 22:00", periods=300, freq="h").delete([5, 9]))
    ours = [_said(pd.DatetimeIndex(index)) for index in cases]
    _ask_pandas(monkeypatch)
    assert ours == [_said(pd.DatetimeIndex(index)) for index in cases]
