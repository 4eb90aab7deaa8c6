"""The operations the CLI, the dashboard and the REST service share: train, publish, forecast."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .artifact import Artifact, build_artifact
from .catalog import Registry
from .data import Dataset, frame_sha256, future_dates, load_csv, load_macrodata, slice_dates
from .errors import InvalidInputError
from .forecast import Forecast, check_alpha, check_intervals, check_steps
from .identity import Actor
from .kinds import kind_of
from .spec import ModelSpec
from .training import TrainResult, train
from .versions import LATEST, Version


@dataclass(frozen=True)
class VersionForecast:
    """A forecast of one version, labelled with dates and ready for JSON."""

    name: str
    version: Version | None  # None for an artifact that is not published
    variables: list[str]
    index: list[str]
    forecast: Forecast
    lag_inputs: np.ndarray
    transform: str

    @property
    def steps(self) -> int:
        return len(self.index)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "version": str(self.version),
            "variables": self.variables,
            "steps": self.steps,
            "alpha": self.forecast.alpha,
            "index": self.index,
            "mean": self.forecast.mean.tolist(),
            "lower": self.forecast.lower.tolist(),
            "upper": self.forecast.upper.tolist(),
            "point": self.forecast.point,
            "intervals": self.forecast.intervals,
            "transform": self.transform,
        }

    def to_frame(self) -> pd.DataFrame:
        """Long table: one row per step and variable."""
        rows = []
        for h, label in enumerate(self.index):
            for j, variable in enumerate(self.variables):
                rows.append(
                    {
                        "date": label,
                        "variable": variable,
                        "mean": self.forecast.mean[h, j],
                        "lower": self.forecast.lower[h, j],
                        "upper": self.forecast.upper[h, j],
                    }
                )
        return pd.DataFrame(rows)


def load_dataset(
    csv: str | bytes | None = None,
    date_col: str | None = None,
    variables=None,
    start: str | None = None,
    end: str | None = None,
    csv_name: str | None = None,
    fill: str = "none",
) -> Dataset:
    """The bundled macro data, or a CSV when one is given; `fill` says what to do with missing periods
    or empty cells (varlib.data.fill: refuse them by default)."""
    if csv is None:
        dataset = load_macrodata(variables)
        if start or end:
            frame = slice_dates(dataset.frame, start, end)
            dataset = replace(dataset, frame=frame, sha256=frame_sha256(frame))
        return dataset
    return load_csv(csv, date_col=date_col, variables=variables, start=start, end=end, name=csv_name, fill=fill)


def train_model(dataset: Dataset, spec: ModelSpec) -> TrainResult:
    """Fit `spec` on `dataset`: holdout scores first (unless the holdout is 0), then a fit on every row."""
    return train(dataset, spec)


def publish_result(
    registry: Registry,
    result: TrainResult,
    name: str,
    bump: str = "patch",
    notes: str = "",
    author: str | None = None,
    actor: Actor | None = None,
) -> Artifact:
    """Publish a training run as the next version of `name`. With an `actor` (a signed-in identity) the
    version's author is that identity's name, its provenance holds the identity (name and subject), and
    the audit trail names it."""
    artifact = build_artifact(result, name, (actor.name if actor else None) or author or registry.author, notes)
    if actor is not None:
        artifact = replace(artifact, provenance={**artifact.provenance, "identity": actor.to_dict()})
    return registry.publish(artifact, bump, actor)


def forecast_artifact(
    artifact: Artifact, steps: int = 8, alpha: float = 0.05, lag_inputs=None, intervals: str = "standard"
) -> VersionForecast:
    """Forecast `steps` ahead from `lag_inputs` (default: the last observations of the training data).

    `intervals="corrected"` adds the estimation-uncertainty term computed from the stored training sample.
    """
    steps, alpha, intervals = check_forecast_options(steps, alpha, intervals)
    if lag_inputs is None:  # the training tail, read straight from the arrays: no history frame to build
        lag_values = artifact.data.values[-artifact.lag_rows :].copy()
        last = _training_end(artifact)
    else:
        last = _last_date(lag_inputs, artifact)
        lag_values = _lag_values(lag_inputs, artifact.variables)
    result = kind_of(artifact.spec).forecast(
        artifact.params, artifact.spec, lag_values, steps, alpha, intervals, artifact.data.values
    )
    index = future_dates(last, artifact.data.frequency, steps)
    return VersionForecast(
        artifact.name,
        artifact.version,
        artifact.variables,
        index,
        result,
        np.asarray(lag_values, dtype=float),
        artifact.spec.transform,
    )


def check_forecast_options(steps, alpha, intervals: str) -> tuple[int, float, str]:
    """Steps, alpha and interval kind checked before any store access (InvalidInputError names the bad one)."""
    return check_steps(steps), check_alpha(alpha), check_intervals(intervals)


def forecast_version(
    registry: Registry,
    name: str,
    version: str | Version = LATEST,
    steps: int = 8,
    alpha: float = 0.05,
    lag_inputs=None,
    cached: bool = True,
    intervals: str = "standard",
) -> VersionForecast:
    """Load a version (cached unless asked otherwise; `latest` always re-resolved) and forecast."""
    steps, alpha, intervals = check_forecast_options(steps, alpha, intervals)
    return forecast_artifact(registry.load(name, version, cached=cached), steps, alpha, lag_inputs, intervals)


def _last_date(lag_inputs, artifact: Artifact) -> pd.Timestamp:
    """Forecast dates continue from the lag inputs' own dates when they have them, else from the
    end of the training data (the lag table is prefilled with that tail)."""
    if isinstance(lag_inputs, pd.DataFrame) and isinstance(lag_inputs.index, pd.DatetimeIndex) and len(lag_inputs):
        return lag_inputs.index[-1]
    return _training_end(artifact)


def _training_end(artifact: Artifact) -> pd.Timestamp:
    # The last label of artifact.history, without building the whole frame (a freshly loaded
    # artifact has not built it yet, and parsing every date dominated a fresh forecast).
    return pd.Timestamp(artifact.data.dates[-1])


def _lag_values(lag_inputs, variables: list[str]):
    if not isinstance(lag_inputs, pd.DataFrame):
        return lag_inputs
    missing = [v for v in variables if v not in lag_inputs.columns]
    if missing:
        raise InvalidInputError(
            f"lag inputs lack the column(s) {', '.join(missing)}; they need {', '.join(variables)}",
            field="columns",
            value=missing,
        )
    if list(lag_inputs.columns) == list(variables):  # already in order: skip pandas' column selection
        return lag_inputs.to_numpy()
    return lag_inputs[variables].to_numpy()
