"""The VAR kind: statsmodels' OLS VAR on levels, differences or log differences, forecast in numpy."""

from __future__ import annotations

import numpy as np

from ..forecast import INTERVAL_KINDS, Forecast, forecast_levels
from ..intervals import sample_moments
from ..model import VarParams, check_sample, choose_lags, fit_params
from ..spec import ModelSpec, to_model_space
from . import Fit


class VarKind:
    """Vector autoregression: the product's first model kind."""

    name = "var"
    title = "VAR"
    interval_kinds: tuple[str, ...] = INTERVAL_KINDS
    diagnostics: tuple[str, ...] = (
        "lag order",
        "coefficients",
        "stability",
        "residual tests",
        "granger causality",
        "instantaneous causality",
        "impulse responses",
        "variance decomposition",
    )

    def fit(self, levels: np.ndarray, spec: ModelSpec, what: str = "the training sample") -> Fit:
        series = to_model_space(levels, spec.transform)
        check_sample(len(series), len(spec.variables), spec.lags or spec.max_lags, spec.trend, what)
        lags, selection, how = choose_lags(series, spec)
        return Fit(fit_params(series, lags, spec.trend), how, selection)

    def forecast(
        self,
        params: VarParams,
        spec: ModelSpec,
        lag_levels: np.ndarray,
        steps: int,
        alpha: float,
        intervals: str = "standard",
        training_levels: np.ndarray | None = None,
    ) -> Forecast:
        moments = None
        if intervals == "corrected" and training_levels is not None:
            # only this interval kind needs the training sample; "standard" stays a pure forecast
            moments = sample_moments(params, to_model_space(training_levels, spec.transform))
        return forecast_levels(params, spec.transform, lag_levels, steps, alpha, intervals, moments)

    def lag_rows(self, spec: ModelSpec, params: VarParams) -> int:
        return params.k_ar + spec.lag_inputs_extra

    def params_from_dict(self, raw: dict) -> VarParams:
        return VarParams.from_dict(raw)


VAR_KIND = VarKind()
