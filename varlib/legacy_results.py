"""What a legacy pickle holds, as plain arrays: statsmodels VARMAX (order (p, 0)) and VAR results.

The conversion is checked: the converted parameters must reproduce the pickle's own forecasts and
intervals (`check_forecasts`) before anything is published.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import CorruptArtifactError
from .forecast import forecast_levels
from .model import VarParams
from .model_space import TRENDS

CHECK_STEPS = 12
CHECK_ALPHA = 0.05
TOLERANCE = 1e-6  # relative, on the forecast mean and both interval bounds


@dataclass(frozen=True)
class LegacyModel:
    """What a legacy pickle holds, as plain arrays."""

    source_class: str
    variables: tuple[str, ...]
    params: VarParams
    levels: np.ndarray  # (rows, k) the data the model was fitted on
    index: pd.Index  # the results' own row labels (dates, or 0..n-1)
    mean: np.ndarray  # the pickle's own forecast, CHECK_STEPS x k
    lower: np.ndarray
    upper: np.ndarray


def read_results(obj, key: str) -> LegacyModel:
    """Plain parameters from a VARMAXResults of order (p, 0) or a VARResults. statsmodels hands out its results
    in a ResultsWrapper, which is no instance of the results class: the kind is told by the public `model`, and
    every value read goes through np.asarray, whatever the wrapper turns it into."""
    from statsmodels.tsa.statespace.varmax import VARMAX
    from statsmodels.tsa.vector_ar.var_model import VAR

    model = getattr(obj, "model", None)
    if isinstance(model, VARMAX):
        return _from_varmax(obj, key)
    if isinstance(model, VAR):
        return _from_var(obj, key)
    held = f"results of a {_class(model)} model" if model is not None else f"a {_class(obj)}"
    raise CorruptArtifactError(
        f"{key} holds {held}; only statsmodels VARMAXResults of order (p, 0) and VARResults can be converted"
    )


def _class(obj: object) -> str:
    return f"{type(obj).__module__}.{type(obj).__name__}"


def _from_varmax(results, key: str) -> LegacyModel:
    model = results.model
    if model.k_ma or not model.k_ar:
        raise CorruptArtifactError(
            f"{key} is a VARMAX of order ({model.k_ar}, {model.k_ma}); only pure VAR"
            " models, order (p, 0), can be converted"
        )
    if model.k_exog or model.measurement_error:
        raise CorruptArtifactError(
            f"{key} uses exogenous regressors or measurement error; only a plain VAR can be converted"
        )
    variables = tuple(str(name) for name in model.endog_names)
    k = len(variables)
    names = list(model.param_names)
    values = np.asarray(results.params, dtype=float)
    # Trend terms are named per term, then per variable: intercept.y1, intercept.y2, drift.y1, ...
    terms = [term for term in ("intercept", "drift") if f"{term}.{variables[0]}" in names]
    trend = {(): "n", ("intercept",): "c", ("intercept", "drift"): "ct"}.get(tuple(terms))
    if trend is None or model.k_trend != len(terms):
        raise CorruptArtifactError(
            f"{key} has a trend of {model.k_trend} terms {terms}; convertible trends are {', '.join(TRENDS)}"
        )
    trend_coefs = np.array(
        [[values[names.index(f"{term}.{v}")] for v in variables] for term in terms], dtype=float
    ).reshape(len(terms), k)
    coefs = np.asarray(results.coefficient_matrices_var, dtype=float)
    # With order (p, 0) and no measurement error the state covariance is the VAR residual covariance.
    sigma_u = np.asarray(results.filter_results.state_cov, dtype=float)[:, :, 0]
    # VARMAX's time trend runs 1..nobs in sample (trend_offset 1), so forecasts continue at nobs + 1.
    n_totobs = int(model.nobs) + int(getattr(model, "trend_offset", 1)) - 1
    params = VarParams(coefs, trend_coefs, sigma_u, trend, n_totobs)
    levels = np.asarray(model.endog, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mean = np.asarray(results.forecast(CHECK_STEPS), dtype=float)
        bounds = np.asarray(results.get_forecast(CHECK_STEPS).conf_int(alpha=CHECK_ALPHA), dtype=float)
    return LegacyModel(
        "VARMAXResults", variables, params, levels, _row_labels(model, len(levels)), mean, bounds[:, :k], bounds[:, k:]
    )


def _from_var(results, key: str) -> LegacyModel:
    if results.trend not in TRENDS:
        raise CorruptArtifactError(f"{key} has trend {results.trend!r}; convertible trends are {', '.join(TRENDS)}")
    k = int(results.neqs)
    trend_terms = len(results.trend.replace("n", ""))
    exog = np.asarray(results.coefs_exog, dtype=float)
    if exog.size and exog.shape[1] != trend_terms:
        raise CorruptArtifactError(f"{key} uses exogenous regressors; only a plain VAR can be converted")
    trend_coefs = exog.T.reshape(-1, k) if exog.size else np.zeros((0, k))
    params = VarParams(
        np.asarray(results.coefs, dtype=float),
        trend_coefs,
        np.asarray(results.sigma_u, dtype=float),
        results.trend,
        int(results.n_totobs),
    )
    levels = np.asarray(results.endog, dtype=float)
    lags = levels[-results.k_ar :]
    mean, lower, upper = results.forecast_interval(lags, CHECK_STEPS, alpha=CHECK_ALPHA)
    index = _row_labels(results.model, len(levels))
    return LegacyModel(
        "VARResults",
        tuple(str(n) for n in results.names),
        params,
        levels,
        index,
        np.asarray(mean),
        np.asarray(lower),
        np.asarray(upper),
    )


def _row_labels(model, rows: int) -> pd.Index:
    """The fitted data's own row labels (dates for a dated frame), else 0..rows-1."""
    labels = getattr(model.data, "row_labels", None)
    return labels if isinstance(labels, pd.Index) and len(labels) == rows else pd.RangeIndex(rows)


def check_forecasts(legacy: LegacyModel) -> float:
    """Our forecast of the converted parameters against the pickle's own; refuse a mismatch."""
    ours = forecast_levels(legacy.params, "none", legacy.levels[-legacy.params.k_ar :], CHECK_STEPS, CHECK_ALPHA)
    difference = max(
        _relative(ours.mean, legacy.mean), _relative(ours.lower, legacy.lower), _relative(ours.upper, legacy.upper)
    )
    if not difference <= TOLERANCE:
        raise CorruptArtifactError(
            f"the converted {legacy.source_class} does not reproduce the pickle's own forecast (relative"
            f" difference {difference:.3g} > {TOLERANCE:g}); it was not imported"
        )
    return float(difference)


def _relative(ours: np.ndarray, theirs: np.ndarray) -> float:
    ours, theirs = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape:
        return float("inf")
    return float(np.max(np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1e-12)))
