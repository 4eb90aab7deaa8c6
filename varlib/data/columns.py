"""Which column of a CSV holds the dates (the one list of names the product recognises), and which
columns hold nothing to forecast (a constant, a saved row index)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

# with the names spreadsheets in other languages give it (German and Dutch, Spanish and Italian, French)
DATE_COLUMN_NAMES = ("date", "time", "period", "ds", "timestamp", "datum", "fecha", "periodo", "période")


def is_date_column_name(name: object) -> bool:
    """True for a header such as `date`, `Date` or `PERIOD` (case and surrounding spaces ignored)."""
    return str(name).strip().lower() in DATE_COLUMN_NAMES


def find_date_column(columns: Iterable[object]) -> str | None:
    """The first column named like a date, or None."""
    return next((str(c) for c in columns if is_date_column_name(c)), None)


def guess_date_column(columns: Iterable[object]) -> str | None:
    """A column named like a date, else the first column (None when there are no columns)."""
    names = [str(c) for c in columns]
    return find_date_column(names) or (names[0] if names else None)


def is_straight_line(values) -> bool:
    """Constant, or the same step every row (a row index a spreadsheet saved, a time trend): nothing random
    to test or forecast. Empty cells or fewer than three values: False (other checks name those)."""
    numbers = np.asarray(values, dtype=float)
    if numbers.size < 3 or not np.isfinite(numbers).all():
        return False
    return bool(np.ptp(np.diff(numbers)) <= 1e-12 * max(1.0, float(np.max(np.abs(numbers)))))


def is_percent_column(cells) -> bool:
    """Every filled cell a number followed by `%` (`6.64%`, as spreadsheets export a percentage format)."""
    text = [str(cell).strip() for cell in cells if str(cell).strip() not in ("", "nan", "None")]
    return bool(text) and all(t.endswith("%") and _is_number(t[:-1]) for t in text)


PERCENT_HINT = "remove the % signs to use it (write 6.64 for 6.64%: the model then works in percent)"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
