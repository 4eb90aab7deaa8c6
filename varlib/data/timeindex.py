"""The time axis: parsing date columns, the frequency of a series and the labels of forecast periods."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError


def parse_dates(values: pd.Index, column: str, source: str) -> pd.DatetimeIndex:
    """Parse a date column strictly, naming the first value that is not a date."""
    parsed = pd.to_datetime(pd.Series(values, dtype=str), errors="coerce", format="mixed")
    bad = parsed.isna()
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        raise InvalidInputError(
            f"date column {column!r} of {source!r}, row {position + 1}: {values[position]!r} is not a date",
            field=column,
            value=values[position],
        )
    return pd.DatetimeIndex(parsed)


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
    if frequency:
        try:
            offset = pd.tseries.frequencies.to_offset(frequency)
            return [iso_label(d) for d in pd.date_range(last + offset, periods=steps, freq=offset)]
        except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
            pass
    return [f"+{h}" for h in range(1, steps + 1)]
