"""Period labels as statistics offices and econometrics programs write them (2000Q1, Q1 2000, 2000M01, 2000m1, 90Q1,
half-years as 2000H1 or 2000-S1), and
months as finance files write them (199003), read as the ISO date their period starts on.

pandas reads some of these labels itself, but warns that pandas 4 will stop doing so: every date the library
takes from a user goes through here first, so a start date, a lag date or a path's period reads the same way on
either version.
"""

from __future__ import annotations

import pandas as pd

NUMERIC_DATE = r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$"  # day and month in either order, then the year
# A quarter with a two-digit year, in the forms _PERIOD_LABELS reads with four (90Q1, 90-Q1, Q1 90, Q1-90)
SHORT_YEAR_QUARTER = r"\d{2}[\s:-]*[Qq][1-4]|[Qq][1-4][\s/-]*\d{2}"
_COMPACT_YEARS = (1800, 2200)  # YYYYMM: six digits are a month only where their first four are a likely year
# An ISO date and time followed by its time zone (Z, UTC, +02:00, -0500), as databases and APIs export them
_ZONED = r"^(?P<wall>\d{4}-\d{2}-\d{2}[T ]\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?)\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$"


def _quarter_start(year: str, quarter: str) -> str:
    return f"{year}-{3 * int(quarter) - 2:02d}-01"


PIVOT = 69  # Python's `%y`: a two-digit year from 69 is 19xx, below it 20xx


def _century(year: str) -> str:
    """A two-digit year as Python's `%y` reads it, as timeindex reads `Dec-01`."""
    return f"{19 if int(year) >= PIVOT else 20}{year}"


_PERIOD_LABELS = (
    # 2000Q1, 2000-Q1, 2000 Q1, 2000:Q1, and with T, as French, Spanish and Italian offices write a quarter
    (r"^(\d{4})[\s:-]*[QqTt]([1-4])$", lambda m: _quarter_start(m[1], m[2])),
    (r"^[QqTt]([1-4])[\s/-]*(\d{4})$", lambda m: _quarter_start(m[2], m[1])),  # Q1 2000, Q1-2000, T1 2000
    # 10.2015, 10/2015, 4.2015: a month then a likely year (pandas reads 01.2015 as 1 January of the year 1)
    (r"^(0?[1-9]|1[0-2])[./-]((?:1[89]|2[01])\d{2})$", lambda m: f"{m[2]}-{int(m[1]):02d}"),
    # 2000M01, and Stata's 2000m1 (its %tm months are unpadded: 2000m1 ... 2000m12)
    (r"^(\d{4})[Mm](0?[1-9]|1[0-2])$", lambda m: f"{m[1]}-{int(m[2]):02d}"),
    # 2000H1, 2000-H2, H1 2000, and 2000-S1 as Eurostat writes a semester
    (r"^(\d{4})[\s:-]*[HhSs]([12])$", lambda m: f"{m[1]}-{6 * int(m[2]) - 5:02d}-01"),
    (r"^[HhSs]([12])[\s/-]*(\d{4})$", lambda m: f"{m[2]}-{6 * int(m[1]) - 5:02d}-01"),
    # 90Q1, Q1-90: pandas would read 90Q1 as 2090Q1, and 00Q1 after 99Q4 as out of order
    (r"^(\d{2})[\s:-]*[Qq]([1-4])$", lambda m: _quarter_start(_century(m[1]), m[2])),
    (r"^[Qq]([1-4])[\s/-]*(\d{2})$", lambda m: _quarter_start(_century(m[2]), m[1])),
)


def as_written_locally(text: pd.Series) -> pd.Series:
    """Dates and times written with their time zone (`2000-01-01T00:00:00+02:00`) as the date and time written,
    the zone dropped: an observation dated midnight at +02:00 belongs to that day, where converting to UTC would
    move it to the day before, and a column whose offset changes with summer time still reads as one grid.
    Other text as it was."""
    return text.str.replace(_ZONED, r"\g<wall>", regex=True)


def labels_as_iso(text: pd.Series) -> pd.Series:
    """Each period label in `text` (stripped strings) replaced by its period's first day; other text as it was."""
    for pattern, form in _PERIOD_LABELS:
        text = text.str.replace(pattern, form, regex=True)
    return text


def short_year_quarters(text: pd.Series, observed: bool) -> pd.Series:
    """Quarters labelled with a two-digit year (`90Q1`, `Q1-90`) as the ISO date of their first day, the year
    read as `_century` reads it and, when `observed`, never in the future (`not_after_today`); other cells as
    they are."""
    short = text.str.fullmatch(SHORT_YEAR_QUARTER)
    if not short.any():
        return text
    dates = pd.to_datetime(labels_as_iso(text[short]), format="ISO8601")
    dates = not_after_today(dates) if observed else dates
    return text.where(~short, dates.dt.strftime("%Y-%m-%d"))


def compact_months(text: pd.Series) -> pd.Series:
    """A column of months written YYYYMM (`199003`, as finance files and Fama-French's write them) as the ISO
    date of each month's first day; other columns as they are. Read so only when every written cell is six
    digits starting with a likely year, and most name a month: pandas would guess each cell on its own,
    `200103` as 20 January 2003 and `199003` as no date. A cell whose month does not exist (`199013`) is left
    empty, no date, for the caller to name; an empty cell stays empty."""
    written = text[text != ""]
    parts = written.str.extract(r"^(\d{4})(\d{2})$")
    if written.empty or parts[0].isna().any() or not parts[0].astype(int).between(*_COMPACT_YEARS).all():
        return text
    month = parts[1].astype(int).between(1, 12)
    if 2 * month.sum() <= len(written):  # mostly no months: some other count of digits, not this form
        return text
    iso = (parts[0] + "-" + parts[1] + "-01").where(month, "")
    return text.where(~text.index.isin(iso.index), iso)


def not_after_today(dates: pd.Series) -> pd.Series:
    """Two-digit years read a century earlier where they would lie after today."""
    today = pd.Timestamp.now().normalize()
    return dates.where(~(dates > today), dates - pd.DateOffset(years=100))


def in_common_era(dates: pd.Series) -> pd.Series:
    """Dates of the year 1 on; NaT (no date) before it. pandas reads `0000-01-01`, `-1` or `-2000` as years that
    Python's dates, and so every label the product writes, cannot hold: such a cell is named as no date."""
    return dates.where(dates.dt.year >= 1)


def guessed_dates(text: pd.Series) -> pd.Series:
    """pandas' reading of each cell on its own, NaT where it is no date: before the year 1, or in the year 1 where
    the cell writes no such year (pandas' default for `15-Jan` or `01.2015`, text without a year)."""
    dates = in_common_era(pd.to_datetime(text, errors="coerce", format="mixed"))
    return dates.where((dates.dt.year != 1) | text.str.contains("0001", regex=False))


def read_dates(values) -> pd.Series:
    """Dates typed or stored as text (ISO, or a period label), NaT where a value is not a date."""
    text = pd.Series(list(values), dtype=object).astype(str).str.strip()
    return guessed_dates(labels_as_iso(as_written_locally(text)))


def read_date(value: str) -> pd.Timestamp:
    """One date typed as text (ISO, or a period label); NaT when it is not a date."""
    return read_dates([value]).iloc[0]


def fraction_as_period(text: str) -> str:
    """How to write a year with a fraction (`2000.25`) as a date: its quarter (`2000Q2 or 2000-04-01`) or month
    when the fraction is a whole number of them as printed (`2000.08`: a twelfth), else its first quarter."""
    year, fraction = int(float(text)), float(text) % 1
    for per_year in (4, 12):
        if abs(fraction * per_year - round(fraction * per_year)) < 0.05:
            number = round(fraction * per_year) + 1
            month = number if per_year == 12 else 3 * number - 2
            period = f"{year}Q{number}" if per_year == 4 else f"{year}-{month:02d}"
            return f"{period} or {year}-{month:02d}-01"
    return f"{year}Q1 or {year}-01-01 for its first quarter"
