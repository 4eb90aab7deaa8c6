"""Presentation mode under a link's refusals, in Chromium: a warning that the link asked for a value the page could
not use (a level, steps) is written above the charts, and one pushed the first chart's legend 70 px under a
1280x720 window, two 156 px under a 1920x1080 one, as a withdrawn version's warning did before its lines were
counted. The window's height now counts them too. The store is a local folder."""

from __future__ import annotations

import pytest

from tests.e2e.test_present_qa_screens_e2e import first_chart_and_said
from ui import presentation

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    "size, query",
    [
        ((1280, 720), "&level=97"),
        ((1366, 768), "&level=97&layout=grid"),
        ((1920, 1080), "&level=97&steps=abc&layout=grid"),
    ],
)
def test_a_links_warnings_leave_the_window_its_first_legend(local_var_dashboard, chromium, size, query):
    url = f"{local_var_dashboard}/?model=var&version=0.0.1&present=1{query}"
    first, warned = first_chart_and_said(chromium, url, size, "The link asked for")
    assert warned == query.count("level=") + query.count("steps="), warned  # the room still reads each
    assert first["bottom"] <= size[1] and first["out"] == [], (size, first)  # its legend and axis included
    assert first["plot"] >= presentation.PLOT_LEAST, first
