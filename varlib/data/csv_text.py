"""A CSV's cells as text, whatever the spreadsheet that wrote it: encoding, delimiter and number format.

Spreadsheets in much of Europe save `;` between cells and decimal commas (`1.234,5`), often in Windows-1252;
others save `,` and may group thousands (`"1,234.5"`); Excel's "Unicode text" is UTF-16. Every CSV the
product reads (training data, lag inputs, paths) goes through `read_text_table`, so all of them accept the
same files. Cells stay text: a number is rewritten in one form (`1234.5`) and any other text is left as
written, so the checks after this name the cell as the person typed it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings

import pandas as pd

from ..errors import InvalidInputError
from .cell_text import each_cell
from .columns import HEADERLESS, headerless_columns, headerless_problem
from .csv_preamble import refuse_values_as_header, without_preamble
from .file_bytes import decode, refuse_control_characters, refuse_other_files, without_other_lines
from .number_forms import MISSING_MARKS
from .number_marks import ANY_NUMBER, canonical_table, read_marks
from .rows_not_data import NOTE_LINES, refuse_repeated_header, words_only

DELIMITERS = (",", ";", "\t")  # in order of preference when a header holds as many of two
_UNIT_LABEL = re.compile(r"|units?|unit of measure|einheit|unité|unidad|unità", re.IGNORECASE)
READ_AS = "read_as"  # the table's attrs entry: how the file was read, where it is not a plain CSV
_WORDS = {
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "cp1252": "Windows-1252",
    ";": "semicolon-separated",
    "\t": "tab-separated",
}


def read_text_table(
    data: bytes, label: str, observations: bool = True, keep_headerless: bool = False, steps: bool = False
) -> pd.DataFrame:
    """The cells of a CSV as text (no cell is NaN), numbers in one form; refused with a message saying
    what to do when the bytes are not a CSV. In `observations` (training data) a cell marking a missing value
    is empty; in a path an empty cell leaves a step free, which such a mark must not do unasked, and a lag
    input is never missing, so there it stays as written (and is refused as typed). A column with values but
    no header is refused, unless `keep_headerless` (a preview, which names it): then attrs[HEADERLESS] lists it.
    A row of empty cells (`,,`) is a blank line, left out as one, but in `steps` (a path placed by row order:
    a step left free)."""
    refuse_other_files(data, label)
    text, encoding, other_lines = decode(data, label)
    refuse_control_characters(text, label)
    text, named, skipped = without_preamble(text, label, DELIMITERS)  # Excel's sep= line, title lines: now empty
    if not text.strip():  # pandas would say "No columns to parse from file"
        raise InvalidInputError(f"CSV {label!r} is empty: it needs a header row and data rows", value=label)
    header = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    delimiter = named or max(DELIMITERS, key=unquoted.count)  # else the one the header uses most outside quotes
    one_column = delimiter not in unquoted
    text, other_notes = without_other_lines(text, other_lines, delimiter, label)
    if one_column:
        _refuse_spaced_columns(text, label)
    names = [column_name(name) for name in next(csv.reader([header], delimiter=delimiter), [])]
    refuse_values_as_header(header, (delimiter, *DELIMITERS), label)
    _refuse_a_name_twice(names, label, observations)
    text = _wide_notes_joined(text, delimiter, len(names))
    try:
        table = _unless_wider(text, delimiter, one_column)
        if table is None:  # rows wider than the header: refused with their line unless the extra fields are empty
            _refuse_wider_rows(text, delimiter, label)
            table = _cells(text, delimiter, one_column, index_col=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error) as exc:
        _refuse_an_unclosed_quote(text, label)
        raise InvalidInputError(f"CSV {label!r} cannot be read: {str(exc).splitlines()[0]}", value=label) from None
    _refuse_rows_split_otherwise(table, delimiter, label)
    headerless = headerless_columns(table, names)
    if headerless and not keep_headerless:
        raise InvalidInputError(f"CSV {label!r}: {headerless_problem(headerless)}", value=label)
    table = _without_empty_margins(table, steps)
    table, units = _without_units_row(table)
    marks: list[str] = []
    refuse_repeated_header(table, label)  # after the units row, so that the row is numbered as the data's
    if observations:
        table, marks = _blank_missing_marks(table)
    decimal, grouped = read_marks(table, label, comma_separated=delimiter == ",")
    table = canonical_table(table, decimal)
    table.attrs[READ_AS] = (
        tuple(_WORDS[w] for w in (encoding, delimiter) if w in _WORDS)
        + skipped
        + other_notes
        + ((f"the units line under the header ({', '.join(map(repr, units))}) left out",) if units else ())
        + (("decimal commas",) if decimal == "," else ())
        + ((f"{'commas' if decimal == '.' else 'points'} grouping thousands",) if grouped else ())
        + ((f"{' and '.join(map(repr, marks))} as missing values",) if marks else ())
    )
    if headerless:
        table.attrs[HEADERLESS] = headerless
    return table


def column_name(text: object) -> str:
    """A column's name as the product keeps it: stripped, and composed (NFC), so `Ö` written as one character and
    as an O and its mark (decomposed, NFD, as macOS may save a file) are one name, whichever way it is typed."""
    return unicodedata.normalize("NFC", str(text).strip())


def _refuse_an_unclosed_quote(text: str, label: str) -> None:
    """A quote that is never closed makes the rest of the file one cell (pandas: `EOF inside string`): named
    by the line it opens on."""
    opened = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count('"') % 2:
            opened = None if opened else (number, line)
    if opened:
        number, line = opened
        raise InvalidInputError(
            f"CSV {label!r} cannot be read: line {number} opens a quote that is never closed ({line[:60]!r});"
            " close it, or remove the quote",
            value=label,
        )


def _without_units_row(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A first row that gives units (`,bn USD,bn USD` under `date,gdp,cons`, as statistics offices export):
    no date, or `unit`, in the first cell and only words in the others. Left out, with the units, so it is not
    read as an observation without a date ('' is not a date) or as text in a column of numbers."""
    if len(table) < 2 or len(table.columns) < 2:
        return table, []
    first, *others = (str(cell).strip() for cell in table.iloc[0])
    words = [cell for cell in others if cell]
    if not words or not _UNIT_LABEL.fullmatch(first) or any(ANY_NUMBER.fullmatch(cell) for cell in words):
        return table, []
    return table.iloc[1:].reset_index(drop=True), words


def _blank_missing_marks(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Cells that mark a missing value (MISSING_MARKS) made empty, as a spreadsheet leaves a missing value, so
    they are missing values like any other (never filled silently); the marks found, in a stable order."""
    marked = each_cell(table, lambda cells: cells.str.strip().isin(MISSING_MARKS))
    if not marked.to_numpy().any():
        return table, []
    marks = sorted({str(cell).strip() for cell in table.to_numpy()[marked.to_numpy()]})
    return table.mask(marked, ""), marks


def _cells(text: str, delimiter: str, one_column: bool, index_col: bool | None) -> pd.DataFrame:
    """The cells as text, none NaN. In a file of one column an empty cell is an empty line: kept, it is a value
    left out (a free step of a path placed by row order); dropped, as pandas does by default, every later
    row would move up one. `index_col=False` drops fields beyond the header's (checked to be empty)."""
    with warnings.catch_warnings():  # pandas warns that extra fields are dropped: they are empty ones
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        return pd.read_csv(
            io.StringIO(text.lstrip("\r\n") if one_column else text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=not one_column,
            index_col=index_col,
        ).fillna("")


def _wide_notes_joined(text: str, delimiter: str, width: int) -> str:
    """The lines under the data that hold words only (rows_not_data.words_only) and more fields than the header
    (a note whose commas are not quoted: `Source: BEA, chained 2005 dollars, SA` under `date,gdp`) with the
    fields past the header's last joined into that one: the note is read whole, and left out as one under the
    data, not refused as a row wider than the header. A line that holds a value or a date ends the notes."""
    lines = io.StringIO(text).readlines()  # split at "\n" only, as the csv module counts lines
    seen = 0
    for number in range(len(lines) - 1, 0, -1):
        line = lines[number].rstrip("\r\n")
        if not line.strip(delimiter + " \t"):  # an empty line (`;;;`) between the data and the notes
            continue
        seen += 1
        cells = next(csv.reader([line], delimiter=delimiter), [])
        if seen > NOTE_LINES or line.count('"') % 2 or not words_only(cells):  # a quote over lines: left as is
            break
        if len(cells) > width:
            joined = io.StringIO()
            csv.writer(joined, delimiter=delimiter, lineterminator="").writerow(
                cells[: width - 1] + [delimiter.join(cells[width - 1 :])]
            )
            lines[number] = joined.getvalue() + lines[number][len(line) :]
    return "".join(lines)


def _unless_wider(text: str, delimiter: str, one_column: bool) -> pd.DataFrame | None:
    """The cells, or None when a row has more fields than the header: pandas then makes the first column the
    index, or refuses the row."""
    try:
        table = _cells(text, delimiter, one_column, index_col=None)
    except pd.errors.ParserError:
        return None
    return table if isinstance(table.index, pd.RangeIndex) else None


_MARKS = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _refuse_spaced_columns(text: str, label: str) -> None:
    """Refuse a text file whose columns are aligned by runs of spaces (a FRED .txt download): read with the CSV
    separators it is one column, which would be refused as "no variables"."""
    last = text.strip().splitlines()[-1].strip()
    if len(re.split(r"\s{2,}", last)) >= 2:
        raise InvalidInputError(
            f"{label!r} separates its values by spaces ({last!r}, its last row), so it reads as one column: save it"
            " as CSV, with commas, semicolons or tabs between the values (or download the source's CSV)",
            value=label,
        )


def _refuse_rows_split_otherwise(table: pd.DataFrame, delimiter: str, label: str) -> None:
    """Refuse a file whose header is split by one mark and its rows by another (a header typed by hand): every
    value then lands in the first column and the others are empty, which would be refused as "no variables"."""
    if len(table.columns) < 2 or not each_cell(table.iloc[:, 1:], lambda c: c.str.strip().eq("")).all().all():
        return
    first = table.iloc[:, 0].str.strip()
    other = next((mark for mark in DELIMITERS if mark != delimiter and first.str.contains(mark).all()), None)
    if other is not None and len(first):
        raise InvalidInputError(
            f"CSV {label!r} separates its header by {_MARKS[delimiter]} but its rows by {_MARKS[other]}"
            f" ({first.iloc[0]!r} in row 1), so every value lands in the first column: use one separator in the"
            " header and the rows",
            value=label,
        )


def _refuse_a_name_twice(names: list[str], label: str, observations: bool) -> None:
    """pandas would rename a second `gdp` to `gdp.1`, and a variable would be read from the first. In training
    data `gdp` and `GDP` are one name too: two variables told apart by case alone are one series twice, or two
    that every chart and table would name alike to a reader (a model trained so still reads its lag files)."""
    key = str.casefold if observations else str
    twice = next((name for at, name in enumerate(names) if name and key(name) in map(key, names[:at])), None)
    if twice is None:
        return
    columns = [str(n + 1) for n, name in enumerate(names) if key(name) == key(twice)]
    spelled = list(dict.fromkeys(name for name in names if key(name) == key(twice)))
    if len(spelled) > 1:
        raise InvalidInputError(
            f"CSV {label!r} has the columns {' and '.join(map(repr, spelled))} (columns {' and '.join(columns)}),"
            " one name in different cases, which would be two variables; keep one, or rename the others so that"
            " their names differ by more than case",
            value=label,
        )
    raise InvalidInputError(
        f"CSV {label!r} has the column {twice!r} more than once (columns {' and '.join(columns)}); keep one"
        " or rename the others",
        value=label,
    )


def _refuse_wider_rows(text: str, delimiter: str, label: str) -> None:
    """A row with more fields than the header is refused with its line when those fields hold values: pandas
    would make the first column the index and shift every name (`1,000,000.0` unquoted in a comma-separated file).
    Empty ones are a delimiter ending the data rows only. A row of names only, wider than the lines of words above
    it, is the header under a title (`Quarterly data, source: office`): the title's lines are named, to delete."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = (row for row in reader if any(cell.strip() for cell in row))
    header, first, titles = next(rows, []), reader.line_num, True  # titles: no value or date above this row yet
    last = first  # the last filled line above this row
    for row in rows:
        if len(row) <= len(header) or not any(cell.strip() for cell in row[len(header) :]):
            titles, last = titles and words_only(row), reader.line_num
            continue
        if titles and words_only(row) and sum(bool(cell.strip()) for cell in row) > 1:  # the header, below a title
            one = first == last
            above = f"line {first}" if one else f"lines {first}-{last}"
            raise InvalidInputError(
                f"CSV {label!r}: {above} ({delimiter.join(header)!r}{'' if one else ', ...'})"
                f" {'looks' if one else 'look'} like a title above the header on line {reader.line_num}"
                f" ({', '.join(row)}), with fewer fields than it; delete {above}",
                value=label,
            )
        hint = (
            "is there a title line above the header? remove it"
            if len(header) == 1
            else 'put numbers with thousands separators in quotes ("1,234.5") or write them without'
            if delimiter == "," and re.search(r"\d,\d{3}", delimiter.join(row))
            else "every row needs one field per column of the header"
        )
        raise InvalidInputError(
            f"CSV {label!r}, line {reader.line_num}: {len(row)} fields where the header ({', '.join(header)}) has"
            f" {len(header)}; {hint}",
            value=label,
        )


def _without_empty_margins(table: pd.DataFrame, steps: bool) -> pd.DataFrame:
    """Without what spreadsheets add after the data: rows of empty cells (`;;`) at the end and columns with
    neither a header nor a value (a `;` ending every row). An empty row between others goes too, as a blank
    line does (a period it leaves out is then named as missing), but in `steps`: there it is a step left free."""
    table.columns = [column_name(c) for c in table.columns]
    empty = each_cell(table, lambda cells: cells.str.strip() == "")
    unnamed = [c for c in table.columns if c.startswith("Unnamed: ") and bool(empty[c].all())]
    filled = (~empty.all(axis=1)).to_numpy()
    rows = int(filled.nonzero()[0][-1]) + 1 if filled.any() else 0
    kept = table.iloc[:rows] if steps else table.iloc[filled.nonzero()[0]].reset_index(drop=True)
    return kept.loc[:, [c for c in table.columns if c not in unnamed]]
