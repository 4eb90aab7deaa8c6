"""How the Models page's tables share the page's width among their columns (ui.column_widths): each column as wide
as its text, a free-text one taking the rest, and when they do not fit, the free text cut first, then the widest of
the others alike; a time or a version, and a header, never."""

from __future__ import annotations

import pandas as pd

from ui.column_widths import PADDING, REST_LEAST, cut, laid_out, need, text_px

STAMP = "2026-12-06 08:40:49 UTC"


def test_short_columns_get_what_their_text_needs_and_the_free_text_the_rest():
    table = pd.DataFrame({"version": ["0.0.1"], "status": ["withdrawn: wrong data file"], "notes": ["a note " * 40]})
    sized = laid_out(table, 500, whole=("version",), rest="notes")
    assert sized["status"] == need(["status", "withdrawn: wrong data file"])
    assert sized["notes"] == 500 - sized["version"] - sized["status"] > REST_LEAST


def test_columns_that_do_not_fit_are_cut_widest_first_and_alike_but_no_header_or_time():
    table = pd.DataFrame(
        {"at": [STAMP], "checks": ["x" * 60], "model": ["y" * 40], "scenario": [""], "reason": ["why " * 30]}
    )
    sized = laid_out(table, 420, whole=("at",), rest="reason")
    assert sum(sized.values()) == 420 and REST_LEAST <= sized["reason"] <= REST_LEAST + 1  # a px the cut leaves over
    assert sized["at"] == need(["at", STAMP])  # a time cut reads as another time
    assert sized["scenario"] == need(["scenario"])  # an empty column is as wide as its header, and that whole
    assert sized["checks"] == sized["model"] < need(["model", "y" * 40])


def test_a_text_is_estimated_no_narrower_than_chromium_draws_it():
    # widths Chromium measured in the grid's 14 px Source Sans
    drawn = {"withdrawn: trained on the wrong file": 212.2, "VAR(5) in log differences, trend c": 187.3, STAMP: 142.9}
    drawn |= {"THE QUICK BROWN FOX JUMPS": 183.0, "mmmmwwww": 86.7, "⚠ not stable, non-normal residuals": 204.7}
    assert all(drawn[text] <= text_px(text) <= 1.1 * drawn[text] for text in drawn)


def test_a_text_too_long_for_its_column_is_cut_with_an_ellipsis_that_fits_and_one_that_fits_is_whole():
    note = "a note that runs on and on past the edge of its column " * 3
    shown = cut(note, 220)
    assert shown.endswith("…") and note.startswith(shown[:-1]) and text_px(shown) <= 220 - PADDING
    assert text_px(note[: len(shown) + 1] + "…") > 220 - PADDING  # as much of it as fits
    assert cut("realgdp, realcons", 220) == "realgdp, realcons"
