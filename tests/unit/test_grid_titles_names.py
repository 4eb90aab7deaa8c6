"""varlib.grid_names, the one shortener of a grid's names (the Diagnostics page's grids and the report's): every name
fits its room, no two alike, a short name never cut, a long one kept where it differs from the others."""

from __future__ import annotations

import pytest

from tests.unit.test_grid_titles import LONG6, V12
from ui.plot_text import fitted
from varlib import grid_names

SAME_START = [f"Regional price index of the western district, series {n}" for n in ("A", "B", "C")]


@pytest.mark.parametrize("names", [LONG6, V12, SAME_START], ids=["long6", "v12", "same-start"])
@pytest.mark.parametrize("chars, lines", [(4, 1), (7, 1), (9, 1), (15, 1), (19, 1), (15, 2), (23, 2), (30, 3)])
def test_names_fit_their_room_and_none_are_alike(names, chars, lines):
    shown = grid_names(names, chars, lines)
    assert len(set(shown)) == len(names), shown
    for name in shown:  # as the page breaks it: no word cut, no line dropped for an ellipsis
        assert fitted(name, max(chars, 8), lines).replace("<br>", " ") == name, name


def test_short_names_are_never_cut_however_narrow_the_panel():
    assert grid_names(V12, 4) == V12
    assert grid_names(V12, 7) == V12  # `realgovt` whole, not `realgo-vt`


def test_a_long_name_keeps_where_it_differs_and_words_when_they_tell_it_apart():
    assert grid_names(LONG6, 15) == [
        "Real gross dom…",
        "Real personal…",
        "Real gross pri…",
        "Real federal…",
        "Real private…",
        "Consumer price…",
    ]
    ends = grid_names(SAME_START, 14)
    assert [name[-1] for name in ends] == ["A", "B", "C"] and all("…" in name for name in ends)
    assert grid_names(LONG6, 9)[0] == "Real… (1)"  # nothing short tells it from the third: its number


def test_names_that_fit_are_shown_whole():
    assert grid_names(LONG6, 60) == LONG6
