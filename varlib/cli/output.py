"""How the CLI prints: JSON through the library's one converter, tables with one number format per column (or per
variable, as the dashboard's forecast table: `print_table`), and metadata for people as `key: value` lines with
nested parts indented below. Text for people goes through `plain`, so a control character in stored text (a reason
or notes saved before they were refused) is shown escaped instead of acting on the terminal. A table wider than the
terminal it is printed on is cut into blocks of whole columns that fit, each led by the rows' labels (`table_width`);
a pipe or a file gets each row on one line, as a program reading it expects. A line for stderr comes after what
stdout was given before it (`to_stderr`); a warning about the result is said below it, once the command succeeded
(`warn_after_output`)."""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Callable, Collection, Hashable
from typing import Any

import numpy as np
import pandas as pd

from varlib import escape_controls, format_number, shared_formats, to_json

MISSING = "–"


def plain(text: object) -> str:
    """`text` as one printable string: control characters escaped (`\\x1b`, `\\n`), so they cannot clear the
    screen, retitle the terminal or fake an output line."""
    return escape_controls(text)


def print_json(value: object) -> None:
    print(to_json(value, indent=2))


def to_stderr(line: str) -> None:
    """A warning, note or error line on stderr, after what stdout has been given so far: stdout is block-buffered
    on a pipe or a file, so without the flush one stream of both (`2>&1 | tee ci.log`) shows the line above the
    output printed before it."""
    # stdout closed (`>&-`: None) or gone (a reader that left, a full disk): main's own flush reports that
    with contextlib.suppress(AttributeError, ValueError, OSError):
        sys.stdout.flush()
    print(line, file=sys.stderr)


# lines held until the command has printed its output (main says them then, or drops them when it fails)
_HELD: list[str] = []


def warn_after_output(line: str) -> None:
    """A warning or note about the command's result (a withdrawn version used, `train`'s failed checks), said on
    stderr once the result is printed, so one stream of both reads it below what it is about; a command that then
    fails says only its one `error:` line."""
    _HELD.append(line)


def say_held(said: bool = True) -> None:
    """The held lines on stderr (`said`: the command finished), or dropped (it failed), and none held after."""
    lines = _HELD[:]
    _HELD.clear()
    for line in lines if said else ():
        to_stderr(line)


Share = Callable[[pd.Series, Any], Hashable]  # (a row, a column's label, a tuple too) -> its group of one format


def print_table(
    frame: pd.DataFrame, index: bool = True, digits: int = 6, share: Share | None = None, formats: dict | None = None
) -> None:
    """A table whose numbers print in one format per group of cells (varlib.shared_formats: `digits` significant
    digits of the group's largest value, and more where two cells of a row in the group would print alike), so
    decimals line up and a large value never turns scientific alone. A group is a column unless `share(row,
    column)` names another (`row.name`: its index label): the cells of a variable in the same units, as the
    dashboard's forecast table shares them (a forecast and its bounds), or a variable's scores in a table whose
    rows hold several variables (`by_variable`), so that a rate's 5.021e-05 is not cut to 0.000050 by the
    22208.17 of a level above it. `formats`: a column's own format instead (a ratio's, told apart from 1)."""
    shown, numbers = _escaped(_dashed(frame)), _numbers(frame, digits, share)
    for column, fmt in (formats or {}).items():
        position = list(frame.columns).index(column)
        numbers[position] = [format_number(value, fmt) or MISSING for value in frame[column]]
    for position, cells in numbers.items():
        shown = shown.copy() if shown is frame else shown
        shown.isetitem(position, np.array(cells, dtype=object))
    # a formatter keeps pandas from putting a space before each text cell: the numbers line up as floats do
    formatters: list[Any] = [str if position in numbers else None for position in range(frame.shape[1])]
    width = table_width()
    # cut into blocks, each column names its whole label (`lower` over every bound): pandas otherwise names a
    # group only above its first column, and a block starting inside it would show bounds headed by no word
    text = shown.to_string(index=index, formatters=formatters, na_rep=MISSING, line_width=width, sparsify=width is None)
    print(text)


def table_width() -> int | None:
    """The terminal's width (COLUMNS, else the terminal's own) when stdout is a terminal: a nine-variable forecast
    prints 27 columns, a line of 750 characters that the terminal folds into an unreadable jumble. None (one
    line per row) for a pipe or a file, and for no stdout at all (`>&-`: Python's is None), where print is silent."""
    try:
        terminal = sys.stdout.isatty()
    except (AttributeError, ValueError):  # None, or closed by a caller: no terminal to fit
        return None
    return shutil.get_terminal_size().columns if terminal else None


def by_variable(units: Collection[Hashable], variable: str | None = None) -> Share:
    """`share` for scores of several variables: a row's scores in its variable's units (`units`: RMSE and MAE, the
    model's and the random walk's) in one format, told apart however close; any other column (a percentage, a
    ratio) in one format down the column, a score's with the random walk's (`mape` with `mape_rw`), since those
    compare across variables. `variable`: the column naming a row's variable; None: the index."""

    def share(row: pd.Series, column: Hashable) -> Hashable:
        if column in units:
            return ("variable", row.name if variable is None else row[variable])
        return ("column", str(column).removesuffix("_rw"))

    return share


def _numbers(frame: pd.DataFrame, digits: int, share: Share | None) -> dict[int, list[str]]:
    """The float columns' cells as text by position, each in its group's format (nothing: the dash)."""
    floats = [p for p in range(frame.shape[1]) if pd.api.types.is_float_dtype(frame.iloc[:, p])]
    rows = [frame.iloc[i] for i in range(len(frame))] if share and floats else []
    groups: dict[Hashable, dict[int, list[int]]] = {}  # a group's columns, each with its rows in the group
    for position in floats:  # by position: column labels may repeat or be tuples
        for i in range(len(frame)):
            key = position if share is None else share(rows[i], frame.columns[position])
            groups.setdefault(key, {}).setdefault(position, []).append(i)
    cells = {position: [MISSING] * len(frame) for position in floats}
    for members in groups.values():
        # the group's columns as one variable's, row by row (a gap where a row of a column is not in the group),
        # so that shared_formats tells the cells of a row apart (row_gap)
        spanned = sorted({i for taken in members.values() for i in taken})
        columns = {
            f"v {n}": [frame.iat[i, p] if i in held else None for i in spanned]
            for n, (p, held) in enumerate((p, set(taken)) for p, taken in members.items())
        }
        fmt = shared_formats(columns, ["v"], digits)["v 0"]
        for position, taken in members.items():
            for i in taken:
                cells[position][i] = format_number(frame.iat[i, position], fmt) or MISSING
    return cells


def _escaped(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each text cell through `plain` (pandas prints an ESC as it is); a table without control
    characters is returned as it is."""
    shown = frame
    for position in range(frame.shape[1]):  # by position: column labels may repeat or be tuples
        column = frame.iloc[:, position]
        if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
            continue
        cells = [plain(cell) if isinstance(cell, str) else cell for cell in column]
        if any(new is not old and new != old for new, old in zip(cells, column, strict=True)):
            shown = shown.copy() if shown is frame else shown
            shown.isetitem(position, pd.Series(cells, index=column.index, dtype=object).to_numpy())
    return shown


def _dashed(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every missing cell of a column that is not float made the dash: pandas prints a None
    of an object column as `None` whatever na_rep says (a score no variable has, such as a MAPE column of
    series that cross zero), and formatters never see missing cells."""
    columns = [frame.iloc[:, position] for position in range(frame.shape[1])]
    gaps = [p for p, c in enumerate(columns) if not pd.api.types.is_float_dtype(c) and c.isna().any()]
    if not gaps:
        return frame
    shown = frame.copy()
    for position in gaps:  # by position: column labels may repeat or be tuples
        column = columns[position]
        shown.isetitem(position, column.astype(object).mask(column.isna(), MISSING).to_numpy())
    return shown


def print_fields(fields: dict) -> None:
    """A mapping for people: names right-aligned at the top level, a mapping of plain values on one line
    (`realgdp 571.8, realcons 371.3`), deeper mappings and lists of them indented below their name."""
    width = max((len(str(key)) for key in fields), default=0)
    for key, value in fields.items():
        _print_field(f"{str(key):>{width}}", value, " " * (width + 2))


def _print_field(label: str, value: object, indent: str) -> None:
    if isinstance(value, dict) and not _plain(value):
        print(f"{label}:")
        for key, inner in value.items():
            _print_field(f"{indent}{plain(key)}", inner, indent + "  ")
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        print(f"{label}:")
        for item in value:
            print(f"{indent}- {_text(item)}")
    else:
        print(f"{label}: {_text(value)}")


def _plain(mapping: dict) -> bool:
    return all(not isinstance(value, (dict, list)) for value in mapping.values())


def _text(value: object) -> str:
    """One value on one line: a number to 6 significant digits, a list joined by commas, a mapping as
    `key value` pairs, nothing as a dash."""
    if value is None or value == "" or value == [] or value == {}:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{plain(key)} {_text(inner)}" for key, inner in value.items())
    return plain(value)
