"""Rolling-origin backtests of a version's spec, beside a random-walk (no-change) baseline.

Origins: the last `origins` cut points at which every horizon 1..h can still be scored, so each
horizon is scored on exactly `origins` forecasts. At a cut point t the spec is refitted on the
first t levels (transformed as the spec says) and forecasts levels t+1..t+h; the random walk
forecasts the last training level for every horizon.

Lag order at each origin (`lag_policy`):
- "fixed" (default): the version's own lag order k_ar (and a VECM's cointegration rank). Cheap,
  and it isolates the parameter re-estimation.
- "reselect": when the spec chose its order by a criterion (`lags` unset), re-run that criterion up to the spec's
  max_lags on each origin's sample, as a fresh training would (a VECM whose rank was chosen by Johansen's test re-runs
  the test too); refused for a version trained with a fixed `lags`, which has no criterion to re-run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .artifact import Artifact
from .backtest_notes import (
    MEDIAN_NOTE,
    by_origin,
    idle_origins_notes,
    rank_origins_note,
    span,
    thin_note,
    unforecastable,
    what_fits,
)
from .backtest_orders import capped_note, room, searched_words
from .data import period_labels
from .degrees_of_freedom import MIN_RESIDUAL_DF, residual_df, rows_needed
from .errors import InvalidInputError, OutOfRangeError
from .filled_scores import filled_mask, filled_notes, scored_cells
from .jsonsafe import to_json_safe
from .kinds import kind_of
from .lag_order import check_order, search_range, thin_fit
from .part_fit import estimated_columns, fit_part
from .scores import METRIC_LABELS, percent_scorable, score
from .training import load_estimation_code
from .whole_numbers import whole_number

LAG_POLICIES = ("fixed", "reselect")
DEFAULT_ORIGINS, DEFAULT_HORIZON = 8, 4  # the CLI's, the REST service's and the page's
MAX_ORIGINS = 200
MAX_HORIZON = 40
METRICS = tuple(METRIC_LABELS)  # the scores' keys (varlib.scores.score), in the tables' order
UNIT_METRICS = ("rmse", "mae")  # in each variable's own units (MAPE is in percent): formatted per variable

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Backtest:
    """Forecasts, actuals and baseline as arrays (origins, horizon, variables), plus the scores."""

    name: str
    version: str | None
    variables: tuple[str, ...]
    horizon: int
    lag_policy: str
    origins: tuple[str, ...]  # date of the last training observation at each origin
    lag_orders: tuple[int, ...]
    forecast: np.ndarray
    actual: np.ndarray
    naive: np.ndarray
    seconds: float
    percent: tuple[bool, ...]  # per variable: MAPE scores it (scores.percent_scorable)
    exog: tuple[str, ...] = ()  # a VARX's exogenous variables, given their observed values at every origin
    # for people: origins fitted on thin samples, origins whose own rank test failed (fitted with the version's
    # rank, part_fit), and a median scored
    notes: tuple[str, ...] = ()
    model: str = "VAR"  # the kind's title, for the charts' legend ("VECM")
    periods: tuple[str, ...] = ()  # the origins as people name them (2005Q1)
    ranks: tuple[int, ...] = ()  # a VECM's cointegration rank at each origin
    point: str = "mean"  # the forecast scored: "median" in levels for a model fitted on logs
    scored: np.ndarray | None = None  # (origins, horizon, variables): False where a fill wrote the value (None: all)
    chosen_on_all: bool = False  # the version's lag order came from a criterion run on every row, the scored included
    searched: tuple[int, ...] = ()  # "reselect": the largest order searched at each origin (lag_order.search_range)
    max_lags: int | None = None  # the spec's maximum that search cut on fewer rows (None: the default)

    def policy(self) -> str:
        """How the lag order was set at each origin, for people."""
        if self.lag_policy == "reselect":
            return "lag order chosen again at each origin, as a fresh training would"
        if self.chosen_on_all:  # as the page's help says: a little look-ahead
            return "lag order fixed (the version's own, chosen on all its rows, the scored periods included)"
        return "lag order fixed (the version's own)"

    def summary(self) -> str:
        """`8 origins from 2007Q1 to 2008Q4 (last training period), lag order 2 at every origin`, with a VECM's
        ranks."""
        periods = self.periods or self.origins
        parts = [span(periods), by_origin("lag order", self.lag_orders, periods)]
        parts += searched_words(self.searched, self.max_lags, periods)  # a cap, not a change of the chosen order
        if self.ranks:
            parts.append(by_origin("cointegration rank", self.ranks, periods))
        return ", ".join(parts)

    def scores(self) -> pd.DataFrame:
        """One row per variable and horizon: how many forecasts were scored (fewer than the origins where a fill
        wrote the value), the VAR's and the random walk's RMSE/MAE/MAPE and the RMSE ratio."""
        rows = []
        for j, variable in enumerate(self.variables):
            for h in range(self.horizon):
                kept = slice(None) if self.scored is None else self.scored[:, h, j]
                actual = self.actual[kept, h, j]
                model = score(actual, self.forecast[kept, h, j], self.percent[j])
                naive = score(actual, self.naive[kept, h, j], self.percent[j])
                ratio = model["rmse"] / naive["rmse"] if naive["rmse"] and naive["rmse"] > 0 else None
                rows.append(
                    {
                        "variable": variable,
                        "horizon": h + 1,
                        "forecasts": len(actual),
                        **{m: model[m] for m in METRICS},
                        **{f"{m}_rw": naive[m] for m in METRICS},
                        "rmse_ratio": ratio,
                    }
                )
        return pd.DataFrame(rows)

    def to_dict(self) -> dict:
        return to_json_safe(
            {
                "name": self.name,
                "version": self.version,
                "variables": list(self.variables),
                "horizon": self.horizon,
                "lag_policy": self.lag_policy,
                "origins": list(self.origins),
                "periods": list(self.periods),
                "lag_orders": list(self.lag_orders),
                **({"max_lags_searched": list(self.searched)} if self.searched else {}),
                **({"coint_ranks": list(self.ranks)} if self.ranks else {}),
                "point": self.point,
                **({"exog_observed": list(self.exog)} if self.exog else {}),
                "notes": list(self.notes),
                "scores": self.scores().to_dict(orient="records"),
                "seconds": self.seconds,
            }
        )


def can_reselect(artifact: Artifact) -> bool:
    """True when the version chose its lag order by a criterion, which a backtest can re-run per origin."""
    return artifact.spec.lags is None


def check_backtest(artifact: Artifact, origins, horizon, lag_policy: str = "fixed") -> tuple[int, int]:
    """Validate the request against the version's data; returns (origins, horizon)."""
    origins = whole_number(origins, 1, MAX_ORIGINS, "backtest origins", "origins")
    horizon = whole_number(horizon, 1, MAX_HORIZON, "backtest horizon", "horizon")
    if lag_policy not in LAG_POLICIES:
        raise InvalidInputError(f"lag policy {lag_policy!r} is not one of {', '.join(LAG_POLICIES)}")
    spec = artifact.spec
    if lag_policy == "reselect" and not can_reselect(artifact):
        # Running it as "fixed" while reporting "reselect" would claim a re-selection that never happened.
        raise InvalidInputError(
            f"lag policy 'reselect' re-runs the criterion that chose the lag order, and this version's order was"
            f" fixed at {spec.lags} when it was trained: there is nothing to reselect; use the fixed policy"
            " (the CLI without --reselect)",
            field="lag_policy",
            value=lag_policy,
        )
    order = kind_of(spec).order_spec(spec)  # the VAR whose lag-order rules apply
    n, k = len(artifact.data.values), len(spec.variables)
    rows = n - horizon - origins + 1 - spec.lag_inputs_extra  # model-space rows before the first origin
    reselect = lag_policy == "reselect"  # a version of fixed order was refused above
    p = 1 if reselect else artifact.k_ar  # the order the check holds the rows to (search_range: a VAR(1))
    exog = estimated_columns(spec, artifact.data.exog, p, n - horizon - origins + 1)  # as the first origin's fit
    what = "the first backtest origin's training part"
    own = None if reselect else getattr(artifact.params, "regressors", None)  # a VECM's own count, at its rank
    terms = None if own is None else own - k * p  # (degrees_of_freedom.vecm_terms), fewer than the VAR in levels'
    try:
        if reselect:
            search_range(rows, k, order.with_(exog=order.exog[:exog]), what)  # only their number counts there
        else:
            check_order(rows, k, artifact.k_ar, order.trend, what, exog, terms)
    except InvalidInputError:
        needed = rows_needed(k, p, order.trend, exog, terms)
        one = estimated_columns(spec, artifact.data.exog, p, n - 1)  # at 1 origin, horizon 1
        smallest = rows_needed(k, p, order.trend, one, terms) + spec.lag_inputs_extra + 1
        fit = what_fits(room(artifact, p, terms), horizon, smallest)
        df = residual_df(rows, k, p, order.trend, exog, terms)
        model = kind_of(spec).order_words(p)  # "VAR(2)", "VECM of VAR order 2"
        if df >= 0:  # a little short: the counts say by how much
            message = (
                f"the first backtest origin's training part has {rows} usable rows, on which a {model} of {k}"
                f" variables would keep {df} residual degrees of freedom, below the minimum of {MIN_RESIDUAL_DF}"
                f" (it needs {needed} rows); {fit}"
            )
        else:  # the counts would be negative: say what the data allow instead
            message = (
                f"a backtest of {origins} origins at horizon {horizon} is larger than the data allow: the first"
                f" origin's training part needs {needed} usable rows for a {model} of {k} variables (to keep"
                f" {MIN_RESIDUAL_DF} residual degrees of freedom), and {artifact.name!r} has {n} rows; {fit}"
            )
        raise InvalidInputError(message, field="origins", value=origins) from None
    return int(origins), int(horizon)


def backtest(
    artifact: Artifact,
    origins: int = DEFAULT_ORIGINS,
    horizon: int = DEFAULT_HORIZON,
    lag_policy: str = "fixed",
    progress: Progress | None = None,
) -> Backtest:
    """Refit the version's spec at each of the last `origins` cut points and forecast 1..`horizon` ahead.

    `progress(done, total)` is called after each origin (the dashboard draws a progress bar)."""
    origins, horizon = check_backtest(artifact, origins, horizon, lag_policy)
    load_estimation_code()  # its first-use imports are not the backtest's time
    started = time.perf_counter()
    spec, levels, kind = artifact.spec, artifact.data.values, kind_of(artifact.spec)
    exog = artifact.data.exog  # a VARX is scored with the exogenous values that actually came
    k = levels.shape[1]
    # "fixed" keeps the version's choices; "reselect" re-runs the spec's criterion on each origin's sample
    refit_spec = spec if lag_policy == "reselect" else kind.refit_spec(spec, artifact.params)
    cuts = range(len(levels) - horizon - origins + 1, len(levels) - horizon + 1)
    forecast = np.empty((origins, horizon, k))
    actual = np.empty((origins, horizon, k))
    naive = np.empty((origins, horizon, k))
    lag_orders, ranks, searched = [], [], []
    whole_rank = getattr(artifact.params, "coint_rank", None)
    stood_in: dict[int, int] = {}  # origin index: the rank its own test found, where the version's stood in
    thin: dict[int, tuple[int, int]] = {}  # origin index: (rows, residual df) of a thin fit
    idle: dict[int, dict[str, str]] = {}  # origin index: the exogenous columns its fit left out (part_fit)
    order = kind.order_spec(spec)  # the VAR whose lag-order rules apply
    for n, cut in enumerate(cuts):
        train_levels = levels[:cut]
        past, future = (None, None) if exog is None else (exog[:cut], exog[cut : cut + horizon])
        what = f"the training part of origin {n + 1}"
        fitted, found, idle[n] = fit_part(kind, train_levels, refit_spec, what, whole_rank, past)
        if found is not None:
            stood_in[n] = found
        needed = kind.lag_rows(refit_spec, fitted.params)
        try:
            result = kind.forecast(fitted.params, refit_spec, train_levels[-needed:], horizon, 0.05, exog_future=future)
        except OutOfRangeError as exc:  # its words speak of lag inputs typed in, and a backtest has none
            period = period_labels([artifact.data.dates[cut - 1]], artifact.data.frequency)[0]
            raise unforecastable(n + 1, origins, cut, period, exc.how, horizon) from None
        forecast[n] = result.mean
        actual[n] = levels[cut : cut + horizon]
        naive[n] = train_levels[-1]  # no-change: the last observed level at every horizon
        lag_orders.append(fitted.params.k_ar)
        if fitted.selection is not None:  # a criterion ran ("reselect"): up to what its rows allowed
            searched.append(fitted.selection.max_lags)
        if whole_rank is not None:
            ranks.append(int(fitted.params.coint_rank))
        estimated = len(order.exog) - len(idle[n])  # a column the fit left out has no coefficient to estimate
        own = getattr(fitted.params, "regressors", None)  # a VECM's, fewer than its VAR in levels has
        if part := thin_fit(cut - spec.lag_inputs_extra, k, fitted.params.k_ar, order.trend, estimated, own):
            thin[n] = part  # as training warns of a thin fit (lag_order.order_warnings, vecm_warnings.thin_warnings)
        if progress is not None:
            progress(n + 1, origins)
    dates = tuple(artifact.data.dates[cut - 1] for cut in cuts)
    periods = period_labels(dates, artifact.data.frequency)
    mask = filled_mask(artifact)
    scored, leaked = scored_cells(artifact, mask, cuts, horizon)
    searched = searched if len(searched) == origins else []  # a criterion ran at every origin, or nothing is said
    notes = [
        *filled_notes(artifact, mask, cuts, horizon, leaked),
        *([thin_note(thin, periods)] if thin else []),
        *([rank_origins_note(stood_in, k, whole_rank, periods)] if stood_in and whole_rank is not None else []),
        *idle_origins_notes(idle, periods),
        *capped_note(lag_orders, searched, order.max_lags, periods),
        *([MEDIAN_NOTE] if result.point == "median" else []),
    ]
    return Backtest(
        artifact.name,
        str(artifact.version) if artifact.version else None,
        tuple(artifact.variables),
        horizon,
        lag_policy,
        dates,
        tuple(lag_orders),
        forecast,
        actual,
        naive,
        time.perf_counter() - started,
        tuple(bool(b) for b in percent_scorable(levels, actual.reshape(-1, k))),
        tuple(artifact.spec.exog) if exog is not None else (),
        tuple(notes),
        artifact.kind_title,  # the legend's name: a VARX's is not a plain VAR's
        tuple(periods),
        tuple(ranks),
        result.point,
        None if scored.all() else scored,
        lag_policy == "fixed" and can_reselect(artifact),
        tuple(searched),
        order.max_lags,
    )
