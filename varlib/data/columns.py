"""Which column of a CSV holds the dates (the one list of names the product recognises), what to say when
that column holds none, which columns hold nothing to forecast (a constant, a saved row index), and which hold
values under no header."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ..wording import and_list, plural_of
from .cell_text import each_cell, stripped
from .frequency import detect_frequency
from .number_forms import written_number
from .periods import oldest_first
from .timeindex import is_date, parse_dates, read_dates

LeftOut = tuple[tuple[str, ...], str]  # columns a default choice of variables left out, and why

# with the names spreadsheets in other languages give it (German and Dutch, Spanish and Italian, French);
# `dates`, and `observation_date` as FRED's CSV downloads head theirs, always hold whole dates
DATE_COLUMN_NAMES = (
    "date",
    "dates",
    "time",
    "period",
    "ds",
    "timestamp",
    "observation_date",
    "datum",
    "fecha",
    "periodo",
    "période",
)
# A year on its own is a date (annual data, `realgdp,realcons,year`), so a training CSV's date column may be
# one of these when none is named like a date: after the names above, before the first column. They stay out
# of DATE_COLUMN_NAMES, which lag inputs and scenario paths read too, where a `year` beside a `quarter` is no
# date column. Left out on purpose: `quarter` and `month` (most often 1..4 and 1..12 beside a `year`, no date
# on their own: see `separate_periods`) and `obs` (gretl and EViews write it first, where the first-column
# guess takes it anyway, and in undated files it counts rows 1, 2, ...).
YEAR_COLUMN_NAMES = ("year", "jahr", "jaar", "año", "anno", "année")
_PART_NAMES = (  # a column with the rest of the date, numbered within the year: how to write both as one
    (("quarter", "qtr", "quartal", "trimestre", "kwartaal"), 4, "{year}Q1"),
    (("month", "monat", "maand", "mes", "mese", "mois"), 12, "{year}-01"),
)
HEADERLESS = "headerless"  # the table's attrs entry: the columns with values but no header a preview keeps
DATE_COLUMN_HINT = "name it with --date-col {column} (dashboard: the Date column select)"


def is_date_column_name(name: object) -> bool:
    """True for a header such as `date`, `Date` or `PERIOD` (case and surrounding spaces ignored)."""
    return str(name).strip().lower() in DATE_COLUMN_NAMES


def find_date_column(columns: Iterable[object]) -> str | None:
    """The first column named like a date, or None."""
    return next((str(c) for c in columns if is_date_column_name(c)), None)


def dated_first_column(table: pd.DataFrame, variables: Collection[str], source: str) -> str | None:
    """A first column that is not a variable and mostly holds dates (`obs`, `quarter` of `1972Q2`s, FRED's
    `observation_date`, pandas' `to_csv()` index under an empty header): the date column of a file whose dates
    are not named so, read the same way by lag inputs and paths (`source` names the file in the reading). Its
    labels are then read strictly, so a mistyped date is named. No cell of dates has a sign: `-1.2` reads as a
    date of the year -1, and a column of such numbers is a variable's, mistyped."""
    first = str(table.columns[0]) if len(table.columns) else None
    if first is None or first in variables or not len(table):
        return None
    cells = pd.Index([str(cell).strip() for cell in table[first]])
    if any(cell[:1] in ("-", "+", "\u2212") for cell in cells):
        return None
    try:  # one read of the column: cell by cell takes seconds for thousands of rows
        parse_dates(cells, first, source)
        return first
    except InvalidInputError:
        readable = sum(map(is_date, cells))  # some cell is no date: are most of them dates?
    return first if 2 * readable >= len(cells) else None


def guess_date_column(columns: Iterable[object], table: pd.DataFrame | None = None) -> str | None:
    """A column named like a date, else one named like a year (`YEAR_COLUMN_NAMES`), else the first column
    (None when there are no columns). Given the `table`, a first column that holds dates (`when`, unnamed) wins
    over a `year` beside it, as it did before years were recognised."""
    names = [str(c) for c in columns]
    year = next((c for c in names if c.strip().lower() in YEAR_COLUMN_NAMES), None)
    if year is not None and table is not None and names and names[0] != year and holds_dates(table[names[0]]):
        year = None
    return find_date_column(names) or year or (names[0] if names else None)


def misplaced_dates(
    raw: pd.DataFrame, date_col: str, name: str, failure: InvalidInputError | None
) -> InvalidInputError | None:
    """Asked once the date column failed to read (`failure`, the reader's error) or holds a date more than once
    (None): a refusal that says what to do when the dates are elsewhere, in two columns (`separate_periods`) or,
    for a column not named like a date, in another column; else None, and the reader's error stands."""
    split = separate_periods(raw, date_col)
    if split:
        return InvalidInputError(f"CSV {name!r} has each year more than once: {split}", field=date_col)
    other = None if is_date_column_name(date_col) else other_date_column(raw, date_col)
    if other is None:
        return None
    bad = failure.value if failure is not None else None
    what = f"holds no dates ({bad!r} is none)" if failure is not None else "has each date more than once"
    first = date_col == str(raw.columns[0]) and find_date_column(raw.columns) is None
    taken = " (the first column, taken as none is named like a date)" if first else ""
    return InvalidInputError(
        f"date column {column_label(date_col)!r} of {name!r}{taken} {what}; column {other!r} holds dates:"
        f" {DATE_COLUMN_HINT.format(column=other)}",
        field=date_col,
        value=bad,
    )


def holds_dates(cells: pd.Series) -> bool:
    """Every cell a date, each once, in order on a grid of some frequency (oldest or newest first): a column
    of years 1959..2009 or of ISO dates does, a column of prices or of years repeated per quarter does not."""
    try:
        dates = oldest_first(read_dates(pd.Index(cells.astype(str)), "date", "a column")[0])
    except InvalidInputError:
        return False
    if len(dates) < 3 or dates.has_duplicates or not dates.is_monotonic_increasing:
        return False
    try:
        detect_frequency(dates)
    except InvalidInputError:
        return False
    return True


def other_date_column(raw: pd.DataFrame, date_col: str) -> str | None:
    """Another column than `date_col` that holds dates (`holds_dates`), the first one, else None."""
    return next((str(c) for c in raw.columns if str(c) != date_col and holds_dates(raw[c])), None)


def separate_periods(raw: pd.DataFrame, date_col: str) -> str | None:
    """When the date column holds years, each more than once, and another column numbers the quarters (1..4)
    or months (1..12) within them: what to do, `year and quarter are in separate columns: join them ...`.
    Else None."""

    def whole(column: str) -> pd.Series:  # 1989.0 and 1.0 as a float column writes them (statsmodels' macrodata)
        return raw[column].astype(str).str.strip().str.replace(r"\.0+$", "", regex=True)

    years = whole(date_col)
    if not years.str.fullmatch(r"\d{4}").all() or not years.duplicated().any():
        return None
    for names, most, example in _PART_NAMES:
        for column in (str(c) for c in raw.columns if str(c).strip().lower() in names):
            cells = whole(column)
            if cells.str.fullmatch(r"\d{1,2}").all() and cells.astype(int).between(1, most).all():
                joined = example.format(year=years.iloc[0])
                return (
                    f"{date_col} and {column} are in separate columns: join them into one date column such as {joined}"
                )
    return None


def is_straight_line(values) -> bool:
    """Constant, or the same step every row (a row index a spreadsheet saved, a time trend): nothing random
    to test or forecast. Empty cells or fewer than three values: False (other checks name those)."""
    numbers = np.asarray(values, dtype=float)
    if numbers.size < 3 or not np.isfinite(numbers).all():
        return False
    # relative to the values' own size: numbers of 1e-300 are not all one straight line
    return bool(np.ptp(np.diff(numbers)) <= 1e-12 * float(np.max(np.abs(numbers))))


def repeat_period(values, longest: int = 12) -> int | None:
    """The rows after which a column repeats itself up to one fixed step, 2 to `longest`, seen over two whole
    periods: 4 for a quarter number (1-4) or a year column of quarterly data (+1), 12 for a month number, a
    season's length for a seasonal dummy. None for anything else. Such a column is the calendar, not data: a
    VAR with that many lags fits its equation exactly."""
    numbers = np.asarray(values, dtype=float)
    if not np.isfinite(numbers).all() or is_straight_line(numbers):
        return None
    tolerance = 1e-12 * float(np.max(np.abs(numbers), initial=0.0))
    for period in range(2, min(longest, (numbers.size - 1) // 2) + 1):
        if np.ptp(numbers[period:] - numbers[:-period]) <= tolerance:
            return period
    return None


CALENDAR_NOTE = (
    "the same pattern every few rows, as a quarter number, a month number or a year has: the calendar, not data"
)


DUMMY_NOTE = (
    "only 0 and 1, a dummy for a break or an event: known ahead rather than forecast; to use it, make it exogenous"
)
CONSTANT_NOTE = "constant: the same value every row, nothing to forecast or explain with; a constant is the trend `c`"
COUNTING_NOTE = (
    "counting: the same step every row, as a saved row index or a time trend; nothing to forecast, and a time trend"
    " is the trend `ct`"
)
TEXT_NOTE = "text, not numbers"


def default_variables(raw: pd.DataFrame, date_col: str) -> tuple[list[str], tuple[LeftOut, ...]]:
    """Every column holding a number: an empty or text one (a country code) is no variable (as the upload
    preview says), while a column of numbers with a stray word is, and the word is named. When that leaves
    fewer than two, every filled column, so the refusal names the text that is in the way. A constant or
    counting column (a saved row index), a calendar one (`repeat_period`) or a dummy of 0s and 1s (exogenous at
    most) is left out, and said, while two others remain. The columns left out come in groups, each with why
    (`left_out_note` says one)."""
    cell_text = stripped(raw.astype(str))  # one call over every cell (cell_text), not one per column
    written = each_cell(cell_text, lambda cells: cells != "").any().to_numpy()
    filled = [c for c, any_cell in zip(raw.columns, written, strict=True) if c != date_col and any_cell]
    numbers = {c: pd.to_numeric(cell_text[c], errors="coerce") for c in filled}
    numeric = [c for c in filled if numbers[c].notna().any()]
    if len(numeric) < 2:
        return filled, ()
    text = [c for c in filled if c not in numeric]
    percent = [c for c in text if is_percent_column(raw[c])]
    hint = percent_hint(raw[percent[0]]) if percent else ""
    notes: tuple[LeftOut, ...] = ((tuple(percent), f"percentages: {hint}"),) if percent else ()
    words = [c for c in text if c not in percent]  # a country code: said, as the upload preview says it
    notes += ((tuple(words), TEXT_NOTE),) if words else ()
    straight = [c for c in numeric if is_straight_line(numbers[c])]
    calendar = [c for c in numeric if c not in straight and repeat_period(numbers[c])]
    dummies = [c for c in numeric if c not in straight + calendar and is_dummy(numbers[c])]
    if len(numeric) - len(straight) - len(calendar) - len(dummies) < 2 or not straight + calendar + dummies:
        return numeric, notes
    constant = [c for c in straight if numbers[c].nunique() <= 1]
    counting = [c for c in straight if c not in constant]
    notes += ((tuple(constant), CONSTANT_NOTE),) if constant else ()
    notes += ((tuple(counting), COUNTING_NOTE),) if counting else ()
    notes += ((tuple(calendar), CALENDAR_NOTE),) if calendar else ()
    notes += ((tuple(dummies), DUMMY_NOTE),) if dummies else ()
    return [c for c in numeric if c not in straight + calendar + dummies], notes


def is_dummy(values) -> bool:
    """Every filled value 0 or 1, and both there: a dummy (a break from some date on, an event's quarter)."""
    found = set(pd.Series(values, dtype=float).dropna().unique())
    return found == {0.0, 1.0}


def column_label(column: str) -> str:
    """A column as people name it: one without a header by its position (`#1 (no header)`: pandas' `Unnamed: 0`
    is no name the file has), any other by its header."""
    return f"#{int(column[9:]) + 1} (no header)" if re.fullmatch(r"Unnamed: \d+", str(column)) else str(column)


def left_out_note(columns: Sequence[str], why: str) -> str:
    """How loading says a group of columns it left out: `columns a, b left out (why)`, each by `column_label`."""
    named = [column_label(c) for c in columns]
    return f"{plural_of(len(columns), 'column')} {', '.join(named)} left out ({why})"


def is_percent_column(cells) -> bool:
    """Every filled cell a number followed by `%` (`6.64%`, as spreadsheets export a percentage format)."""
    text = [str(cell).strip() for cell in cells if str(cell).strip() not in ("", "nan", "None")]
    return bool(text) and all(percent_number(t) is not None for t in text)


def percent_number(text: str) -> str | None:
    """The number of a percentage cell as written, without its `%` (`6.64` of `6.64%`, `2,58` of `2,58 %`,
    `1.234,5` of `1.234,5 %`: a spreadsheet that writes decimal commas formats percentages so too); None for any
    other cell."""
    number = text.strip()[:-1].strip() if text.strip().endswith("%") else ""
    return number if number and written_number(number) else None


def percent_hint(cells: Iterable[object] = ()) -> str:
    """How to use a column of percentages, with its first filled cell's own number (`write 2,58 for 2,58 %`: a
    decimal-comma file keeps its commas, which its decimal mark reads)."""
    found = (str(cell).strip() for cell in cells)
    cell = next((text for text in found if percent_number(text) is not None), None)
    example = f"write {percent_number(cell)} for {cell}" if cell else "write each number without its % sign"
    return f"remove the % signs to use it ({example}: the model then works in percent)"


def headerless_columns(table: pd.DataFrame, names: list[str]) -> dict[str, tuple[int, str]]:
    """The columns after the first whose header cell (`names`, as written) is empty but which hold values:
    {column: (position from 1, first value and its row)}. pandas would name the second `Unnamed: 1`, which would become
    a variable's name. The first is not one of them: pandas writes its index there under an empty header
    (`to_csv()`), dates or a row index, read as any first column is. Neither a header nor a value: a margin."""
    if len(names) != len(table.columns):  # the header read otherwise than pandas did: nothing to match by position
        return {}
    found = {}
    for position, (name, column) in enumerate(zip(names, table.columns, strict=True)):
        cells = table[column].str.strip()
        if position and not name and (cells != "").any():
            row = int((cells != "").to_numpy().argmax())
            found[str(column).strip()] = (position + 1, f"{cells.iloc[row]!r} in row {row + 1}")
    return found


def headerless_problem(found: dict[str, tuple[int, str]]) -> str:
    """`column 2 ('180' in row 1) has values but no header: name it in the header row (or delete the column)`."""
    one = len(found) == 1
    shown = and_list(f"{position} ({cell})" for position, cell in found.values())
    return (
        f"column{'' if one else 's'} {shown} {'has' if one else 'have'} values but no header: name"
        f" {'it' if one else 'them'} in the header row (or delete the column{'' if one else 's'})"
    )
