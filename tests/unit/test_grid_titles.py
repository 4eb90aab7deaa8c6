"""Grid panel titles name their panels: within one grid, two panels of different pairs have different titles, and a
short name (`realgovt`) is never cut or hyphenated. Long names alike at their start (`Real gross domestic product…`,
`Real gross private domestic investment…`) were all `Real gross… → Real gross…` on the Diagnostics page and in the
report's impulse responses; 12 short names read `real… ←` and `realgo-vt`. Whole names stay in the hovers (page) and
in the titles' own `<title>` and a key under the grid (report)."""

from __future__ import annotations

import re

import pytest

from tests.support.models import diagnosed_noise
from ui.diagnostics_figures import acorr_figure, fevd_figure
from ui.plot_text import plain
from ui.response_figures import irf_figure
from varlib.report_diagnostics import table
from varlib.report_forecast import irf_section

LONG6 = [  # the QA's long6.csv
    "Real gross domestic product in chained 2005 dollars",
    "Real personal consumption expenditures total",
    "Real gross private domestic investment total",
    "Real federal government consumption and investment",
    "Real private disposable income of households",
    "Consumer price index for all urban consumers",
]
V12 = ["realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi"]
V12 += ["m1", "tbilrate", "unemp", "pop", "infl", "realint"]  # the bundled macro data's 12 short names
ARROWS = {"→", "←"}


def _diag(names: list[str]):
    return diagnosed_noise(names, 3, irf_periods=4)


@pytest.fixture(scope="module", params=["long6", "v12"])
def grid(request):
    names = LONG6 if request.param == "long6" else V12
    return names, _diag(names)


def _titles(fig) -> list[tuple[str, str]]:
    """(shown, whole) of each panel title: the title as read (lines joined) and its hover."""
    return [(plain(note.text.replace("<br>", "\n")), plain(note.hovertext)) for note in fig.layout.annotations]


def _assert_told_apart(titles: list[tuple[str, str]]) -> None:
    shown = [title for title, _ in titles]
    assert len({whole for _, whole in titles}) == len(titles)  # the panels' pairs all differ
    alike = sorted({title for title in shown if shown.count(title) > 1})
    assert alike == [], f"titles shared by panels of different pairs: {alike}"


def _assert_short_names_whole(titles: list[tuple[str, str]], names: list[str]) -> None:
    """Every word of a title of short names is one of the names or an arrow: none cut (`real…`) or hyphenated."""
    for shown, _ in titles:
        words = shown.split()
        assert set(words) <= set(names) | ARROWS, shown


def test_the_pages_impulse_response_grid_tells_every_pair_apart(grid):
    names, diag = grid
    titles = _titles(irf_figure(diag))
    assert len(titles) == len(names) ** 2
    _assert_told_apart(titles)
    if names == V12:
        _assert_short_names_whole(titles, names)
    assert titles[2][1] == f"{names[2]} → {names[0]}"  # the hover: the whole names, as typed


def test_the_pages_autocorrelation_grid_tells_every_pair_apart(grid):
    names, diag = grid
    titles = _titles(acorr_figure(diag))
    _assert_told_apart(titles)
    if names == V12:
        _assert_short_names_whole(titles, names)
    assert titles[1][1] == f"{names[0]} ← {names[1]}"


def test_the_printed_autocorrelation_grid_and_the_decomposition_tell_their_panels_apart(grid):
    _, diag = grid
    _assert_told_apart(_titles(acorr_figure(diag, drawn=600)))  # the report's pieces, drawn narrower
    _assert_told_apart(_titles(fevd_figure(diag, drawn=600)))


TITLE = re.compile(r"<text[^>]*class='title'><title>([^<]*)</title>([^<]*)((?:<tspan[^>]*>[^<]*</tspan>)*)</text>")


def test_the_reports_impulse_response_grid_tells_every_pair_apart_and_keys_the_shortened_names(grid):
    names, diag = grid
    section = "".join(irf_section(diag, True, table))
    found = TITLE.findall(section)
    assert len(found) == len(names) ** 2
    titles = [(f"{first}\n{re.sub(r'<[^>]+>', chr(10), more)}".strip(), whole) for whole, first, more in found]
    _assert_told_apart(titles)
    if names == V12:
        _assert_short_names_whole(titles, names)
        assert "Names shortened" not in section
    else:  # paper has no hover: a key under the grid names each shortened name whole
        key = re.search(r"Names shortened in the titles: ([^<]*)</p>", section)[1]
        assert all(name in key for name in LONG6)


def test_the_backtest_and_comparison_grids_title_their_panels_apart():
    """ui.chart_look.panel_grid's own titles (the Backtest and Compare grids) come from the same shortener."""
    from ui.chart_look import panel_grid

    countries = ("Germany", "France", "Italy", "Spain", "Netherlands", "Belgium")
    alike = [f"Gross domestic product at market prices, chain linked volumes, index 2015, {c}" for c in countries]
    fig, _, _ = panel_grid(alike, 6, 200)
    titles = [plain(note.text) for note in fig.layout.annotations]
    assert len(set(titles)) == len(alike), titles  # all `Gross domestic product at market prices, chain…` before
    assert [note.hovertext for note in fig.layout.annotations] == alike


def test_the_reports_impulse_response_titles_measure_wide_characters_as_wide():
    """Nine CJK characters are as wide as eighteen Latin ones (panel_names.text_width): a pair of such names is
    39 of a title line's 21 characters, so each title takes two lines, a name on each (by count, 21, it took one
    line and ran past its panel)."""
    names = ["国内生产总值实际值", "个人消费支出实际值"]
    found = TITLE.findall("".join(irf_section(_diag(names), True, table)))
    assert len(found) == 4
    for whole, first, more in found:
        impulse, response = whole.split(" → ")
        assert (first, re.sub(r"<[^>]+>", "", more).strip()) == (f"{impulse} →", response)
