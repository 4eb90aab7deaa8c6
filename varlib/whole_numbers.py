"""Whole numbers in a range: the one check behind every count a caller gives (lag orders, steps, origins,
horizons, test lags, a cointegration rank), so each refuses a value with the same words and takes the same ones.

True and False are refused (Python counts them as 1 and 0, but no one means a lag order of True); numpy
integers (a value read from an array or a DataFrame) are taken and returned as plain ints, which statsmodels
and JSON expect.
"""

from __future__ import annotations

import numpy as np

from .errors import InvalidInputError


def whole_number(
    value: object,
    low: int,
    high: int,
    named: str,
    field: str | None = None,
    *,
    words: str | None = None,
    after: str = "",
) -> int:
    """`value` as an int from `low` to `high`, or InvalidInputError saying "{named} {value} must be {words}{after}"
    (`words` by default: "a whole number from {low} to {high}"; `after`: the reason or a suggestion)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        shown = int(value) if isinstance(value, np.integer) else value  # np.int64(0) shown as the 0 it is
        range_words = words or f"a whole number from {low} to {high}"
        raise InvalidInputError(f"{named} {shown!r} must be {range_words}{after}", field=field, value=shown)
    return int(value)
