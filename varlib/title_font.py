"""How wide a chart title's text is: in characters (a CJK one counting twice), or in pixels of the font it is drawn
in, from a table of its glyphs' advance widths (a title of `W`s is three times as wide as one of as many `i`s).

One owner for the dashboard's plotly titles and the report's SVG ones (varlib.panel_names fits them to a panel), and
for the report charts' legends and axis labels (varlib.report_svg places them).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Advance widths of the printable ASCII characters, ` ` (32) to `~` (126), in thousandths of an em: the same in
# every size. Measured once in Chromium with canvas measureText at 1000 px, rounded, and checked against the drawn
# titles' own lengths (SVGTextElement.getComputedTextLength). "plotly": the dashboard's panel titles, which
# Streamlit's chart theme draws in the page's font, Source Sans (regular), served with Streamlit itself, so the same
# on every machine. "report": the report's bold `system-ui` titles, measured as DejaVu Sans Bold, wider than the
# system fonts of Windows and macOS: a title that fits here fits there. "report-regular": the report charts' legend and
# axis labels (11 px), the same `system-ui` stack in its regular weight, measured the same way: DejaVu Sans (Book),
# which it resolves to on Debian, again wider than Windows' and macOS's. Kerning (`AV`, `To`) only narrows a pair.
_ADVANCES = {
    "plotly": "200,289,426,497,497,824,609,249,303,303,418,497,249,311,249,350,497,497,497,497,497,497,497,497,497,"
    "497,249,249,497,497,497,425,847,543,588,571,615,527,494,617,652,263,479,579,486,727,647,664,566,664,569,534,"
    "536,645,515,786,513,476,539,303,350,303,497,500,542,504,553,456,555,496,292,504,544,246,247,495,255,829,547,542,"
    "555,555,347,419,338,544,467,719,446,467,425,303,241,303,497",
    "report": "348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,"
    "696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,"
    "682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,"
    "687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838",
    "report-regular": "318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,"
    "636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,"
    "695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,"
    "634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838",
}
ADVANCES = {
    font: dict(zip(map(chr, range(32, 127)), map(int, row.split(",")), strict=True)) for font, row in _ADVANCES.items()
}
WIDE = 1000  # a CJK character, the ellipsis and the arrows: an em in the fonts that draw them
OTHER = 600  # a letter of another script (Cyrillic, Greek, Arabic): about an average Latin one, a little over


def text_width(text: str) -> int:
    """Characters as wide as a Latin one: a CJK character counts twice (East Asian wide and full-width)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def title_units(text: str, font: str = "plotly") -> int:
    """`text`'s width in thousandths of an em of `font` ("plotly", "report" or "report-regular"); an accented
    letter is as wide as its letter (`é` as `e`)."""
    table = ADVANCES[font]
    return sum(table.get(unicodedata.normalize("NFD", ch)[0], _other(ch)) for ch in text)


def title_width(text: str, size: float = 16, font: str = "plotly") -> float:
    """`text`'s width in px as a title of `size` px in `font` is drawn."""
    return title_units(text, font) * size / 1000


def title_measure(chars: float, width: float | None, size: float = 16, font: str = "plotly"):
    """A title line's room and how text is measured against it: `width` px of `font` at `size` (in thousandths of
    an em, whole numbers: two words measure as their sum), else `chars` characters (text_width)."""
    if width is None:
        return chars, text_width
    measure: Callable[[str], float] = lambda text: title_units(text, font)  # noqa: E731
    return width * 1000 / size, measure


def _other(ch: str) -> int:
    return WIDE if unicodedata.east_asian_width(ch) in "WF" or ch in "…→←" else OTHER
