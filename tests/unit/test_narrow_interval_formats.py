"""A narrow interval is printed so that its bounds differ from its point: two exchange rates near 1.2 that move
by about 1e-4 a quarter had their report table read `1.200 | 1.200 | 1.200` in every row (review), and a series
near a million with bounds a thousandth apart printed them as one whole number."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from varlib import ModelSpec, column_format, shared_formats
from varlib.artifact import build_artifact
from varlib.data import Dataset
from varlib.diagnostics import diagnose
from varlib.number_format import row_gap
from varlib.report import render_report
from varlib.service import forecast_artifact
from varlib.training import train


def _rates(rows: int = 80) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    steps = rng.normal(0, 1e-4, size=(rows, 2))
    values = np.array([1.2, 1.1]) + np.cumsum(steps, axis=0) * np.array([1.0, 0.5])
    index = pd.period_range("1990Q1", periods=rows, freq="Q").to_timestamp()
    return pd.DataFrame(values, index=pd.Index(index, name="date"), columns=["fx", "fy"])


def _differ(row: list[str]) -> bool:
    return len(set(row)) == len(row)


@pytest.mark.parametrize(
    ("point", "lower", "upper"),
    [([1.19996, 1.19994], [1.19974, 1.19961], [1.20018, 1.20027]), ([1e6 + 1e-3], [1e6], [1e6 + 2e-3])],
)
def test_a_row_of_a_forecast_and_its_bounds_never_prints_alike(point, lower, upper):
    table = {"x": point, "x lower": lower, "x upper": upper}
    alike = column_format([*point, *lower, *upper])  # the premise: by size alone (4 digits), rows print alike
    assert any(len({alike % v for v in row}) < 3 for row in zip(point, lower, upper, strict=True))
    for digits in (4, 6):
        fmt = shared_formats(table, ["x"], digits=digits)["x"]
        for row in zip(point, lower, upper, strict=True):
            assert _differ([fmt % v for v in row]), (fmt, row)


def test_a_gap_finer_than_six_decimals_gets_the_decimals_it_needs_in_fixed_notation():
    """Scientific notation is for values too large or too small for fixed decimals, not for close ones: the cells
    stay aligned with the other variables' fixed ones."""
    fmt = shared_formats({"x": [1.2], "x lower": [1.2 - 1e-8], "x upper": [1.2 + 1e-8]}, ["x"])["x"]
    assert fmt.endswith("f") and _differ([fmt % v for v in (1.2, 1.2 - 1e-8, 1.2 + 1e-8)])
    tiny = shared_formats({"x": [3e-8], "x lower": [2e-8], "x upper": [3.1e-8]}, ["x"])["x"]
    assert tiny.endswith("e") and _differ([tiny % v for v in (3e-8, 2e-8, 3.1e-8)])  # by their size: scientific
    finest = shared_formats({"x": [1.2], "x upper": [1.2 + 1e-11]}, ["x"])["x"]
    assert finest.endswith("f") and _differ([finest % v for v in (1.2, 1.2 + 1e-11)])


def test_differences_of_rounding_and_equal_bounds_add_no_decimals():
    assert row_gap([[1.0, 2.5], [1.0000000000000002, 2.5]]) is None  # one ulp apart: equal for a reader
    assert row_gap([[1.25]]) is None  # one column has no rows to compare
    table = {"x": [9512.25, 9630.5], "x lower": [9301.125, 9630.5], "x upper": [9801.5, 9630.5]}  # a held step
    assert shared_formats(table, ["x"])["x"] == column_format([v for c in table.values() for v in c], digits=6)


def test_the_reports_table_and_hovers_tell_a_narrow_interval_from_its_point():
    frame = _rates()
    dataset = Dataset("rates.csv", frame, "0" * 64, "QS-JAN")
    artifact = build_artifact(train(dataset, ModelSpec(("fx", "fy"), lags=1)), "fx", "t")
    forecast = forecast_artifact(artifact, 3, 0.05)
    page = render_report(artifact, diagnose(artifact), forecast=forecast)
    section = page[page.index("<h2>Forecast:") :]
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", r, flags=re.S) for r in re.findall(r"<tr>(.*?)</tr>", body, re.S)]
    assert len(rows) == 3
    for row in rows:  # fx mean, lower, upper, then fy's
        assert _differ(row[:3]) and _differ(row[3:6]), row
    hovers = re.findall(r"<title>mean \d{4}Q\d: (\S+) \(95%: (\S+) to (\S+)\)</title>", page)
    assert len(hovers) == 6 and all(_differ(list(h)) for h in hovers), hovers  # 3 steps of 2 variables
