"""What to do with a date cell that no form reads, where its look tells more than "write it as the other dates
are": a spreadsheet's day number (`32963`, Excel's count of days, what a date column saves as when it is formatted
as a number), a month named in another language (`Mär 1990`, `janv. 1990`: month names are read in English only,
and the other dates of such a column that do read, `April 1990`, show no form to copy), or no date at all."""

from __future__ import annotations

import re

import pandas as pd

from .month_names import MONTH_YEAR, YEAR_MONTH

_DAY_NUMBER = re.compile(r"\d{5}(?:\.\d+)?")  # 10000 is 1927-05-18, 99999 is 2173: every likely observation
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0 since its 1900 leap-year mistake (day 60 onwards)
# a word and a year in either order, as a month and its year are written in any language
_WORD_YEAR = re.compile(r"([^\W\d_]{3,})\.?[\s./-]*(?:\d{2}|\d{4})|\d{4}[\s./-]*([^\W\d_]{3,})\.?")


def unread_date_hint(text: pd.Series, refused: str) -> str | None:
    """How to write `refused`, a cell of the date column `text` (stripped cells) that is no date, when it is a
    spreadsheet's day number, a month named in another language among months so named, or empty; else None."""
    if not refused:
        return "a row needs its date: write it there, or delete the line if it holds nothing"
    if _DAY_NUMBER.fullmatch(refused):
        day = (_EXCEL_EPOCH + pd.Timedelta(days=int(float(refused)))).date().isoformat()
        return (
            f"it looks like a spreadsheet's day number ({day} as Excel counts days): format the date column as"
            " dates (YYYY-MM-DD) in the spreadsheet and save the CSV again"
        )
    if _foreign_month(refused) and text.map(lambda cell: bool(_WORD_YEAR.fullmatch(cell))).mean() >= 0.5:
        return (
            "month names are read in English only (Jan 1990, Mar-90): write the months in English, or as"
            " YYYY-MM (1990-03 for March 1990)"
        )
    return None


def _foreign_month(cell: str) -> bool:
    """Whether `cell` is a word and a year, the word not an English month's name (one that is, such as `Mar 1990`,
    reads, so a refused one has another fault)."""
    if not _WORD_YEAR.fullmatch(cell):
        return False
    return not (re.match(MONTH_YEAR, cell, re.IGNORECASE) or re.match(YEAR_MONTH, cell, re.IGNORECASE))
