"""Johansen's table as the Train and Diagnostics pages show it: each test's statistic in the format of its critical
values, so a trace of 26.80 reads beside its 27.07 (each column in its own format showed 26.8, which looked less
precise than the value it is compared with); the other columns as every table's (ui.tables.number_formats)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from ui.tables import number_formats
from varlib import column_format, format_number

TESTS = ("trace", "max eigen")  # a statistic's column, beside its critical values' ("trace 95%")
FIXED = re.compile(r"%\.(\d+)f")


def johansen_formats(table: pd.DataFrame) -> dict[str, Callable]:
    """Styler formatters of a Johansen.frame: a test's columns share the fixed format with the most decimals any of
    them calls for (left column by column where one of them is scientific)."""
    formats = number_formats(table)
    for test in TESTS:
        columns = [c for c in table.columns if c == test or str(c).startswith(f"{test} ")]
        decimals = [FIXED.fullmatch(column_format(table[c])) for c in columns]
        if not columns or not all(decimals):
            continue
        fmt = f"%.{max(int(m[1]) for m in decimals if m)}f"
        formats |= {c: (lambda value, fmt=fmt: format_number(value, fmt)) for c in columns}
    return formats
