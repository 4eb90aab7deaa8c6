"""Periods listed ahead of a date: the labels of forecast periods (`future_dates`), consecutive periods from a
given one (`periods_from`), and the year-9999 limit both keep (`check_room_to_forecast` at training)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from ..whole_numbers import whole_number
from ..wording import counted
from .periods import offset_of, on_its_grid

MAX_PERIODS = 10**7  # more than any grid has before the year 9999 (daily from year 1: 3.65 million)
LAST_DAY = pd.Timestamp("9999-12-31 23:59:59")  # the last a date can have (Python's and ISO 8601's four-digit year)


def periods_from(first: str, frequency: str | None, count: int) -> list[str]:
    """`count` consecutive periods of `frequency` from the ISO date `first`, as ISO labels; refused when `first`
    is not one of its periods (a day, at midnight), there is no frequency to count in, or they pass the year 9999."""
    offset, start = offset_of(frequency), pd.to_datetime(first, errors="coerce", format="ISO8601")
    count = whole_number(count, 0, MAX_PERIODS, "periods", "count")
    if offset is None:
        raise InvalidInputError(
            f"{first!r} cannot start periods: the dates have no frequency", field="date", value=first
        )
    if pd.isna(start) or start != start.normalize() or not on_its_grid(start, offset):
        raise InvalidInputError(f"{first!r} is not a period of frequency {frequency}", field="date", value=first)
    try:
        dates = pd.date_range(start, periods=count, freq=offset)
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        dates = pd.DatetimeIndex([LAST_DAY + pd.Timedelta(days=1)])  # past any date a label can name
    if len(dates) and dates[-1] > LAST_DAY:
        raise InvalidInputError(f"{count} periods from {first!r} run past the year 9999", field="date", value=first)
    return [iso_label(d) for d in dates]


def future_dates(last: pd.Timestamp, frequency: str | None, steps: int) -> list[str]:
    """ISO labels for the forecast rows; `+1`, `+2`, ... when the frequency is unknown."""
    last = pd.Timestamp(last)
    # The zone is part of the key: equal instants in two zones hash alike but label differently.
    return list(_future_labels(last, str(last.tz), frequency, steps))


@lru_cache(maxsize=1024)  # pure in its arguments; a date_range is a large part of a cached forecast
def _future_labels(last: pd.Timestamp, zone: str, frequency: str | None, steps: int) -> tuple[str, ...]:
    return tuple(_future_dates(last, frequency, steps))


def _future_dates(last: pd.Timestamp, frequency: str | None, steps: int) -> list[str]:
    offset = offset_of(frequency)
    if offset is None:
        return [f"+{h}" for h in range(1, steps + 1)]
    try:
        dates = pd.date_range(last + offset, periods=steps, freq=offset)
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        dates = None
    if dates is None or dates[-1] > LAST_DAY:
        raise InvalidInputError(
            f"a forecast of {counted(steps, 'step')} from {iso_label(last)} would run past the year 9999, the"
            " last a date can have; forecast fewer steps, or check the dates of the data or the lag inputs",
            field="steps",
            value=steps,
        )
    return [iso_label(d) for d in dates]


def check_room_to_forecast(last: pd.Timestamp, frequency: str | None, steps: int, source: str) -> None:
    """Refuse data whose last date leaves no room for `steps` periods before the end of the year 9999: the
    product could not name the periods it forecasts (such dates are a typo, or a placeholder like 9999-12-31).
    One step of `steps` periods, not the labels of all of them: this runs on every training."""
    offset = offset_of(frequency)
    try:
        room = offset is None or pd.Timestamp(last) + offset * steps <= LAST_DAY
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        room = False
    if not room:
        raise InvalidInputError(
            f"the dates of {source} run to {iso_label(last)}: a forecast of up to {steps} periods from there"
            " would run past the year 9999; check the date column",
            field="dates",
            value=iso_label(last),
        )
