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
from collections.abc import Iterable

_TAG = re.compile(r"<[^>]+>")


def name(text: object) -> str:
    """`text` for plotly: its markup characters and `%` as entities, so plotly shows it as it was typed."""
    return html.escape(str(text), quote=False).replace("%", "&#37;")


def names(texts: Iterable[object]) -> list[str]:
    """Each of `texts` as `name`."""
    return [name(text) for text in texts]


def plain(text: object) -> str:
    """Plotly text for people who read no markup (a screen reader, a file name): its tags (`<br>`) as spaces,
    its entities as the characters they stand for."""
    return html.unescape(_TAG.sub(" ", str(text)))
