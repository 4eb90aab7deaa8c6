"""A report chart's title that is wider than its chart is shortened in its middle, keeping both ends (an impulse
response's `impulse → response`), where the SVG cut it at the chart's edge; the whole title stays in the SVG's own
title and label. Titles are measured in px of their bold font (varlib.title_font), so `W`s are cut sooner than `i`s."""

from __future__ import annotations

import re

from varlib.report_svg import PAD_LEFT, PAD_RIGHT, Line, chart
from varlib.title_font import title_width

LONG = "x → Real gross domestic product, chained 2012 dollars, seasonally adjusted annual rate"
ROOM = 250 - PAD_LEFT - PAD_RIGHT  # a 250 px chart's title line


def _shown(svg: str) -> str:
    return re.search(r"<text[^>]*class='title'><title>[^<]*</title>([^<]*)</text>", svg)[1]


def test_a_long_title_keeps_both_ends_within_the_chart():
    svg = chart(LONG, ["1", "2", "3"], [Line("response", [0.1, 0.2, 0.3], "#000")], width=250)
    shown = _shown(svg)
    assert title_width(shown, 12, "report") <= ROOM
    assert shown.startswith("x → Real") and shown.endswith("nnual rate") and "…" in shown
    assert f"<title>{LONG}</title>" in svg and f"aria-label='{LONG}'" in svg


def test_a_title_that_fits_is_shown_whole():
    svg = chart("gdp → consumption", ["1", "2"], [Line("response", [0.1, 0.2], "#000")], width=250)
    assert _shown(svg) == "gdp → consumption"


def _titled(title: str) -> str:
    return _shown(chart(title, ["1", "2"], [Line("response", [0.1, 0.2], "#000")], width=250))


def test_a_title_of_wide_letters_wider_than_the_chart_is_shortened():
    title = "W" * 16  # 16 characters: a count of 7.5 px each would keep it whole (120 px), drawn it is 212 px
    assert title_width(title, 12, "report") > ROOM
    shown = _titled(title)
    assert "…" in shown and title_width(shown, 12, "report") <= ROOM
    assert shown.startswith("WWW") and shown.endswith("WWWW")


def test_a_title_of_narrow_letters_that_fits_is_kept_whole():
    title = "i" * 36  # 36 characters: a count of 7.5 px each would cut it (270 px), drawn it is 148 px
    assert title_width(title, 12, "report") <= ROOM
    assert _titled(title) == title
