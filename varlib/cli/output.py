"""How the CLI prints: JSON through the library's one converter, tables with one number format per column, and
metadata for people as `key: value` lines with nested parts indented below. Text for people goes through
`plain`, so a control character in stored text (a reason or notes saved before they were refused) is shown
escaped instead of acting on the terminal."""

from __future__ import annotations

import pandas as pd

from varlib import escape_controls, format_number, shared_formats, to_json

MISSING = "–"


def plain(text: object) -> str:
    """`text` as one printable string: control characters escaped (`\\x1b`, `\\n`), so they cannot clear the
    screen, retitle the terminal or fake an output line."""
    return escape_controls(text)


def print_json(value: object) -> None:
    print(to_json(value, indent=2))


def print_table(frame: pd.DataFrame, index: bool = True, digits: int = 6, shared_level: int | None = None) -> None:
    """A table with one number format per column (varlib.column_format: `digits` significant digits of the
    column's largest value), so its decimals line up and a large value never turns scientific alone.
    `shared_level`: the columns that share a label at this level of their MultiIndex (a variable's forecast and
    its bounds) share one format, as the dashboard's table gives them (varlib.shared_formats)."""
    formatters = [
        _column_formatter(frame.iloc[:, position], fmt)
        for position, fmt in enumerate(_formats(frame, shared_level, digits))
    ]
    print(_escaped(_dashed(frame)).to_string(index=index, formatters=formatters, na_rep=MISSING))


def _formats(frame: pd.DataFrame, shared_level: int | None, digits: int) -> list[str]:
    """Each column's format, chosen once per group of columns: a column alone, or every column sharing its label
    (a variable's forecast and bounds, told apart in every row however narrow the interval: shared_formats)."""
    positions = range(frame.shape[1])
    labels = list(positions) if shared_level is None else list(frame.columns.get_level_values(shared_level))
    groups: dict[object, list[int]] = {}
    for position in positions:
        groups.setdefault(labels[position], []).append(position)
    formats = [""] * frame.shape[1]
    for group in groups.values():
        columns = {f"v {n}": list(frame.iloc[:, position]) for n, position in enumerate(group)}
        fmt = shared_formats(columns, ["v"], digits)["v 0"]  # the group's columns as one variable's
        for position in group:
            formats[position] = fmt
    return formats


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


def _column_formatter(column: pd.Series, fmt: str):
    if not pd.api.types.is_float_dtype(column):
        return None
    return lambda value: format_number(value, fmt) or MISSING


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
