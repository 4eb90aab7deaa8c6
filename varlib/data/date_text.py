"""Period labels as statistics offices and econometrics programs write them (2000Q1, Q1 2000, 2000M01), read as
the ISO date their period starts on.

pandas reads some of these labels itself, but warns that pandas 4 will stop doing so: every date the library
takes from a user goes through here first, so a start date, a lag date or a path's period reads the same way on
either version.
"""

from __future__ import annotations

import pandas as pd


def _quarter_start(year: str, quarter: str) -> str:
    return f"{year}-{3 * int(quarter) - 2:02d}-01"


_PERIOD_LABELS = (
    (r"^(\d{4})[\s:-]*[Qq]([1-4])$", lambda m: _quarter_start(m[1], m[2])),  # 2000Q1, 2000-Q1, 2000 Q1, 2000:Q1
    (r"^[Qq]([1-4])[\s/-]*(\d{4})$", lambda m: _quarter_start(m[2], m[1])),  # Q1 2000, Q1-2000
    (r"^(\d{4})[Mm](\d{2})$", lambda m: f"{m[1]}-{m[2]}"),  # 2000M01
)


def labels_as_iso(text: pd.Series) -> pd.Series:
    """Each period label in `text` (stripped strings) replaced by its period's first day; other text as it was."""
    for pattern, form in _PERIOD_LABELS:
        text = text.str.replace(pattern, form, regex=True)
    return text


def read_dates(values) -> pd.Series:
    """Dates typed or stored as text (ISO, or a period label), NaT where a value is not a date."""
    text = labels_as_iso(pd.Series(list(values), dtype=object).astype(str).str.strip())
    return pd.to_datetime(text, errors="coerce", format="mixed")


def read_date(value: str) -> pd.Timestamp:
    """One date typed as text (ISO, or a period label); NaT when it is not a date."""
    return read_dates([value]).iloc[0]
