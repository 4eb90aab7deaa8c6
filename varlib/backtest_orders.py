"""The lag orders at a backtest's origins: how far re-selection could search at each, and the rows a first origin's
fit needs at an order.

Re-selection runs the spec's criterion up to its max lags, but `lag_order.search_range` cuts that maximum on an
origin's fewer rows (and the default maximum is set by the rows): early origins may search fewer lags than late
ones. An order of 4 at the first origins and 5 later reads as a change of the chosen order when it may be the cap
alone, so the summary names the maximum searched wherever it was not the same at every origin, and a note names the
origins whose criterion chose the top of a cut range.
"""

from __future__ import annotations

from collections.abc import Sequence

from .artifact import Artifact
from .backtest_notes import by_origin, named_origins
from .degrees_of_freedom import MIN_RESIDUAL_DF, residual_df, rows_needed
from .kinds import kind_of
from .part_fit import estimated_columns


def searched_words(searched: Sequence[int], max_lags: int | None, periods: Sequence[str]) -> list[str]:
    """For the summary: `lags searched up to 4 at 2008Q1–2008Q2 and 5 at 2008Q3–2009Q4 (max lags 6, cut at origins
    with too few rows for it)` when the maximum searched (`searched`, per origin; empty for the fixed policy) was
    not the same at every origin; `lags searched up to 4 at every origin (max lags 6, cut to what the rows allow)`
    when one maximum was below the spec's `max_lags` at every origin; else nothing."""
    varies = len(set(searched)) > 1
    if not searched or (not varies and (max_lags is None or searched[0] >= max_lags)):  # no cap to tell
        return []
    words = "lags searched up to"
    said = by_origin(words, searched, periods, plural=words)
    if max_lags is None:
        return [f"{said} (the default maximum, set by the rows at each origin)"]
    cut = "at origins with too few rows for it" if varies else "to what the rows allow"
    return [f"{said} (max lags {max_lags}, cut {cut})"]


def capped_note(
    orders: Sequence[int], searched: Sequence[int], max_lags: int | None, periods: Sequence[str]
) -> list[str]:
    """The note naming the origins whose criterion chose the largest order its cut range held: below `max_lags`, or
    (the default maximum) below the most searched at any origin. A fit's warning of an order at the top of its
    search (lag_order.choose_order) is not shown for an origin's refit, so this is the only word of it."""
    if not searched:  # the fixed policy searched nothing
        return []
    limit = max_lags if max_lags is not None else max(searched)
    capped = [n for n, (order, top) in enumerate(zip(orders, searched, strict=True)) if order == top < limit]
    if not capped:
        return []
    tops = sorted({searched[n] for n in capped})
    top = f"{tops[0]}" if len(tops) == 1 else f"{tops[0]}-{tops[-1]}"
    below = f"max lags {limit}" if max_lags is not None else f"the {limit} searched where there were more rows"
    return [
        f"At {named_origins(capped, periods)} the criterion chose the largest order the rows there let it search"
        f" ({top}, below {below}): the best order there may be larger, so the order fitted there is set by the rows"
        " as much as by the criterion; fewer origins or a shorter horizon start the backtest on more rows."
    ]


def room(artifact: Artifact, p: int, terms: int | None) -> int:
    """The most origins + horizon that leave the first origin's fit at order `p` (`terms`: a VECM's own count)
    MIN_RESIDUAL_DF residual degrees of freedom, as do all fewer (counting every exogenous column: a bound)."""
    spec, exog, n, k = artifact.spec, artifact.data.exog, len(artifact.data.values), len(artifact.spec.variables)
    trend, extra, columns = kind_of(spec).order_spec(spec).trend, spec.lag_inputs_extra, estimated_columns
    room = max(1, n - extra - rows_needed(k, p, trend, columns(spec, exog, p, n), terms) + 1)
    while residual_df(n - room - extra, k, p, trend, columns(spec, exog, p, n - room), terms) >= MIN_RESIDUAL_DF:
        room += 1  # origins + horizon of room + 1 leave the first origin n - room rows
    return room
