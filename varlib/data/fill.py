"""Missing periods and missing values: refused, or filled by a method the user chose, never silently.

    none         refuse, naming the missing periods and cells (the default)
    drop         leave out incomplete last rows (a ragged edge), then keep the rows after the last gap or
                 missing value; refused, naming the hole, when that keeps too few rows (_drop_holes)
    interpolate  put the missing periods back and fill every hole linearly between its neighbours
    ffill        put the missing periods back and carry the last value forward

What was done is a `Preparation`, stored in the version's provenance and shown on its card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from ..wording import and_list, counted
from .frequency import SHOWN, Frequency

Period = Callable[[pd.Timestamp], str]  # how a message names a period: `2001Q2` for a quarter
FILL_METHODS = ("none", "drop", "interpolate", "ffill")
MIN_ROWS = 30  # below this a VAR of two variables has little to learn from (the upload preview says so too)
# drop is refused when it keeps fewer than MIN_ROWS rows and less than this share of them: the hole
# is then so late that filling it keeps the data (a half would refuse 29 rows kept of 68, which train well)
DROP_KEEPS_AT_LEAST = 1 / 3


@dataclass(frozen=True)
class Preparation:
    """How the rows were made regular: the method, what it added or removed."""

    frequency: str | None
    method: str = "none"
    added_periods: tuple[str, ...] = ()  # periods put back (interpolate, ffill)
    filled_values: dict[str, int] = field(default_factory=dict)  # variable -> cells filled
    dropped_rows: int = 0  # rows left out by drop: those up to the last hole, and the `dropped_last`
    dropped_last: int = 0  # of those, the incomplete rows at the end (a ragged edge)
    # the cells a fill wrote (True), by date: no observations, so holdout scores leave them out; not stored
    filled: pd.DataFrame | None = field(default=None, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.added_periods or any(self.filled_values.values()) or self.dropped_rows)

    def summary(self) -> str:
        """One line for a card: `interpolate: 2 periods added, 3 values filled`."""
        if not self.changed:
            return "none needed" if self.method == "none" else f"{self.method}: nothing to fill"
        parts = []
        if self.added_periods:
            parts.append(f"{counted(len(self.added_periods), 'period')} added")
        filled = sum(self.filled_values.values())
        if filled:
            parts.append(f"{counted(filled, 'value')} filled")
        if self.dropped_rows > self.dropped_last:
            parts.append(f"{counted(self.dropped_rows - self.dropped_last, 'earlier row')} dropped")
        if self.dropped_last:
            parts.append(f"{counted(self.dropped_last, 'incomplete last row')} dropped")
        return f"{self.method}: {', '.join(parts)}"

    def to_dict(self) -> dict:
        return {
            "frequency": self.frequency,
            "method": self.method,
            "added_periods": list(self.added_periods),
            "filled_values": dict(self.filled_values),
            "dropped_rows": self.dropped_rows,
            "dropped_last": self.dropped_last,
            "summary": self.summary(),
            "filled_cells": self.filled_cells(),
        }

    def filled_cells(self) -> dict[str, list[str]]:
        """The periods of each column a fill wrote, as stored with a version: a backtest scores none of them."""
        if self.filled is None:
            return {}
        return {
            str(c): [iso_label(d) for d in self.filled.index[self.filled[c]]]
            for c in self.filled
            if self.filled[c].any()
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
        return _drop_holes(frame, frequency, source)
    full = frame
    if frequency.alias:
        full = frame.reindex(
            pd.date_range(frame.index[0], frame.index[-1], freq=frequency.alias, name=frame.index.name)
        )
    before = full.isna().sum()
    filled = full.interpolate(method="linear", limit_area="inside") if method == "interpolate" else full.ffill()
    left = filled.isna()
    if left.to_numpy().any():
        raise _out_of_reach(full, left, method, frequency.name)
    counts = {str(v): int(before[v]) for v in frame.columns}
    added = tuple(iso_label(d) for d in frequency.missing)
    return filled, Preparation(frequency.alias, method, added, counts, filled=full.isna())


def _out_of_reach(full: pd.DataFrame, left: pd.DataFrame, method: str, period: Period) -> InvalidInputError:
    """The error for the values a fill left: before a variable's first value (nothing to fill from), or,
    for interpolate, after its last (nothing to interpolate to: the newest periods, not published yet)."""
    leading = left & (full.notna().cumsum() == 0)
    if leading.to_numpy().any():
        variable = str(leading.any()[leading.any()].index[0])
        stamp = leading.index[leading[variable].to_numpy()][0]
        first = period(stamp)
        return InvalidInputError(
            f"{variable} has no value on {first} and nothing before it to {method} from; start the data later"
            " (CLI --start, the Train page's From) or use fill 'drop'",
            field=variable,
            value=iso_label(stamp),
        )
    # the rest lie after a variable's last value; the earliest is named, as ending the data before it ends them all
    starts = {str(v): left.index[left[v].to_numpy()][0] for v in left.columns if left[v].any()}
    variable = min(starts, key=lambda v: starts[v])
    first = period(starts[variable])
    return InvalidInputError(
        f"{variable} has no value on {first} and nothing after it to {method} to; end the data before {first}"
        " (CLI --end, the Train page's To) or use fill 'ffill'",
        field=variable,
        value=iso_label(starts[variable]),
    )


def _drop_holes(frame: pd.DataFrame, frequency: Frequency, source: str) -> tuple[pd.DataFrame, Preparation]:
    """The complete rows after the last hole, one consecutive stretch; or an error when they are too few.

    Incomplete rows at the end (a ragged edge: the newest periods, some variables not published yet) are left
    out on their own, so the sample ends at its last complete row as a balanced sample does, and forecasts
    start from there. Before that, a missing value or period breaks the series: only the rows after the last
    one are kept. Refused, naming the hole, when that keeps fewer than MIN_ROWS rows and
    less than DROP_KEEPS_AT_LEAST of them: a model could learn little, and filling the hole keeps the data."""
    incomplete = frame.isna().any(axis=1).to_numpy()
    complete = np.flatnonzero(~incomplete)
    end = int(complete[-1]) + 1 if len(complete) else 0  # the rows from `end` on are the ragged edge
    body = frame.iloc[:end]
    gaps = [d for d in frequency.missing if end and d < body.index[-1]]  # a gap in the edge ends no stretch
    holes = [*body.index[incomplete[:end]], *gaps]
    cut = max(holes) if holes else None
    kept = body if cut is None else body[body.index > cut]
    if len(kept) < MIN_ROWS and len(kept) < DROP_KEEPS_AT_LEAST * len(frame):
        refusal = _too_few_kept(frame, len(kept), cut, end, source, frequency.name)
        raise InvalidInputError(refusal, field="rows", value=len(kept))
    dropped = len(frame) - len(kept)
    return kept, Preparation(frequency.alias, "drop", dropped_rows=dropped, dropped_last=len(frame) - end)


def _too_few_kept(
    frame: pd.DataFrame, kept: int, cut: pd.Timestamp | None, end: int, source: str, period: Period
) -> str:
    """What drop would keep and discard, the holes that cost the rows, and what to do instead."""
    rows = len(frame)
    head = f"fill 'drop' would keep {f'only {kept}' if kept else 'none'} of the {rows} rows of {source}"
    head += f" and discard {rows - kept}: "
    edge = frame.iloc[end:]
    if cut is None:  # the ragged edge alone: a variable that stops early, or rows never complete
        lacking = [str(c) for c in frame.columns if edge[c].isna().any()]
        where = "no row has a value for every variable" if end == 0 else f"the last {len(edge)} rows are incomplete"
        # leaving them out is a choice only while two variables remain: a VAR needs two
        leave = f", leave out {and_list(lacking)}" if len(lacking) < len(frame.columns) - 1 else ""
        return (
            f"{head}{where} ({_by_variable(edge, period)}). Add those values{leave} or use fill 'ffill' to carry the"
            " last values forward (CLI --fill, dashboard: Missing periods or values)"
        )
    gone = frame.isna()[frame.index == cut]  # no row when the hole is a missing period
    lacking = [str(c) for c in frame.columns if gone[c].any()]
    hole = f"the period {period(cut)} has no row"
    if lacking:
        hole = f"{and_list(lacking)} {'has' if len(lacking) == 1 else 'have'} no value on {period(cut)}"
    also, ending = "", ""
    if len(edge):  # left out by drop anyway, and interpolate cannot fill it: said now, not on the next try
        which = "row" if len(edge) == 1 else f"{len(edge)} rows"
        also = f" (and the incomplete last {which}: {_by_variable(edge, period)})"
        ending = f" with the data ending before {period(edge.index[0])}"
    return (
        f"{head}{hole}, and drop keeps only the rows after it{also}. Fill {'them' if len(lacking) > 1 else 'it'}"
        f" instead: use fill 'interpolate'{ending} or 'ffill' (CLI --fill, dashboard: Missing periods or values)"
    )


def _by_variable(frame: pd.DataFrame, period: Period) -> str:
    """`a on 2001Q2, b on 3 dates from 2001Q1`: the missing values of `frame`, by variable."""
    parts = []
    for column in frame.columns:
        dates = frame.index[frame[column].isna().to_numpy()]
        if len(dates):
            when = f"on {len(dates)} dates from " if len(dates) > 1 else "on "
            parts.append(f"{column} {when}{period(dates[0])}")
    return ", ".join(parts)


def _refusal(frame: pd.DataFrame, frequency: Frequency, source: str) -> str:
    parts = []
    if frequency.missing:
        parts.append(f"{source} is {frequency.label} but these periods have no row: {frequency.describe_missing()}")
    holes = frame.isna()
    if holes.to_numpy().any():
        rows, columns = np.nonzero(holes.to_numpy())
        name = frequency.name
        cells = [f"{frame.columns[int(c)]} on {name(frame.index[int(r)])}" for r, c in zip(rows, columns, strict=True)]
        more = ", ..." if len(cells) > SHOWN else ""
        parts.append(f"these values are missing: {', '.join(cells[:SHOWN])}{more} ({len(cells)} in all)")
    return (
        "; ".join(parts) + ". Nothing is filled silently: add the rows or values, or choose a fill: 'drop'"
        " (keep the complete rows after the last hole), 'interpolate' or 'ffill' (CLI --fill, dashboard: Missing"
        " periods or values)"
    )
