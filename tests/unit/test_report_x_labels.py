"""A report chart's x labels are spaced by their width in px of the 11 px font they are drawn in
(varlib.title_font), not by a count of characters: labels of wide letters keep a gap between them, and as many
narrow ones show more of themselves."""

from __future__ import annotations

import re
from itertools import pairwise

from varlib.report_svg import Line, chart
from varlib.title_font import title_width


def _ticks(labels: list[str]) -> list[tuple[float, str]]:
    svg = chart("gdp", labels, [Line("history", [float(i) for i in range(len(labels))], "#333")])
    return [(float(x), text) for x, text in re.findall(r"<text x='([\d.]+)' y='[\d.]+' class='xtick'>([^<]*)<", svg)]


def test_labels_of_wide_letters_keep_a_gap_between_them():
    # nine `W`s and a digit are 105 px; counted as 6.5 px characters all seven were drawn, 111 px apart
    ticks = _ticks([f"WWWWWWWWW{i}" for i in range(7)])
    width = max(title_width(text, 11, "report-regular") for _, text in ticks)
    gaps = [b - a - width for (a, _), (b, _) in pairwise(ticks)]
    assert len(ticks) >= 2 and min(gaps) >= 11  # an em of the labels' font at least: they read as separate labels


def test_narrow_labels_are_all_shown_where_they_fit():
    # nine `i`s and a digit are 35 px: ten fit in a 760 px chart, where a count of characters drew every other one
    labels = [f"iiiiiiiii{i}" for i in range(10)]
    assert [text for _, text in _ticks(labels)] == labels
