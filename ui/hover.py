"""Hover labels that name periods as people do (`2006Q1`, `Jan 2006`, `2006`), for every figure.

Plotly names a point on a date axis by its day, so a quarterly observation hovers as "Jan 1, 2006".
A trace built with `**hover.on(x, alias, name)` carries the period names (varlib.period_labels, from
the data's frequency alias) as customdata and a hovertemplate that shows them: "history 2006Q1: 12,345".
Pure functions, no Streamlit calls.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from varlib import period_labels

VALUE = "%{y:,.6~g}"  # up to six significant digits without an exponent below a million


def periods(x: Iterable, alias: str | None) -> list[str]:
    """The period name of each x: dates by the frequency `alias`; anything that is not a date (relative
    steps `+1`, horizons) as it is."""
    values = list(x)
    if not values:
        return []
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return [str(v) for v in values]  # numbers are positions (periods ahead), not dates
    try:
        stamps = pd.to_datetime(pd.Series(values), errors="raise")
    except (ValueError, TypeError):
        return [str(v) for v in values]
    return period_labels(stamps, alias)


def template(name: str) -> str:
    """`<name> <period>: <value>`."""
    prefix = f"{name} " if name else ""
    return f"{prefix}%{{customdata}}: {VALUE}<extra></extra>"


def named(names: list[str], label: str) -> dict:
    """Keyword arguments for a trace whose points' period `names` are known (periods of its x): a unified hover lists
    the point of each trace nearest the pointer, so a band's edge beside the history's last point is at another
    period than it, and the header names the periods only where a d3 format can (ui.period_hover.hover_format)."""
    return {"customdata": names, "hovertemplate": template(label)}


def on(x: Iterable, alias: str | None, name: str) -> dict:
    """Keyword arguments for go.Scatter (or go.Bar): customdata and hovertemplate naming each period."""
    return {"customdata": periods(x, alias), "hovertemplate": template(name)}


def line(label: str) -> str:
    """A hover line of a trace drawn only at the periods in the hover's header: the label and the value."""
    return f"{label} {VALUE}<extra></extra>"


def started(x: Iterable, alias: str | None, name: str) -> dict:
    """A forecast line's hover: each period named, the first being the last lag input the line starts from."""
    names = periods(x, alias)
    if names:
        names[0] = f"{names[0]} (the last lag input)"
    return named(names, name)
