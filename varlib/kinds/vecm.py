"""The VECM kind: statsmodels' Johansen ML on levels or log levels, forecast in numpy through its VAR form.

The lag order is the VAR order in levels, as for VARs: fixed (`lags`) or chosen by a criterion on the VAR in
levels with the VECM's deterministic terms, with the same sample-aware maximum (varlib.lag_order); the VECM
then has order - 1 lagged differences. The cointegration rank is fixed (`coint_rank`) or Johansen's trace
test at 5% on the fitted sample (varlib.integration.johansen_test); a test that finds rank 0 (no long-run
relation: a VAR in differences) or K (as if the levels were stationary: a VAR in levels) is refused with
that advice. The test depends on the lag order: when a criterion chose it, the refusal names an order at which
the test finds a usable rank (varlib.vecm_refusal), and keeps the criterion's warnings, which it would otherwise
lose. A criterion searches from order 1: `min_lags` 0, a VAR's option, is raised to 1 with a warning (versions
stored with it keep loading).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from ..degrees_of_freedom import vecm_terms
from ..errors import InvalidInputError
from ..forecast import Forecast, forecast_levels
from ..forecast_inputs import check_intervals
from ..integration import Johansen, johansen_test
from ..lag_order import check_order, choose_order
from ..model_space import MODEL_SPACE, to_model_space
from ..vecm_checks import assess as assess_fit
from ..vecm_model import DET_ORDER, LEVELS_TREND, RANK_BY_TEST, VecmParams, fit_vecm, outside_terms, params_of
from ..vecm_refusal import Order, tested_rank
from ..vecm_warnings import small_sample_warning, stationary_warning, thin_warnings
from ..wording import counted
from . import Fit

if TYPE_CHECKING:  # the spec consults the kinds, which only read specs they are given
    from ..spec import ModelSpec

TRANSFORMS = ("none", "log")
# Why a criterion searches a VECM's order from 1 (the kind's `order_floor`): the Train page greys out its 0-lags
# box with these words too, read through varlib.order_floor.
ORDER_FLOOR = "a VECM's order is its VAR order in levels, at least 1"


class VecmKind:
    """Vector error-correction model: cointegrated series in levels, their long-run relations kept."""

    name = "vecm"
    title = "VECM"
    # The estimation term of the corrected kind (Lütkepohl's Ω(h)/T) needs a finite moment matrix of the
    # regressors, which the levels of a cointegrated system do not have: refused (docs/CORRECTNESS.md).
    interval_kinds: tuple[str, ...] = ("standard",)
    transforms: tuple[str, ...] = TRANSFORMS
    options: tuple[str, ...] = ("deterministic", "coint_rank")
    deterministic_name = "deterministic terms"
    cointegrated = True
    order_floor: str | None = ORDER_FLOOR

    def check_spec(self, spec: ModelSpec) -> dict:
        if spec.transform not in TRANSFORMS:
            raise InvalidInputError(
                f"transform {spec.transform!r} does not fit a VECM: it models the levels (or log levels) of"
                " integrated series and differences them itself, so differenced data would be differenced twice;"
                " use transform 'none' or 'log' (or a VAR for differences)",
                field="transform",
                value=spec.transform,
            )
        if spec.trend != "c":
            raise InvalidInputError(
                f"trend {spec.trend!r} is a VAR option: a VECM's deterministic terms are set by `deterministic`"
                " (n, co, ci, lo, li, or a constant and a trend such as colo or cili; CLI --deterministic)",
                field="trend",
                value=spec.trend,
            )
        if spec.exog:
            raise InvalidInputError(
                f"exogenous variables ({', '.join(spec.exog)}) are a VAR option: a VECM here has none; fit a VAR"
                " with them, or model them as variables of the VECM",
                field="exog",
                value=list(spec.exog),
            )
        return {"deterministic": "co"} if spec.deterministic is None else {}

    def interval_kinds_of(self, spec: ModelSpec) -> tuple[str, ...]:
        return self.interval_kinds

    def order_spec(self, spec: ModelSpec) -> ModelSpec:
        """The VAR in levels (of the model-space series) whose lag-order rules and criteria the VECM uses."""
        return type(spec)(  # ModelSpec, which is only a type here (see the imports)
            variables=spec.variables,
            trend=LEVELS_TREND[_terms(spec)],
            lags=spec.lags,
            max_lags=spec.max_lags,
            ic=spec.ic,
            holdout=spec.holdout,
            min_lags=1,  # ORDER_FLOOR: a VAR(0) in levels is no VECM (fit warns of a min_lags 0 it raised)
        )

    def refit_spec(self, spec: ModelSpec, params: VecmParams) -> ModelSpec:
        return spec.with_(lags=params.k_ar, coint_rank=params.coint_rank)

    def describe(self, spec: ModelSpec, params: VecmParams) -> str:
        how = "Johansen trace test at 5%" if params.rank_method == RANK_BY_TEST else "fixed"
        return (
            f"VECM of cointegration rank {params.coint_rank} ({how}),"
            f" {counted(params.lagged_differences, 'lagged difference')} (VAR order {params.k_ar} in"
            f" {MODEL_SPACE[spec.transform]}), deterministic terms:"
            f" {spec.deterministic_words}"
        )

    def order_words(self, k_ar: int) -> str:
        return f"VECM of VAR order {k_ar}"

    def fit(
        self,
        levels: np.ndarray,
        spec: ModelSpec,
        what: str = "the training sample",
        assess: bool = True,
        exog: np.ndarray | None = None,  # always None: check_spec refuses exogenous variables
        rank_fallback: int | None = None,
    ) -> Fit:
        names = list(spec.variables)
        series = to_model_space(levels, spec.transform, names)
        fewest = 1 if spec.coint_rank is None else spec.coint_rank  # the test's rank is not known yet
        check, levels_var = _order_check(spec, fewest), self.order_spec(spec)
        lags, selection, how, warnings = choose_order(series, levels_var, what, check=check, fits_the_var=False)
        if spec.lags is None and spec.min_lags < 1:  # said first: it explains the range searched
            warnings.insert(
                0, f"min lags 0 (CLI --min-lags 0) is a VAR option: {ORDER_FLOOR}, so the criterion searched from 1"
            )
        terms = _terms(spec)
        johansen = _johansen(series, names, lags, terms, what)
        rank, method, tested = spec.coint_rank, "fixed", None
        if rank is None and rank_fallback is not None and not 0 < johansen.rank < len(names):
            rank, tested = rank_fallback, johansen.rank  # a part of the sample: no refusal, no suggestions to test
        elif rank is None:
            order = Order(series, names, lags, terms, how, selection, spec.ic, warnings)
            rank, method = tested_rank(johansen.rank, len(names), what, order), RANK_BY_TEST
        if spec.lags is not None and rank != fewest:  # a searched order fits: the VAR searched counts more
            _order_check(spec, rank)(len(series), len(names), lags, "n", what, 0)
        results = fit_vecm(series, lags, rank, terms)
        params = params_of(results, terms, johansen, method, len(series))
        warnings = thin_warnings(warnings, len(series), levels_var.trend, params)
        criterion = spec.order_criterion
        adequacy = (
            assess_fit(results, params.var.coefs, rank, spec.transform, criterion, names, levels) if assess else None
        )
        if assess:  # the final fit, whose warnings people see; a part fit's are dropped (varlib.part_fit)
            warnings += _premise_warnings(levels, names, rank, johansen if method == RANK_BY_TEST else None, lags, spec)
        return Fit(params, how, selection, tuple(warnings), adequacy, tested)

    def forecast(
        self,
        params: VecmParams,
        spec: ModelSpec,
        lag_levels: np.ndarray,
        steps: int,
        alpha: float,
        intervals: str = "standard",
        training_levels: np.ndarray | None = None,
        exog_future: np.ndarray | None = None,
        conditions: np.ndarray | None = None,
        periods_after_sample: int | None = 0,
    ) -> Forecast:
        if check_intervals(intervals) not in self.interval_kinds:
            raise InvalidInputError(
                f"intervals {intervals!r} are not available for VECM versions: their estimation-uncertainty term"
                " (Lütkepohl's Ω(h)/T) assumes regressors with a finite moment matrix, which the levels of a"
                " cointegrated system do not have; use intervals 'standard' (docs/CORRECTNESS.md)",
                field="intervals",
                value=intervals,
            )
        # Conditions go through the VAR representation in (log) levels: its forecast errors are those of the
        # VECM, so the conditional distribution is the VAR's (docs/CORRECTNESS.md, *Conditional forecasts*).
        return forecast_levels(
            params.var,
            spec.transform,
            lag_levels,
            steps,
            alpha,
            conditions=conditions,
            periods_after_sample=periods_after_sample,
        )

    def lag_rows(self, spec: ModelSpec, params: VecmParams) -> int:
        return params.k_ar

    def params_from_dict(self, raw: dict) -> VecmParams:
        return VecmParams.from_dict(raw)


def _premise_warnings(
    levels: np.ndarray, names: list[str], rank: int, tested: Johansen | None, lags: int, spec: ModelSpec
) -> list[str]:
    """Variables that look stationary, and (`tested`: the Johansen table, when it chose the rank) a rank that
    Reinsel and Ahn's small-sample factor would change (varlib.vecm_warnings)."""
    found = [stationary_warning(levels, names, rank)]
    if tested is not None:
        found.append(small_sample_warning(tested, len(levels), lags, spec.transform))
    return [warning for warning in found if warning]


def _terms(spec: ModelSpec) -> str:
    return spec.deterministic or "co"


def _order_check(spec: ModelSpec, rank: int) -> Callable[[int, int, int, str, str, int], None]:
    """The refusal of a fixed order for a VECM of cointegration rank `rank`: it counts the VECM's own coefficients per
    equation (varlib.degrees_of_freedom.vecm_terms), fewer than the VAR in levels whose order the criteria search."""
    terms = vecm_terms(len(spec.variables), rank, outside_terms(_terms(spec)))
    return partial(check_order, terms=terms, words=lambda p: f"VECM of VAR order {p} (cointegration rank {rank})")


def _johansen(series: np.ndarray, names: list[str], lags: int, terms: str, what: str):
    try:
        return johansen_test(series, names, lags - 1, DET_ORDER[terms])
    except (np.linalg.LinAlgError, ValueError) as exc:
        raise InvalidInputError(
            f"Johansen's test cannot run on {what} ({exc}): too few rows for {lags - 1} lagged differences, or"
            " collinear variables; use fewer lags or more rows"
        ) from None


VECM_KIND = VecmKind()
