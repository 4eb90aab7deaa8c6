"""Printed, the report leaves nothing out (QA: a six-variable fan forecast's table of 31 columns, 2,364 px
wide, was cut at "realinv 80% lower" in a PDF; the Granger heatmap started at a page's foot and went on over
the page). Chromium's own measurements are in tests/e2e/test_report_qa_print_e2e.py."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest

from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.report import _STYLE, render_report
from varlib.report_forecast import PRINT_CELL, PRINT_CHAR, PRINT_WIDTH
from varlib.service import forecast_artifact
from varlib.training import train

SIX = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "unemp")


@pytest.fixture(scope="module")
def six():
    spec = ModelSpec(SIX, transform="logdiff")
    return build_artifact(train(load_dataset(variables=list(SIX)), spec), "six", "tester")


def _print_style() -> str:
    return _STYLE[_STYLE.index("@media print") :]


def _headers(html: str) -> list[list[str]]:
    """Each table's header cells, in order."""
    heads = re.findall(r"<thead>(.*?)</thead>", html, flags=re.S)
    return [re.findall(r"<th[^>]*>(.*?)</th>", head, flags=re.S) for head in heads]


def _estimated(table: str) -> float:
    """A table's width by the rule the split uses: its widest text per column (a header wraps at spaces)."""
    rows = [
        re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S) for row in re.findall(r"<tr.*?</tr>", table, re.S)
    ]
    widths = []
    for column in zip(*rows, strict=True):
        words = [w for text in column[:1] for w in re.split(r"\s+|(?<=-)", text)] + list(column[1:])
        widths.append(PRINT_CELL + PRINT_CHAR * max(len(w) for w in words))
    return sum(widths)


@pytest.mark.parametrize("fan", [(50, 80), (10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99)])
def test_the_printed_forecast_table_is_split_by_variable_into_tables_that_fit_a_page(six, fan):
    page = render_report(six, diagnose(six, irf_periods=4), forecast=forecast_artifact(six, 10), fan=fan)
    section = page[page.index("<h2>Forecast:") : page.index("<h2>", page.index("<h2>Forecast:") + 4)]
    screen = section[section.index("<div class='screen'>") : section.index("<div class='print'>")]
    printed = section[section.index("<div class='print'>") :]
    (wide,) = _headers(screen)  # on screen: the one table, which scrolls sideways
    assert len(wide) == 1 + 6 * (1 + 2 * len(fan))
    tables = _headers(printed)
    assert all(head[0] == "period" for head in tables)  # every printed table led by the periods
    assert sorted(c for head in tables for c in head[1:]) == sorted(wide[1:])  # every column, once
    for head in tables:
        assert len({c.split(" ")[0] for c in head[1:]}) == 1, head  # one variable's columns
    assert [head[1] for head in tables if head[1].endswith(" median")] == [f"{v} median" for v in SIX]
    for head in tables:  # a level's bounds stay together
        assert all(f"{c[: -len('lower')]}upper" in head for c in head if c.endswith(" lower"))
    if len(fan) == 2:
        assert len(tables) == 6  # a variable's five columns fit one table
    else:
        assert len(tables) > 6  # a variable's 23 do not: its levels go on in a table of their own
    for table in re.findall(r"<table.*?</table>", printed, flags=re.S):
        assert _estimated(table) <= PRINT_WIDTH
    style = _print_style()
    assert "div.print{display:none}" in _STYLE[: _STYLE.index("@media print")]  # shown in print only
    assert "div.screen{display:none}" in style and "div.print{display:block}" in style


def test_the_impulse_responses_table_is_split_for_print_too(six):
    page = render_report(six, diagnose(six, irf_periods=4))
    section = page[page.index("impulse responses, horizon 4</h2>") :]
    section = section[: section.index("<h2>")]
    screen = section[section.index("<div class='screen'>") : section.index("<div class='print'>")]
    (wide,) = _headers(screen)
    tables = _headers(section[section.index("<div class='print'>") :])
    assert len(wide) == 1 + 36 and len(tables) > 1
    assert [c for head in tables for c in head[1:]] == wide[1:] and all(head[0] == "h" for head in tables)


def test_the_variance_decomposition_table_is_split_for_print_too():
    """A 10-variable model's table of shocks was one table 1,715 px wide in print, most of it off the page."""
    ten = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "tbilrate", "unemp", "pop")
    artifact = build_artifact(train(load_dataset(variables=list(ten)), ModelSpec(ten, lags=1, holdout=0)), "w", "t")
    page = render_report(artifact, diagnose(artifact, irf_periods=4))
    section = page[page.index("<h2>Variance decomposition") :]
    following = section.find("<h2>", 4)
    section = section if following < 0 else section[:following]
    screen = section[section.index("<div class='screen'>") : section.index("<div class='print'>")]
    printed = section[section.index("<div class='print'>") :]
    (wide,) = _headers(screen)
    tables = _headers(printed)
    assert len(wide) == 1 + 10 and len(tables) > 1
    assert [c for head in tables for c in head[1:]] == wide[1:]  # every shock once, in order
    for table in re.findall(r"<table.*?</table>", printed, flags=re.S):
        assert _estimated(table) <= PRINT_WIDTH


def test_each_interactive_chart_is_kept_whole_on_a_printed_page_with_its_heading(six):
    figures = [(f"chart {n}", go.Figure(go.Scatter(x=[1, 2], y=[n, 1]))) for n in range(3)]
    page = render_report(six, diagnose(six, irf_periods=4), figures)
    kept = re.findall(
        r"<div class='figure'><h3>(chart \d)</h3>(.*?)</div>\s*(?=<div class='figure'>|</section></body>)", page, re.S
    )
    assert [title for title, _ in kept] == ["chart 0", "chart 1", "chart 2"]
    assert all("plotly-graph-div" in chart for _, chart in kept)  # the chart sits in the heading's box
    rule = re.search(r"([^{}]*)\{break-inside:avoid\}", _print_style())
    assert rule and "div.figure" in rule.group(1).split(",")
