"""How a CSV writes its numbers: the decimal mark (a point or a comma) and how thousands are grouped.

A file decides by its own cells (`3,5` writes a decimal comma, `1.234.567` groups thousands with points);
cells that read two ways (`1.000`) are refused when nothing else in the file decides. `canonical_numbers`
then writes every number one way (`1234.5`), leaving any other cell as it was typed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from .cell_text import as_table, stacked
from .columns import find_date_column, percent_number
from .number_forms import DECIMAL_COMMA, GROUPED

_DECIMAL_POINT = re.compile(r"[+-]?\d+\.\d+")  # 3.5, unless it is 1.234 (thousands in the other form)
# In a `;` or tab file, one group of three digits after a point or a comma reads two ways: 1.000 is a thousand
# (the point grouping thousands) or one (a decimal point); 129,810 is 129810 or 129.81. Other numbers decide.
_EITHER = {".": re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}"), ",": re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")}
_GROUPS = {  # two groups or more, or one and the other mark after it: only thousands (1.234.567 and 1.234,5 have
    # a decimal comma, 1,234,567 and 1,234.567 a decimal point)
    ",": re.compile(r"[+-]?\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|(?:\.\d{3})+,\d+)"),
    ".": re.compile(r"[+-]?\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|(?:,\d{3})+\.\d+)"),
}
_DIGITS = r"\d[\d.,' \u00a0]*"  # a number's digits, grouped or not, with either decimal mark
_CURRENCY = re.compile(rf"[-+\u2212]?\s*[$€£¥]\s*[-+]?{_DIGITS}|[-+]?{_DIGITS}\s*[$€£¥]")
_CURRENCY_SIGN = re.compile(r"\s*[$€£¥]\s*")
_IN_PARENTHESES = re.compile(rf"\(\s*{_DIGITS}\s*\)")
ANY_NUMBER = re.compile(rf"[-+\u2212(]?[$€£¥]?\s*{_DIGITS}\)?%?")  # a number a cell may write, in any dress
_COMMA_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_POINT_GROUPED = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 20.100,06: beside decimal commas only
_ONE_GROUP = re.compile(r"[+-]?\d{1,3},\d{3}")
_GROUP_MARKS = re.compile(r"[. \u00a0\u202f']")  # what groups thousands beside a decimal comma
_PERIOD_COUNTS = re.compile(r"\d{4}[.:]\d{1,2}")  # 1960.1: a label of the date column, not a number
# A number as pandas' to_numeric reads a cell of training data or lag inputs: ASCII digits, no `_` (Python's
# float() reads `1_5` as 15 and `١٥` as 15, which no file means), and the words nan and inf(inity)
_PLAIN_NUMBER = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf(?:inity)?|nan)", re.IGNORECASE
)


def canonical_numbers(cells: pd.Series, decimal: str = ".") -> pd.Series:
    """Text cells with each number written with `decimal` as its decimal mark (thousands grouped or not)
    rewritten as a plain number (`1234.5`); every other cell unchanged. The typeset minus sign (U+2212, in
    tables copied from a web page or a PDF) is read as `-`."""
    signed = cells.str.strip().str.match("\u2212[0-9]")
    cells = cells.where(~signed, cells.str.strip().str.replace("\u2212", "-", n=1, regex=False))
    text = cells.str.strip()
    grouped = text.str.fullmatch(GROUPED[decimal])
    plain = grouped | (text.str.fullmatch(DECIMAL_COMMA) if decimal == "," else False)
    if not plain.any():
        return cells
    grouping = "," if decimal == "." else "."
    ungrouped = text[plain].str.replace(grouping, "", regex=False).str.replace(r"[ \u00a0\u202f']", "", regex=True)
    numbers = text[plain].where(~grouped[plain], ungrouped)
    return cells.where(~plain, numbers.str.replace(",", ".", regex=False))


def canonical_table(table: pd.DataFrame, decimal: str = ".") -> pd.DataFrame:
    """Every cell of `table` as `canonical_numbers` writes it, in one pass over all cells (cell_text)."""
    if not table.shape[1]:
        return table.apply(lambda column: canonical_numbers(column, decimal))
    return as_table(canonical_numbers(stacked(table), decimal), table)


def plain_number(text: str) -> float | None:
    """A typed cell's number, read as the training and lag-input readers read one (`1.5`, `-2e3`, `inf`); None
    for any other text, such as `1_5`, which Python's float() would read as 15."""
    text = text.strip()
    return float(text) if _PLAIN_NUMBER.fullmatch(text) else None


def number_hint(cell: object) -> str | None:
    """How to write a cell that is a number in another dress: with a currency sign, negative in parentheses as
    accounts write it, with thousands separators or a decimal comma (a value typed or pasted into a table, where
    no file's decimal mark says which); None for any other cell."""
    text = str(cell).strip()
    if _CURRENCY.fullmatch(text):
        bare = _CURRENCY_SIGN.sub("", text)  # the cell's own number, in the file's decimal mark
        plain = bare.replace(",", "") if _COMMA_GROUPED.fullmatch(bare) else bare
        return f"write the numbers without the currency sign ({plain}, not {text})"
    if (number := percent_number(text)) is not None:  # a cell of a percentage format, maybe with a decimal comma
        return f"remove the % sign ({number}, not {text})"
    if _IN_PARENTHESES.fullmatch(text):
        return f"write a negative number with a minus sign (-{text[1:-1]}, not {text})"
    if _COMMA_GROUPED.fullmatch(text) and ("." in text or text.count(",") > 1):  # 13,141.92 and 1,234,567
        return f"write it without the thousands separators ({text.replace(',', '')})"
    if _ONE_GROUP.fullmatch(text):  # 1,234: a thousand and more, or a decimal comma
        grouped, decimal = text.replace(",", ""), text.replace(",", ".")
        return f"write it without the comma: {grouped} for thousands, {decimal} for a decimal"
    if DECIMAL_COMMA.fullmatch(text):  # 9189,5 and 1.234,5
        return f"write it with a decimal point ({_GROUP_MARKS.sub('', text).replace(',', '.')})"
    return None


def not_a_number(where: str, cell: object) -> str:
    """`<where> is '1,5', not a number; write it with a decimal point (1.5)`: a typed cell's refusal, with how to
    write it when it is a number in another dress."""
    hint = given_percent_hint(str(cell)) or number_hint(cell) or "write a plain number there (such as -1234.5)"
    return f"{where} is {cell!r}, not a number; {hint}"


def given_percent_hint(text: str) -> str | None:
    """How to write a percentage given to a trained model (a lag input, a condition, an exogenous value), None for
    any other cell. Its value must be in the units of the model's data, which a cell alone does not tell: `10%`
    is 0.1 where the data hold fractions and 10 where they hold percents. Saying only "10" put an interest rate
    trained as 0.1 at a thousand percent."""
    number = percent_number(text)
    if number is None:
        return None
    plain = re.sub(r"[ \u00a0\u202f]", "", number)
    if plain.count(",") == 1 and "." not in plain:  # 2,58 %: a decimal comma; a typed cell takes a point
        plain = plain.replace(",", ".")
    try:
        fraction = format((Decimal(plain) / 100).normalize(), "f")  # exact: 11.7% is 0.117, not 0.11699999
    except InvalidOperation:  # 1.234,5 %: grouped, said as number_hint says it
        return None
    return (
        f"remove the % sign and write it in the units of the model's data: {fraction} if they hold fractions,"
        f" {plain} if they hold percents"
    )


def read_marks(table: pd.DataFrame, label: str, comma_separated: bool = False) -> tuple[str, bool]:
    """The file's decimal mark (`_decimal_mark`) and whether it groups thousands with the other one (`_grouped`),
    from its number cells stripped once."""
    numbers = _Cells(table.drop(columns=_label_columns(table)))
    decimal = _decimal_mark(numbers, label, comma_separated)
    return decimal, _grouped(numbers, decimal)


def _decimal_mark(numbers: _Cells, label: str, comma_separated: bool = False) -> str:
    """A comma when numbers are written with one (`3,5`, `1.234,5`), else a point; refused when the file
    writes both `3,5` and `3.5`, whose mix has no one reading, or only numbers that read both ways (`1.000`).
    In a comma-separated file a comma between quotes groups thousands (`"1,234"`), as US and UK spreadsheets
    write them, unless a cell writes a decimal comma (`"1,94"`): then its commas are decimal marks too. When every
    comma there is one group of three (`"3,000"`) and nothing else decides, it is refused as in a `;` file."""
    comma = _first_cell(numbers, DECIMAL_COMMA, _EITHER[","]) or _first_cell(numbers, _GROUPS[","])
    if comma_separated and not comma:  # a point here is a decimal one (1.000 too): commas then group thousands
        # 1.5, 1,234.5 or 1,234,567 decide for commas grouping thousands, as whole numbers beside 1,050 do
        grouped = _first_cell(numbers, _DECIMAL_POINT) or _first_cell(numbers, _COMMA_GROUPED, _EITHER[","])
        if not (grouped or _below_1000(numbers)) and (either := _first_cell(numbers, _EITHER[","])):
            _refuse_either(either, label)  # "3,000": as in a `;` file, never 1000 times 3 unasked
        return "."
    point = _first_cell(numbers, _DECIMAL_POINT, _EITHER["."]) or _first_cell(numbers, _GROUPS["."])
    if comma and point:
        raise InvalidInputError(
            f"CSV {label!r} writes numbers with a decimal comma ({comma}) and with a decimal point ({point}):"
            " use one decimal mark throughout",
            value=label,
        )
    either = None if comma or point else _first_cell(numbers, _EITHER["."]) or _first_cell(numbers, _EITHER[","])
    if either:
        _refuse_either(either, label)
    return "," if comma else "."


def _refuse_either(either: str, label: str) -> None:
    """Refuse the cell `either` (`column 'gdp', row 1: '3,000'`), which reads as a thousand grouped and as a
    decimal, with both readings."""
    cell = either.rsplit(": ", 1)[1].strip("'")
    grouped = cell.replace(".", "").replace(",", "")
    raise InvalidInputError(
        f"CSV {label!r} writes {either}, which is {grouped} if the {'point' if '.' in cell else 'comma'} groups"
        f" thousands and {cell.replace(',', '.')} if it is a decimal mark, and no other number in the file says"
        " which: save the numbers without thousands separators",
        value=label,
    )


def _below_1000(numbers: _Cells) -> bool:
    """Whether a column writes `1,050` beside whole numbers without a comma (`950`): thousands grouped, as a
    spreadsheet formats them, where a writer of three decimals writes each value so (`950,000`)."""
    return bool((numbers.grid(_EITHER[","]).any(axis=0) & numbers.grid(r"[+-]?\d{1,3}").any(axis=0)).any())


def _grouped(numbers: _Cells, decimal: str = ".") -> bool:
    """Whether a number groups its thousands with the mark that is not `decimal` (`1,234.5` beside decimal points,
    `1.234,5` beside decimal commas), which the file's read-as notes say."""
    return _first_cell(numbers, _COMMA_GROUPED if decimal == "." else _POINT_GROUPED) is not None


def _label_columns(table: pd.DataFrame) -> list[str]:
    """The date column when named so, or a first column of period counts (1960.1): labels, not numbers."""
    named = find_date_column(table.columns)
    if named is not None:
        return [named]
    if not len(table.columns):
        return []
    first = str(table.columns[0])
    cells = table[first].str.strip()
    filled = cells[cells != ""]
    return [first] if len(filled) and bool(filled.str.fullmatch(_PERIOD_COUNTS).all()) else []


def _first_cell(cells: _Cells, pattern: re.Pattern, unless: re.Pattern | None = None) -> str | None:
    """`column row N: 'cell'` for the first cell matching `pattern` (and not `unless`), column by column, else
    None."""
    found = cells.text.str.fullmatch(pattern).to_numpy(dtype=bool)
    if unless is not None:
        found = found & ~cells.text.str.fullmatch(unless).to_numpy(dtype=bool)
    if not found.any():
        return None
    at = int(found.argmax())
    column, row = cells.columns[at // cells.rows], at % cells.rows
    return f"column {column!r}, row {row + 1}: {cells.text.iloc[at]!r}"


class _Cells:
    """The number cells of a table, stripped once, all in one Series (cell_text.stacked: column after column)."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.columns, self.rows = list(table.columns), len(table)
        self.text = stacked(table).str.strip()

    def grid(self, pattern: re.Pattern | str) -> np.ndarray:
        """Whether each cell matches `pattern` whole, by row and column."""
        return self.text.str.fullmatch(pattern).to_numpy(dtype=bool).reshape(len(self.columns), self.rows).T
