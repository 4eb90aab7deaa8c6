"""Missing periods and missing values: refused, or filled by a method the user chose, never silently.

    none         refuse, naming the missing periods and cells (the default)
    drop         keep only the rows after the last gap or missing value
    interpolate  put the missing periods back and fill every hole linearly between its neighbours
    ffill        put the missing periods back and carry the last value forward

What was done is a `Preparation`, stored in the version's provenance and shown on its card.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from .frequency import SHOWN, Frequency

FILL_METHODS = ("none", "drop", "interpolate", "ffill")


@dataclass(frozen=True)
class Preparation:
    """How the rows were made regular: the method, what it added or removed."""

    frequency: str | None
    method: str = "none"
    added_periods: tuple[str, ...] = ()  # periods put back (interpolate, ffill)
    filled_values: dict[str, int] = field(default_factory=dict)  # variable -> cells filled
    dropped_rows: int = 0  # rows left out before the last hole (drop)

    @property
    def changed(self) -> bool:
        return bool(self.added_periods or any(self.filled_values.values()) or self.dropped_rows)

    def summary(self) -> str:
        """One line for a card: `interpolate: 2 periods added, 3 values filled`."""
        if not self.changed:
            return "none needed" if self.method == "none" else f"{self.method}: nothing to fill"
        parts = []
        if self.added_periods:
            parts.append(f"{len(self.added_periods)} period(s) added")
        filled = sum(self.filled_values.values())
        if filled:
            parts.append(f"{filled} value(s) filled")
        if self.dropped_rows:
            parts.append(f"{self.dropped_rows} earlier row(s) dropped")
        return f"{self.method}: {', '.join(parts)}"

    def to_dict(self) -> dict:
        return {
            "frequency": self.frequency,
            "method": self.method,
            "added_periods": list(self.added_periods),
            "filled_values": dict(self.filled_values),
            "dropped_rows": self.dropped_rows,
            "summary": self.summary(),
        }


def check_fill_method(method: str) -> str:
    if method not in FILL_METHODS:
        raise InvalidInputError(f"fill {method!r} is not one of {', '.join(FILL_METHODS)}", field="fill", value=method)
    return method


def make_regular(
    frame: pd.DataFrame, frequency: Frequency, method: str, source: str
) -> tuple[pd.DataFrame, Preparation]:
    """`frame` (NaN for missing cells) on its frequency's full grid, filled by `method`; or an error
    naming the missing periods and cells and the choices when `method` is `none`."""
    check_fill_method(method)
    holes = frame.isna()
    if frequency.regular and not holes.to_numpy().any():
        return frame, Preparation(frequency.alias, method)
    if method == "none":
        raise InvalidInputError(_refusal(frame, frequency, source), field="rows")
    if method == "drop":
        return _drop_before_last_hole(frame, frequency)
    full = frame
    if frequency.alias:
        full = frame.reindex(
            pd.date_range(frame.index[0], frame.index[-1], freq=frequency.alias, name=frame.index.name)
        )
    before = full.isna().sum()
    filled = full.interpolate(method="linear", limit_area="inside") if method == "interpolate" else full.ffill()
    left = filled.isna()
    if left.to_numpy().any():
        variable = str(left.any()[left.any()].index[0])
        first = iso_label(left.index[left[variable].to_numpy()][0])
        raise InvalidInputError(
            f"{variable} has no value on {first} and nothing before it to {method} from; start the data later"
            " (a start date) or use fill 'drop'",
            field=variable,
            value=first,
        )
    counts = {str(v): int(before[v]) for v in frame.columns}
    added = tuple(iso_label(d) for d in frequency.missing)
    return filled, Preparation(frequency.alias, method, added, counts)


def _drop_before_last_hole(frame: pd.DataFrame, frequency: Frequency) -> tuple[pd.DataFrame, Preparation]:
    last_hole = frame.index[frame.isna().any(axis=1).to_numpy()].max() if frame.isna().to_numpy().any() else None
    last_gap = max(frequency.missing) if frequency.missing else None
    cut = max(d for d in (last_hole, last_gap) if d is not None)
    kept = frame[frame.index > cut]
    return kept, Preparation(frequency.alias, "drop", dropped_rows=len(frame) - len(kept))


def _refusal(frame: pd.DataFrame, frequency: Frequency, source: str) -> str:
    parts = []
    if frequency.missing:
        parts.append(f"{source} is {frequency.label} but these periods have no row: {frequency.describe_missing()}")
    holes = frame.isna()
    if holes.to_numpy().any():
        rows, columns = np.nonzero(holes.to_numpy())
        cells = [
            f"{frame.columns[int(c)]} on {iso_label(frame.index[int(r)])}" for r, c in zip(rows, columns, strict=True)
        ]
        more = ", ..." if len(cells) > SHOWN else ""
        parts.append(f"these values are missing: {', '.join(cells[:SHOWN])}{more} ({len(cells)} in all)")
    return (
        "; ".join(parts) + ". Nothing is filled silently: add the rows or values, or choose a fill: 'drop'"
        " (keep the rows after the last hole), 'interpolate' or 'ffill' (CLI --fill, dashboard: Missing data)"
    )
