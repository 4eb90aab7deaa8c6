"""The operations the CLI, the dashboard and the REST service share: train, publish, forecast."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from .artifact import Artifact, build_artifact
from .catalog import Registry
from .data import (
    MACRODATA,
    Dataset,
    check_fill_method,
    frame_sha256,
    future_dates,
    load_csv,
    load_macrodata,
    periods_between,
    slice_dates,
)
from .data.path_values import horizon_words, refuse_no_conditions, shown_labels
from .data.paths import CONDITIONS, EXOG, check_path
from .errors import InvalidInputError
from .forecast_inputs import check_alpha, check_intervals, check_lag_inputs, check_steps
from .identity import Actor
from .kinds import kind_of
from .lag_given import lag_labels, lag_periods, lag_values_of, last_date, read_dated, training_end
from .model_space import LOGGED
from .spec import ModelSpec
from .training import TrainResult, train
from .version_forecast import VersionForecast
from .versions import LATEST, Version
from .wording import plural_of


def load_dataset(
    csv: str | bytes | Path | pd.DataFrame | None = None,
    date_col: str | None = None,
    variables=None,
    start: str | None = None,
    end: str | None = None,
    csv_name: str | None = None,
    fill: str = "none",
) -> Dataset:
    """The bundled macro data, or a CSV when one is given (a path, its bytes, or a pandas DataFrame, read as its
    CSV would be, so its dates and cells are checked alike); `fill` says what to do with missing periods or empty
    cells (varlib.data.fill: refuse them by default)."""
    if isinstance(csv, pd.DataFrame):  # dated by its index unless that is a plain row count
        dated = not isinstance(csv.index, pd.RangeIndex)
        frame = csv.rename_axis(str(csv.index.name or "date")) if dated else csv
        csv, csv_name = frame.to_csv(index=dated).encode(), csv_name or "DataFrame"
    elif csv is not None and not isinstance(csv, str | bytes | Path):
        raise InvalidInputError(
            f"load_dataset reads a CSV path, its bytes or a pandas DataFrame, not a {type(csv).__name__}", field="csv"
        )
    check_fill_method(fill)  # the bundled data has no gap to fill, but a mistyped fill must not pass unnoticed
    if csv is None:
        dataset = load_macrodata(variables)
        if start or end:
            frame = slice_dates(dataset.frame, start, end, MACRODATA)
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
    artifact: Artifact,
    steps: int = 8,
    alpha: float = 0.05,
    lag_inputs=None,
    intervals: str = "standard",
    exog=None,
    conditions=None,
) -> VersionForecast:
    """Forecast `steps` ahead from `lag_inputs` (default: the last observations of the training data).

    `intervals="corrected"` adds the estimation-uncertainty term computed from the stored training sample.
    A model with exogenous variables needs `exog`, their values for every step; `conditions` fix part of
    the future path of the variables (in levels; a conditional forecast). Both are tables or mappings of
    variable -> values step by step, checked by varlib.data.paths (the CLI's CSVs, the REST fields and the
    dashboard's tables alike).
    """
    steps, alpha, intervals = check_forecast_options(steps, alpha, intervals)
    if lag_inputs is None:  # the training tail, read straight from the arrays: no history frame to build
        lag_values = artifact.data.values[-artifact.lag_rows :].copy()
        last = training_end(artifact)
    else:
        lag_inputs = read_dated(lag_inputs, artifact)
        last = last_date(lag_inputs, artifact)
        lag_values = lag_values_of(lag_inputs, artifact.variables)
        # checked here, where a bad cell can be named by its variable and period (the forecast checks again); the
        # periods are named only for a refusal: building them cost every forecast from a page's lag table
        shape = (lag_values, artifact.lag_rows, len(artifact.variables), artifact.spec.transform, artifact.variables)
        try:
            check_lag_inputs(*shape)
        except InvalidInputError:
            check_lag_inputs(*shape, lag_periods(lag_inputs, artifact))  # the same refusal, with the cell's period
            raise
    index = future_dates(last, artifact.data.frequency, steps)
    exog_future = _exog_future(artifact, exog, index)
    fixed = _conditions(artifact, conditions, index)
    # a trend goes on from where the lag inputs end, which dated ones may put before or after the sample's end
    shift = periods_between(training_end(artifact), last, artifact.data.frequency)
    result = kind_of(artifact.spec).forecast(
        artifact.params,
        artifact.spec,
        lag_values,
        steps,
        alpha,
        intervals,
        artifact.data.values,
        exog_future,
        fixed,
        shift,
    )
    return VersionForecast(
        artifact.name,
        artifact.version,
        artifact.variables,
        index,
        result,
        np.asarray(lag_values, dtype=float),
        artifact.spec.transform,
        lag_labels(lag_inputs, artifact),
        tuple(artifact.exog),
        exog_future,
        frequency=artifact.data.frequency,
        exog_sd=_exog_distance(artifact, exog_future),
        condition_distance=result.condition_distance,
    )


def _exog_distance(artifact: Artifact, exog_future: np.ndarray | None) -> np.ndarray | None:
    """Each future exogenous value's distance from its variable's training values, in their standard deviations
    (NaN for a column that never varied in training)."""
    if exog_future is None or artifact.data.exog is None:
        return None
    past = np.asarray(artifact.data.exog, dtype=float)
    spread = past.std(axis=0, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(spread > 0, (exog_future - past.mean(axis=0)) / spread, np.nan)


def forecast_periods(artifact: Artifact, steps: int, lag_inputs=None) -> list[str]:
    """The period labels of a forecast of `steps` from `lag_inputs` (default: the training data's end), for the
    tables a person fills in before forecasting (exogenous values, conditions)."""
    last = training_end(artifact) if lag_inputs is None else last_date(read_dated(lag_inputs, artifact), artifact)
    return future_dates(last, artifact.data.frequency, check_steps(steps))


def _exog_future(artifact: Artifact, exog, index: list[str]) -> np.ndarray | None:
    """The exogenous values for each step (steps x n_exog), checked; None for a model without any."""
    if not artifact.exog:
        if exog is not None and len(exog):
            raise InvalidInputError(
                f"{artifact.label} has no exogenous variables, so it takes no exogenous values; leave them out",
                field="exog",
            )
        return None
    if exog is None:
        shown = shown_labels(index, artifact.data.frequency)  # the periods as its tables name them
        their = "their values" if len(artifact.exog) > 1 else "its values"
        raise InvalidInputError(
            f"{artifact.label} has exogenous {plural_of(len(artifact.exog), 'variable')}"
            f" {', '.join(artifact.exog)}: a forecast needs {their} for each of its {horizon_words(shown)};"
            f" give them as exogenous values"
            " (CLI --exog-csv, REST `exog`, the Forecast page's table)",
            field="exog",
        )
    frequency = artifact.data.frequency  # a file may date the periods by their end: read as the periods they fall in
    path = check_path(exog, artifact.exog, index, EXOG, other_columns=artifact.variables, frequency=frequency)
    return path[artifact.exog].to_numpy(dtype=float)


def _conditions(artifact: Artifact, conditions, index: list[str]) -> np.ndarray | None:
    """The conditions as a (steps x k) array of levels, NaN where free; None without conditions (conditions
    that condition nothing are refused)."""
    if conditions is None:
        return None
    refuse_no_conditions(conditions)  # else a plain forecast that reads as conditioned; REST and CLI refuse alike
    logged = artifact.spec.transform in LOGGED
    path = check_path(
        conditions, artifact.variables, index, CONDITIONS, logged, artifact.exog, frequency=artifact.data.frequency
    )
    return path.reindex(columns=artifact.variables).to_numpy(dtype=float)


def check_forecast_options(steps, alpha, intervals: str, steps_named: str = "steps") -> tuple[int, float, str]:
    """Steps, alpha and interval kind checked before any store access (InvalidInputError names the bad one; the
    steps as `steps_named`, the caller's name for them)."""
    return check_steps(steps, steps_named), check_alpha(alpha), check_intervals(intervals)


def forecast_version(
    registry: Registry,
    name: str,
    version: str | Version = LATEST,
    steps: int = 8,
    alpha: float = 0.05,
    lag_inputs=None,
    cached: bool = True,
    intervals: str = "standard",
    exog=None,
    conditions=None,
) -> VersionForecast:
    """Load a version (cached unless asked otherwise; `latest` always re-resolved) and forecast."""
    steps, alpha, intervals = check_forecast_options(steps, alpha, intervals)
    artifact = registry.load(name, version, cached=cached)
    return forecast_artifact(artifact, steps, alpha, lag_inputs, intervals, exog, conditions)
