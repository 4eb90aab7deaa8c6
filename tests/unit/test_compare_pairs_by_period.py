"""`varlib compare` prints month-start and month-end versions of one model side by side, period by period, as
the dashboard overlays them: it printed each version's rows in a block of its own, as if of two frequencies."""

from __future__ import annotations

from tests.unit.test_calendar_display_qa_library import _artifact
from varlib import overlay_forecasts, overlay_frame, shared_lag_table
from varlib.cli.compare import _print_forecasts


def test_month_starts_and_month_ends_pair_by_month(capsys):
    first, other = _artifact("MS", "0.0.1"), _artifact("ME", "0.0.2", "2005-01-31")
    shared = shared_lag_table([first, other])
    overlaid = overlay_forecasts([first, other], steps=2, lag_table=shared)
    frame = overlay_frame(overlaid)
    by_version = {v: list(frame.loc[frame["version"] == v, "period"]) for v in frame["version"].unique()}
    assert by_version["m 0.0.1"] == by_version["m 0.0.2"]  # 2010-01-31 is January, as 2010-01-01 is
    _print_forecasts([first, other], overlaid, shared, 2, 95.0)
    rows = [line.split() for line in capsys.readouterr().out.splitlines() if line.startswith(("Jan 2010", "Feb"))]
    assert [(r[0], r[1], r[2], r[4]) for r in rows[:4]] == [
        ("Jan", "2010", "x", "0.0.1"),
        ("Jan", "2010", "x", "0.0.2"),
        ("Jan", "2010", "y", "0.0.1"),
        ("Jan", "2010", "y", "0.0.2"),
    ]
