"""A presented chart keeps a least height however long the notes above it are: a withdrawal's reason may run to
2000 characters, and its lines, taken off the least height without end, left a negative one, which the browser
clamps to 0: the chart was gone."""

from __future__ import annotations

import re

from ui import presentation

REASON = "trained on the wrong file, " * 70  # 1890 characters, under the 2000 a reason may have


def _least(css: str) -> list[int]:
    """Every least height the CSS gives a chart (the first px of each `max(...)`)."""
    return [int(px) for px in re.findall(r"--fc-fill: max\((-?\d+)px", css)]


def test_a_long_withdrawal_leaves_every_chart_its_least_height():
    note = ("warning", f"**var 0.0.1** was withdrawn by admin on 2026-01-02: {REASON}")
    assert presentation.notes_px([note], presentation.NOTE_WINDOWS[0]) > presentation.STACK_HEIGHT
    least = _least(presentation.screen_css(0, [note]))
    assert least and min(least) == presentation.LEAST_KEPT
    # a grid too low for its cells stacks its charts (grid_stacks): those keep it too
    needs = dict.fromkeys(presentation.GRID_WINDOWS, 400)
    stacked = _least(presentation.grid_stacks(needs, presentation.GRID_HEIGHT, [note]))
    assert stacked and min(stacked) == presentation.LEAST_KEPT


def test_short_notes_still_come_off_the_least_height():
    note = ("caption", "Exogenous values: realint held at 1.")
    taken = presentation.notes_px([note], presentation.NOTE_WINDOWS[0])
    assert presentation.STACK_HEIGHT - taken in _least(presentation.screen_css(0, [note]))
