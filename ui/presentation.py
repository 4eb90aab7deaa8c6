"""Presentation mode: the Forecast page for a room (`?present=1`, or the toggle above the charts).

The sidebar goes, the text grows (the root font size scales Streamlit's rem-based sizes), the
controls fold into one expander, and the charts get a screen each (one chart per window, whatever
its height) or share it as a grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

import streamlit as st

from ui.literal import library_text
from ui.plot_text import LEGEND_ITEM_PX, legend_text_px, line_count
from varlib import counted

# A presented chart fills the window under the folded controls (TOP px from its top, their margin included): its
# height follows the window (screen_css), so that one chart with its legend fits a 1280x720 projector, a 1366x768
# laptop and a 1920x1080 screen alike, and a grid's two rows a 1080 px high window. These are the least they are
# drawn (a 720 px window's), what the figures are laid out for, and what they are without the CSS.
STACK_HEIGHT = 500
GRID_HEIGHT = 420  # a row of the grid: two fill a 1080 px window, one a lower one (one row: as stacked)
NORMAL_HEIGHT = 360
# The least a presented chart keeps however many lines of notes are above it (a withdrawal's reason runs to 2000
# characters): taken off without end, they left a negative height, which the browser draws as none, and the chart
# was gone. It keeps the chart, not a plot of PLOT_LEAST px: under the presented margins (ui.chart_look.Look.margin,
# 101 px above and 125 below) its plot is 74 px. A least that kept PLOT_LEAST (376 px) would push the first legend
# under a 720 px window below a newer version's notice (ui.live); 300 px keeps it in the window.
LEAST_KEPT = 300
# The charts' widths the legend's rows are counted at: a page's two side by side at 1440 px (False), presentation
# mode's stacked at 1280 px and a grid's cell at 1920 (a narrower chart's legend takes more: plotly widens the margin
# for them, in a second layout pass); a cell of a grid that stacks in a low window (grid_stacks) is counted as stacked:
# its cell's rows left the stacked chart's plot 50 px less
LEGEND_PX = {False: 482, True: 1095, "grid": 858}
ROW_PX = {False: 20, True: 26}  # a row of the legend (13 px, presented 18 px), as Chromium draws it
MARGIN_ROWS = {False: 2, True: 1}  # the legend's rows ui.chart_look.Look.margin holds
TOP = 220  # px above a chart that fills the window: the page's top, the two folded expanders and a gap
# A note written above the charts (a warning, a caption, the line warnings fold into: fold; a notice of ui.live and
# the button that shows a newer version: "info", "button") takes that much more
# from their window (read in Chromium): px a line, px more (padding and the gap under it), the font's px and the
# page's width its text does not get (the page's padding, a warning's icon); a character is counted 0.5 em, wider
# than most, so that lines are not undercounted. They are counted at each of NOTE_WINDOWS' widths, for the windows
# at least that wide.
NOTE_PX = {
    "caption": (25.9, 18, 16.2, 185),
    "warning": (27.75, 56, 18.5, 254),
    "folded": (25.9, 39, 16.2, 270),
    "info": (27.75, 58.5, 18.5, 254),
    "button": (44, 21, 16.2, 270),
}
NOTE_WINDOWS = (800, 1280, 1366, 1440, 1920)
# A grid's cell keeps a plot PLOT_LEAST px high at least: in a window too low for that, the grid's charts stack, a
# window each (a far scenario's six legend rows had left a cell of a 1280x720 window a 30 px plot). A cell is half
# the page's width less PAGE_PX (its padding and the gap between the cells), whose legend's rows are counted at
# each of GRID_WINDOWS' widths, for the windows at least that wide
PLOT_LEAST = 150
PAGE_PX = 204
GRID_WINDOWS = (800, 1024, 1280, 1366, 1440, 1920)
ABOVE = "fc_notes_above"  # the session's key of the notes above the forecast's panel (above)
SCREEN = "fc_screen"  # the keys of the containers the charts fill: `fc_screen_stack_0`, `fc_screen_grid_3`
_WRAPPER = 'div[data-testid="stLayoutWrapper"]:has(> [class*="st-key-' + SCREEN  # Streamlit's, around one

# Streamlit's labels, buttons, captions and expander titles are 0.875rem: 15.75 px at a root of 18 px, under the
# 16 px a room needs; 18.5 px makes them 16.2 px (Streamlit's own root is 16 px)
ROOT_PX = 18.5
_CSS = f"""
<style>
html {{ font-size: {ROOT_PX}px; }}
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"] {{ display: none; }}
div[data-testid="stMainBlockContainer"] {{ padding-top: 4rem; max-width: 100%; }}
</style>
"""


def enter() -> None:
    """Restyle the page for presenting (applies to this run of the page only)."""
    st.html(_CSS)


def scaled(px: int, present: bool) -> int:
    """A width of `px` at Streamlit's own 16 px root, for text of the page's size (larger in a presentation)."""
    return round(px * ROOT_PX / 16) if present else px


def notes_px(notes: Sequence[tuple[str, str]], window: int) -> int:
    """The px that `notes` ((kind, text): a "warning", a "caption", "folded", a ui.live "info" or its "button", as
    NOTE_PX) take above the charts in a window `window` px wide."""
    total = 0.0
    for kind, text in notes:
        line, more, font, padding = NOTE_PX[kind]
        total += more + line * line_count(text, int((window - padding) / (0.5 * font)))
    return ceil(total)


def above(notes: Sequence[tuple[str, str]], part: str = "page") -> None:
    """The notes ((kind, text), as notes_px) written above the presented charts in this run of `part`: the page's
    (a withdrawn version's warning, a moved alias's or a newer version's notice), whose panel is a fragment whose
    reruns leave them on screen, or the panel's ("panel": a link's value it does not use, above its folded
    controls), which its own reruns write anew. The charts' window makes room for both."""
    st.session_state.setdefault(ABOVE, {})[part] = list(notes)


def noted_above() -> list[tuple[str, str]]:
    return [note for notes in st.session_state.get(ABOVE, {}).values() for note in notes]


def fold(warnings: Sequence[str]) -> str:
    """Warnings above the presented charts in one line, in the warning's colour, that says how many and opens on
    their text: each took 84 px or more of a 720 px window, and two pushed the first chart's legend under its
    bottom. Returns the line's text (a "folded" note of notes_px)."""
    label = f"{counted(len(warnings), 'warning')}: values far from what the model knows (open to read)"
    with st.expander(f":orange[{label}]", icon=":material/warning:"):
        for text in warnings:
            st.warning(library_text(text), icon=":material/warning:")
    return label


def _fills(least: int, notes: int) -> str:
    """The heights of the charts' containers with `notes` px of notes above the first (least: a grid row's). The
    notes' px come off a chart's least height too: a 720 px window, which the least heights fill, still holds the
    first chart whole, its legend included; but never below LEAST_KEPT."""
    top = TOP + notes
    stack, row = max(STACK_HEIGHT - notes, LEAST_KEPT), max(least - notes, LEAST_KEPT)
    return f"""{_WRAPPER}_stack_"]) {{ --fc-fill: max({stack}px, 100vh - {top}px); }}
{_WRAPPER}_grid_"]) {{ --fc-fill: max({least}px, (100vh - {top + 16}px) / 2); }}
@media (max-height: {2 * least + top + 16}px) {{
  {_WRAPPER}_grid_"]) {{ --fc-fill: max({row}px, 100vh - {top}px); }}
}}
"""


def _noted(notes: Sequence[tuple[str, str]], window: int) -> int:
    """The px of `notes` that _fills takes off the charts of a window `window` px wide (as screen_css writes it)."""
    return notes_px(notes, max([w for w in NOTE_WINDOWS if w <= window] or NOTE_WINDOWS[:1])) if notes else 0


def _stacked(needs: dict[int, int], least: int, notes: Sequence[tuple[str, str]]) -> list[tuple[int, str]]:
    """The windows too low for a grid's cells (`needs`: cell_needs, the most of its charts'; `least` the cells' least
    height; the `notes` above, as screen_css): each with the px of its notes and its media query."""
    low = []
    bounds = [*GRID_WINDOWS[1:], None]
    for i, (window, wider) in enumerate(zip(GRID_WINDOWS, bounds, strict=True)):
        noted, need = _noted(notes, window), needs.get(window, 0)
        if least - noted >= need:  # the cell's least height holds the plot, in any window
            continue
        widths = ([f"(min-width: {window}px)"] if i else []) + ([f"(max-width: {wider - 0.02}px)"] if wider else [])
        low.append((noted, " and ".join([*widths, f"(max-height: {need + TOP + noted - 1}px)"])))
    return low


def stacks(needs: dict[int, int], least: int, notes: Sequence[tuple[str, str]] = ()) -> bool:
    """Whether a grid with cells of `least` px stacks its charts in some window (grid_stacks)."""
    return bool(_stacked(needs, least, notes))


def grid_stacks(needs: dict[int, int], least: int, notes: Sequence[tuple[str, str]] = ()) -> str:
    """CSS that stacks a grid's charts in the windows too low for its cells: `needs` (cell_needs: the most of its
    charts'), `least` the cells' least height, the `notes` above as screen_css. A stacked chart is as wide as the page
    and as high as a stacked chart of the presentation (its legend takes a row or two there)."""
    return "".join(
        f"""@media {query} {{
  div[data-testid="stHorizontalBlock"] > {_WRAPPER}_"]),
  div[data-testid="stHorizontalBlock"] > div[data-testid="stColumn"]:has([class*="st-key-{SCREEN}_"])
  {{ flex: 1 1 100% !important; }}
  {_WRAPPER}_grid_"]) {{ --fc-fill: max({max(STACK_HEIGHT - noted, LEAST_KEPT)}px, 100vh - {TOP + noted}px); }}
}}
"""
        for noted, query in _stacked(needs, least, notes)
    )


def screen_css(
    extra: int = 0, notes: Sequence[tuple[str, str]] = (), needs: dict[int, int] | None = None, cell: int = 0
) -> str:
    """The heights of the containers the charts fill (screen_key), each of fixed height with a chart of height
    "stretch" in it, set in the layout wrapper Streamlit puts around it: a stacked chart is as high as the window
    under the controls; the grid's rows, at least GRID_HEIGHT and the `extra` px of their titles' further lines,
    share a window two by two when they fit, else take one each. `notes` written above the charts (notes_px) take
    their px from the window, as wide as it is: fixed, they pushed the first legend under the window's bottom.
    `needs` and `cell` (its cells' least height): a grid's, whose charts stack in a window too low for its cells
    (grid_stacks)."""
    least = GRID_HEIGHT + extra
    fills = _fills(least, notes_px(notes, NOTE_WINDOWS[0]))
    if notes:
        for window in NOTE_WINDOWS[1:]:
            fills += f"@media (min-width: {window}px) {{\n{_fills(least, notes_px(notes, window))}}}\n"
    stacks = grid_stacks(needs, cell, notes) if needs else ""
    return f"""<style>
{fills}{stacks}{_WRAPPER}_"]) {{ height: var(--fc-fill) !important; }}
div[data-testid="stVerticalBlock"] > {_WRAPPER}_"]) {{ flex: 0 0 var(--fc-fill) !important; }}
[class*="st-key-{SCREEN}_"] {{ height: 100% !important; }}
</style>"""


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


def screen_key(layout: str, count: int, index: int) -> str:
    """The key of the container the `index`th of `count` presented charts fills (its height: screen_css)."""
    kind = "grid" if chart_height(True, layout, count) == GRID_HEIGHT else "stack"
    return f"{SCREEN}_{kind}_{index}"


def columns_for(present: bool, layout: str, count: int) -> int:
    """How many charts side by side: two on a normal page or a grid, one per row when stacked."""
    if present and layout == "stack":
        return 1
    return min(2, count)


def legend_rows(fig, look, width: float) -> int:
    """The rows the legend of `fig` (`look`: its ui.chart_look.Look) takes on a chart `width` px wide. Plotly's
    legend is as wide as the plot; an entry is its swatch and gap and its label's room (ui.plot_text.legend_text_px,
    as ui.chart_look.plot gives it), and rows of several share the widest's width."""
    shown = [t for t in fig.data if t.showlegend is not False]
    widths = [LEGEND_ITEM_PX + (t.legendwidth or legend_text_px(t.name or "", look.font)) for t in shown]
    room = width - look.margin["l"] - look.margin["r"]
    return 1 if sum(widths) <= room else -(-len(widths) // max(1, int(room // max(widths))))


def cell_needs(fig, look) -> dict[int, int]:
    """The px a grid's cell needs for `fig` (fit_legend's) to keep a plot PLOT_LEAST px high, in a window of each of
    GRID_WINDOWS' widths: its top margin, its bottom one and the further rows of its legend at the cell's width."""
    needs = {}
    for window in GRID_WINDOWS:
        rows = legend_rows(fig, look, (window - PAGE_PX) / 2)
        more = max(rows - MARGIN_ROWS[True], 0) * ROW_PX[True]
        needs[window] = PLOT_LEAST + fig.layout.margin.t + look.margin["b"] + more
    return needs


def fit_legend(fig, look, stacks: bool = False) -> None:
    """Room under a chart (`look`: its ui.chart_look.Look) for the rows its legend takes at LEGEND_PX (legend_rows;
    `stacks`: a grid's cell that a low window stacks, as a stacked chart). A page's chart grows by the further rows,
    so that its plot keeps its height (a fan's levels and overlays squeezed it to a strip); a presented one fills its
    window whatever its height."""
    rows = legend_rows(fig, look, LEGEND_PX[True if stacks else look.drawn])
    more = max(rows - MARGIN_ROWS[look.present], 0) * ROW_PX[look.present]
    fig.layout.margin.b = look.margin["b"] + more
    if not look.present:
        fig.layout.height += more
