"""A grid's panel titles: its variables' names shortened only as far as a panel needs, and never alike.

One owner for the report's static grids (varlib.report_forecast) and the dashboard's plotly grids (ui), where
two panels titled alike (`Real gross… → Real gross…`) or a short name cut (`realgo-vt`) named nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .title_font import text_width, title_measure, title_width

SHORT_NAME = 8  # a name this long is never cut (`realgovt` read as `realgo-vt`): its title takes another line instead
Measure = Callable[[str], float]


def grid_names(
    names: Sequence[str], chars: float = 0, lines: int = 1, *, width: float | None = None, size: float = 16,
    font: str = "plotly",
) -> list[str]:  # fmt: skip
    """`names` (the variables of one grid, in order) as its panel titles show them: each fits `lines` lines of
    `width` px of the title's font (`size` px of "plotly"'s or "report"'s, see varlib.title_font; at least
    panel_room's), else of `chars` characters (at least SHORT_NAME; a CJK character counting twice), broken
    between words, and no two are alike. A name too long keeps its first words, else its start up to where it
    differs from the others (`Real gross dom…`, `Real gross pri…`); names alike for longer keep their distinguishing
    end (`Real…index 2005`); if nothing short tells it apart, its number in the grid (`Real gr… (3)`). Callers keep
    the whole names in a hover or key."""
    px = None if width is None else panel_room(names, width, size, font)
    room, measure = title_measure(max(chars, SHORT_NAME), px, size, font)
    fit = _Fit(room, measure, lines)
    ways = (_word_head, _char_head, _ends, _numbered)
    level = {i: 0 for i, name in enumerate(names) if fit.rows(name) > lines}
    shown = list(names)
    while True:
        tried = {i: ways[way](names, i, fit) for i, way in level.items()}
        shown = [tried.get(i) or name for i, name in enumerate(names)]
        # not shortened that way, or alike another: the next way (the number is the last, and always differs)
        alike = {i for i, text in tried.items() if (text is None or shown.count(text) > 1) and level[i] < len(ways) - 1}
        if not alike:
            return shown
        for i in alike:
            level[i] += 1


def panel_room(names: Sequence[str], width: float, size: float = 16, font: str = "plotly") -> float:
    """A grid's title line in px: `width`, but at least SHORT_NAME characters of half an em (an average Latin
    letter, as by characters) and the widest of its names of up to SHORT_NAME characters (never cut)."""
    short = [title_width(name, size, font) for name in names if text_width(name) <= SHORT_NAME]
    return max([width, SHORT_NAME * size / 2, *short])


class _Fit:
    """Lines of `room` as `measure` counts them, `lines` of them: whether a text fits, and in how many lines."""

    def __init__(self, room: float, measure: Measure, lines: int) -> None:
        self.room, self.measure, self.lines = room, measure, lines

    def rows(self, text: str) -> int:
        """The lines `text` takes broken between words; a word of letters wider than a line (it would be cut and
        hyphenated) makes it too long for any; one of CJK characters is cut anywhere, as on the page."""
        rows, used, room, space = 0.0, 0.0, self.room, self.measure(" ")
        for word in text.split():
            width = self.measure(word)
            if width > room and not any(text_width(ch) == 2 for ch in word):
                return 10**6
            if used and used + space + width <= room:
                used += space + width
            else:
                rows, used = rows + -(-width // room), width - (-(-width // room) - 1) * room
        return max(int(rows), 1)

    def longest(self, make: Callable[[int], str], count: int) -> str | None:
        """The longest of make(count), make(count - 1), ... make(1) that fits."""
        return next((text for n in range(count, 0, -1) if self.rows(text := make(n)) <= self.lines), None)


def _head(names: Sequence[str], i: int, text: str | None) -> str | None:
    """`text` (a start and `…`), unless another name starts so too: `Real gross…` of two `Real gross` names."""
    stem = (text or "…")[:-1]
    return None if not stem or any(other.startswith(stem) for n, other in enumerate(names) if n != i) else text


def _word_head(names: Sequence[str], i: int, fit: _Fit) -> str | None:
    words = names[i].split()
    return _head(names, i, fit.longest(lambda n: " ".join(words[:n]).rstrip(" ,;:-") + "…", len(words) - 1))


def _char_head(names: Sequence[str], i: int, fit: _Fit) -> str | None:
    return _head(names, i, fit.longest(lambda n: names[i][:n].rstrip(" ,;:-") + "…", len(names[i]) - 1))


def _ends(names: Sequence[str], i: int, fit: _Fit) -> str | None:
    """The name's start and the fewest last words (else characters) no other name ends with."""
    name, others = names[i], [other for n, other in enumerate(names) if n != i]
    words = name.split()
    tails = [" ".join(words[-n:]) for n in range(1, len(words))] + [name[-n:] for n in range(1, len(name))]
    tail = next((t for t in tails if not any(other.endswith(t) for other in others)), None)
    if tail is None:
        return None
    text = fit.longest(lambda n: f"{name[:n].rstrip(' ,;:-')}…{tail}", len(name) - len(tail) - 1)
    return text if text and text.index("…") >= 3 else None  # `R…dollars` reads as nothing


def _numbered(names: Sequence[str], i: int, fit: _Fit) -> str | None:
    return fit.longest(lambda n: f"{names[i][:n].rstrip(' ,;:-')}… ({i + 1})", len(names[i]) - 1)
