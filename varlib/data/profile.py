"""A look at a CSV before training: its columns, frequency and problems, for the upload preview.

Nothing here refuses anything: every problem a training run would stop at (or warn about) is
listed in words, so a person can fix the file or choose a fill before pressing Train. Columns that are
simply no variable (a text column such as a country code, an empty one, a saved row index) are notes,
not problems: a file that holds one trains as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..degrees_of_freedom import rows_needed
from ..errors import InvalidInputError
from ..wording import counted, plural_of
from .cell_text import as_table, by_cell, stacked
from .columns import (
    CALENDAR_NOTE,
    CONSTANT_NOTE,
    COUNTING_NOTE,
    DUMMY_NOTE,
    HEADERLESS,
    column_label,
    guess_date_column,
    headerless_problem,
    holds_dates,
    is_date_column_name,
    is_dummy,
    is_percent_column,
    is_straight_line,
    other_date_column,
    percent_hint,
    repeat_period,
)
from .datasets import (
    by_date,
    check_dates,
    one_column,
    read_as,
    read_csv,
    without_dated_empty_ends,
    without_notes_below,
)
from .file_layout import layout_refusal
from .file_rows import FileRows
from .fill import MIN_ROWS  # said here, not refused
from .frequency import Frequency, detect_frequency

SHOWN_TEXT = 5  # text columns named with an example cell; a wide file's others are counted
TYPO_SHARE = 0.9  # a column whose filled cells are at least this share numbers is numbers with typos, not text


@dataclass(frozen=True)
class DataProfile:
    """What a CSV holds, for people deciding what to train on."""

    name: str
    rows: int
    date_column: str | None
    numeric: tuple[str, ...]  # columns whose filled cells are all numbers: the selectable variables
    text: tuple[str, ...]  # columns with text: never offered as variables
    frequency: Frequency | None
    first: str | None
    last: str | None
    missing_values: dict[str, int] = field(default_factory=dict)
    constant: tuple[str, ...] = ()
    non_positive: tuple[str, ...] = ()  # cannot take `logdiff`
    problems: tuple[str, ...] = ()  # what stops training, or changes what it uses, until fixed or chosen
    notes: tuple[str, ...] = ()  # columns that are no variable and need nothing done: said, not warned of
    read_as: tuple[str, ...] = ()  # how the file was read where it is not a plain CSV, e.g. "decimal commas"
    calendar: tuple[str, ...] = ()  # a year or quarter number repeating its pattern: the calendar, not data
    flat: tuple[str, ...] = ()  # the same value every row (among `constant`, which counting columns join)
    dummies: tuple[str, ...] = ()  # only 0 and 1 beside two variables or more: exogenous at most, as the CLI reads it

    @property
    def usable(self) -> tuple[str, ...]:
        """The numeric columns a VAR can use: neither constant, counting, the calendar nor a dummy (as the CLI reads
        it)."""
        return tuple(c for c in self.numeric if c not in (*self.constant, *self.calendar, *self.dummies))

    @property
    def exogenous_usable(self) -> tuple[str, ...]:
        """The numeric columns a VARX can take as given: a counting one is an exogenous trend and the calendar
        seasonal terms, but a flat one is the VAR's own constant, which training refuses."""
        return tuple(c for c in self.numeric if c not in self.flat)

    @staticmethod
    def label(column: str) -> str:
        """A column as people see it: one without a header by its position (`#1 (no header)`), as loading names it."""
        return column_label(column)

    @property
    def needs_fill(self) -> bool:
        return bool((self.frequency and self.frequency.missing) or any(self.missing_values.values()))


def profile_csv(
    source: str | Path | bytes, name: str | None = None, date_col: str | None = None
) -> tuple[DataProfile, pd.DataFrame]:
    """The profile of a CSV and its numeric columns as floats (NaN where empty), indexed by date when the
    date column parses."""
    raw, name, _ = read_csv(source, name, keep_headerless=True)  # training refuses a column without a header
    headerless = raw.attrs.get(HEADERLESS, {})
    raw = raw.drop(columns=list(headerless))  # so it is never offered as a variable under pandas' `Unnamed: 1`
    if date_col is None:  # as training reads it (datasets.load_csv), or the column that holds the dates
        date_col = guess_date_column(raw.columns, raw)
        if date_col is not None and not is_date_column_name(date_col) and not holds_dates(raw[date_col]):
            date_col = other_date_column(raw, date_col) or date_col  # training names it; the preview starts there
    below: tuple[str, ...] = ()  # notes written under the data, said in read_as
    if date_col is not None and date_col in raw.columns:
        raw, below = without_notes_below(raw, date_col)
    problems: list[str] = []
    texts = stacked(raw).str.strip()  # every cell at once (cell_text), not column by column
    written = pd.DataFrame(by_cell(texts != "", raw), index=raw.index, columns=raw.columns)
    filled = {c: written[c] for c in raw.columns}
    values = as_table(texts.mask(texts == ""), raw)
    numbers = {str(c): pd.to_numeric(values[c], errors="coerce") for c in raw.columns}
    empty = tuple(c for c in numbers if c != date_col and not filled[c].any())
    numeric = tuple(
        c for c in numbers if c != date_col and c not in empty and bool((numbers[c].notna() == filled[c]).all())
    )
    text = tuple(c for c in numbers if c != date_col and c not in numeric and c not in empty)
    frame = pd.DataFrame({c: numbers[c].astype(float) for c in numeric})
    frequency, first, last, order, turned = None, None, None, None, False
    trimmed: tuple[str, ...] = ()
    if date_col is not None and date_col in raw.columns:
        try:
            try:  # long form, transposed, dates elsewhere or in two columns: said as training says it
                frame, order, turned = by_date(frame, raw[date_col], date_col, name)
            except InvalidInputError as exc:
                raise layout_refusal(raw, date_col, name, exc) or exc from None
            if frame.index.has_duplicates and (better := layout_refusal(raw, date_col, name, None)) is not None:
                raise better
            rows = FileRows.of(raw[date_col], pd.DatetimeIndex(frame.index), turned)
            frame, trimmed = without_dated_empty_ends(frame)
            index = pd.DatetimeIndex(frame.index)
            if not len(index):  # no column of numbers kept a row: there is nothing to date
                raise InvalidInputError(_no_numbers(raw, name))
            check_dates(index, name, rows)
            frequency = detect_frequency(index, repr(name))
            first, last = iso_label(index[0]), iso_label(index[-1])
        except InvalidInputError as exc:
            problems.append(str(exc))
    if headerless:
        problems.append(f"{headerless_problem(headerless)}; training refuses the file until then")
    # a column of numbers but for a few cells (a typo such as `12x5`) is said as such, with the cells' dates:
    # calling it a text column hid that one cell keeps a variable out
    typos = tuple(c for c in text if numbers[c].notna().sum() >= TYPO_SHARE * filled[c].sum())
    dates = raw.get(date_col)  # the date column's text: a cell named with its row is named with its date too
    for c in typos:
        cells, count = _typo_cells(raw[c], numbers[c], dates)
        problems.append(
            f"column {c} holds numbers but for {cells}: fix {'that cell' if count == 1 else 'those cells'} to offer"
            " the column as a variable (text columns never are)"
        )
    notes: list[str] = []
    text_only = tuple(c for c in text if c not in typos)
    percent = tuple(c for c in text_only if is_percent_column(raw[c]))  # meant as numbers: a problem, with the fix
    if percent:
        holds = f"{', '.join(percent)} {'holds' if len(percent) == 1 else 'hold'} percentages"
        problems.append(f"{_text_columns(percent, raw, numbers, dates)}; {holds}: {percent_hint(raw[percent[0]])}")
    plain = tuple(c for c in text_only if c not in percent)
    if plain:
        notes.append(_text_columns(plain, raw, numbers, dates))
    if empty:
        notes.append(
            f"empty {plural_of(len(empty), 'column')} {', '.join(empty)}: no values, so"
            f" {'it cannot be a variable' if len(empty) == 1 else 'they cannot be variables'}"
        )
    if frequency is not None and frequency.missing:
        problems.append(f"{frequency.label} dates with missing periods: {frequency.describe_missing()}")
    missing = {c: int(frame[c].isna().sum()) for c in numeric if frame[c].isna().any()}
    if missing:  # with their dates, so the cell can be found in the file (training names them so too)
        period = frequency.name if frequency is not None else iso_label
        problems.append("empty cells: " + ", ".join(f"{c} ({_empty_cells(frame[c], period)})" for c in missing))
    flat = tuple(c for c in numeric if frame[c].nunique(dropna=True) <= 1)
    constant = tuple(c for c in numeric if c in flat or is_straight_line(frame[c]))
    # each named as what it is: one value every row, or the same step (the words loading leaves them out with)
    for group, why in ((flat, CONSTANT_NOTE), (tuple(c for c in constant if c not in flat), COUNTING_NOTE)):
        if group:
            notes.append(f"{plural_of(len(group), 'column')} {', '.join(map(column_label, group))} {why}")
    calendar = tuple(c for c in numeric if c not in constant and repeat_period(frame[c]))
    if calendar:
        named = f"{plural_of(len(calendar), 'column')} {', '.join(map(column_label, calendar))}"
        notes.append(f"{named}: {CALENDAR_NOTE}, so a VAR cannot use {'it' if len(calendar) == 1 else 'them'}")
    others = [c for c in numeric if c not in constant + calendar]
    dummies = tuple(c for c in others if is_dummy(frame[c]))
    if dummies and len(others) - len(dummies) >= 2:  # as columns.default_variables leaves them out
        notes.append(f"{plural_of(len(dummies), 'column')} {', '.join(map(column_label, dummies))}: {DUMMY_NOTE}")
    else:
        dummies = ()
    non_positive = tuple(c for c in numeric if bool((frame[c] <= 0).any()))
    needed = rows_needed(2, 1, "c")  # the fewest a VAR(1) of two variables fits on: what training says of fewer
    # the rows kept: dated rows without values are left out (and said in read_as); without a column of numbers
    # there are none to count, and `add rows` would mislead (the file's cells to fix are said above)
    if numeric and len(frame) < needed:
        problems.append(
            f"only {counted(len(frame), 'row')}: even a VAR(1) of two variables needs at least {needed} usable rows"
            " (more with more variables and a holdout); add rows"
        )
    elif numeric and len(frame) < MIN_ROWS:
        problems.append(f"only {len(frame)} rows: a VAR needs several times its coefficients; expect a small lag order")
    profile = DataProfile(
        name,
        len(frame),
        date_col if date_col in raw.columns else None,
        numeric,
        text,
        frequency,
        first,
        last,
        missing,
        constant,
        non_positive,
        tuple(problems),
        tuple(notes),
        read_as(raw, order, turned) + below + trimmed,
        calendar,
        flat,
        dummies,
    )
    return profile, frame


def _empty_cells(values: pd.Series, period: Callable[[pd.Timestamp], str], shown: int = 3) -> str:
    """`2: 2000Q1, 2000Q2`: how many of a column's values are missing, and the `period` names of the first few
    (the rows, counted from 1, when the file has no dates)."""
    where = np.flatnonzero(values.isna().to_numpy())
    dated = isinstance(values.index, pd.DatetimeIndex)
    named = [period(values.index[i]) if dated else f"row {i + 1}" for i in where[:shown]]
    return f"{len(where)}: {_first_few(named, len(where))}"


def _text_columns(
    columns: tuple[str, ...], raw: pd.DataFrame, numbers: dict[str, pd.Series], dates: pd.Series | None
) -> str:
    """`text column region ('north' in row 1 (2000-01-01)) is not numeric and cannot be a variable`, the first
    SHOWN_TEXT named with an example cell and its date (`dates`: the date column's text, if any), the rest counted."""
    examples = [f"{c} ({_first_text(raw[c], numbers[c], dates)})" for c in columns[:SHOWN_TEXT]]
    one = len(columns) == 1
    return (
        f"text {plural_of(len(columns), 'column')} {_first_few(examples, len(columns))}"
        f" {'is not numeric and cannot be a variable' if one else 'are not numbers and cannot be variables'}"
    )


def _first_few(named: list[str], total: int) -> str:
    """`a, b, c and 2 more`: the items named, then a count of the `total` left unnamed."""
    return ", ".join(named) + (f" and {total - len(named)} more" if total > len(named) else "")


def _not_numbers(cells: pd.Series, numbers: pd.Series) -> list[int]:
    """The positions of a column's filled cells that are not numbers (`numbers`: the cells read as numbers)."""
    return [int(i) for i in np.flatnonzero(((cells.str.strip() != "") & numbers.isna()).to_numpy())]


def _typo_cells(cells: pd.Series, numbers: pd.Series, dates: pd.Series | None) -> tuple[str, int]:
    """The cells of a column of numbers that are not numbers, with their rows and dates (`'12x5' in row 41
    (2010-01-01)`; the first three and a count of the rest), and how many there are."""
    bad = _not_numbers(cells, numbers)
    return _first_few([_cell_at(cells, i, dates) for i in bad[:3]], len(bad)), len(bad)


def _first_text(cells: pd.Series, numbers: pd.Series, dates: pd.Series | None) -> str:
    """The first cell of a column that is not a number, named as a typo cell is: `'3.5%' in row 2 (1974Q2)`."""
    return _cell_at(cells, _not_numbers(cells, numbers)[0], dates)


def _cell_at(cells: pd.Series, position: int, dates: pd.Series | None) -> str:
    """The cell at `position` as typed, with its row and, given the date column's text, its date: `'12x5' in row
    41 (2010-01-01)`."""
    dated = f" ({dates.iloc[position].strip()})" if dates is not None else ""
    return f"{cells.iloc[position]!r} in row {position + 1}{dated}"


def _no_numbers(raw: pd.DataFrame, name: str) -> str:
    """Why a file has no column of numbers: one column whose header holds the others (another separator), or none."""
    if len(raw.columns) == 1:
        return one_column(raw, name)
    return f"{name!r} has no column of numbers besides its dates: a VAR needs two or more"
