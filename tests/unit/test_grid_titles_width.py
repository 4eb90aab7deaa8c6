"""Grid panel titles measured in px of the font they are drawn in (varlib.title_font), not in characters: a title of
wide letters (`WWWWMMMM_GDP_NOMINAL`) is cut where one of as many narrow ones is kept whole, on the dashboard's grids
and in the report's, and varlib.grid_names keeps its guarantees by width: every title fits its panel, no two are
alike, a short name is never cut, a name that fits is kept whole."""

from __future__ import annotations

import re

import pytest

from tests.support.models import diagnosed_noise
from tests.unit.test_grid_titles import LONG6, TITLE, V12
from tests.unit.test_grid_titles_names import SAME_START
from ui.chart_look import panel_grid
from ui.plot_text import fitted, panel_width, plain
from ui.response_figures import irf_figure
from varlib import grid_names, panel_room, title_width
from varlib.report_diagnostics import table
from varlib.report_forecast import irf_section
from varlib.report_svg import PAD_LEFT, PAD_RIGHT

WIDE, NARROW = "WWWWMMMM_GDP_NOMINAL", "iiil_rate_fill_light"  # 20 characters each
SIX = [WIDE, "iiil_rate_fill", "iiil_rate_fill_minimum", "MMWW_OUTPUT_GAP", "illicit_trill_fill_jill", NARROW]


def _lines(text: str) -> list[str]:
    return [plain(line) for line in str(text).split("<br>")]


def test_a_title_is_as_wide_as_its_letters():
    assert len(WIDE) == len(NARROW) and title_width(WIDE) > 1.7 * title_width(NARROW)
    assert title_width("W" * 10) == 10 * title_width("W") > 3 * title_width("i" * 10)
    assert title_width("é") == title_width("e") and title_width("国") == 16  # a CJK character is an em
    assert title_width("realgdp", 12) == pytest.approx(title_width("realgdp") * 12 / 16)


def test_a_wide_name_is_cut_where_an_equally_long_narrow_one_is_kept():
    wide, narrow = grid_names([WIDE, NARROW], width=150)
    assert narrow == NARROW
    assert wide.endswith("…") and WIDE.startswith(wide[:-1]) and title_width(wide) <= 150


def test_the_dashboards_grid_titles_fit_their_panels_and_keep_narrow_names_whole():
    fig, _, _ = panel_grid(SIX, 6, 200)
    room = panel_width(6, 0.2 / 6)  # 123 px: 15 characters of 8 px cut `illicit_trill_fill_jill`
    titles = [note.text for note in fig.layout.annotations]
    assert all(title_width(line) <= room for title in titles for line in _lines(title)), titles
    assert titles[1] == "iiil_rate_fill" and titles[4] == "illicit_trill_fill_jill"
    assert titles[3] != "MMWW_OUTPUT_GAP"  # 15 characters, but 136 px: it ran past its panel


def test_the_impulse_response_titles_fit_their_panels_by_width():
    names = [WIDE, NARROW, "MMWW_OUTPUT_GAP"]
    titles = [note.text for note in irf_figure(diagnosed_noise(names, 3, irf_periods=4)).layout.annotations]
    room = panel_room(names, panel_width(3, 0.2 / 3))
    assert all(title_width(line) <= room for title in titles for line in _lines(title)), titles
    assert titles[4] == f"{NARROW} → {NARROW}"  # fits whole on one line


def test_the_reports_impulse_response_titles_fit_their_panels_by_width():
    names = [WIDE, NARROW]
    found = TITLE.findall("".join(irf_section(diagnosed_noise(names, 3, irf_periods=4), True, table)))
    room = 250 - PAD_LEFT - PAD_RIGHT  # the report's panel: 12 px bold titles
    lines = [line for _, first, more in found for line in (first, *re.findall(r">([^<]*)</tspan>", more))]
    assert lines and all(title_width(line, 12, "report") <= room for line in lines), lines
    assert f"{NARROW} →" in lines and NARROW in lines


@pytest.mark.parametrize("names", [LONG6, V12, SAME_START, SIX], ids=["long6", "v12", "same-start", "six"])
@pytest.mark.parametrize("width, lines", [(20, 1), (70, 1), (110, 1), (150, 2), (190, 2), (250, 3)])
def test_names_fit_their_width_and_none_are_alike(names, width, lines):
    shown = grid_names(names, lines=lines, width=width)
    assert len(set(shown)) == len(names), shown
    room = panel_room(names, width)
    for name in shown:  # as the page breaks it: no word cut, no line dropped for an ellipsis, none past the panel
        title = fitted(name, 0, lines, width=room)
        assert title.replace("<br>", " ") == name and all(title_width(line) <= room for line in _lines(title))


def test_short_names_are_never_cut_by_width_and_names_that_fit_are_whole():
    assert grid_names(V12, width=10) == V12  # `realgovt` whole, its title wider than the panel
    assert grid_names(LONG6, lines=2, width=2000) == LONG6
