"""The VAR kind: statsmodels' OLS VAR on levels, differences or log differences, forecast in numpy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..adequacy import assess as assess_fit
from ..errors import InvalidInputError
from ..forecast import Forecast, forecast_levels
from ..forecast_inputs import INTERVAL_KINDS
from ..intervals import sample_moments
from ..lag_order import choose_order
from ..model import VarParams, fit_results, params_of
from ..model_space import MODEL_SPACE, to_model_space
from . import Fit

if TYPE_CHECKING:  # the spec consults the kinds, which only read specs they are given
    from ..spec import ModelSpec


class VarKind:
    """Vector autoregression: the product's first model kind."""

    name = "var"
    title = "VAR"
    interval_kinds: tuple[str, ...] = INTERVAL_KINDS
    transforms: tuple[str, ...] = ("none", "diff", "logdiff")
    options: tuple[str, ...] = ("trend", "min_lags", "exog")
    deterministic_name = "trend"
    cointegrated = False
    order_floor: str | None = None  # it searches from 0 lags when asked (`min_lags`)

    def check_spec(self, spec: ModelSpec) -> dict:
        if spec.transform not in self.transforms:
            raise InvalidInputError(
                f"transform {spec.transform!r} is not one of {', '.join(self.transforms)} for a VAR"
                " ('log' is for VECMs; a VAR of log levels is not offered)",
                field="transform",
                value=spec.transform,
            )
        for option, value, instead in (
            ("deterministic", spec.deterministic, "; a VAR's deterministic terms are its trend (c, ct, n)"),
            ("coint_rank", spec.coint_rank, ""),
        ):
            if value is not None:
                flag = f"--{option.replace('_', '-')}"  # named as the CLI's flags too, as other refusals are
                raise InvalidInputError(
                    f"{option} {value!r} (CLI {flag}) is an option of model kind 'vecm' (CLI --model vecm){instead}",
                    field=option,
                    value=value,
                )
        return {}

    def interval_kinds_of(self, spec: ModelSpec) -> tuple[str, ...]:
        # corrected intervals' estimation term assumes regressors that evolve with the VAR, which exogenous
        # ones do not (varlib.forecast refuses the pair)
        return self.interval_kinds[:1] if spec.exog else self.interval_kinds

    def order_spec(self, spec: ModelSpec) -> ModelSpec:
        return spec

    def refit_spec(self, spec: ModelSpec, params: VarParams) -> ModelSpec:
        return spec.with_(lags=params.k_ar)

    def describe(self, spec: ModelSpec, params: VarParams) -> str:
        exog = f", exogenous {', '.join(spec.exog)}" if spec.exog else ""
        order = f"VARX({params.k_ar})" if spec.exog else self.order_words(params.k_ar)  # as Artifact.kind_title
        return f"{order} in {MODEL_SPACE[spec.transform]}, trend {spec.trend}{exog}"

    def order_words(self, k_ar: int) -> str:
        return f"VAR({k_ar})"

    def fit(
        self,
        levels: np.ndarray,
        spec: ModelSpec,
        what: str = "the training sample",
        assess: bool = True,
        exog: np.ndarray | None = None,
        rank_fallback: int | None = None,  # a VAR has no cointegration rank
    ) -> Fit:
        series = to_model_space(levels, spec.transform, list(spec.variables))
        regressors = model_space_exog(spec, exog, len(series))
        lags, selection, how, warnings = choose_order(series, spec, what, regressors)
        results = fit_results(series, lags, spec.trend, list(spec.variables), MODEL_SPACE[spec.transform], regressors)
        names, criterion = list(spec.variables), spec.order_criterion
        adequacy = assess_fit(results, spec.transform, names, criterion, levels) if assess else None
        return Fit(params_of(results, spec.trend), how, selection, tuple(warnings), adequacy)

    def forecast(
        self,
        params: VarParams,
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
        moments = None
        if intervals == "corrected" and training_levels is not None and not spec.exog:
            # only this interval kind needs the training sample; "standard" stays a pure forecast
            moments = sample_moments(params, to_model_space(training_levels, spec.transform))
        return forecast_levels(
            params,
            spec.transform,
            lag_levels,
            steps,
            alpha,
            intervals,
            moments,
            exog_future,
            conditions,
            periods_after_sample,
        )

    def lag_rows(self, spec: ModelSpec, params: VarParams) -> int:
        return params.k_ar + spec.lag_inputs_extra

    def params_from_dict(self, raw: dict) -> VarParams:
        return VarParams.from_dict(raw)


def model_space_exog(spec: ModelSpec, exog: np.ndarray | None, rows: int) -> np.ndarray | None:
    """The exogenous regressors of the model-space rows: used as given, so a model on differences keeps the
    values of the periods its differences belong to (it drops the first row, as the differencing does)."""
    if not spec.exog:
        return None
    if exog is None or exog.ndim != 2 or exog.shape[1] != len(spec.exog) or len(exog) < rows:
        raise InvalidInputError(
            f"the model has exogenous variables {', '.join(spec.exog)}; fitting needs their values for every row",
            field="exog",
        )
    return np.asarray(exog[len(exog) - rows :], dtype=float)


VAR_KIND = VarKind()
