"""A name (a variable, model, version, scenario or file name) as plotly text: shown as typed, never as markup.

Plotly reads its text (titles, axis titles, legend entries, subplot titles, category ticks, hover labels) as
HTML of its own: `<a href=...>` becomes a link, `<b>` bold. It decodes entities, so the name's `<`, `>` and `&`
as entities read as typed. Hovertemplates also fill in `%{...}`: a name's `%` as an entity (`&#37;`) keeps a
name holding `%{y}` as it is, in a template or not. Every figure builder passes names through `name`; the
text the dashboard writes itself (`95% interval`) it passes as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from math import ceil

from varlib import SHORT_NAME, text_width, title_measure, title_width

# An exported chart image names the page's font (Source Sans, which the page loads) but plotly.js cannot embed it:
# the PNG is the SVG drawn in an <img>, which sees only the fonts installed on the machine, and a saved SVG is
# opened elsewhere. Its text falls back to the system's sans-serif, wider than what the page measured: a legend
# label keeps its room in DejaVu Sans, the widest common fallback (Arial, Helvetica, Liberation Sans are narrower).
LEGEND_FALLBACK = "report-regular"
LEGEND_ITEM_PX = 45  # a legend entry's swatch and the gap after it (plotly's 40 and 5 px), then its label's room

_TAG = re.compile(r"<[^>]+>")


def name(text: object) -> str:
    """`text` for plotly: its markup characters and `%` as entities, so plotly shows it as it was typed."""
    return html.escape(str(text), quote=False).replace("%", "&#37;")


def literal(text: object) -> str:
    """Text the dashboard writes itself (`95% interval`) for a plotly title: its markup characters as entities,
    `%` kept (no hovertemplate reads it)."""
    return html.escape(str(text), quote=False)


def names(texts: Iterable[object]) -> list[str]:
    """Each of `texts` as `name`."""
    return [name(text) for text in texts]


def plain(text: object) -> str:
    """Plotly text for people who read no markup (a screen reader, a file name): its tags (`<br>`) as spaces,
    its entities as the characters they stand for."""
    return html.unescape(_TAG.sub(" ", str(text)))


# Panel titles (subplot titles) sized to their panel. A panel's width is a share of the chart's, which plotly
# only knows in the browser: DRAWN_WIDTH is the narrowest a full-width chart is drawn at (980 px at 1440 px with
# the sidebar open). A grid's titles measure their text in px of the font they are drawn in (varlib.title_width):
# by characters, a title of `W`s ran past its panel while one of `i`s was cut early.
DRAWN_WIDTH = 960
ELLIPSIS = "…"


def _lines(text: str, chars: float, measure=text_width) -> list[str]:
    """`text` broken into lines of up to `chars` (as `measure` counts them: characters, or a font's widths), between
    words; a longer word is cut inside."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while measure(word) > chars:  # a CJK name has no spaces: cut it where the line ends
            room = chars - (measure(f"{line} ") if line else 0)
            if room < max(4, chars // 3):
                lines, line = [*lines, line] if line else lines, ""
                room = chars
            cut = next(n for n in range(len(word), -1, -1) if measure(word[:n]) <= room)
            joint = max(word.rfind("-", 0, cut), word.rfind("_", 0, cut)) + 1  # after the word's own - or _
            dash = "-" if text_width(word[cut - 1 : cut + 1]) == 2 and word[cut - 1 : cut + 1].isalpha() else ""
            # a model name's parts stay whole: `long-name-` | `model`, never `long-n-` | `ame-model`; but not after
            # a joint early in a line when the rest then takes more than one (`d_` | `Verbraucher-` | `preisindex`
            # took a line more than `d_Verbrauch-` | `erpreisindex`, and a title of two lines lost its end)
            if joint and (joint > cut // 2 or measure(word[joint:]) <= chars):
                cut, dash = joint, ""
            cut = max(cut - len(dash), 1)  # a hyphen where a word of letters is cut (Verbraucherpreis-|index)
            lines.append(f"{line} {word[:cut]}{dash}".strip())
            line, word = "", word[cut:]
        if line and measure(f"{line} {word}") > chars:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def line_count(text: str, chars: int) -> int:
    """How many lines of up to `chars` characters `text` takes, broken between words (as a browser wraps it)."""
    return max(len(_lines(text, max(chars, 4))), 1)


def fitted(text: object, chars: float = 0, lines: int = 2, shown=name, *, width: float | None = None) -> str:
    """`text` as plotly text (as `name`, or `shown`) in up to `lines` lines (`<br>`) of about `chars` characters
    each, or of `width` px of a 16 px title (varlib.title_width); what does not fit ends in an ellipsis (the full
    name goes in a hover, see `hover_titles`)."""
    room, measure = title_measure(chars, width)
    broken = _lines(str(text), room if width is not None else max(room, 4), measure)
    if len(broken) > lines:
        last = broken[lines - 1]
        if measure(last + ELLIPSIS) > room and " " in last:  # the ellipsis after a whole word
            last = last.rsplit(" ", 1)[0]
        while last and measure(last + ELLIPSIS) > room:
            last = last[:-1]
        broken = [*broken[: lines - 1], last.rstrip(" ,;:-") + ELLIPSIS]
    return "<br>".join(shown(line) for line in broken)


def pair_title(first: object, arrow: str, second: object, chars: float = 0, *, width: float | None = None) -> str:
    """A grid panel's title for two variables (`impulse → response`, `response ← lagged`), each as the grid names
    it (varlib.grid_names: short enough already, so never cut here): on one line when it fits `chars` (at least
    SHORT_NAME: a short name stays whole, `realgovt`, not `realgo-vt`), or `width` px of a 16 px title (at least
    varlib.panel_room's), else the first ending in the arrow over the second, each broken between words; the arrow
    takes a line of its own where none has room for it."""
    room, measure = title_measure(max(chars, SHORT_NAME), width)
    if measure(f"{first} {arrow} {second}") <= room:
        return f"{name(first)} {arrow} {name(second)}"
    top = [name(line) for line in _lines(str(first), room, measure)]
    if measure(f"{plain(top[-1])} {arrow}") <= room:
        top[-1] = f"{top[-1]} {arrow}"
    else:
        top.append(arrow)
    return "<br>".join([*top, *(name(line) for line in _lines(str(second), room, measure))])


def balanced(text: object, chars: int, lines: int = 2, shown=name) -> str:
    """As `fitted`, in as many lines but as even as they can be (a last line of one word reads as left over)."""
    count = len(_lines(str(text), chars))
    while count <= lines and chars > 4 and len(_lines(str(text), chars - 1)) == count:
        chars -= 1
    return fitted(text, chars, lines, shown)


def legend_text_px(label: str, size: float) -> int:
    """The room a legend label (plotly text) keeps at `size` px: its width in LEGEND_FALLBACK's face."""
    return ceil(title_width(plain(label), size, LEGEND_FALLBACK))


def panel_width(columns: int, spacing: float) -> float:
    """The px a panel of a grid of `columns` (plotly's horizontal_spacing `spacing`) is wide, on a chart drawn
    DRAWN_WIDTH wide with the panel margins (56 px left, 20 right): what its title has."""
    return (DRAWN_WIDTH - 76) * (1 - spacing * (columns - 1)) / columns


def hover_titles(fig, full: Iterable[object]) -> None:
    """Each subplot title (in plotly's order) hovers with its whole text, `full`, as typed: a shortened title's
    name is read there."""
    for note, text in zip(fig.layout.annotations, full, strict=False):
        note.update(hovertext=name(text))


def heat_labels(names: Sequence[str], groups: Sequence[str], drawn: int) -> tuple[list[str], list[str], bool]:
    """A square heatmap's row and column labels, plotly text, for its `names` and then its `groups` (`all others`)
    in a chart `drawn` px wide, and whether the columns are numbered: rows in lines of 30 characters, columns in up
    to three lines of what their width holds; numbers where that is less than a short name, or cuts names alike
    (`real_disp-osable_…`), the rows then numbered as their key (whole names go in the hovers)."""
    raw = [*names, *groups]
    rows = [fitted(n, 30) for n in raw]
    across = _heat_columns(rows, len(raw), drawn)
    columns = [fitted(n, across if len(n) <= across else across - 1, 3) for n in raw]  # room for a hyphen
    if across >= min(SHORT_NAME, max(map(len, names))) and len(set(columns)) == len(columns):
        return rows, columns, False
    rows = [f"{n}: {row}" for n, row in enumerate(rows[: len(names)], 1)] + rows[len(names) :]
    short = [fitted(g, across, 2) if across >= 6 else g.split()[0] for g in groups]  # `all others` or `all`
    return rows, [str(n) for n in range(1, len(names) + 1)] + short, True


def _heat_columns(rows: Iterable[str], count: int, drawn: int) -> int:
    """The characters a line of a heatmap's column label has room for, 4 px spare between columns: the chart `drawn`
    px wide less its rows' labels (`rows`, plotly text, 6 px a character at 12 px), its axis title and colour bar
    (125 px together, as Chromium draws them), shared by `count` columns of 6.5 px a character."""
    longest = max(text_width(plain(line)) for row in rows for line in row.split("<br>"))
    return int(((drawn - 125 - 6 * longest) / count - 4) // 6.5)
