"""The rows of a dataset between a start and an end date (CLI --start/--end, the Train page's From and To)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from .date_text import read_date
from .frequency import detect_frequency, period_labels


def slice_dates(frame: pd.DataFrame, start: str | None, end: str | None, source: str = "the data") -> pd.DataFrame:
    """Keep rows between start and end (inclusive); either may be None. Refused, with the data's span, when
    start lies after end or no row lies between them."""
    if not start and not end:
        return frame
    bounds = {}
    for label, value in (("start", start), ("end", end)):
        if value:
            bounds[label] = read_date(value)
            if pd.isna(bounds[label]):
                raise InvalidInputError(f"{label} date {value!r} is not a date (use YYYY-MM-DD or 1970Q1)")
    if "start" in bounds and "end" in bounds and bounds["start"] > bounds["end"]:
        raise InvalidInputError(f"start {start} lies after end {end}: give the earlier date as start", field="start")
    mask = np.ones(len(frame), dtype=bool)
    if "start" in bounds:
        mask &= frame.index >= bounds["start"]
    if "end" in bounds:
        mask &= frame.index <= bounds["end"]
    if len(frame) and not mask.any():
        dates = pd.DatetimeIndex(frame.index.unique()).sort_values()
        asked = f"between {start} and {end}" if start and end else f"from {start} on" if start else f"up to {end}"
        # the bound to change: one past the data's end (a start) or before its beginning (an end)
        field = "start" if "start" in bounds and bounds["start"] > dates[-1] else "end" if "end" in bounds else "start"
        inside = "start" in bounds and "end" in bounds and bounds["start"] >= dates[0] and bounds["end"] <= dates[-1]
        fix = "widen the window to hold a row" if inside else "give a start and an end within that"
        raise InvalidInputError(
            f"no row of {source} lies {asked}: its data run from {_span(dates)}; {fix}",
            field=field,
            value=start if field == "start" else end,
        )
    return frame[mask]


def _span(index: pd.DatetimeIndex) -> str:
    """`1959Q1 to 2009Q3`: the first and last dates, named as periods of their frequency when they have one."""
    dates = pd.DatetimeIndex(index)  # unique and sorted
    try:
        alias: str | None = detect_frequency(dates).alias
    except InvalidInputError:
        alias = None
    first, last = period_labels([dates[0], dates[-1]], alias)
    return f"{first} to {last}"
