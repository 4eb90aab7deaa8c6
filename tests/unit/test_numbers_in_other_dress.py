"""Numbers written as tables print them: a typeset minus (U+2212) is read as a minus; a currency sign or an
accounting negative in parentheses is refused with the way to write it (it was called text to leave out, or a
row to remove, which makes a missing period)."""

import re

import numpy as np
import pandas as pd
import pytest

from varlib import ModelSpec, forecast_artifact, load_dataset, parse_lag_table, train_model
from varlib.artifact import build_artifact
from varlib.data import load_csv
from varlib.errors import InvalidInputError

DATES = [f"{year}-{month:02d}-01" for year in range(1990, 2000) for month in (1, 4, 7, 10)]


def _file(a: list[str]) -> bytes:
    rows = [
        f'{date},"{cell}",{100 + n * 1.5 + np.sin(n):.4f}' for n, (date, cell) in enumerate(zip(DATES, a, strict=True))
    ]
    return ("date,a,b\n" + "\n".join(rows) + "\n").encode()


def test_a_typeset_minus_reads_as_a_minus():
    cells = [
        f"\u2212{10 + n * 0.7 + np.cos(n):.3f}" if n % 3 == 0 else f"{10 + n * 0.7 + np.cos(n):.3f}" for n in range(40)
    ]
    dataset = load_csv(_file(cells), name="typeset.csv")
    assert dataset.frame["a"].iloc[0] == pytest.approx(-11.0)
    assert dataset.frame["a"].iloc[1] == pytest.approx(float(cells[1]))


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("$6,740.3", "'$6,740.3' is not a finite number; write the numbers without the currency sign (6740.3, not"),
        ("(10.424)", "'(10.424)' is not a finite number; write a negative number with a minus sign (-10.424, not"),
        ("1O.5", "'1O.5' is not a finite number; write a plain number there (such as -1234.5), or empty the cell"),
    ],
)
def test_a_number_in_another_dress_is_refused_with_the_way_to_write_it(cell, said):
    cells = [f"{10 + n:.1f}" for n in range(40)]
    cells[5] = cell
    with pytest.raises(InvalidInputError) as caught:
        load_csv(_file(cells), name="dressed.csv")
    assert said in str(caught.value) and "row 6 (1991-04-01)" in str(caught.value)


def test_a_column_of_currency_amounts_says_to_drop_the_sign_not_the_column():
    cells = [f"${1000 + n * 12.5:,.1f}" for n in range(40)]
    with pytest.raises(InvalidInputError, match=r"holds text, not numbers: '\$1,000.0' in row 1 \(1990-01-01\); write"):
        load_csv(_file(cells), name="dollars.csv", variables=["a", "b"])


def test_a_currency_column_left_out_by_default_says_how_to_keep_it():
    """Left out as "text, not numbers", a column of dollar amounts did not say it could be used at all."""
    cells = [f"${1000 + n * 12.5:,.1f}" for n in range(40)]
    rows = [
        f'{d},"{c}",{100 + n * 1.5 + np.sin(n):.4f},{50 + np.cos(n):.4f},US'
        for n, (d, c) in enumerate(zip(DATES, cells, strict=True))
    ]
    dataset = load_csv(("date,a,b,c,country\n" + "\n".join(rows) + "\n").encode(), name="dollars.csv")
    assert list(dataset.frame.columns) == ["b", "c"]
    assert "column a left out (numbers written as '$1,000.0': write the numbers without the currency sign" in (
        " ".join(dataset.read_as)
    )
    assert "column country left out (text, not numbers)" in dataset.read_as  # words stay words
    assert dict(dataset.left_out)["a"].startswith("numbers written as '$1,000.0'")


@pytest.mark.parametrize(
    ("cell", "hint"),
    [
        ("13,141.92", "without the thousands separators (13141.92)"),
        ("1,5", "with a decimal point (1.5)"),
        ("1,234", "without the comma: 1234 for thousands, 1.234 for a decimal"),
    ],
)
def test_a_typed_value_with_a_grouping_or_decimal_comma_is_told_how_to_write_it(cell, hint):
    """A value typed or pasted into the lag or exogenous table has no file's decimal mark to read it by."""
    table = pd.DataFrame(
        {"date": ["2009-04-01", "2009-07-01"], "realgdp": [12990.3, 13000.0], "realcons": [9256.0, cell]}
    )
    with pytest.raises(InvalidInputError, match=re.escape(f"2009-07-01 is '{cell}', not a number; write it {hint}")):
        parse_lag_table(table, ["realgdp", "realcons"], 2, "none")
    artifact = build_artifact(
        train_model(
            load_dataset(variables=["realgdp", "realcons", "realint"]),
            ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=1, holdout=0),
        ),
        "varx",
        "tester",
    )
    with pytest.raises(InvalidInputError, match=re.escape(f"is '{cell}', not a number; write it {hint}")):
        forecast_artifact(artifact, 2, exog={"realint": [1.0, cell]})


def test_a_stray_percent_sign_says_to_remove_it():
    cells = [f"{3 + np.sin(n):.3f}" + ("%" if n == 7 else "") for n in range(40)]
    with pytest.raises(
        InvalidInputError, match=r"row 8 \(1991-10-01\): '(\d\.\d{3})%' .*; remove the % sign \(\1, not \1%\)"
    ):
        load_csv(_file(cells), name="percent.csv", variables=["a", "b"])
