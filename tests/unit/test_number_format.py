"""One number format per column: the rule behind every table of the dashboard and the report."""

from __future__ import annotations

import math

import pytest

from varlib import and_list, column_format, format_column, format_number, utc_time
from varlib.wording import repeated


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 2, 14], "%d"),  # whole numbers
        ([52.3, 31.125], "%.2f"),  # four significant digits of the largest
        ([0.5, 12000.0], "%.2f"),  # two of the smallest win when they need more decimals
        ([1.2, 3e-5], "%.6f"),
        ([0.9, 1e-20], "%.3e"),  # no fixed format reads well: scientific for every cell
        ([2.5e7, 3.0e7 + 0.5], "%.3e"),
        ([None, math.nan, 0.0, 0.5], "%.4f"),  # gaps and zeros do not decide
        ([], "%.4f"),
    ],
)
def test_a_column_gets_the_format_its_magnitudes_call_for(values, expected):
    assert column_format(values) == expected


def test_cells_of_a_column_never_mix_fixed_and_scientific():
    cells = format_column([123.456, 0.012, None, -7.0])
    assert cells == ["123.456", "0.012", "", "-7.000"]
    assert {len(c.split(".")[1]) for c in cells if c} == {3}
    assert format_column([0.9, 1e-20]) == ["9.000e-01", "1.000e-20"]


def test_p_values_and_differences():
    assert column_format([0.9, 1e-20], p_value=True) == "%#.4f"  # four decimals, known apart from a column's own
    assert format_column([0.04999, 1e-12], p_value=True) == ["0.0500", "< 0.0001"]
    assert column_format([-27.312, -27.318]) == "%.2f"
    assert column_format([-27.312, -27.318], digits=6) == "%.4f"  # criteria are read by their differences


def test_format_number_handles_text_and_non_finite():
    assert format_number("n/a", "%.2f") == "n/a" and format_number(None, "%d") == ""
    assert format_number(math.inf, "%.2f") == "∞" and format_number(3.0, "%d") == "3"


def test_lists_in_words():
    assert and_list([]) == "" and and_list(["realgdp"]) == "realgdp"
    assert and_list(("realgdp", "realcons")) == "realgdp and realcons"
    assert and_list(["realgdp", "realcons", "realinv"]) == "realgdp, realcons and realinv"
    assert and_list(["a", "b"], last="or") == "a or b"
    assert repeated(["b", "a", "b", "c", "a", "b"]) == ["b", "a"] and repeated(["a", "b"]) == []


def test_stored_times_in_words():
    assert utc_time("2026-11-30T03:42:03Z") == "2026-11-30 03:42:03 UTC"
    assert utc_time("2026-11-30T03:42:03.123456Z") == "2026-11-30 03:42:03 UTC"  # a scenario's fractions
    assert utc_time(None) == "" and utc_time("") == ""


def test_scientific_columns_keep_the_digits_asked_for():
    assert column_format([6.747e-13, 6.758e-13]) == "%.3e"
    assert column_format([6.747e-13, 6.758e-13], digits=6) == "%.5e"  # FPE: read by its differences too
