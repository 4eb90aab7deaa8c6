"""Rows of one frequency dated two ways: each period by its last day, then by its first (or the other way round), as
when two downloads are pasted together (one source dates a quarter 2009-12-31, another 2010-01-01).

Every step is then one period, yet no single grid holds the dates, so frequency.detect_frequency would call them
irregular and ask for them to be aggregated, naming some ordinary step as the example: here they are refused where
the dating changes, with the fix (write every date one way).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from typing import Protocol

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from .grid_dates import on_offset

MIN_RUN = 3  # dates a run needs for its grid to be told


class Grid(Protocol):
    """What this module reads of a frequency.Frequency (which calls it: an import of it here would be a circle)."""

    @property
    def alias(self) -> str: ...  # pandas' (`QE-DEC`)

    @property
    def label(self) -> str: ...  # for people (`quarterly`)


def refuse_two_datings(
    index: pd.DatetimeIndex, source: str, grid_of: Callable[[pd.DatetimeIndex], Grid | None]
) -> None:
    """Refuse dates on one grid up to a row and on another grid of the same frequency from it on; nothing else.
    `grid_of`: the grid of a run of dates, or None when they lie on none (frequency's, which imports this module)."""
    if len(index) < 2 * MIN_RUN:
        return  # also ends the search: grid_of reads the runs of MIN_RUN dates below with detect_frequency, which
        # comes here for dates on no grid
    turn = _off_grid(index, grid_of(index[:MIN_RUN]))
    if turn < MIN_RUN or len(index) - turn < MIN_RUN:
        return
    # the rest on one grid before its grid is read: a rest on none would be searched again here, row by row
    if _off_grid(index[turn:], grid_of(index[turn : turn + MIN_RUN])) < len(index) - turn:
        return
    before, after = grid_of(index[:turn]), grid_of(index[turn:])
    if before is None or after is None or before.label != after.label:
        return
    if _dated_by(before.alias) == _dated_by(after.alias):
        return  # the same day of other periods (quarters from January, then from February): irregular, as said
    steps = ", then ".join(iso_label(stamp) for stamp in index[turn - 2 : turn + 1])
    was, now = f"{_dated_by(before.alias)} ({before.alias})", f"{_dated_by(after.alias)} ({after.alias})"
    raise InvalidInputError(
        f"the dates of {source} are {before.label} but dated two ways: by {was} up to {iso_label(index[turn - 1])},"
        f" then by {now} from {iso_label(index[turn])} ({steps}): a VAR needs every row on one grid; write every"
        " date the same way (all by the period's first day, or all by its last), then train",
        field="dates",
    )


def _off_grid(dates: pd.DatetimeIndex, grid: Grid | None) -> int:
    """The position of the first date off `grid` (0 without a grid, the length when every date is on it)."""
    if grid is None:
        return 0
    on = on_offset(dates, pd.tseries.frequencies.to_offset(grid.alias))
    return len(dates) if on.all() else int(np.argmin(on))


def _dated_by(alias: str) -> str:
    """How a grid dates its periods, for people: `each period's last day`, `Fridays`."""
    offset = pd.tseries.frequencies.to_offset(alias)
    weekday = getattr(offset, "weekday", None) if isinstance(offset, pd.offsets.Week) else None
    if weekday is not None:
        return f"{calendar.day_name[weekday]}s"
    kind = type(offset).__name__
    end = "last" if "End" in kind else "first" if "Begin" in kind else None
    business = " business" if "Business" in kind else ""
    return f"each period's {end}{business} day" if end else alias
