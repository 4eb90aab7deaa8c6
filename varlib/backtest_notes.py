"""What a backtest run did, in the words the CLI, the Backtest page and the report share: its origins by period,
the lag orders (and a VECM's cointegration ranks) fitted at them, and notes on what weighs on its scores.
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import InvalidInputError
from .part_fit import idle_note, rank_note, unforecastable_part
from .wording import and_list, counted


def span(periods: Sequence[str]) -> str:
    """`8 origins from 2007Q1 to 2008Q4 (last training period)`."""
    if len(periods) == 1:
        return f"1 origin, {periods[0]} (last training period)"
    return f"{counted(len(periods), 'origin')} from {periods[0]} to {periods[-1]} (last training period)"


def by_origin(what: str, values: Sequence[int], periods: Sequence[str], plural: str | None = None) -> str:
    """`lag order 2 at every origin`, or where each value was fitted, in time: `lag orders 2 at 2005Q1–2008Q2 and
    3 at 2008Q3` (`plural`: `what` of several values, else `what` + s)."""
    if len(set(values)) == 1:
        return f"{what} {values[0]}" + (" at every origin" if len(values) > 1 else "")
    where = {value: _where([n for n, v in enumerate(values) if v == value], periods) for value in values}
    return f"{plural or what + 's'} " + and_list(f"{value} at {origins}" for value, origins in where.items())


def _where(indices: Sequence[int], periods: Sequence[str]) -> str:
    """Origins by period, each run of neighbours as one span: `2005Q1–2006Q2 and 2008Q3`."""
    runs: list[list[int]] = []
    for n in indices:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return and_list(periods[r[0]] if len(r) == 1 else f"{periods[r[0]]}–{periods[r[-1]]}" for r in runs)


def named_origins(indices: Sequence[int], periods: Sequence[str]) -> str:
    """`every origin`, `origin 2008Q3` or `origins 2005Q1–2006Q2 and 2008Q3`."""
    if len(indices) == len(periods):
        return "every origin"
    return f"{'origin' if len(indices) == 1 else 'origins'} {_where(indices, periods)}"


def thin_note(thin: dict[int, tuple[int, int]], periods: Sequence[str]) -> str:
    """`thin`: origin index -> (rows each equation is estimated from, residual degrees of freedom), for the origins
    that keep fewer than half their rows as degrees of freedom (as training warns of a thin fit)."""
    rows, df = (_range(values) for values in zip(*thin.values(), strict=True))
    return (
        f"At {named_origins(sorted(thin), periods)} the model is estimated with {df} residual degrees of freedom"
        f" from {rows} rows, fewer than half: those forecasts rest on imprecise estimates and weigh on the"
        " scores; fewer origins or a shorter horizon start the backtest on more rows (a lower lag order needs fewer)."
    )


def _range(values: Sequence[int]) -> str:
    """`21-26`, or `21` when all are alike."""
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}-{high}"


def rank_origins_note(stood_in: dict[int, int], k: int, whole_rank: int, periods: Sequence[str]) -> str:
    """The origins whose own rank test found a rank no VECM can have, fitted with the version's rank instead."""
    return rank_note(
        f"the training part of {named_origins(sorted(stood_in), periods)}", list(stood_in.values()), k, whole_rank
    )


def idle_origins_notes(idle: dict[int, dict[str, str]], periods: Sequence[str]) -> list[str]:
    """`idle`: origin index -> the exogenous columns its fit left out (part_fit), with how they look there; one
    note per set of columns, naming the origins that left it out."""
    groups: dict[tuple[tuple[str, str], ...], list[int]] = {}
    for n, columns in idle.items():
        if columns:
            groups.setdefault(tuple(columns.items()), []).append(n)
    return [
        idle_note(f"the training part of {named_origins(indices, periods)}", dict(columns), several=True)
        for columns, indices in groups.items()
    ]


def what_fits(room: int, horizon: int, smallest: int) -> str:
    """What to ask instead when origins + horizon may come to at most `room`; `smallest` is the rows one origin
    at horizon 1 needs, named when not even that fits."""
    if room < 2:
        return f"no backtest fits these data: one origin at horizon 1 needs {smallest} rows"
    origins, horizon = (room - horizon, horizon) if room > horizon else (1, room - 1)
    example = f"{origins} origin{'' if origins == 1 else 's'} at horizon {horizon}"
    return f"use fewer origins or a shorter horizon (origins + horizon at most {room}, e.g. {example})"


def unforecastable(origin: int, origins: int, rows: int, period: str, how: str, horizon: int) -> InvalidInputError:
    """The refusal of a backtest whose refit at `origin` (of `origins`, on the `rows` up to `period`) forecasts
    values beyond what floats hold (`how`: "overflows to infinity"): an explosive fit, likeliest on the first
    origins' fewest rows."""
    return unforecastable_part(
        f"the model refitted at origin {origin} of {origins} (on the {rows} rows up to {period})",
        how,
        horizon,
        "use a shorter horizon or fewer origins, which start the backtest on more rows",
        "horizon",
        horizon,
    )


MEDIAN_NOTE = (
    "The forecasts scored are medians in levels, as the Forecast page draws them for a model fitted on logs (the"
    " exponential of the forecast in logs); the mean in levels is a little higher."
)
