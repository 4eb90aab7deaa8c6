"""A grid's panel titles: its variables' names shortened only as far as a panel needs, and never alike.

One owner for the report's static grids (varlib.report_forecast) and the dashboard's plotly grids (ui), where
two panels titled alike (`Real gross… → Real gross…`) or a short name cut (`realgo-vt`) named nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

SHORT_NAME = 8  # a name this long is never cut (`realgovt` read as `realgo-vt`): its title takes another line instead


def grid_names(names: Sequence[str], chars: int, lines: int = 1) -> list[str]:
    """`names` (the variables of one grid, in order) as its panel titles show them: each fits `lines` lines of
    `chars` characters (at least SHORT_NAME; broken between words, a CJK character counting twice) and no two are alike.
    A name too long keeps its first words, else its start up to where it differs from the others (`Real gross
    dom…`, `Real gross pri…`); names alike for longer keep their distinguishing end (`Real…index 2005`); if nothing
    short tells it apart, its number in the grid (`Real gr… (3)`). Callers keep the whole names in a hover or key."""
    chars = max(chars, SHORT_NAME)
    ways = (_word_head, _char_head, _ends, _numbered)
    level = {i: 0 for i, name in enumerate(names) if _rows(name, chars) > lines}
    shown = list(names)
    while True:
        tried = {i: ways[way](names, i, chars, lines) for i, way in level.items()}
        shown = [tried.get(i) or name for i, name in enumerate(names)]
        # not shortened that way, or alike another: the next way (the number is the last, and always differs)
        alike = {i for i, text in tried.items() if (text is None or shown.count(text) > 1) and level[i] < len(ways) - 1}
        if not alike:
            return shown
        for i in alike:
            level[i] += 1


def text_width(text: str) -> int:
    """Characters as wide as a Latin one: a CJK character counts twice (East Asian wide and full-width)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _rows(text: str, chars: int) -> int:
    """The lines `text` takes broken between words in lines of `chars`; a word of letters wider than a line (it
    would be cut and hyphenated) makes it too long for any; one of CJK characters is cut anywhere, as on the page."""
    rows, used = 0, 0
    for word in text.split():
        width = text_width(word)
        if width > chars and not any(text_width(ch) == 2 for ch in word):
            return 10**6
        if used and used + 1 + width <= chars:
            used += 1 + width
        else:
            rows, used = rows + -(-width // chars), width - (-(-width // chars) - 1) * chars
    return max(rows, 1)


def _longest(make, count: int, chars: int, lines: int) -> str | None:
    """The longest of make(count), make(count - 1), ... make(1) that fits."""
    return next((text for n in range(count, 0, -1) if _rows(text := make(n), chars) <= lines), None)


def _head(names: Sequence[str], i: int, text: str | None) -> str | None:
    """`text` (a start and `…`), unless another name starts so too: `Real gross…` of two `Real gross` names."""
    stem = (text or "…")[:-1]
    return None if not stem or any(other.startswith(stem) for n, other in enumerate(names) if n != i) else text


def _word_head(names: Sequence[str], i: int, chars: int, lines: int) -> str | None:
    words = names[i].split()
    text = _longest(lambda n: " ".join(words[:n]).rstrip(" ,;:-") + "…", len(words) - 1, chars, lines)
    return _head(names, i, text)


def _char_head(names: Sequence[str], i: int, chars: int, lines: int) -> str | None:
    return _head(names, i, _longest(lambda n: names[i][:n].rstrip(" ,;:-") + "…", len(names[i]) - 1, chars, lines))


def _ends(names: Sequence[str], i: int, chars: int, lines: int) -> str | None:
    """The name's start and the fewest last words (else characters) no other name ends with."""
    name, others = names[i], [other for n, other in enumerate(names) if n != i]
    words = name.split()
    tails = [" ".join(words[-n:]) for n in range(1, len(words))] + [name[-n:] for n in range(1, len(name))]
    tail = next((t for t in tails if not any(other.endswith(t) for other in others)), None)
    if tail is None:
        return None
    text = _longest(lambda n: f"{name[:n].rstrip(' ,;:-')}…{tail}", len(name) - len(tail) - 1, chars, lines)
    return text if text and text.index("…") >= 3 else None  # `R…dollars` reads as nothing


def _numbered(names: Sequence[str], i: int, chars: int, lines: int) -> str | None:
    return _longest(lambda n: f"{names[i][:n].rstrip(' ,;:-')}… ({i + 1})", len(names[i]) - 1, chars, lines)
