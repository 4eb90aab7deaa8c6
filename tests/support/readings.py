"""A page's measure once it holds still: charts mount, and controls redraw, a moment after a run or a resize (seconds
on a loaded machine), so a reading is kept only once two of them a moment apart agree."""

from __future__ import annotations


def settled(page, script: str, ready: str = "r => r", pause_ms: int = 300, tries: int = 60):
    """`script`'s result (a JS function's) once `ready` (a JS function of it) holds and two readings `pause_ms` apart
    agree; AssertionError when it keeps changing for `tries` pauses."""
    read = f"() => {{ const r = ({script})(); return ({ready})(r) && r; }}"
    before = page.wait_for_function(read).json_value()
    for _ in range(tries):
        page.wait_for_timeout(pause_ms)
        now = page.wait_for_function(read).json_value()
        if now == before:
            return now
        before = now
    raise AssertionError(f"the page kept changing for {tries * pause_ms / 1000:g} s: {before}")
