"""Model kinds: one small interface that every kind implements, and the registry of kinds.

A kind turns levels and a ModelSpec into fitted parameters, forecasts in levels from lag inputs,
says how many lag rows it needs and reads its parameters back from an artifact. It also checks
the spec options that are its own (transforms, a VECM's deterministic terms and rank), names the
VAR whose lag-order rules apply to it, fixes its fitted
choices for refits (backtests), and describes a fit and its lag order for people. It declares the
spec options only some kinds take (`options`: the pages offer those, through `kind_names(option)`), what
its deterministic terms are called, and whether it keeps cointegrated levels' long-run relations (a rank,
which answers the unit-root advice). Training, serving, backtests, the CLI, the REST service and the
dashboard reach a kind only through `kind_of(spec)` or those names, so a new kind is one module plus a
line in `_kinds` (and its diagnostics one module plus a line in `varlib.diagnostics`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from ..errors import InvalidInputError

if TYPE_CHECKING:
    from ..adequacy import Adequacy
    from ..forecast import Forecast
    from ..model import LagSelection
    from ..spec import ModelSpec


@dataclass(frozen=True)
class Fit:
    """What fitting produced: the parameters, how the lag order was found, the criteria table, warnings
    for people (an order at the edge of the search, thin degrees of freedom) and the adequacy checks."""

    params: Any  # the kind's fitted parameters as plain arrays: `k_ar` (the VAR order in levels), `k`, `to_dict()`
    lag_method: str
    selection: LagSelection | None
    warnings: tuple[str, ...] = ()
    adequacy: Adequacy | None = None
    tested_rank: int | None = None  # a VECM test's rank that no VECM can have, when `rank_fallback` stood in


class ModelKind(Protocol):
    """What the product needs from a model kind."""

    name: str  # as stored in ModelSpec.kind, e.g. "var"
    title: str  # for people, e.g. "VAR"
    interval_kinds: tuple[str, ...]  # the interval kinds its forecasts offer (see interval_kinds_of)
    transforms: tuple[str, ...]  # the transforms (varlib.model_space.TRANSFORMS) it fits
    options: tuple[str, ...]  # the spec options of OPTIONS it takes (a VAR's trend; a VECM's rank)
    deterministic_name: str  # what its deterministic terms are called, e.g. "trend" (a VAR's c, ct, n)
    # keeps the long-run relations of cointegrated levels (a rank): the unit-root tests' advice to difference is
    # answered by its rank, and its VAR representation has unit roots by construction
    cointegrated: bool
    # why its criterion searches the lag order from 1, not 0 (a `min_lags` 0 is raised, with a warning in these
    # words); None for a kind that takes `min_lags` 0 (a VAR)
    order_floor: str | None

    def check_spec(self, spec: ModelSpec) -> dict:
        """Refuse options the kind does not take (InvalidInputError naming them); return the fields whose
        defaults it fills in (ModelSpec sets them)."""
        ...

    def interval_kinds_of(self, spec: ModelSpec) -> tuple[str, ...]:
        """The interval kinds a forecast of this spec offers (some specs offer fewer than the kind)."""
        ...

    def order_spec(self, spec: ModelSpec) -> ModelSpec:
        """The VAR spec whose lag-order rules (varlib.lag_order) apply: its trend counts the deterministic terms."""
        ...

    def refit_spec(self, spec: ModelSpec, params: Any) -> ModelSpec:
        """`spec` with the fitted choices fixed (the lag order; a VECM's rank), for refits at other origins."""
        ...

    def describe(self, spec: ModelSpec, params: Any) -> str:
        """One line for people, e.g. `VAR(2), trend c`."""
        ...

    def order_words(self, k_ar: int) -> str:
        """A fit's lag order as the kind counts it, for people: `VAR(4)`, `VECM of VAR order 4`."""
        ...

    def fit(
        self,
        levels: np.ndarray,
        spec: ModelSpec,
        what: str = "the training sample",
        assess: bool = True,
        exog: np.ndarray | None = None,
        rank_fallback: int | None = None,
    ) -> Fit:
        """Fit `spec` on levels (rows x variables); `what` names the sample in error messages; `assess`
        runs the adequacy checks (training's final fit; not every backtest origin); `exog` holds the
        exogenous variables of `spec.exog`, one row per row of `levels`; `rank_fallback`, for a VECM whose
        rank is tested, the rank used when the test finds one no VECM can have (varlib.part_fit)."""
        ...

    def forecast(
        self,
        params: Any,
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
        """Forecast in levels from the last `lag_rows` observations; some interval kinds need the
        training levels the parameters were fitted on. `exog_future` (steps x n_exog) are the exogenous
        variables' future values; `conditions` (steps x k levels, NaN where free) fix part of the path
        (a kind without a VAR representation in levels refuses them). The observations end
        `periods_after_sample` periods after the fitted sample (0: its last rows), where a trend goes on."""
        ...

    def lag_rows(self, spec: ModelSpec, params: Any) -> int:
        """How many last observations (levels) a forecast starts from."""
        ...

    def params_from_dict(self, raw: dict) -> Any:
        """The parameters stored in an artifact's `fit` object (ValueError/KeyError when malformed)."""
        ...


@cache  # the registry never changes while the process runs
def _kinds() -> dict[str, ModelKind]:
    from .var import VAR_KIND
    from .vecm import VECM_KIND

    return {VAR_KIND.name: VAR_KIND, VECM_KIND.name: VECM_KIND}


# The spec options that only some kinds take: searching the lag order from 0 (`min_lags`), a VAR's trend and
# exogenous variables, a VECM's deterministic terms and cointegration rank.
OPTIONS = ("trend", "min_lags", "exog", "deterministic", "coint_rank")


def kind_names(option: str | None = None) -> tuple[str, ...]:
    """The registered kinds, e.g. ("var", "vecm"); given one of OPTIONS, only the kinds that take it (a page
    offers the option for those: `kind_names("exog")` is ("var",))."""
    if option is not None and option not in OPTIONS:
        raise ValueError(f"option {option!r} is not one of {', '.join(OPTIONS)}")
    return tuple(name for name, kind in _kinds().items() if option is None or option in kind.options)


def kind_title(name: str) -> str:
    """The kind for people, e.g. "VECM"."""
    return get_kind(name).title


def order_floor(name: str) -> str | None:
    """Why a kind's criterion searches its lag order from 1, e.g. "a VECM's order is its VAR order in levels, at
    least 1" (the words of the warning when it raises a `min_lags` 0); None for a kind that searches from 0."""
    return get_kind(name).order_floor


def kind_transforms(name: str) -> tuple[str, ...]:
    """The transforms a kind fits, e.g. ("none", "log") for a VECM."""
    return get_kind(name).transforms


def get_kind(name: str) -> ModelKind:
    """The kind called `name`, or InvalidInputError naming the kinds there are."""
    kinds = _kinds()
    if name not in kinds:
        raise InvalidInputError(f"model kind {name!r} is not one of {', '.join(kinds)}", field="kind", value=name)
    return kinds[name]


def kind_of(spec: ModelSpec) -> ModelKind:
    """The kind a spec asks for."""
    return get_kind(spec.kind)


def order_words(kind: str, k_ar: int) -> str:
    """A fit's lag order as its kind counts it: `VAR(4)`, or a VECM's VAR order in levels."""
    return get_kind(kind).order_words(k_ar)


def other_holdout_order(kind: str, k_ar: int | None, scored: int | None) -> str | None:
    """`VAR(9)` when the holdout was scored with another lag order than the version's (a criterion repeats its
    search on the rows before the holdout, which may choose another order); else None."""
    return order_words(kind, scored) if scored is not None and k_ar is not None and scored != k_ar else None
