"""Which column of a CSV holds the dates: the one list of names the product recognises."""

from __future__ import annotations

from collections.abc import Iterable

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
