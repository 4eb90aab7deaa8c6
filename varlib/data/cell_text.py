"""Every text cell of a table in one pandas call: a string method (strip, fullmatch, ...) costs a fixed overhead
per call, which a file of a thousand columns would pay a thousand times per pattern, column by column.

`stacked` lays the cells out column after column (each column's rows in order), the order in which a cell is
named first; `as_table`, `by_cell` and `each_cell` lay an answer per cell back out as the table's rows and columns.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


def stacked(table: pd.DataFrame) -> pd.Series:
    """The cells of `table`, column after column, in one Series of the columns' dtype (text read from a CSV), so
    each string method runs on them as it would on each column."""
    dtypes = list(table.dtypes)
    if not dtypes:
        return pd.Series([], dtype=object)
    if not all(dtype == dtypes[0] for dtype in dtypes):  # mixed: each column's own dtype kept
        return pd.concat([table.iloc[:, at] for at in range(table.shape[1])], ignore_index=True)
    if isinstance(dtypes[0], pd.StringDtype) and dtypes[0].storage == "pyarrow":  # the columns' own arrays joined
        import pyarrow as pa  # type: ignore[import-untyped]  # there whenever pandas stores text with it

        joined = pa.chunked_array([pa.array(column.array) for _, column in table.items()])
        return pd.Series(pd.array(joined, dtype=dtypes[0]))
    return pd.Series(table.to_numpy(dtype=object).ravel(order="F"), dtype=dtypes[0])


def by_cell(found: pd.Series, table: pd.DataFrame) -> np.ndarray:
    """`found` (one truth per cell of `table`, in `stacked` order) as an array of its rows and columns."""
    return found.to_numpy(dtype=bool).reshape(table.shape[1], table.shape[0]).T


def each_cell(table: pd.DataFrame, test: Callable[[pd.Series], pd.Series]) -> pd.DataFrame:
    """`test` (cells to one truth each) on every cell of `table` at once, as a frame of its rows and columns."""
    return pd.DataFrame(by_cell(test(stacked(table)), table), index=table.index, columns=table.columns)


def as_table(cells: pd.Series, table: pd.DataFrame) -> pd.DataFrame:
    """`cells` (one per cell of `table`, in `stacked` order) as a frame with the rows and columns of `table`."""
    grid = cells.to_numpy(dtype=object).reshape(table.shape[1], table.shape[0]).T
    return pd.DataFrame(grid, index=table.index, columns=table.columns, dtype=cells.dtype)


def stripped(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with each cell's text stripped, as `column.str.strip()` makes it."""
    return as_table(stacked(table).str.strip(), table) if table.shape[1] else table.copy()


def blank(table: pd.DataFrame) -> np.ndarray:
    """Whether each cell is missing or only spaces (`column.isna() | column.astype(str).str.strip().eq("")`), by
    row and column."""
    return table.isna().to_numpy() | by_cell(stacked(table.astype(str)).str.strip().eq(""), table)
