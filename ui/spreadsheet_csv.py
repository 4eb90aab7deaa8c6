"""CSV downloads that a spreadsheet opens as data, never as formulas.

A text cell or header that starts with `=`, `+`, `-`, `@`, a tab or a carriage return runs as a formula when
Excel or LibreOffice opens the file: a variable named `=HYPERLINK("http://...")` would put a live link (or worse)
in every analyst's sheet that opens the forecast. Such text is written with a leading `'`, which spreadsheets
take as "this is text" and do not show. Numbers are written as they are: a negative forecast stays `-1.5`.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value):
    """`value` with a leading `'` when it is text a spreadsheet would read as a formula; else as it is."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def csv_bytes(table: pd.DataFrame, index: bool = True) -> bytes:
    """`table` as CSV bytes, its headers, index and text cells safe to open in a spreadsheet."""
    safe = table.rename(columns=as_text, index=as_text if index else None)
    safe.columns = safe.columns.set_names([as_text(name) for name in safe.columns.names])
    safe.index = safe.index.set_names([as_text(name) for name in safe.index.names])
    for column in range(safe.shape[1]):  # by position: two columns may share a name
        if not pd.api.types.is_numeric_dtype(safe.iloc[:, column]):  # numbers (and ticks) as they are
            safe.isetitem(column, safe.iloc[:, column].map(as_text))
    return safe.to_csv(index=index).encode()
