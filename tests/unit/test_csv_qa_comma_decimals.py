"""In a comma-separated file, quoted numbers whose only comma is followed by exactly three digits (`"3,000"`) were
read as thousands grouped, 1000 times too large when the file meant decimal commas; the same cells in a `;` file
were refused with both readings. Refused alike now, unless the file's other numbers decide (QA)."""

from __future__ import annotations

import math

import pytest

from varlib import InvalidInputError, load_dataset

QUARTERS = [f"{2000 + q // 4}Q{q % 4 + 1}" for q in range(40)]


def _csv(*columns) -> bytes:
    rows = [",".join([date, *(column(i) for column in columns)]) for i, date in enumerate(QUARTERS)]
    names = ",".join(f"v{j}" for j in range(len(columns)))
    return (f"date,{names}\n" + "\n".join(rows) + "\n").encode()


def _three(base: int):
    return lambda i: f'"{base},{100 + 7 * i:03d}"'


def test_three_decimals_after_every_comma_are_refused_with_both_readings():
    with pytest.raises(InvalidInputError, match=r"'3,100', which is 3100 if the comma groups thousands and 3\.100"):
        load_dataset(_csv(_three(3), _three(2)), csv_name="comma.csv")


def test_two_groups_decide_for_thousands():
    data = _csv(lambda i: f'"12,345,{(7 * i) % 1000:03d}"', _three(3))
    dataset = load_dataset(data, csv_name="comma.csv")
    assert dataset.frame["v0"].iloc[1] == 12_345_007 and dataset.frame["v1"].iloc[0] == 3100
    assert "commas grouping thousands" in dataset.read_as


def test_a_decimal_point_decides_for_thousands():
    dataset = load_dataset(_csv(_three(3), lambda i: f"{2.5 + math.sin(i):.2f}"), csv_name="comma.csv")
    assert dataset.frame["v0"].iloc[0] == 3100


def test_whole_numbers_below_a_thousand_beside_them_decide_for_thousands():
    column = lambda i: f"{900 + i}" if i % 3 == 0 else f'"1,{(37 * i) % 1000:03d}"'  # noqa: E731
    dataset = load_dataset(_csv(column, _three(3)), csv_name="comma.csv")
    assert dataset.frame["v0"].iloc[1] == 1037 and dataset.frame["v0"].iloc[0] == 900


def test_other_digit_counts_decide_for_decimal_commas():
    dataset = load_dataset(_csv(_three(3), lambda i: f'"2,{70 + i}"'), csv_name="comma.csv")
    assert dataset.frame["v0"].iloc[0] == pytest.approx(3.1) and "decimal commas" in dataset.read_as
