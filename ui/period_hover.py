"""A chart's hover header named by its periods as the product names them (2006Q1, 2010H1, Jan 2010): plotly's x
`hoverformat`, a d3 format with plotly's %q quarter and %h half, chosen so that a unified hover's header and the
lines under it name one period alike; blank where no format can."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from varlib import period_labels

# The formats a unified hover's header (plotly's x `hoverformat`, d3's with plotly's %q quarter and %h half) may
# take: the one that names every period of a chart as varlib.period_labels does (hover_format)
HOVER_CANDIDATES = ("%YQ%q", "%YH%h", "%b %Y", "%Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M")
NO_HEADER = " "  # no format names the periods so: a blank header, each hover line naming its own period
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # plotly's English
_DIRECTIVES = {
    "Y": lambda d: f"{d.year:04d}",
    "q": lambda d: str((d.month - 1) // 3 + 1),
    "h": lambda d: str((d.month - 1) // 6 + 1),
    "b": lambda d: _MONTHS[d.month - 1],
    "m": lambda d: f"{d.month:02d}",
    "d": lambda d: f"{d.day:02d}",
    "H": lambda d: f"{d.hour:02d}",
    "M": lambda d: f"{d.minute:02d}",
}


SAMPLED = 12  # periods a hover format is checked on: a year of months, three of quarters


def hover_format(dates: Iterable, alias: str | None) -> str | None:
    """The x `hoverformat` that names each of `dates` (a chart's x) exactly as varlib.period_labels names it by the
    frequency `alias`, so that a unified hover's header names its period as the lines under it do (2010H1 over
    `mean 2010H1`, not `Jun 2010`); NO_HEADER when no format can; None for x that are no dates (steps ahead)."""
    index = pd.Index(list(dates))
    if not alias or not len(index) or not isinstance(index, pd.DatetimeIndex):
        return None
    # the x of a chart are consecutive periods of one grid: a format that names the first ones names them all,
    # and checking every one would cost milliseconds a chart on every rerun
    stamps = index.unique().sort_values()[:SAMPLED]
    labels = period_labels(stamps, alias)  # whatever it names them, the header follows
    for candidate in HOVER_CANDIDATES:
        if [_rendered(candidate, stamp) for stamp in stamps] == labels:
            return candidate
    return NO_HEADER


def _rendered(fmt: str, stamp: pd.Timestamp) -> str:
    """A date as plotly's hover renders `fmt` (only the directives of HOVER_CANDIDATES)."""
    return re.sub(r"%(.)", lambda m: _DIRECTIVES[m.group(1)](stamp), fmt)


def period_hover(fig, alias: str | None) -> None:
    """Name a built chart's hover header by the periods its traces are drawn at (hover_format)."""
    dates = [x for trace in fig.data if trace.x is not None for x in trace.x]
    fig.update_xaxes(hoverformat=hover_format(dates, alias))
