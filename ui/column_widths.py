"""Widths (px) of a table's text columns that fit the room a page gives the table: each column as wide as its header
and its longest cell need, a free-text one taking what the others leave, and when they still do not fit, the widest
cut first, to one common width.

Measured rather than set by hand: a fixed width cut a short column's text (`VAR(5) in log differences, trend c`)
while a free-text one beside it kept room it did not need, and an empty column kept a width it did not use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial

PADDING = 16  # the grid's 8 px on each side of a cell's text
# Characters by the most Chromium draws one of them at, in the grid's 14 px Source Sans (measured); any other ASCII
# character (h, n, u, b, d, p, q, C, P, R: 7.6-8.0 px) is OTHER, any other one (⚠, →, CJK) WIDE: a text is never
# estimated narrower than it is drawn, so a column as wide as the estimate shows it whole.
_GROUPS = (
    (2.8, " "),
    (3.7, "|lijI'.,:;"),
    (4.9, "ft!()[]{}-r/\\"),
    (6.7, '?zcsJxvyY*"'),
    (7.1, "0123456789#$+<=>^~_aegkFLX"),
    (7.6, "SVZETA`o"),
    (9.3, "KB&DGHOQUN"),
    (11.9, "wmMW%@"),
)
_PX = {character: px for px, characters in _GROUPS for character in characters}
OTHER, WIDE = 8.0, 13.3
ELLIPSIS = "…"
REST_LEAST = 64  # a free-text column's width at the narrowest (see laid_out): its header and a word's start


def text_px(text: str) -> float:
    """The width (px) of `text` on one line of a table cell, at most."""
    return sum(_PX.get(character, OTHER if character.isascii() else WIDE) for character in text)


def need(texts: Iterable) -> int:
    """The width (px) of a column that shows each of `texts` (its header among them) whole."""
    return PADDING + int(max((text_px(str(text)) for text in texts), default=0.0) + 0.999)


def cut(text: str, px: int) -> str:
    """`text` whole when a column `px` wide shows it whole, else the start of it that fits, with "…" after: the grid
    cuts a text at the column's edge with no sign that it goes on."""
    if need([text]) <= px:
        return text
    room, used, kept = px - PADDING - text_px(ELLIPSIS), 0.0, 0
    for character in text:  # a width per character, added up: a note runs to 2,000 of them
        used += text_px(character)
        if used > room:
            break
        kept += 1
    return text[:kept].rstrip() + ELLIPSIS


def cutters(widths: Mapping[str, int]) -> dict[str, Callable[[str], str]]:
    """A Styler's formatters that draw each column's texts cut to its width (`widths`, px) with "…" (cut)."""
    return {column: partial(cut, px=px) for column, px in widths.items()}


def needs(table, headers: Mapping[str, str] | None = None) -> dict[str, int]:
    """Each text column of `table` (a DataFrame) as wide as its header (a `headers` label, else its name) and its
    cells need; an empty cell needs nothing."""
    headers = headers or {}
    return {
        column: need([headers.get(column, column), *(text for text in table[column] if isinstance(text, str))])
        for column in table.columns
    }


def laid_out(
    table,
    room: int,
    headers: Mapping[str, str] | None = None,
    whole: Iterable[str] = (),
    rest: str | None = None,
    most: Mapping[str, int] | None = None,
    rest_least: int = REST_LEAST,
) -> dict[str, int]:
    """The widths of `table`'s columns in `room` px (see needs(); a column of `most` at most that wide): the `whole`
    ones (a version, a time: cut, it reads as another) as they need, the `rest` one (free text, whole on a double
    click) what the others leave, and the others as they need unless they do not fit between, then the widest cut
    first, to one common width. The `rest` is cut before them down to `rest_least` (or what it needs, when less);
    no header is cut, and the table is wider than `room` when even the cut columns do not fit. A column of `whole`
    or `most` that the table leaves out is passed over."""
    wanted = needs(table, headers)
    wanted |= {column: min(px, wanted[column]) for column, px in (most or {}).items() if column in wanted}
    least = needs(table.iloc[:0], headers)
    sized = {column: wanted[column] for column in whole if column in wanted}
    floor = min(rest_least, wanted[rest]) if rest else 0
    others = {column: px for column, px in wanted.items() if column not in sized and column != rest}
    sized |= _fit(others, room - floor - sum(sized.values()), least)
    if rest:
        sized[rest] = max(floor, least[rest], room - sum(sized.values()))
    return {column: sized[column] for column in table.columns}


def _fit(wanted: Mapping[str, int], room: int, least: Mapping[str, int]) -> dict[str, int]:
    """`wanted` widths, the widest cut down to one common width so that they add up to `room` at most; none below
    its `least` (a header whole), which may leave them wider than `room`."""
    if sum(wanted.values()) <= room:
        return dict(wanted)

    def cut(cap: int) -> dict[str, int]:
        return {column: max(least[column], min(width, cap)) for column, width in wanted.items()}

    low, high = 0, max(wanted.values())
    while low < high:  # the widest common width that fits
        cap = (low + high + 1) // 2
        low, high = (cap, high) if sum(cut(cap).values()) <= room else (low, cap - 1)
    return cut(low)
