"""Scenario forecasts: make a scenario from forecast inputs (checked by forecasting it), forecast a saved one,
and set it against the baseline (the table under the overlaid chart)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from .artifact import Artifact
from .errors import InvalidInputError
from .plain_text import check_notes
from .scenario import Scenario, check_new_scenario_name
from .scores import percent_scorable
from .service import forecast_artifact
from .version_forecast import VersionForecast


def make_scenario(
    artifact: Artifact,
    scenario: str,
    steps: int = 8,
    alpha: float = 0.05,
    lag_inputs=None,
    intervals: str = "standard",
    exog=None,
    conditions=None,
    notes: str = "",
) -> Scenario:
    """A scenario of a published version, checked by forecasting it (every refusal names the bad value); the
    inputs are kept as the forecast read them (conditions in levels, null where free)."""
    if artifact.version is None:
        raise InvalidInputError("a scenario belongs to a published version; publish the model first", field="version")
    name = check_new_scenario_name(scenario)  # a new scenario's: `latest` is refused before the forecast runs
    check_notes(notes)  # before the forecast: what is wrong with the notes is said at once
    result = forecast_artifact(artifact, steps, alpha, lag_inputs, intervals, exog, conditions)
    return Scenario(
        name=artifact.name,
        version=artifact.version,
        scenario=name,
        steps=result.steps,
        alpha=result.forecast.alpha,
        intervals=result.forecast.intervals,
        lag_dates=result.lag_index if lag_inputs is not None else (),
        lag_values=tuple(tuple(map(float, row)) for row in result.lag_inputs) if lag_inputs is not None else None,
        exog={n: result.exog[:, j].tolist() for j, n in enumerate(result.exog_names)}
        if result.exog is not None
        else {},
        conditions=_conditions_of(result),
        notes=notes,
    )


def forecast_scenario(artifact: Artifact, scenario: Scenario) -> VersionForecast:
    """The forecast a scenario describes, labelled with its name."""
    if artifact.name != scenario.name or artifact.version != scenario.version:
        raise InvalidInputError(
            f"scenario {scenario.scenario!r} was made for {scenario.name} {scenario.version}, not {artifact.label}",
            field="scenario",
            value=scenario.scenario,
        )
    result = forecast_artifact(
        artifact,
        scenario.steps,
        scenario.alpha,
        scenario.lag_inputs(artifact.variables),
        scenario.intervals,
        scenario.exog or None,
        scenario.conditions or None,
    )
    return replace(result, scenario=scenario.scenario)


def scenario_differences(baseline: VersionForecast, scenario: VersionForecast, levels=None) -> pd.DataFrame:
    """Scenario against baseline, one row per step and variable: both points, the difference and the
    difference in percent of the baseline (the table under the overlaid chart).

    `levels`: the variables' history (rows x variables, such as the version's training levels). A variable whose
    history and baseline are not all of one sign, or whose baseline comes near 0, gets no percent (NaN), by the
    rule that leaves out its MAPE (scores.percent_scorable): a rate at 0.2 conditioned to 7.4 read +3688%."""
    if baseline.variables != scenario.variables or baseline.index != scenario.index:
        raise InvalidInputError(
            "the baseline and the scenario cover different variables or periods; compare forecasts of one version"
            " with the same steps",
            field="scenario",
        )
    base, other = baseline.forecast.mean, scenario.forecast.mean
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(base != 0, 100 * (other - base) / np.abs(base), np.nan)
    if levels is not None:
        percent[:, ~percent_scorable(np.vstack([np.asarray(levels, dtype=float), base]), base)] = np.nan
    rows = [
        {
            "date": label,
            "variable": variable,
            "baseline": base[h, j],
            "scenario": other[h, j],
            "difference": other[h, j] - base[h, j],
            "difference %": percent[h, j],
        }
        for h, label in enumerate(baseline.index)
        for j, variable in enumerate(baseline.variables)
    ]
    return pd.DataFrame(rows)


def _conditions_of(result: VersionForecast) -> dict[str, list[float | None]]:
    fixed = result.forecast.fixed
    if fixed is None:
        return {}
    return {
        variable: [None if np.isnan(x) else float(x) for x in fixed[:, j]]
        for j, variable in enumerate(result.variables)
        if np.isfinite(fixed[:, j]).any()
    }
