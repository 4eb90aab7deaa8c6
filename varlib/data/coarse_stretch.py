"""Where rows on a coarser grid may meet rows on a finer one with gaps, so that frequency.detect_frequency can tell a
change of frequency (quarterly rows, then monthly) from gaps to fill.

The finer grid holding every date misses the periods between the coarser rows. When it misses nothing else, every gap
lies before (or after) the rows of the finer frequency. When it also misses a few periods among those (five months of
sixty), the gaps no longer end where the frequency changes: the coarse rows are then found as the longest run at the
start (or end) that steps one period of the grid of its first (last) three rows at a time, or over a few of that
grid's own periods missing (a quarter among quarters).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

import numpy as np
import pandas as pd

from .grid_dates import on_offset

# Rows a run on a coarser grid needs, amid gaps elsewhere, to be a change of frequency: four quarterly-looking
# months (Jan, Apr, Jul and Oct 1990) before a month missing years later are as likely gaps by chance
MIN_STRETCH = 5


class Grid(Protocol):
    """What this module reads of a frequency.Frequency (which calls it: an import of it here would be a circle)."""

    @property
    def alias(self) -> str: ...  # pandas' (`QS-JAN`)

    @property
    def regular(self) -> bool: ...  # no period missing

    @property
    def missing(self) -> tuple[pd.Timestamp, ...]: ...  # its periods without a row


Stretch = tuple[pd.DatetimeIndex, int, int, bool]  # the rows, where they meet the others, the gaps they span, first?


def stretches(
    index: pd.DatetimeIndex, missing: pd.DatetimeIndex, grid_of: Callable[[pd.DatetimeIndex], Grid | None]
) -> Iterator[Stretch]:
    """Runs of rows that may lie on a coarser grid than the one missing `missing`: each with the position of the row
    where it meets the others (`index[turn]`), how many of the gaps lie among its rows, and whether it comes first.
    The rows before the last gap and after the first; then, when other gaps lie beyond them, the runs on a coarser
    grid at the start and at the end (`grid_of`: the grid of some dates, or None; frequency's)."""
    head, tail = index[index < missing[-1]], index[index > missing[0]]  # the rows before the last gap, after the first
    yield head, len(head), len(missing), True
    yield tail, len(index) - len(tail) - 1, len(missing), False
    # too few rows for a run and others: also ends the search, as the three dates grid_of reads come back here
    for first in (True, False) if len(index) > MIN_STRETCH else ():
        rows = _coarse_run(index if first else index[::-1], grid_of)
        if rows < MIN_STRETCH:
            continue
        # the gaps among the run's rows: the rows up to the last of them (from the first) are the run, as above
        if first:
            gaps = missing[missing < index[rows - 1]]
            if len(gaps) and gaps[-1] < missing[-1]:  # else the rows before the last gap, said above
                run = index[index < gaps[-1]]
                yield run, len(run), len(gaps), True
        else:
            gaps = missing[missing > index[-rows]]
            if len(gaps) and gaps[0] > missing[0]:
                run = index[index > gaps[0]]
                yield run, len(index) - len(run) - 1, len(gaps), False


def mostly_whole(grid: Grid, rows: int) -> bool:
    """Whether a run of `rows` rows on `grid` misses few enough of its own periods (one in MIN_STRETCH rows at most)
    to be rows of that frequency: 19 quarters without 2002Q2 before 60 months are a change of frequency, as 20 are,
    not 41 months to fill."""
    return len(grid.missing) * MIN_STRETCH <= rows


def _coarse_run(dates: pd.DatetimeIndex, grid_of: Callable[[pd.DatetimeIndex], Grid | None]) -> int:
    """How many of `dates` (oldest or newest first) follow one another on the grid their first three lie on, across a
    few of its own periods missing (mostly_whole), up to where finer steps begin; 0 when those lie on none or the run
    ends at more of its own periods missing. `grid_of` is detect_frequency's, which comes back here for three dates
    with gaps."""
    grid = grid_of(dates[:3].sort_values())
    if grid is None or not grid.regular or len(dates) < 3:
        return 0
    offset = pd.tseries.frequencies.to_offset(grid.alias)
    step, on = offset if dates[0] < dates[-1] else -offset, on_offset(dates, offset)
    rows = _on_grid(dates, step, on)
    if not on[0] or rows == len(dates):
        return rows if on[0] else 0
    # its own periods missing beyond a few (quarters with a year missing) end a run too: the rows after are not finer
    last, after = dates[rows - 1], dates[rows]
    return rows if abs(after - last) < abs(last + step - last) else 0


def _on_grid(dates: pd.DatetimeIndex, step, on: np.ndarray) -> int:
    """How many of `dates` from the first follow one another a `step` at a time (`on`: each on the step's grid), or a
    few steps where the grid's own periods are missing: a quarter missing among quarters does not end their run,
    which a change to monthly rows after them must be told by (one in MIN_STRETCH rows at most, as mostly_whole)."""
    follows = np.asarray(dates[1:] == dates[:-1] + step) & on[1:]
    rows, missed = 1, 0
    while True:
        rest = follows[rows - 1 :]
        rows += len(rest) if rest.all() else int(np.argmin(rest))
        if rows == len(dates) or not on[rows]:
            return rows
        last, later, skipped = dates[rows - 1], dates[rows], 0
        at = last + step
        while abs(at - last) < abs(later - last) and (missed + skipped + 1) * MIN_STRETCH <= rows + 1:
            at, skipped = at + step, skipped + 1
        if at != later:  # a finer step, a date off the grid, or more of its own periods missing than a few
            return rows
        missed, rows = missed + skipped, rows + 1
