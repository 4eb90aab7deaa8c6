"""A presented chart's title and subtitle wrap to the chart's width, narrower in the grid than stacked, and a title
of several lines starts low enough to keep its top in the chart and in an exported image (QA pass in Chromium;
tests/e2e/test_present_qa_screens_e2e.py measures the drawn charts)."""

from __future__ import annotations

from math import ceil

import plotly.graph_objects as go

from ui import presentation
from ui.chart_look import SUBTITLE_CHARS, TITLE_CHARS, Look, accessible_name
from ui.plot_text import plain

TITLE = "Real gross domestic product, seasonally adjusted annual rate (bn 2012 USD)"
SUBTITLE = "six 0.0.1 · median in levels with 30%, 60%, 90% standard intervals"


def _lines(text: str) -> list[str]:
    return [plain(line) for line in text.split("<br>")]


def test_a_grid_cell_wraps_title_and_subtitle_narrower_than_a_stacked_chart():
    stacked = Look(subtitle=SUBTITLE, present=True).layout(TITLE, TITLE, "date", presentation.STACK_HEIGHT)
    grid = Look(subtitle=SUBTITLE, present=True, grid=True).layout(TITLE, TITLE, "date", presentation.GRID_HEIGHT)
    assert len(_lines(grid["title"]["text"])) > len(_lines(stacked["title"]["text"]))
    assert all(len(line) <= TITLE_CHARS["grid"] for line in _lines(grid["title"]["text"]))
    assert _lines(stacked["title"]["subtitle"]["text"]) == [SUBTITLE]  # it fits a stacked chart
    sub = _lines(grid["title"]["subtitle"]["text"])
    assert len(sub) == 2 and all(len(line) <= SUBTITLE_CHARS["grid"] for line in sub)
    assert sub[-1].endswith("standard intervals")  # the interval kind is never cut off
    # the further lines of both push the plot down, and a screen reader still hears both whole
    assert grid["margin"]["t"] > stacked["margin"]["t"] > Look(present=True).margin["t"]
    figure = go.Figure(layout=grid)
    assert accessible_name(figure) == f"{TITLE} · {SUBTITLE}"


def test_a_title_of_several_lines_starts_low_enough_to_keep_its_top():
    for present in (False, True):
        look = Look(present=present)
        title = look.layout(TITLE, TITLE, "date", 400)["title"]
        assert "<br>" in title["text"]
        # plotly draws a title of more lines 0.72 em higher: the pad takes that back, with the air over an accent
        air = 4 + ceil(0.16 * (look.font + 8))  # an accented capital (Ä) rose to the top edge under 4 px
        assert title["pad"]["t"] >= air + ceil(0.72 * (look.font + 8)), title["pad"]
        one = look.layout("realgdp", "realgdp", "date", 400)
        assert one["title"]["pad"]["t"] >= air
        # the plot moves down with the title: its gap under the subtitle stays (the 4 px pad's margins were 80, 96)
        assert one["margin"]["t"] - one["title"]["pad"]["t"] == (96 if present else 80) - 4


def test_the_grid_of_a_page_makes_room_for_its_longest_title():
    css = presentation.screen_css(68)
    least = presentation.GRID_HEIGHT + 68
    assert f"max({least}px, (100vh - " in css  # two rows a window when they fit at that height
    assert f"@media (max-height: {2 * least + presentation.TOP + 16}px)" in css  # else one
    assert f"max({presentation.STACK_HEIGHT}px, 100vh - {presentation.TOP}px)" in css
