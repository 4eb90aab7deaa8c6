"""The lag-input table: what the editor shows, and turning an edited table or a CSV into inputs.

Each check names the row (by date) and the variable, so a person can fix the cell; the
forecast is only computed from inputs that passed.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from varlib.errors import InvalidInputError

DATE = "date"


def editor_frame(lags: pd.DataFrame) -> pd.DataFrame:
    """The editor's table: a read-only date column (ISO text) and one numeric column per variable."""
    frame = lags.copy()
    dated = isinstance(frame.index, pd.DatetimeIndex)
    frame.insert(0, DATE, [_label(d) if dated else f"row {i + 1}" for i, d in enumerate(frame.index)])
    return frame.reset_index(drop=True)


def parse_table(table: pd.DataFrame, variables: list[str], needed: int, transform: str) -> pd.DataFrame:
    """The lag inputs as a float frame (DatetimeIndex when the dates parse), or InvalidInputError."""
    if len(table) != needed:
        raise InvalidInputError(
            f"the model needs exactly {needed} rows of lag inputs (the last observations, oldest first);"
            f" got {len(table)}"
        )
    missing = [v for v in variables if v not in table.columns]
    if missing:
        raise InvalidInputError(f"lag inputs lack the column(s) {', '.join(missing)}; they need {', '.join(variables)}")
    labels = [str(x) for x in table[DATE]] if DATE in table.columns else [f"row {i + 1}" for i in range(len(table))]
    values = {}
    for variable in variables:
        raw = table[variable]
        numbers = pd.to_numeric(raw, errors="coerce").astype(float).to_numpy()
        for i, number in enumerate(numbers):
            cell = raw.iloc[i]
            if cell is None or (isinstance(cell, float) and np.isnan(cell)) or str(cell).strip() == "":
                raise InvalidInputError(f"lag input {variable} on {labels[i]} is empty; enter a number")
            if np.isnan(number):
                raise InvalidInputError(f"lag input {variable} on {labels[i]} is {cell!r}, not a number")
            if not np.isfinite(number):
                raise InvalidInputError(f"lag input {variable} on {labels[i]} is {cell!r}; use a finite number")
            if transform == "logdiff" and number <= 0:
                raise InvalidInputError(
                    f"lag input {variable} on {labels[i]} is {number:g}; this model works on logs and needs"
                    " positive values"
                )
        values[variable] = numbers
    frame = pd.DataFrame(values)
    dates = pd.to_datetime(pd.Series(labels), errors="coerce", format="mixed")
    if not dates.isna().any() and dates.is_monotonic_increasing and dates.is_unique:
        frame.index = pd.DatetimeIndex(dates, name=DATE)
    return frame


def read_csv(data: bytes, file_name: str, variables: list[str], needed: int) -> pd.DataFrame:
    """An uploaded lag-input CSV as an editor table: an optional date column, one column per variable."""
    try:
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInputError(f"CSV {file_name!r} cannot be read: {str(exc).splitlines()[0]}") from None
    missing = [v for v in variables if v not in raw.columns]
    if missing:
        raise InvalidInputError(
            f"CSV {file_name!r} lacks the column(s) {', '.join(missing)}; it needs a header with"
            f" {', '.join(variables)} (and optionally {DATE}), one row per observation, oldest first"
        )
    if len(raw) != needed:
        raise InvalidInputError(f"CSV {file_name!r} has {len(raw)} data rows; this model needs exactly {needed}")
    table = pd.DataFrame({v: raw[v] for v in variables})
    date_col = next((c for c in raw.columns if str(c).strip().lower() in (DATE, "time", "period")), None)
    table.insert(0, DATE, raw[date_col] if date_col else [f"row {i + 1}" for i in range(len(raw))])
    return table


def _label(stamp) -> str:
    stamp = pd.Timestamp(stamp)
    return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat()
