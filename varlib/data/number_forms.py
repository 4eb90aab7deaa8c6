"""The forms a number takes in a CSV cell with a decimal comma or thousands grouped (`1.234,5`, `1 234,5`,
`1,234.5`), and the marks that stand for no number: one owner of these, which columns.py (percentages),
number_marks.py (the file's decimal mark) and the CSV reader (csv_text, csv_preamble) read by. Its own module
because number_marks imports columns and csv_text imports csv_preamble."""

from __future__ import annotations

import re

# Cells that say "no value" as data sources write it: FRED's ".", Eurostat's ":", Excel's #N/A (#NV in German),
# the World Bank's and the OECD's "..", the IMF's and many a statistical yearbook's "n.a." (called a typo to fix,
# they kept a whole column out of the variables, where the cells written "n/a" beside them were missing values)
MISSING_MARKS = frozenset(
    {".", "..", ":", "-", "–", "—", "NA", "N/A", "n/a", "n.a.", "N.A.", "#N/A", "#NV", "NaN", "nan", "null", "NULL"}
)

# Thousands grouped by a space (French: an ordinary or a non-breaking one) or an apostrophe (Swiss): never a
# decimal mark, so read in a file of either
SPACED = r"\d{1,3}(?:[ \u00a0\u202f']\d{3})+"
# 3,5, 1.234,5, 1 234,5, and 1,1986E+04 (a cell formatted as scientific by a spreadsheet that writes decimal commas)
DECIMAL_COMMA = re.compile(rf"[+-]?(?:(?:\d{{1,3}}(?:\.\d{{3}})+|{SPACED}|\d+),\d+|\d+,\d+[eE][+-]?\d+)")
GROUPED = {  # thousands grouped, by decimal mark: 1,234,567.8 and 1.234.567,8; 1 234 567.8 and 1 234 567,8
    ".": re.compile(rf"[+-]?(?:\d{{1,3}}(?:,\d{{3}})+|{SPACED})(?:\.\d+)?"),
    ",": re.compile(rf"[+-]?(?:\d{{1,3}}(?:\.\d{{3}})+|{SPACED})(?:,\d+)?"),
}


def written_number(text: str) -> bool:
    """Whether `text` is a number in any form a CSV writes one: plain (`-1.5`, `2e3`), with a decimal comma
    (`2,58`, `1.234,5`) or with thousands grouped (`1,234.5`, `1 234,5`). The file's decimal mark decides later
    how it reads; this only says it is a number."""
    text = text.strip()
    try:
        float(text)
    except ValueError:
        return any(form.fullmatch(text) for form in (DECIMAL_COMMA, *GROUPED.values()))
    return "_" not in text  # float() reads `1_5` as 15, which no file means
