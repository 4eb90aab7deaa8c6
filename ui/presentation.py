"""Presentation mode: the Forecast page for a room (`?present=1`, or the toggle above the charts).

The sidebar goes, the text grows (the root font size scales Streamlit's rem-based sizes), the
controls fold into one expander, and the charts get a screen each (one chart per screen at
1920x1080) or share it as a grid.
"""

from __future__ import annotations

import streamlit as st

# One chart, its legend included, fills a window under the folded controls: a 1920x1080 screen's browser window
# with its toolbars (about 950 px high) as well as a laptop's 1440x1000.
STACK_HEIGHT = 740
GRID_HEIGHT = 420  # two rows of charts and the folded controls fit a 1080 px high window (one row: as stacked)
NORMAL_HEIGHT = 360

# Streamlit's labels, buttons, captions and expander titles are 0.875rem: 15.75 px at a root of 18 px, under the
# 16 px a room needs; 18.5 px makes them 16.2 px
_CSS = """
<style>
html { font-size: 18.5px; }
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"] { display: none; }
div[data-testid="stMainBlockContainer"] { padding-top: 4rem; max-width: 100%; }
</style>
"""


def enter() -> None:
    """Restyle the page for presenting (applies to this run of the page only)."""
    st.html(_CSS)


def theme() -> str:
    """The viewer's theme, 'light' or 'dark' (light when the browser has not said)."""
    kind = getattr(st.context.theme, "type", None)
    return kind if kind in ("light", "dark") else "light"


def chart_height(present: bool, layout: str, count: int) -> int:
    """How high each of `count` charts is drawn: a grid of a single row fills the window like a stacked
    chart (two variables side by side), a grid of more rows fits two rows to a window."""
    if not present:
        return NORMAL_HEIGHT
    if layout == "stack" or count <= columns_for(present, layout, count):
        return STACK_HEIGHT
    return GRID_HEIGHT


def columns_for(present: bool, layout: str, count: int) -> int:
    """How many charts side by side: two on a normal page or a grid, one per row when stacked."""
    if present and layout == "stack":
        return 1
    return min(2, count)
