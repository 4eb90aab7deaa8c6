"""How the forecast charts look on a laptop, a big screen or a projector, in either theme.

Band opacities are chosen by contrast (WCAG relative luminance): the band stands out from the
page's background by a ratio of at least 1.4, and the forecast line from the band by at least 2,
in the light and the dark theme alike (tests/app/test_presentation.py checks both). A fan's levels are
solid colours from the single band's shade (the widest level) to a strong one (the narrowest), so each
level's legend swatch is the colour drawn, however many levels there are; the forecast line then runs
over the strong centre, so it gets a casing in the background's colour. Presentation
mode uses fonts of 16 px and more. Image exports are 3x the drawn size and named after what they show
(ui.chart_files).

Every chart's margins leave room for what it usually holds around its plot (tick labels, axis titles,
title and legend; sizes read in Chromium). Plotly still widens them when a chart needs more (a narrow
chart, a long legend), but that takes it a second layout pass, which is most of the time it takes to
draw a chart, on every change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from math import ceil

import streamlit as st
from plotly.subplots import make_subplots

from ui import presentation
from ui.chart_files import export_config as export_config  # where the pages took them from
from ui.chart_files import export_stem as export_stem
from ui.chart_files import modebar_config, page_image_config
from ui.period_hover import hover_format
from ui.plot_text import (
    LEGEND_ITEM_PX,
    balanced,
    fitted,
    hover_titles,
    legend_text_px,
    literal,
    panel_width,
    plain,
    text_width,
)
from varlib import grid_names, panel_room

FORECAST_RGB = (228, 87, 46)
BACKGROUNDS = {"light": (255, 255, 255), "dark": (23, 22, 20)}  # Streamlit 1.67's two base themes (#171614)
BAND_ALPHA = {"light": 0.30, "dark": 0.40}
BAND = f"rgba{(*FORECAST_RGB, BAND_ALPHA['light'])}"
# The bands of versions overlaid on Compare have colours of their own: ui.overlaid_colours
FAN_CENTRE_ALPHA = 0.8  # the narrowest level of a fan: the forecast colour at this strength over the background
# A forecast chart's title and subtitle lines, in characters (Latin ones, 0.5 em bold, 0.53 em plain, read in
# Chromium): two charts side by side at 1440 px (False) hold 42 of the 21 px title's and 67 of the 13 px subtitle's;
# in presentation mode (26 and 18 px) a stacked chart (True) of a 1080 px wide screen 56 and 88, a cell of its grid
# ("grid", half of that screen in portrait) 32 and 43. Only the browser knows the width: these fit the narrowest.
TITLE_CHARS = {False: 42, True: 56, "grid": 32}
SUBTITLE_CHARS = {False: 67, True: 88, "grid": 43}
# On a light background Streamlit's grey for ticks and subplot titles (#808495) is 3.7:1, below the 4.5:1 small
# text needs (WCAG AA); this grey is 5.7:1. The dark theme's light grey is already 15:1.
MUTED_LIGHT = "#62667a"
# On screen that grey (and the dark theme's) gives way to the page's text colour at 70%: 5.2:1 on the light
# background, 8:1 on the dark one, and it follows a switch of theme in the viewer's menu at once, before the run
# the switch asks for (ui.theme_follow) redraws the figures in the new theme's colours (exported images keep them)
THEMED_GREY = """<style>.js-plotly-plot :is(.xtick, .ytick) text, .js-plotly-plot .gtitle-subtitle
{ fill: color-mix(in srgb, currentColor 70%, transparent) !important; }</style>"""
# The small charts' margins (Look.margin has the forecast charts'): panels of the Diagnostics, Compare and
# Backtest pages carry tick labels only, the title and legend above; a holdout chart adds both axis titles and
# has its legend below, in up to two rows, as a forecast chart does.
PANEL_MARGIN = {"l": 56, "r": 20, "t": 90, "b": 40}
HOLDOUT_MARGIN = {"l": 94, "r": 20, "t": 40, "b": 118}
# The value axes' tick labels: thousands separators, up to six significant digits, an exponent from a million
# (1.2e+6). Never SI prefixes: "~s" printed 0.5 as "500m", which analysts read as 500 million. The left margins
# hold seven characters of it (100,000 or 1.05e+6) beside the axis title.
TICK_FORMAT = ",~g"


# A legend below the axis, in the chart's bottom margin: it never covers the title or subtitle, however narrow
# the chart, and stays clear of plotly's modebar, which appears top right on hover.
LEGEND_BELOW = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "xanchor": "left",
                "traceorder": "normal"}  # fmt: skip


LINE_PX = 19  # a line of a subplot title (16 px) or of the legend's rows, as Chromium draws them
PANEL_COLUMNS = 4  # a chart of one panel per variable puts at most this many side by side: 10 in a row overlapped


def panel_grid(full: Sequence[str], columns: int, panel: int, titles: Sequence[str] | None = None, **options):
    """A figure of len(full) panels in rows of `columns`, each `panel` px high under its title: `titles`, else
    each of `full` fitted to its panel's width in px (ui.plot_text.fitted); a title hovers with its whole text.
    Returns the figure, its height and its top margin, which hold the titles' lines (`options`: make_subplots')."""
    rows, spacing = -(-len(full) // columns), 0.2 / columns  # plotly's own spacing between columns
    if titles is None:
        room = panel_room(full, panel_width(columns, spacing))  # px
        titles = [fitted(t, 0, 3, width=room) for t in grid_names(full, 0, 3, width=room)]
    titles = list(titles)
    lines = max((title.count("<br>") + 1 for title in titles), default=1)
    gap = lines * LINE_PX + 44  # the titles' lines, the tick labels of the panel above and some air
    top = PANEL_MARGIN["t"] + (lines - 1) * LINE_PX
    height = top + PANEL_MARGIN["b"] + rows * panel + (rows - 1) * gap
    plot_height = height - top - PANEL_MARGIN["b"]
    specs = [[{} if r * columns + c < len(full) else None for c in range(columns)] for r in range(rows)]
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=titles, horizontal_spacing=spacing, specs=specs,
                        vertical_spacing=gap / plot_height if rows > 1 else 0.0, **options)  # fmt: skip
    hover_titles(fig, full)
    return fig, height, top


def cell(i: int, columns: int) -> dict:
    """The row and column of the `i`th panel of a grid `columns` wide, filled row by row."""
    return {"row": i // columns + 1, "col": i % columns + 1}


LEGEND_ROW_PX = 29  # a row of a legend across the top
LEGEND_WIDTH = 940
THEME_FONT_PX = 12  # Streamlit's chart theme's text, for a chart that sets no size


def legend_rows(labels: Sequence[str], room: float = LEGEND_WIDTH, size: float = THEME_FONT_PX) -> int:
    """How many rows a legend of one entry a group, `room` px wide (across a chart drawn DRAWN_WIDTH wide), takes
    for `labels` (plotly text at `size` px): plotly wraps each group that does not fit the row."""
    rows, used = 1, 0.0
    for label in labels:
        width = LEGEND_ITEM_PX + legend_text_px(label, size)
        rows, used = (rows + 1, width) if used and used + width > room else (rows, used + width)
    return rows


def legend_room(fig) -> None:
    """Give each legend entry of `fig` the room its label takes in an exported image's fallback face
    (ui.plot_text.legend_text_px): on the page, the entries stand a little further apart."""
    size = fig.layout.legend.font.size or fig.layout.font.size or THEME_FONT_PX
    for trace in fig.data:
        if trace.name and trace.showlegend is not False and trace.legendwidth is None:
            trace.legendwidth = legend_text_px(trace.name, size)


def band_colour(theme: str) -> str:
    return f"rgba{(*FORECAST_RGB, BAND_ALPHA.get(theme, BAND_ALPHA['light']))}"


def fan_colours(theme: str, levels: int) -> list[str]:
    """Solid colours of a fan's levels, widest first: from the single band's strength to FAN_CENTRE_ALPHA's,
    evenly spaced, each mixed over the theme's background."""
    background = BACKGROUNDS.get(theme, BACKGROUNDS["light"])
    outer = BAND_ALPHA.get(theme, BAND_ALPHA["light"])
    step = (FAN_CENTRE_ALPHA - outer) / max(levels - 1, 1)
    colours = []
    for i in range(levels):
        alpha = outer + i * step
        mixed = (round(b + alpha * (f - b)) for f, b in zip(FORECAST_RGB, background, strict=True))
        colours.append(f"rgb{tuple(mixed)}")
    return colours


def background_colour(theme: str) -> str:
    return f"rgb{BACKGROUNDS.get(theme, BACKGROUNDS['light'])}"


@dataclass(frozen=True)
class Look:
    """A chart's subtitle, sizes and colours."""

    subtitle: str = ""
    theme: str = "light"
    present: bool = False
    alias: str | None = None  # the data's pandas frequency (QS-JAN): how the hovers name its periods
    grid: bool = False  # a cell of presentation mode's grid: narrower than a stacked chart

    @property
    def drawn(self) -> bool | str:
        """How wide it is drawn, the key of TITLE_CHARS and SUBTITLE_CHARS."""
        return "grid" if self.present and self.grid else self.present

    @property
    def band(self) -> str:
        return band_colour(self.theme)

    @property
    def muted(self) -> str | None:
        """The subtitle's and ticks' colour: a grey readable as small text (MUTED_LIGHT), or the theme's own."""
        return MUTED_LIGHT if self.theme == "light" else None

    @property
    def font(self) -> int:
        return 18 if self.present else 13

    @property
    def title_line(self) -> int:
        """A line of the title, in px."""
        return round(1.3 * (self.font + 8))

    @property
    def title_air(self) -> int:
        """px from the chart's top to where plotly places the title's top: 4 px of air over an accent on a capital
        (Ä, É), which rises 0.16 em over that place (read in Chromium, and in an exported image's fallback face):
        with 4 px it touched the top edge and was cut off an image. More air takes the plot of a presented chart
        in a 1280x720 window under notes below PLOT_LEAST (ui.presentation)."""
        return 4 + ceil(0.16 * (self.font + 8))

    @property
    def margin(self) -> dict:
        """Title and subtitle above (under the title's air); the tick labels, both axis titles and the legend below
        and left: two legend rows for a chart of half a laptop screen, one in presentation mode (sizes read in
        Chromium)."""
        if self.present:
            return {"l": 120, "r": 20, "t": 92 + self.title_air, "b": 125}
        return {"l": 98, "r": 20, "t": 76 + self.title_air, "b": 118}

    def layout(self, title: str, y_title: str, x_title: str, height: int, dates: Iterable = ()) -> dict:
        """The whole layout of a forecast chart, in one dict, its hover header naming the periods of `dates` (its
        x) as the hover's lines do (hover_format). A long title (plotly text, ui.plot_text.name) wraps
        to the chart's width, its whole text kept in `meta` for the accessible name; a y-axis title taller than
        the plot is left out: the chart's title names the variable (rotated, it climbed over title and subtitle)."""
        font = {"size": self.font}
        lines = fitted(plain(title), TITLE_CHARS[self.drawn], 3)
        subtitle = balanced(self.subtitle, SUBTITLE_CHARS[self.drawn], 3, literal)  # the page's own words: no %
        line, sub_line = self.title_line, round(1.3 * self.font)  # px: a line of each
        # plotly draws a subtitle of more lines 0.72 em higher, whatever their number (as the title, below): the
        # plot moves down by the rest, and for 0.22 em more air over its top tick label
        below = line * lines.count("<br>") + max(sub_line * subtitle.count("<br>") - ceil(0.5 * self.font), 0)
        margin = {**self.margin, "t": self.margin["t"] + below}
        room = (height - margin["t"] - margin["b"]) / (0.55 * self.font)  # the plot's height in characters
        y_title = y_title if text_width(plain(y_title)) <= room else ""
        muted = {**font, "color": self.muted} if self.muted else font
        axis = {"tickfont": muted, "title": {"text": "", "font": font}}
        x_axis = {**axis, "title": {"text": x_title, "font": font}}
        header = hover_format(dates, self.alias)
        if header:
            x_axis["hoverformat"] = header
        return {
            "title": {
                "text": lines,
                "x": 0,
                "xanchor": "left",
                # from the top of the figure down, so that the subtitle ends well above the plot, clear of a tick
                # label at its top edge (plotly centres a title in the top margin by default: the subtitle then
                # reached the plot, and the larger tick labels of presentation mode ran into it)
                "y": 1,
                "yref": "container",
                "yanchor": "top",
                # air over an accent (title_air); plotly draws a title of more lines 0.72 em higher, whatever their
                # number: their top was cut off an exported image
                "pad": {"t": self.title_air + (ceil(0.72 * (self.font + 8)) if "<br>" in lines else 0)},
                "subtitle": {"text": subtitle, **({"font": {"color": self.muted}} if self.muted else {})},
                "font": {"size": self.font + 8},
            },
            "height": height,
            "hovermode": "x unified",
            "font": font,
            "hoverlabel": {"font": font},
            "legend": {**LEGEND_BELOW, "font": font},
            "margin": margin,
            "meta": {"title": title},  # the title unwrapped, for accessible_name
            "xaxis": x_axis,
            "yaxis": {**axis, "title": {"text": y_title, "font": font}, "tickformat": TICK_FORMAT},
        }


def accessible_name(fig, subtitle: str | None = None) -> str | None:
    """What a screen reader announces for a chart: its title (whole, as Look.layout keeps it) and subtitle (or
    `subtitle`, as typed: a presentation grid's cells draw theirs without the model's name) as plain text."""
    title, meta = fig.layout.title, fig.layout.meta
    whole = meta.get("title") if isinstance(meta, dict) else None
    drawn = title.subtitle.text if title.subtitle else None
    parts = [whole or title.text, literal(subtitle) if subtitle else drawn]
    text = " · ".join(plain(part).strip() for part in parts if part)  # a name as typed, not its entities
    return " ".join(text.split()) or None


def readable_on_light(fig) -> None:
    """Give the ticks and subplot titles of a chart that sets no colour of its own the readable grey (for the
    light theme; the forecast charts carry their colours in their layout, see Look)."""
    fig.update_xaxes(tickfont_color=MUTED_LIGHT)
    fig.update_yaxes(tickfont_color=MUTED_LIGHT)
    fig.for_each_annotation(lambda note: note.update(font_color=MUTED_LIGHT) if note.font.color is None else None)
    fig.update_traces(colorbar_tickfont_color=MUTED_LIGHT, selector={"type": "heatmap"})  # a p-value scale


def plot(
    where, fig, key: str, config: dict | None = None, name: str | None = None, stretch: bool = False, image: str = ""
) -> None:
    """Place a chart (in `where`: a column, a container or `st`) with its accessible name (`name`, else its
    title and subtitle) and, unless `config` says otherwise, ui.chart_files.modebar_config's modebar; `stretch`:
    as high as `where` (a container of fixed height); `image`: what its saved image is named after inside
    ui.chart_files.images_named (else the key after its page's prefix: `dg_roots`, `roots`). In the viewer's light
    theme, small grey text the chart leaves to Streamlit is drawn in a readable grey (on screen, THEMED_GREY's in
    either theme)."""
    if fig.layout.xaxis.tickfont.color is None and presentation.theme() == "light":
        readable_on_light(fig)
    legend_room(fig)
    alt = name or accessible_name(fig)
    config = config or page_image_config(image or key.split("_", 1)[-1]) or modebar_config()
    st.html(THEMED_GREY)  # style only: drawn nowhere
    where.plotly_chart(fig, key=key, config=config, alt=alt, height="stretch" if stretch else "content")
