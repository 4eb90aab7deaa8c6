"""The report charts' legend never runs into the title: beside it when both fit, on a line of its own below it
when a long variable name leaves no room (the plot moves down by that line). Both measured in px of the fonts they
are drawn in (varlib.title_font), not in characters."""

from __future__ import annotations

import re

from varlib.report_svg import PAD_LEFT, PAD_RIGHT, PAD_TOP, Band, Line, chart
from varlib.title_font import title_width

LINES = [Line("history", [1.0, 2.0, 3.0], "#333"), Line("forecast", [None, None, 3.0, 4.0], "#06c", start=0)]
BAND = Band([2.5, 3.0], [3.5, 5.0], "#cde", start=2, name="95% interval")
LABELS = ["2009Q1", "2009Q2", "2009Q3", "2009Q4"]


def _legend_texts(svg: str) -> list[tuple[float, float, str]]:
    """(x, y, text) of every label but the title and the ticks."""
    return [
        (float(x), float(y), text) for x, y, text in re.findall(r"<text x='([\d.]+)' y='([\d.]+)'>([^<]*)</text>", svg)
    ]


def _top_grid_line(svg: str) -> float:
    return min(
        float(y) for y in re.findall(r"<line x1='[\d.]+' x2='[\d.]+' y1='([\d.]+)' y2='[\d.]+' class='grid'", svg)
    )


def test_a_short_title_keeps_the_legend_on_its_line():
    svg = chart("realgdp", LABELS, LINES, BAND)
    texts = _legend_texts(svg)
    assert [t for _, _, t in texts] == ["95% interval", "forecast", "history"]
    assert {y for _, y, _ in texts} == {16.0}
    assert min(x for x, _, _ in texts) > PAD_LEFT + title_width("realgdp", 12, "report")
    assert _top_grid_line(svg) >= PAD_TOP


def test_a_long_title_puts_the_legend_below_it_and_the_plot_under_both():
    title = "unemployment_rate_seasonally_adjusted_percent_of_labour_force"
    svg = chart(title, LABELS, LINES, BAND)
    texts = _legend_texts(svg)
    assert {y for _, y, _ in texts} == {34.0}  # its own line, not the title's
    assert all(x >= 0 for x, _, _ in texts)
    assert _top_grid_line(svg) >= PAD_TOP + 18 > max(y for _, y, _ in texts)
    short = chart("x", LABELS, LINES, BAND)
    assert _top_grid_line(svg) > _top_grid_line(short)


def test_without_named_bands_there_is_no_legend_and_no_extra_line():
    title = "unemployment_rate_seasonally_adjusted_percent_of_labour_force"
    svg = chart(title, LABELS, LINES, Band([2.5, 3.0], [3.5, 5.0], "#cde", start=2))
    assert _legend_texts(svg) == []
    assert _top_grid_line(svg) == _top_grid_line(chart("x", LABELS, LINES, Band([2.5], [3.5], "#cde", start=2)))


def test_a_legend_of_wide_names_moves_below_a_short_title():
    # 25 characters each: by a count of characters (6.5 px) the legend would fit beside `gdp`; in px it does not
    wide = [Line("W" * 25, [1.0, 2.0, 3.0], "#333"), Line("M" * 25, [None, None, 3.0, 4.0], "#06c")]
    svg = chart("gdp", LABELS, wide, BAND)
    texts = _legend_texts(svg)
    assert {y for _, y, _ in texts} == {34.0}
    assert all(x >= 0 and x + title_width(name, 11, "report-regular") <= 760 - PAD_RIGHT + 0.1 for x, _, name in texts)
    assert _top_grid_line(svg) >= PAD_TOP + 18
