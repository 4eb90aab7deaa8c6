"""English month names as dates are written with them: `Dec-01`, `jan 2001`, `January/01`, `Sept.01`, and year
first as the ECB writes them, `2001Jan`."""

from __future__ import annotations

import re

import pandas as pd

# A month's name or its abbreviation (matched ignoring case), then its year of two or four digits (Excel's default
# for a month is Dec-01); or a year of four digits, then the month's name (the ECB's 2001Jan)
_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?"
)
MONTH_YEAR = rf"^({_NAMES})[\s./-]*(\d{{2}}|\d{{4}})$"
YEAR_MONTH = rf"^(\d{{4}})[\s./-]*({_NAMES})$"
SHORT_YEAR_MONTH = rf"^(\d{{1,2}})[\s./-]*({_NAMES})$"  # 15-Jan: Excel's yy-mmm, or its d-mmm (date_forms decides)
_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NUMBER = {name: number for number, name in enumerate(_ABBREVIATIONS, 1)}  # by the first three letters


def month_year_parts(text: pd.Series) -> pd.DataFrame:
    """Per cell its month's name (column 0) and year (column 1) when it is written with both in either order,
    else NaN in both."""
    parts = text.str.extract(MONTH_YEAR, flags=re.IGNORECASE)
    year_first = text.str.extract(YEAR_MONTH, flags=re.IGNORECASE)
    return parts.where(parts[0].notna(), year_first[[1, 0]].set_axis([0, 1], axis=1))
