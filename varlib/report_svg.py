"""Small inline SVG charts for the HTML report: lines on a shared x axis of labelled periods, with a band.

The report must open offline and stay small when written by the CLI, so its forecast and impulse-
response charts are plain SVG (no script, a few kilobytes each) rather than plotly figures. Every
marked point carries a <title>, which browsers show on hover: "realgdp 2009Q4: 12,345.6 (95%:
12,100.2 to 12,590.9)".
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from .number_format import column_format, format_number
from .title_font import title_width

PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 64, 28, 26, 34
TEXT_PX, TITLE_PX = 11, 12  # the font sizes of report.py's style: labels and legend, and the bold title
SHORTEST = 8  # a title of up to this many characters is never cut (a chart too narrow still names its ends)
LEGEND_ROW = 18  # a legend too wide for the title's line gets a line of its own, below it
TITLE_ROW = 15  # a further line of a title (a grid panel's `impulse →` over its `response`)


@dataclass(frozen=True)
class Line:
    """A series drawn from x position `start` on; `markers` puts a hoverable dot on every point."""

    name: str
    values: Sequence[float | None]  # None: no point there
    colour: str
    start: int = 0
    markers: bool = False
    dashed: bool = False
    notes: Sequence[str] = field(default_factory=tuple)  # text after each point's value in its hover
    connect: bool = True  # False: the marked points only (a scenario's conditions; None where there is none)
    fmt: str | None = None  # the hover's number format; None: chosen from the line's own values


@dataclass(frozen=True)
class Band:
    """An interval from x position `start` on, shaded between `lower` and `upper`."""

    lower: Sequence[float]
    upper: Sequence[float]
    colour: str
    start: int = 0
    name: str = ""  # named bands get a legend entry
    swatch: str = ""  # the legend's colour when it is not `colour` (a fan's layer as it looks where layers overlap)


def chart(
    title: str,
    x_labels: Sequence[str],
    lines: Sequence[Line],
    band: Band | Sequence[Band] | None = None,
    width: int = 760,
    height: int = 260,
    zero_line: bool = False,
    shown: Sequence[str] = (),
) -> str:
    """One chart as an <svg> element: x positions 0..len(x_labels)-1, y scaled to everything drawn. Several
    bands (a fan's layers) are drawn in the order given, so the widest goes first. `shown`: the title's lines as
    drawn (a grid's panel, its names from `grid_names`), else `title` fitted to the width."""
    bands = [band] if isinstance(band, Band) else list(band or ())
    values = [v for line in lines for v in line.values] + [v for b in bands for v in [*b.lower, *b.upper]]
    finite = [float(v) for v in values if v is not None and math.isfinite(v)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    if zero_line:
        low, high = min(low, 0.0), max(high, 0.0)
    ticks = nice_ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    named = [layer for layer in bands if layer.name]
    entries = [(line.name, line.colour, "line") for line in lines] + [
        (b.name, b.swatch or b.colour, "band") for b in named
    ]
    beside = PAD_LEFT + _title_px(title) + 24 + _legend_width(entries) <= width - PAD_RIGHT
    legend_y = 16 if beside else 16 + LEGEND_ROW
    drawn = [html.escape(line) for line in shown] or [html.escape(_fitted(title, width))]
    top = PAD_TOP + (0 if beside or not named else LEGEND_ROW) + TITLE_ROW * (len(drawn) - 1)
    plot_w, plot_h = width - PAD_LEFT - PAD_RIGHT, height - top - PAD_BOTTOM
    steps = max(len(x_labels) - 1, 1)

    def px(i: float) -> float:
        return PAD_LEFT + plot_w * i / steps

    def py(v: float) -> float:
        return top + plot_h * (1 - (v - low) / ((high - low) or 1.0))

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}'"
        f" role='img' aria-label='{html.escape(title)}' class='chart'>",
        f"<text x='{PAD_LEFT}' y='16' class='title'><title>{html.escape(title)}</title>{drawn[0]}"
        + "".join(f"<tspan x='{PAD_LEFT}' dy='{TITLE_ROW}'>{line}</tspan>" for line in drawn[1:])
        + "</text>",
    ]
    fmt = tick_format(ticks)
    for tick in ticks:
        y = py(tick)
        parts.append(f"<line x1='{PAD_LEFT}' x2='{width - PAD_RIGHT}' y1='{y:.1f}' y2='{y:.1f}' class='grid'/>")
        parts.append(f"<text x='{PAD_LEFT - 6}' y='{y + 4:.1f}' class='ytick'>{chart_number(tick, fmt)}</text>")
    widest = max((_text_px(str(label)) for label in x_labels), default=0.0)
    for i in _label_positions(len(x_labels), max(2, int(plot_w // (widest + 30)))):
        label = html.escape(str(x_labels[i]))
        parts.append(f"<text x='{px(i):.1f}' y='{height - PAD_BOTTOM + 16}' class='xtick'>{label}</text>")
    if zero_line and low < 0 < high:
        parts.append(f"<line x1='{PAD_LEFT}' x2='{width - PAD_RIGHT}' y1='{py(0):.1f}' y2='{py(0):.1f}' class='zero'/>")
    for layer in bands:
        upper = [(px(layer.start + i), py(v)) for i, v in enumerate(layer.upper)]
        lower = [(px(layer.start + i), py(v)) for i, v in enumerate(layer.lower)]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower[::-1])
        title = f"<title>{html.escape(layer.name)}</title>" if layer.name else ""
        parts.append(f"<polygon points='{points}' fill='{layer.colour}' stroke='none'>{title}</polygon>")
    for line in lines:
        parts += _line(line, x_labels, px, py)
    if named:
        parts += _legend(entries, width, legend_y)
    parts.append("</svg>")
    return "".join(parts)


def _line(line: Line, x_labels: Sequence[str], px, py) -> list[str]:
    points = [(line.start + i, float(v)) for i, v in enumerate(line.values) if v is not None and math.isfinite(v)]
    if not points:
        return []
    dash = " stroke-dasharray='5 3'" if line.dashed else ""
    path = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in points)
    out = (
        [f"<polyline points='{path}' fill='none' stroke='{line.colour}' stroke-width='2'{dash}/>"]
        if line.connect
        else []
    )
    fmt = line.fmt or column_format([v for _, v in points])
    for n, (i, v) in enumerate(points):
        note = line.notes[n] if n < len(line.notes) else ""
        hover = f"{line.name} {x_labels[i]}: {chart_number(v, fmt)}{note}"
        radius = 3 if line.markers else 6  # unmarked lines still hover, through a transparent dot
        style = f"fill='{line.colour}'" if line.markers else "fill='transparent'"
        if not line.connect:  # a point on its own: a ring, so the line's dot under it still shows
            radius, style = 5, f"fill='none' stroke='{line.colour}' stroke-width='2'"
        dot = f"<circle cx='{px(i):.1f}' cy='{py(v):.1f}' r='{radius}' {style}>"
        out.append(f"{dot}<title>{html.escape(hover)}</title></circle>")
    return out


def _legend_width(entries: list[tuple[str, str, str]]) -> float:
    return sum(_text_px(name) + 36 for name, _, _ in entries)


def _legend(entries: list[tuple[str, str, str]], width: int, y: float) -> list[str]:
    """Entries right-aligned on the line at `y` (a short line or a swatch, then the name); from the left edge
    when they are wider than the chart, so none starts outside it."""
    out, x = [], float(width - PAD_RIGHT)
    x += max(0.0, _legend_width(entries) - 14 - x)  # 14: the gap after the last entry, which is not drawn
    for name, colour, kind in reversed(entries):
        x -= _text_px(name)
        out.append(f"<text x='{x:.1f}' y='{y:.0f}'>{html.escape(name)}</text>")
        x -= 22
        if kind == "band":
            out.append(f"<rect x='{x:.1f}' y='{y - 8:.0f}' width='16' height='10' fill='{colour}'/>")
        else:
            out.append(
                f"<line x1='{x:.1f}' x2='{x + 16:.1f}' y1='{y - 4:.0f}' y2='{y - 4:.0f}' stroke='{colour}'"
                " stroke-width='2'/>"
            )
        x -= 14
    return out


def chart_number(value: float, fmt: str) -> str:
    """A number as the charts write it: in `fmt`, thousands grouped (`12,990.3`), as the dashboard's charts
    group them; scientific notation as it is."""
    text = format_number(value, fmt)
    whole = re.fullmatch(r"(-?)(\d+)(\.\d+)?", text)
    return f"{whole[1]}{int(whole[2]):,}{whole[3] or ''}" if whole else text


def tick_format(ticks: Sequence[float]) -> str:
    """As many decimals as the step between ticks needs (0.2 -> one), the same for every tick."""
    if len(ticks) < 2:
        return "%g"
    step = abs(ticks[1] - ticks[0])
    return f"%.{max(0, -math.floor(math.log10(step)))}f" if step > 0 else "%g"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` round values (1, 2 or 5 times a power of ten apart) covering low..high."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high - low <= 0:
        spread = abs(high) * 0.1 or 1.0
        low, high = low - spread, high + spread
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = [first + n * step for n in range(int(math.ceil((high - first) / step)) + 1)]
    return [round(t, 12) for t in ticks]


def _label_positions(count: int, most: int = 7) -> list[int]:
    """At most `most` label positions an equal number of points apart, counted back from the last point
    (the end of a forecast is the label a reader looks for)."""
    if count <= most:
        return list(range(count))
    stride = math.ceil((count - 1) / (most - 1))
    return sorted(range(count - 1, -1, -stride))


def _fitted(title: str, width: int) -> str:
    """`title` shortened in its middle to the chart's width in px of its bold font (varlib.title_font: `W`s are cut
    sooner than as many `i`s), so that both ends stay (a long forecast title; a grid's panels get their names from
    `grid_names` instead). The SVG's own title and label hold it whole."""
    room = width - PAD_LEFT - PAD_RIGHT
    if len(title) <= SHORTEST or _title_px(title) <= room:
        return title
    half = (room - _title_px("…")) / 2  # each end gets half the line, in px
    head = max(SHORTEST // 2 - 1, _fitting(title, half))
    tail = max(SHORTEST // 2, _fitting(title[::-1], half))
    return f"{title[:head].rstrip()}…{title[len(title) - tail :].lstrip()}"


def _fitting(text: str, room: float) -> int:
    """How many of `text`'s first characters fit in `room` px of the title's font."""
    return sum(1 for px in accumulate(_title_px(ch) for ch in text) if px <= room)


def _title_px(text: str) -> float:
    return title_width(text, TITLE_PX, "report")


def _text_px(text: str) -> float:
    return title_width(text, TEXT_PX, "report-regular")
