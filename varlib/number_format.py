"""One number format per table column, chosen from the column's magnitudes and used for every cell of it.

A column that prints 12.3 in one row and 1.23e-05 in the next is hard to scan and easy to misread, so
tables (the dashboard's and the HTML report's) pick one printf-style format per column: whole numbers
as `%d`, fixed decimals when every value reads well with the same number of decimals, scientific
notation for the whole column otherwise. p-values are always four decimals (`P_VALUE`), and one that would
round to `0.0000` reads `< 0.0001`: a p-value is never exactly zero, and `< 0.0001` is what a reader needs
from it; one below 1 that would round to `1.0000` reads `> 0.9999`, as wording.p_text never prints it as 1.
The formats are printf-style because Streamlit's NumberColumn takes the same strings, so a page and the
report show a column alike. A forecast table shares one format among the columns of a variable in the same
units (`shared_formats`): its forecast and bounds side by side, with enough decimals that a row's point and
bounds never print alike when they differ (`row_gap`), in fixed decimals while the values' sizes allow them. A
ratio gets the decimals that print it apart from 1 (`apart_format`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

# four decimals; the `#` flag prints nothing more for `%f` but keeps the string apart from a column's own `%.4f`,
# so `format_number` knows a p-value (whose tiny values read `< 0.0001`) from a number that may print 0.0000
P_VALUE = "%#.4f"
P_SMALLEST = 0.00005  # below this, four decimals print 0.0000
P_BELOW = "< 0.0001"
P_ABOVE = "> 0.9999"  # a p below 1 that four decimals print as 1.0000: a perfect fit no test gives
MAX_DECIMALS = 6  # beyond this a fixed format is a row of zeros: scientific notation reads better
LARGEST_FIXED = 1e7  # from here on digits before the point stop meaning anything to a reader
MOST_SIGNIFICANT = 15  # a float's digits: a gap finer than this relative to the values cannot be printed
ROUNDING = 1e-12  # a relative difference this small is arithmetic's, not the model's: such cells are equal


def _finite(values: Iterable) -> list[float]:
    out = []
    for value in values:
        if value is None or isinstance(value, bool | str):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(number):
            out.append(number)
    return out


def column_format(values: Iterable, p_value: bool = False, digits: int = 4, gap: float | None = None) -> str:
    """The printf format for a column of numbers (None, NaN and text are ignored).

    Whole numbers: `%d`. Otherwise the fewest decimals that give the largest value `digits` significant
    digits and the smallest non-zero one two, as long as that is at most MAX_DECIMALS and the largest
    is below LARGEST_FIXED; else scientific notation with `digits` significant digits (`%.3e`) for every
    cell. Columns read by their differences (information criteria) ask for more digits. `gap`: the smallest
    difference that must show (`row_gap`), with two significant digits (at most a float's MOST_SIGNIFICANT), in
    the notation the values' sizes chose: fixed decimals past MAX_DECIMALS for values of ordinary size.
    """
    if p_value:
        return P_VALUE
    numbers = _finite(values)
    if not numbers:
        return "%.4f"
    if all(number.is_integer() for number in numbers) and max(abs(n) for n in numbers) < 1e15:
        return "%d"
    sizes = [abs(n) for n in numbers if n != 0]
    largest, smallest = max(sizes), min(sizes)
    significant = digits  # the same significant digits as the fixed format would give
    decimals = max(digits - 1 - math.floor(math.log10(largest)), 1 - math.floor(math.log10(smallest)), 0)
    # the values' sizes alone choose scientific notation: a gap's decimals are digits that differ, not leading
    # zeros, and two scores a millionth apart turned their variable's cells scientific beside fixed ones
    scientific = largest >= LARGEST_FIXED or decimals > MAX_DECIMALS
    if gap is not None and gap > 0:
        shown = 1 - math.floor(math.log10(gap))  # the gap's first two significant digits
        decimals = max(decimals, min(shown, MOST_SIGNIFICANT - 1 - math.floor(math.log10(largest))))
        significant = max(significant, min(MOST_SIGNIFICANT, math.floor(math.log10(largest)) + shown + 1))
    if scientific:
        return f"%.{max(significant - 1, 1)}e"
    return f"%.{decimals}f"


def format_number(value, fmt: str) -> str:
    """One cell in a column's format; empty for None and NaN, the text itself for text; `< 0.0001` for a p-value
    that four decimals would print as 0, `> 0.9999` for one below 1 that they would print as 1."""
    if value is None or isinstance(value, str):
        return value or ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return ""
    if not math.isfinite(number):
        return "∞" if number > 0 else "-∞"
    if fmt == P_VALUE and number < P_SMALLEST:
        return P_BELOW
    text = fmt % (round(number) if fmt == "%d" else number)
    return P_ABOVE if fmt == P_VALUE and text == "1.0000" and number < 1 else text


def format_column(values: Iterable, p_value: bool = False, digits: int = 4) -> list[str]:
    """Every cell of a column as text, all in the format `column_format` picks for it."""
    cells = list(values)
    fmt = column_format(cells, p_value, digits)
    return [format_number(value, fmt) for value in cells]


def shared_formats(table: Mapping, variables: Iterable[str], digits: int = 6) -> dict[str, str]:
    """One number format for all the columns of a variable in the same units (its forecast and bounds, or its
    baseline, scenario and difference; percentages apart), so a value crossing 10,000 does not lose a decimal
    that the column beside it keeps. `table`: column name -> values (a DataFrame); columns are owned by the
    longest variable name they start with, `gdp growth` before `gdp`."""
    names = sorted(variables, key=len, reverse=True)
    groups: dict[tuple[str, bool], list[str]] = {}
    for column in table:
        owner = next((v for v in names if column == v or column.startswith(f"{v} ")), column)
        percent = column.endswith(" %") and column != owner  # `gdp difference %`, not a fan's `gdp lower 30%`
        groups.setdefault((owner, percent), []).append(column)
    return {
        column: column_format(
            [value for c in columns for value in table[c]], digits=digits, gap=row_gap([table[c] for c in columns])
        )
        for columns in groups.values()
        for column in columns
    }


def row_gap(columns: Sequence[Iterable]) -> float | None:
    """The smallest non-zero difference between two cells of the same row across `columns` (a forecast and
    its bounds): a format that prints it keeps a narrow interval from reading `1.200 to 1.200`. None for
    fewer than two columns or no such difference (differences of rounding, ROUNDING, count as none)."""
    if len(columns) < 2:
        return None
    gaps = []
    for row in zip(*columns, strict=True):
        cells = sorted(set(_finite(row)))
        gaps += [
            high - low
            for low, high in zip(cells, cells[1:], strict=False)
            if high - low > ROUNDING * max(abs(low), abs(high))
        ]
    return min(gaps, default=None)


def apart_format(values: Iterable, reference: float = 1.0, digits: int = 4) -> str:
    """`column_format`, with the decimals that print each value apart from `reference` (a ratio from 1: 1.0004 as
    `1.000` reads as a tie), up to MAX_DECIMALS: a value nearer than that prints as the reference does."""
    fmt = column_format(values, digits=digits)
    if not fmt.endswith("f"):  # whole numbers are apart as they are; a scientific column shows its digits
        return fmt
    decimals = int(fmt[2:-1])
    others = [number for number in _finite(values) if number != reference]
    while decimals < MAX_DECIMALS and any(f"%.{decimals}f" % n == f"%.{decimals}f" % reference for n in others):
        decimals += 1
    return f"%.{decimals}f"
