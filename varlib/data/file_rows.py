"""Where a row of a CSV is in its file: its data-row number (counted in the file's order from the first row of
values; blank lines and a units row under the header are not counted) and its date as the file writes it.

Messages about a cell or a date send the user to the line to mend, so they name it as the file does
(`row 3 (1985Q4)`), not as it was read: a file dated newest first is read turned around, and `1985Q4` is
read as the timestamp 1985-10-01.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..wording import and_list

SHOWN = 5  # rows named for a date; the rest counted


@dataclass(frozen=True)
class FileRows:
    """The dates of a CSV's data rows in file order: as written, and as read; `turned` when the rows were
    read in the opposite order (newest first in the file)."""

    written: tuple[str, ...]
    stamps: pd.DatetimeIndex
    turned: bool = False

    @classmethod
    def of(cls, written: Iterable[object], read_oldest_first: pd.DatetimeIndex, turned: bool) -> FileRows:
        stamps = read_oldest_first[::-1] if turned else read_oldest_first
        cells = written.tolist() if isinstance(written, pd.Series) else written  # a column's cells at once: not
        # one by one through its Arrow array, a tenth of a second at 100,000 rows
        return cls(tuple(str(cell).strip() for cell in cells), pd.DatetimeIndex(stamps), turned)

    def at(self, position: int) -> str:
        """`row 3 (1985Q4)`: the row read at `position`, before any row was left out, as the file has it."""
        row = len(self.written) - position if self.turned else position + 1
        return f"row {row} ({self.written[row - 1]})"

    def date(self, stamp: pd.Timestamp) -> str:
        """`1985Q2 (rows 2 and 3)`: a date as the file writes it, with the rows that hold it."""
        rows = [int(i) + 1 for i in np.flatnonzero(self.stamps == stamp)]
        if not rows:
            return stamp.date().isoformat()
        shown = [str(row) for row in rows[:SHOWN]] + ([f"{len(rows) - SHOWN} more"] if len(rows) > SHOWN else [])
        return f"{self.written[rows[0] - 1]} ({'row' if len(rows) == 1 else 'rows'} {and_list(shown)})"
