"""Johansen's table on the pages: a statistic is shown in its critical values' format (26.80 beside 27.07, where its
own column's format gave 26.8), on a table shaped as Johansen.frame makes it."""

from __future__ import annotations

import pandas as pd

from ui.johansen_table import johansen_formats


def _shown(table: pd.DataFrame) -> pd.DataFrame:
    formats = johansen_formats(table)
    return pd.DataFrame({c: [formats[c](v) if c in formats else v for v in table[c]] for c in table.columns})


def test_a_statistic_takes_the_decimals_of_its_critical_values():
    table = pd.DataFrame(
        {
            "rank <=": [0, 1, 2],
            "trace": [115.34, 26.801, 8.93],
            "trace 95%": [47.8545, 27.0669, 13.4294],
            "max eigen": [88.5, 17.87, 8.93],
            "max eigen 95%": [27.5858, 21.1314, 14.2639],
            "eigenvalue": [0.81, 0.29, 0.15],
        }
    )
    shown = _shown(table)
    assert list(shown["trace"]) == ["115.34", "26.80", "8.93"]  # its own column's format: 115.3, 26.8, 8.9
    assert list(shown["trace 95%"]) == ["47.85", "27.07", "13.43"]
    assert list(shown["max eigen"]) == ["88.50", "17.87", "8.93"]
    assert list(shown["rank <="]) == ["0", "1", "2"]


def test_a_scientific_column_is_left_to_its_own_format():
    table = pd.DataFrame({"trace": [1.2e-7, 3.4e-8], "trace 95%": [15.49, 3.84]})
    shown = _shown(table)
    assert shown["trace 95%"].tolist() == ["15.49", "3.84"] and "e" in shown["trace"][0]
