"""The rows of a CSV that are no observations: notes under the data (`Source: ...`) and dated rows without values
before or after it. Each is left out and said, as varlib.data.datasets.read_as says how the rest was read."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..wording import counted
from .timeindex import is_date


def without_notes_below(raw: pd.DataFrame, label_col: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Without the lines under the data that hold text in the label column only and no date, as statistics
    offices add them (`Source: ...`, `Note: seasonally adjusted`); said, as `read_as` says the rest."""
    others = raw.drop(columns=label_col).apply(lambda column: column.astype(str).str.strip() != "")
    filled = np.flatnonzero(others.any(axis=1).to_numpy())
    below = raw[label_col].iloc[filled[-1] + 1 if len(filled) else 0 :].astype(str).str.strip()
    notes = [cell for cell in below if cell and not is_date(cell)]
    if not notes:
        return raw, ()
    # the empty lines that set the notes apart go with them (`;;;` then `Source: ...`): below the data they
    # are no observations, and left in they would read as a row without a date
    kept = raw.drop(index=below[below.isin(notes) | (below == "")].index)
    shown = ", ".join(repr(note[:40]) for note in notes[:2]) + (" ..." if len(notes) > 2 else "")
    return kept, (f"{counted(len(notes), 'line')} of notes under the data ({shown}) left out",)


def without_dated_empty_ends(frame: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Without the rows before the first value or after the last that hold a date and nothing else (a
    spreadsheet's dates filled in ahead of the data): they are no observations, so no fill may invent them.
    Said, as `read_as` says the rest: `2 dated rows without values after the data (2020-01-01 to ...)`."""
    has = frame.notna().any(axis=1).to_numpy()
    if has.all() or not has.any():
        return frame, ()
    first, last = np.flatnonzero(has)[[0, -1]]
    notes = []
    for rows, where in ((frame.index[:first], "before"), (frame.index[last + 1 :], "after")):
        if len(rows):
            span = _day(rows[0]) if len(rows) == 1 else f"{_day(rows[0])} to {_day(rows[-1])}"
            notes.append(f"{counted(len(rows), 'dated row')} without values {where} the data ({span}) left out")
    return frame.iloc[first : last + 1], tuple(notes)


def _day(stamp) -> str:
    return stamp.date().isoformat() if isinstance(stamp, pd.Timestamp) else str(stamp)
