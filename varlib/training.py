"""The training pipeline: choose the lag order, score a holdout tail, refit on the whole sample."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .data import Dataset
from .errors import InvalidInputError
from .forecast import forecast_levels
from .model import LagSelection, ModelSpec, VarParams, check_sample, choose_lags, fit_params, to_model_space


@dataclass(frozen=True)
class Evaluation:
    """Holdout scores: the spec refitted on the first rows, forecasting the last `rows` in levels."""

    rows: int
    k_ar: int
    metrics: dict  # variable -> {"rmse", "mae", "mape"}; mape None when an actual is 0
    dates: tuple[str, ...]
    actual: np.ndarray
    forecast: np.ndarray
    lower: np.ndarray
    upper: np.ndarray

    def to_dict(self) -> dict:
        return {"rows": self.rows, "k_ar": self.k_ar, "metrics": self.metrics, "dates": list(self.dates),
                "actual": self.actual.tolist(), "forecast": self.forecast.tolist(),
                "lower": self.lower.tolist(), "upper": self.upper.tolist()}


@dataclass(frozen=True)
class TrainResult:
    """Everything a training run produced; `artifact.build_artifact` turns it into a publishable object."""

    dataset: Dataset
    spec: ModelSpec
    params: VarParams
    lag_method: str
    selection: LagSelection | None
    evaluation: Evaluation | None
    seconds: float


def train(dataset: Dataset, spec: ModelSpec) -> TrainResult:
    """Fit `spec` on `dataset`: evaluate on the holdout tail (unless 0), then refit on all rows."""
    started = time.perf_counter()
    missing = sorted(set(spec.variables) - set(dataset.frame.columns))
    if missing:
        raise InvalidInputError(f"variables {missing} are not in dataset {dataset.name!r}")
    frame = dataset.frame[list(spec.variables)]
    levels = frame.to_numpy(dtype=float)
    holdout_rows = int(round(len(levels) * spec.holdout)) if spec.holdout > 0 else 0
    if spec.holdout > 0:
        holdout_rows = max(1, holdout_rows)
    evaluation = _evaluate(frame, spec, holdout_rows) if holdout_rows else None
    series = to_model_space(levels, spec.transform)
    lags, selection, how = choose_lags(series, spec)
    params = fit_params(series, lags, spec.trend)
    return TrainResult(dataset, spec, params, how, selection, evaluation, time.perf_counter() - started)


def _evaluate(frame: pd.DataFrame, spec: ModelSpec, rows: int) -> Evaluation:
    levels = frame.to_numpy(dtype=float)
    train_levels, actual = levels[:-rows], levels[-rows:]
    series = to_model_space(train_levels, spec.transform)
    check_sample(len(series), len(spec.variables), spec.lags or spec.max_lags, spec.trend,
                 f"the training part before the {rows}-row holdout")
    lags, _, _ = choose_lags(series, spec)
    params = fit_params(series, lags, spec.trend)
    needed = lags + spec.lag_inputs_extra
    result = forecast_levels(params, spec.transform, train_levels[-needed:], rows)
    metrics = {name: score(actual[:, j], result.mean[:, j]) for j, name in enumerate(spec.variables)}
    dates = tuple(d.date().isoformat() for d in frame.index[-rows:])
    return Evaluation(rows, lags, metrics, dates, actual, result.mean, result.lower, result.upper)


def score(actual: np.ndarray, predicted: np.ndarray) -> dict:
    """RMSE, MAE and MAPE (in percent; None when an actual value is 0)."""
    error = predicted - actual
    mape = float(np.mean(np.abs(error / actual)) * 100) if np.all(actual != 0) else None
    return {"rmse": float(np.sqrt(np.mean(error**2))), "mae": float(np.mean(np.abs(error))), "mape": mape}
