"""English month names as dates are written with them: `Dec-01`, `jan 2001`, `January/01`, `Sept.01`."""

from __future__ import annotations

# A month's name or its abbreviation, then its year of two or four digits (Excel's default for a month is Dec-01),
# matched ignoring case
MONTH_YEAR = (
    r"^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)[\s./-]*(\d{2}|\d{4})$"
)
_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NUMBER = {name: number for number, name in enumerate(_ABBREVIATIONS, 1)}  # by the first three letters
