"""Where rows on a coarser grid may meet rows on a finer one with gaps, so that frequency.detect_frequency can tell a
change of frequency (quarterly rows, then monthly) from gaps to fill.

The finer grid holding every date misses the periods between the coarser rows. When it misses nothing else, every gap
lies before (or after) the rows of the finer frequency. When it also misses a few periods among those (five months of
sixty), the gaps no longer end where the frequency changes: the coarse rows are then found as the longest run at the
start (or end) that steps one period of the grid of its first (last) three rows at a time.
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


def _coarse_run(dates: pd.DatetimeIndex, grid_of: Callable[[pd.DatetimeIndex], Grid | None]) -> int:
    """How many of `dates` (oldest or newest first) follow one another on the grid their first three lie on without a
    gap, up to where finer steps begin; 0 when those lie on none or the run ends at one of its own periods missing.
    `grid_of` is detect_frequency's, which comes back here for three dates with gaps."""
    grid = grid_of(dates[:3].sort_values())
    if grid is None or not grid.regular or len(dates) < 3:
        return 0
    offset = pd.tseries.frequencies.to_offset(grid.alias)
    step, on = offset if dates[0] < dates[-1] else -offset, on_offset(dates, offset)
    follows = np.asarray(dates[1:] == dates[:-1] + step) & on[1:]
    rows = 1 + (len(follows) if follows.all() else int(np.argmin(follows)))
    if not on[0] or rows == len(dates):
        return rows if on[0] else 0
    # one of its own periods missing (2002Q2 among quarters) ends a run too: the rows after it are no finer rows
    last, after = dates[rows - 1], dates[rows]
    return rows if abs(after - last) < abs(last + step - last) else 0
