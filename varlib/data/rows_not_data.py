"""The rows of a CSV that are no observations: notes under the data (`Source: ...`) and dated rows without values
before or after it, each left out and said, as varlib.data.datasets.read_as says how the rest was read; and the
header repeated among the rows (files pasted together), refused by row."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list, counted
from .cell_text import by_cell, each_cell, stacked, stripped
from .number_marks import ANY_NUMBER
from .timeindex import is_date

NOTE_LINES = 20  # notes under a table are a few lines: more lines of words are not notes, and cost a check each
SHOWN = 40  # characters of a note said
_VALUE = re.compile(r"\S*\d\S*")  # one token with a digit: a value or a date, maybe mistyped


def without_notes_below(raw: pd.DataFrame, label_col: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Without the lines under the data that hold text and no date, as statistics offices add them (`Source:
    ...`, `Note: seasonally adjusted`); said, as `read_as` says the rest. A note is text in the label column
    only, or words across several cells (`Source: BEA, billions of chained 2005 dollars` with its comma
    unquoted) with no date and no value in any (`words_only`): a row holding one (`2009Q4,12x5,...` or
    `Total,,1234`) is data, refused by name after this, and a note must come after the last data row."""
    cells = stripped(raw.astype(str))
    filled = np.flatnonzero(each_cell(cells.drop(columns=label_col), lambda text: text.ne("")).any(axis=1).to_numpy())
    # the rows with other cells filled that are notes: the last ones, as long as each holds words only
    worded = 0
    while worded < min(len(filled) - 1, NOTE_LINES + 1) and words_only(list(cells.iloc[filled[-1 - worded]])):
        worded += 1
    worded = worded if worded <= NOTE_LINES else 0  # more lines of words are a table's rows: refused by name
    last = filled[-1 - worded] if len(filled) else -1  # the last data row (the whole file is never a note)
    below = cells.iloc[last + 1 :]
    notes = {
        row: ", ".join(cell for cell in line if cell)
        for row, line in zip(below.index, below.itertuples(index=False), strict=True)
        if any(line) and not is_date(below.at[row, label_col])
    }
    if not notes:
        return raw, ()
    # the empty lines that set the notes apart go with them (`;;;` then `Source: ...`): below the data they
    # are no observations, and left in they would read as a row without a date
    kept = raw.drop(index=[row for row in below.index if row in notes or not any(below.loc[row])])
    said = list(notes.values())
    shown = ", ".join(repr(_shortened(note)) for note in said[:2]) + (" ..." if len(said) > 2 else "")
    return kept, (f"{counted(len(said), 'line')} of notes under the data ({shown}) left out",)


def words_only(cells: list[str]) -> bool:
    """Whether the cells of a line hold text and no date or value: a note written across cells. A cell with a
    digit and no space reads as a value or a date with a typo (`12x5`, `2009Q4`), not as words
    (`chained 2005 dollars`)."""
    written = [cell.strip() for cell in cells if cell.strip()]
    if not written or any(ANY_NUMBER.fullmatch(cell) or _VALUE.fullmatch(cell) for cell in written):
        return False
    return not any(is_date(cell) for cell in written)  # last: the slowest check, for the few lines left


def _shortened(note: str) -> str:
    """A note cut to SHOWN characters at a word's end, with an ellipsis; whole when it is short."""
    if len(note) <= SHOWN:
        return note
    cut = note[: SHOWN + 1].rsplit(" ", 1)[0] if " " in note[:SHOWN] else note[:SHOWN]
    return cut.rstrip(" ,;:-") + "…"


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


def refuse_repeated_header(table: pd.DataFrame, label: str) -> None:
    """Refuse a file whose header line comes again among the rows (two files pasted together, a spreadsheet's
    header repeated per page), naming the rows: read as data, its names are a date that does not read and
    text in every column of numbers, which would be said once per column, not as the one line to delete."""
    names = [("" if re.fullmatch(r"Unnamed: \d+", str(c)) else str(c).strip()) for c in table.columns]
    if not any(names):
        return
    # ignoring case: files pasted together may name the same columns `date,gdp` in one and `Date,GDP` in another
    header = np.repeat(np.array([name.casefold() for name in names], dtype=object), len(table))
    rows = np.flatnonzero(by_cell(stacked(table).str.strip().str.casefold() == header, table).all(axis=1))
    if not len(rows):
        return
    one = len(rows) == 1
    shown = and_list([str(row + 1) for row in rows[:5]] + ([f"{len(rows) - 5} more"] if len(rows) > 5 else []))
    raise InvalidInputError(
        f"CSV {label!r}: {'row' if one else 'rows'} {shown} {'repeats' if one else 'repeat'} the header"
        f" ({', '.join(name for name in names if name)}); delete {'that line' if one else 'those lines'}",
        value=label,
    )
