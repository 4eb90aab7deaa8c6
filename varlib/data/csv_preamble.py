"""Lines a spreadsheet writes above a CSV's header: Excel's `sep=;` line and title lines, skipped and said."""

from __future__ import annotations

import csv
import io
import re

from ..errors import InvalidInputError
from ..wording import counted
from .number_forms import MISSING_MARKS
from .number_marks import ANY_NUMBER
from .timeindex import is_date

# Excel's first line naming the separator: `sep=;`, any case, maybe padded with the separator or white space
_SEP_LINE = re.compile(r"sep=(\t|[^\w\s\"'])(?:\1|[ \t])*", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?\d[\d.,' \u00a0\u202f]*")  # 2710,349, 1.234,5, 1959: a value, never a column's name
_LOOKED_AT = 20  # title lines sit at the top: rows read to find the header
_DATA_ROWS = 3  # rows after the header that must have its field count
TAB, BACKSLASH_T = "\t", "\\t"  # a tab as a note names it: sep=\t


def without_preamble(text: str, label: str, delimiters: tuple[str, ...]) -> tuple[str, str | None, tuple[str, ...]]:
    """(text, delimiter or None, notes): `text` with a first `sep=` line and title lines above the header made
    empty lines (so every line keeps its number in later messages), the delimiter they decide (None: sniff it
    from the header) and what was skipped, for `read_as`.

    A first line that is exactly `sep=` and one character (any case, after an optional byte-order mark, with
    optional trailing separators or white space) is Excel's note of the separator: skipped, its character
    the delimiter.

    Title lines are skipped only when the file can be read no other way. They are the lines at the top (empty
    lines among them) whose first field alone is filled, padded with the delimiter to more than one field as a
    spreadsheet saves a title cell above a table (`Quarterly national accounts;;;;`). The line after them is the
    header when it has at least two filled fields and none of them is a number (names, not values), and the
    first data rows after it (up to three) have as many fields as it has. Lines of separators only above the
    header (`,,,,`, a spreadsheet's empty first row) are skipped as blank lines are. A header of one name and empty ones
    (`date;;`) followed by data rows stays the header, as before. When the lines above look like titles and the
    line after them like a header but the rows below do not match it, the file is refused naming the lines to
    delete. A title without any delimiter (`GDP and consumption`) is not skipped, as a one-column file's header
    looks the same: only the delimiter is taken from the header below it, so that the rows are refused as wider
    than the title, with a hint to remove it (rather than read with the wrong delimiter)."""
    notes: tuple[str, ...] = ()
    delimiter = None
    lines = io.StringIO(text).readlines()  # split at "\n" only, as the csv module counts lines
    first = lines[0].lstrip("\ufeff").rstrip("\r\n") if lines else ""
    sep = _SEP_LINE.fullmatch(first)
    if sep:
        delimiter = sep.group(1)
        notes = (f"first line sep={delimiter.replace(TAB, BACKSLASH_T)} skipped",)
        lines[0] = _ending(lines[0])
    for at, line in enumerate(lines):  # rows of empty cells above the header (`,,,,` from Excel): blank lines
        if line.strip(",;\t \r\n"):
            break
        lines[at] = _ending(line)
    titles = _title_lines(lines, label, (delimiter,) if delimiter else _by_use(lines, delimiters))
    if titles:
        delimiter, count, shown = titles
        lines[:count] = [_ending(line) for line in lines[:count]]
        if count:
            notes += (f"{counted(len(shown), 'title line')} above the header ({', '.join(map(repr, shown))}) left out",)
    return "".join(lines), delimiter, notes


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _by_use(lines: list[str], delimiters: tuple[str, ...]) -> tuple[str, ...]:
    """The delimiters in the first filled line, most used first (a padded title holds its file's delimiter); all
    when it holds none."""
    top = next((line for line in lines if line.strip()), "")
    return tuple(sorted((d for d in delimiters if d in top), key=top.count, reverse=True)) or delimiters


def _title(cells: list[str]) -> bool:
    """A title cell: the first field filled, any others empty."""
    return bool(cells) and bool(cells[0]) and not any(cells[1:])


def _title_lines(lines: list[str], label: str, delimiters: tuple[str, ...]) -> tuple[str, int, list[str]] | None:
    """(delimiter, lines above the header, the titles) for the first delimiter under which the file opens with
    title lines above a header (see `without_preamble`), 0 lines when a title is not padded; None when it does
    not."""
    for delimiter in delimiters:
        reader = csv.reader(io.StringIO("".join(lines[: 2 * _LOOKED_AT])), delimiter=delimiter)
        try:
            rows = [(row, reader.line_num) for row in reader]
        except csv.Error:
            continue
        filled = [[cell.strip() for cell in row] for row, _ in rows]
        at = next((n for n, cells in enumerate(filled) if any(cells) and not _title(cells)), len(filled))
        titles = [cells[0] for cells in filled[:at] if any(cells)]
        header = filled[at] if at < min(len(filled), _LOOKED_AT) else []
        if not titles or sum(map(bool, header)) < 2 or any(_NUMBER.fullmatch(cell) for cell in header):
            continue
        data = [cells for cells in filled[at + 1 :] if any(cells)][:_DATA_ROWS]
        if not data:  # a header and no rows: refused as such after this
            continue
        above = rows[at - 1][1]  # the line number of the last line above the header
        padded = all(len(cells) > 1 for cells in filled[:at] if any(cells))
        if not padded:  # a title without delimiters: kept, refused after this as such, but the delimiter is known
            return (delimiter, 0, titles) if all(len(cells) == len(header) for cells in data) else None
        if any(len(cells) != len(header) for cells in data):
            first = next(rows[n][1] for n, cells in enumerate(filled) if any(cells))
            where = f"line {first}" if first == above else f"lines {first}-{above}"
            raise InvalidInputError(
                f"CSV {label!r}: {where} ({', '.join(map(repr, titles[:2]))}) above the header"
                f" ({', '.join(cell for cell in header if cell)}) look like a title, and the rows below the header do"
                " not have its number of fields; delete the lines above the header",
                value=label,
            )
        return delimiter, above, titles
    return None


def refuse_values_as_header(header: str, delimiters: tuple[str, ...], label: str) -> None:
    """Refuse a file without a header row: its first line, split by one of `delimiters` (the file's first, then
    any other it holds: a headerless `;` file of decimal commas has as many commas), holds only dates and numbers,
    the first cell filled (`1990Q1,8027.693,...`). Read as the header, its values would become the variables'
    names and the first observation would be lost. A name that looks like a number beside real names (a column
    `2020`) decides nothing, nor does a line with an empty first cell (pandas' index above a transposed table).
    A missing-value mark the reader knows (`NA`, `.`, `#N/A`) stands for a value too, as an empty cell does, when
    the first cell is a date and another cell a number or date (`1959-01-01,NA,1707.4`): a header may name a
    column `NA`, but not beside only values under a date."""

    for delimiter in (d for n, d in enumerate(delimiters) if not n or d in header):
        cells = [cell.strip() for cell in next(csv.reader([header], delimiter=delimiter), [])]
        values = [c for c in cells if c and c not in MISSING_MARKS]  # a mark is a value left out, as an empty cell
        if not cells or not cells[0] or not all(ANY_NUMBER.fullmatch(c) or is_date(c) for c in values):
            continue
        if len(values) + cells.count("") == len(cells) or (is_date(cells[0]) and len(values) > 1):
            shown = ", ".join(map(repr, cells[:4])) + (", ..." if len(cells) > 4 else "")
            raise InvalidInputError(
                f"CSV {label!r} has no header row: its first line ({shown}) holds values, not column names; add a"
                " header row above it that names each column (the dates' column, then one name per series)",
                value=label,
            )
