"""Refits on part of a version's sample (the rows before a holdout, a backtest origin's rows).

A VECM whose rank Johansen's test chose is tested again on each part, as a fresh training on those rows
would be. On a shorter part the test can find no relation or as many as variables, a rank no VECM can
have, while the whole sample's test gave a usable one: e6 (German inflation and interest, 107 quarters)
gives rank 1 on every row and rank 2 of 2 on the 96 before a 10% holdout. Refusing the training or the
whole backtest for that would let a scoring step veto the model; the part is fitted with the whole
sample's rank instead, and the note returned says so.

A VARX's exogenous column may not vary on a part's rows while it does on every row: a dummy that is 0 (or 1)
until the last quarters. The fit on every row estimates its effect; on the part it is a regressor of no
variation, whose least-squares coefficient is arbitrary (beside a constant, the intercept's split between the
two), so the part's forecasts, once the column moves, were numbers the data never identified. Such a part is
fitted without the column, which then has no effect on its forecasts, and a note names it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import InvalidInputError
from .exog_checks import idle_exog, idle_words
from .lag_order import order_warnings
from .wording import and_list, plural_of

if TYPE_CHECKING:  # the spec consults the kinds, which use this module
    from .spec import ModelSpec


def fit_part(
    kind: Any, levels: np.ndarray, spec: ModelSpec, what: str, whole_rank: int | None, exog: np.ndarray | None
) -> tuple[Any, int | None, dict[str, str]]:
    """`kind.fit` on `levels` (unassessed), the rank the part's own test found when it was one no VECM
    can have and the whole sample's cointegration rank `whole_rank` stood in for it (else None), and the
    exogenous columns that do not vary on the rows the part's fit uses, each with how it looks there
    (idle_words): the fit leaves them out and their coefficients are 0. The kind takes the stand-in rank itself,
    in the one fit: no refusal to build and catch."""
    idle = idle_columns(spec, exog, spec.lags or 1)
    fitted = _fit_without(kind, levels, spec, what, whole_rank, exog, idle)
    chosen = int(fitted.params.k_ar)
    if spec.lags is None and exog is not None and chosen > 1:
        # a criterion's order above 1 fits fewer rows than were looked at: a column may not vary on those (a
        # dummy that moves in the part's first rows only), and its coefficient would be as arbitrary there
        late = idle_columns(spec, exog, chosen)
        if late.keys() - idle.keys():
            # the search's own warnings (an order at its edge, a cut maximum) stand; its thin-fit warning counted
            # columns the refit leaves out, and the refit's (a fixed order's only warning) replaces it
            rows, k = len(levels) - spec.lag_inputs_extra, len(spec.variables)
            thin = order_warnings(rows, k, chosen, spec.trend, len(spec.exog) - len(idle))
            idle = late
            refit = _fit_without(kind, levels, spec.with_(lags=chosen), what, whole_rank, exog, idle)
            warnings = (*(w for w in fitted.warnings if w not in thin), *refit.warnings)
            fitted = replace(refit, lag_method=fitted.lag_method, selection=fitted.selection, warnings=warnings)
    return fitted, fitted.tested_rank, idle


def _fit_without(
    kind: Any,
    levels: np.ndarray,
    spec: ModelSpec,
    what: str,
    whole_rank: int | None,
    exog: np.ndarray | None,
    idle: dict[str, str],
) -> Any:
    """`kind.fit` without the exogenous columns named in `idle`, whose coefficients are then 0."""
    if exog is None or not idle:
        return kind.fit(levels, spec, what, assess=False, exog=exog, rank_fallback=whole_rank)
    keep = [j for j, name in enumerate(spec.exog) if name not in idle]
    part_spec = spec.with_(exog=tuple(spec.exog[j] for j in keep))
    fitted = kind.fit(
        levels, part_spec, what, assess=False, exog=exog[:, keep] if keep else None, rank_fallback=whole_rank
    )
    effects = np.zeros((len(spec.exog), fitted.params.k))  # forecasts take every column's values: the idle add 0
    if keep:
        effects[keep] = fitted.params.exog_coefs
    return replace(fitted, params=replace(fitted.params, exog_coefs=effects))


def idle_columns(spec: ModelSpec, exog: np.ndarray | None, lags: int) -> dict[str, str]:
    """The exogenous columns that do not vary on the rows a fit of order `lags` on a part with exogenous values
    `exog` uses: name -> how they look there (the columns fit_part leaves out, which a backtest's check does not
    count)."""
    if exog is None or not spec.exog:
        return {}
    rows = np.asarray(exog, dtype=float)[spec.lag_inputs_extra + lags :]
    if len(rows) < 3:  # the fit refuses so few rows itself
        return {}
    flags = idle_exog(rows, spec.trend)
    return {name: idle_words(rows[:, j], spec.trend) for j, name in enumerate(spec.exog) if flags[j]}


def estimated_columns(spec: ModelSpec, exog: np.ndarray | None, lags: int, rows: int) -> int:
    """How many exogenous columns a fit of order `lags` on the first `rows` rows estimates: those that vary there
    (a check of the rows a part needs counts these, as the part's fit does)."""
    if exog is None:
        return 0
    return len(spec.exog) - len(idle_columns(spec, exog[: max(rows, 0)], lags))


def idle_note(where: str, idle: dict[str, str], several: bool = False) -> str:
    """For people: the exogenous columns a part's fit left out (fit_part), where and why; `several`: the fits of
    several parts (a backtest's origins), one fit else."""
    names, its = and_list(idle), "its" if len(idle) == 1 else "their"
    fits, leave, whose = ("those fits", "leave", "their") if several else ("that fit", "leaves", "its")
    uses = "those fits use" if several else "the fit uses"  # idle_words: on every row (or on the rows) it uses
    said = and_list(f"{name} {words} {uses}" for name, words in idle.items())
    return (
        f"On {where}, {said}, so {its} effect cannot be estimated there: {fits} {leave} {names} out and"
        f" {whose} forecasts carry none of {its} effect, which the fit on every row estimates; the scores are"
        f" those of a model without {names}."
    )


def rank_note(where: str, found: list[int], k: int, whole_rank: int) -> str:
    """For people: which parts were fitted with the whole sample's rank, and what their own test found."""
    ranks = " or ".join(str(r) for r in sorted(set(found)))
    return (
        f"On {where}, Johansen's trace test finds {ranks} cointegrating {plural_of(max(found), 'relation')}, a"
        f" rank no VECM of {k}"
        f" variables can have; {'it was' if len(found) == 1 else 'they were'} fitted with the rank the whole"
        f" sample's test chose, {whole_rank}."
    )


def unforecastable_part(fit: str, how: str, steps: int, fix: str, field: str, value: Any) -> InvalidInputError:
    """The refusal of a part's fit (`fit`: "the model refitted at origin 7 of 42 (on the 25 rows up to 1990Q4)")
    whose forecast of its `steps` scored periods is beyond what floats hold (`how`: OutOfRangeError.how), an
    explosive fit on few rows; `fix`: what to change. The forecast's own words speak of lag inputs typed in, and a
    part has none."""
    return InvalidInputError(
        f"{fit} has no usable forecast: it {how} within {steps} steps (a fit on few rows can explode); {fix}",
        field=field,
        value=value,
    )
