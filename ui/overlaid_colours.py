"""The colours of the versions overlaid on the Compare page: each version's line and its interval band, by theme.

Chosen by contrast (WCAG relative luminance, as ui.chart_look's bands), not by a fixed opacity: plotly's palette
ranges from a blue 4.1:1 against the light background to a yellow 1.5:1, so one opacity gave uneven bands (0.15
left them 1.05 to 1.2:1 on the light page) and pale lines. Each line is its palette colour moved toward the page's
text colour until it is LINE_CONTRAST from the background; each band is that colour at the opacity that makes it
BAND_CONTRAST from the background, light on purpose: a band is seen by its dotted edges in its line's colour
(ui.comparison_figures), and a fill strong enough to be seen alone (1.5:1) stacked three deep into a dark slab that
took every line under 2:1. A line keeps 3:1 or more over any one of the first four versions' bands and over the
first three stacked (tests/app/test_compare_hidden_twins.py measures both).
"""

from __future__ import annotations

from functools import cache

from ui.chart_look import BACKGROUNDS
from ui.diagnostics_figures import PALETTE

LINE_CONTRAST = 5.0  # each line (and band edge) against the page: bands under it cost it some of that
BAND_CONTRAST = 1.15  # each band's fill against the page: a tint, its edges show where it is
TOWARD = {"light": (0, 0, 0), "dark": (255, 255, 255)}  # where a line moves to stand out more: darker, or lighter
STEP = 0.01  # of the way toward TOWARD, and of opacity: the steps taken to reach each contrast


def luminance(rgb: tuple[float, ...]) -> float:
    """WCAG's relative luminance of an sRGB colour of 0-255 channels."""

    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mixed(colour: tuple[float, ...], background: tuple[float, ...], alpha: float) -> tuple[float, ...]:
    """`colour` at opacity `alpha` over `background`, as the browser blends a translucent fill."""
    return tuple(b + alpha * (c - b) for c, b in zip(colour, background, strict=True))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return r, g, b


@cache
def overlaid_colours(theme: str, n: int) -> tuple[str, str]:
    """The `n`th version's line colour (#rrggbb) and band fill (rgba) on the `theme`'s background (light when the
    theme is unknown)."""
    theme = theme if theme in BACKGROUNDS else "light"
    background = BACKGROUNDS[theme]
    line: tuple[int, ...] = _rgb(PALETTE[n % len(PALETTE)])
    base, steps = line, 0
    while contrast(line, background) < LINE_CONTRAST and steps * STEP < 1:
        steps += 1
        line = tuple(round(c) for c in mixed(TOWARD[theme], base, steps * STEP))
    alpha = STEP
    while contrast(mixed(line, background, alpha), background) < BAND_CONTRAST and alpha < 1:
        alpha = round(alpha + STEP, 2)
    return "#{:02x}{:02x}{:02x}".format(*line), f"rgba({line[0]}, {line[1]}, {line[2]}, {alpha})"
