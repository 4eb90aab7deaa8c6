"""A report chart's title that is wider than its chart is shortened in its middle, keeping both ends (an impulse
response's `impulse → response`), where the SVG cut it at the chart's edge; the whole title stays in the SVG's own
title and label."""

from __future__ import annotations

import re

from varlib.report_svg import PAD_LEFT, PAD_RIGHT, TITLE_CHAR_PX, Line, chart

LONG = "x → Real gross domestic product, chained 2012 dollars, seasonally adjusted annual rate"


def _shown(svg: str) -> str:
    return re.search(r"<text[^>]*class='title'><title>[^<]*</title>([^<]*)</text>", svg)[1]


def test_a_long_title_keeps_both_ends_within_the_chart():
    svg = chart(LONG, ["1", "2", "3"], [Line("response", [0.1, 0.2, 0.3], "#000")], width=250)
    shown = _shown(svg)
    assert len(shown) * TITLE_CHAR_PX <= 250 - PAD_LEFT - PAD_RIGHT
    assert shown.startswith("x → Real") and shown.endswith("nnual rate") and "…" in shown
    assert f"<title>{LONG}</title>" in svg and f"aria-label='{LONG}'" in svg


def test_a_title_that_fits_is_shown_whole():
    svg = chart("gdp → consumption", ["1", "2"], [Line("response", [0.1, 0.2], "#000")], width=250)
    assert _shown(svg) == "gdp → consumption"
