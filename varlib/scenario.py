"""Saved scenarios as data: a named set of forecast inputs (lag inputs, exogenous paths, conditions).

A scenario is made for one concrete version and holds exactly what reproduces its forecast: the steps,
the interval level and kind, the lag inputs (None: the version's own last observations), the exogenous
values of a VARX and the hard conditions, as the REST service takes them (one list per variable, step by
step, null where a condition is free). varlib.scenario_forecast makes one (checked by forecasting it, so
a saved scenario always opens) and forecasts it; varlib.catalog.scenarios stores it, once per name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from .data.date_text import read_dates
from .errors import InvalidInputError
from .identity import Actor
from .plain_text import MAX_NOTES
from .versions import LATEST, NAME_PATTERN, Version, check_key_name

FORMAT = "varlib-scenario"
SCENARIO_PATTERN = NAME_PATTERN  # a scenario name goes into keys and links as a model name does: one rule


def check_scenario_name(name: str) -> str:
    """The scenario name if it is valid, else InvalidInputError with the rule (varlib.versions.check_key_name)."""
    return check_key_name(name, "scenario name", "rate-hold-2pc", field="scenario")


def check_new_scenario_name(name: str) -> str:
    """check_scenario_name, and not `latest`: where a version is asked for, `latest` is one, so
    `varlib scenario save latest` (the scenario's name forgotten) saved a scenario called latest on the newest
    version. Checked for new names only: a scenario stored under that name before still opens."""
    if check_scenario_name(name) == LATEST:
        raise InvalidInputError(
            f"scenario name {LATEST!r} is not valid: it stands for a model's newest version; give the scenario a name"
            " of its own, for example 'rate-hold-2pc' (the CLI takes the name first and then the version:"
            " varlib scenario save rate-hold-2pc latest)",
            field="scenario",
            value=name,
        )
    return name


@dataclass(frozen=True)
class Scenario:
    """A named scenario of model `name`, version `version`: its inputs, and who saved it when."""

    name: str
    version: Version
    scenario: str
    steps: int
    alpha: float
    intervals: str = "standard"
    lag_dates: tuple[str, ...] = ()  # empty with lag_values None: the version's own last observations
    lag_values: tuple[tuple[float, ...], ...] | None = None
    exog: dict[str, list[float]] = field(default_factory=dict)
    conditions: dict[str, list[float | None]] = field(default_factory=dict)
    notes: str = ""
    created_at: str = ""
    actor: Actor | None = None
    damaged: str | None = None  # a listing's entry for an object that cannot be read: why, and what to do
    # plain_text's notes limit, where the REST document can read it (the public surface), as Registry.HISTORY_PAGE
    MAX_NOTES: ClassVar[int] = MAX_NOTES

    @property
    def label(self) -> str:
        return f"{self.name} {self.version} / {self.scenario}"

    @property
    def level(self) -> int | float:
        """Its interval level in percent: 95, or 97.5 for a level a page does not offer (saved from the CLI)."""
        level = round(100 * (1 - self.alpha), 2)
        return int(level) if level.is_integer() else level

    def lag_inputs(self, variables: list[str]) -> pd.DataFrame | np.ndarray | None:
        """The lag inputs as forecast_artifact takes them: dated rows when the dates parse, else plain rows."""
        if self.lag_values is None:
            return None
        values = np.asarray(self.lag_values, dtype=float)
        dates = read_dates(self.lag_dates)
        if len(self.lag_dates) == len(values) and not dates.isna().any():
            return pd.DataFrame(values, index=pd.DatetimeIndex(dates, name="date"), columns=variables)
        return values

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "name": self.name,
            "version": str(self.version),
            "scenario": self.scenario,
            "steps": self.steps,
            "alpha": self.alpha,
            "intervals": self.intervals,
            "lag_inputs": None
            if self.lag_values is None
            else {"dates": list(self.lag_dates), "values": [list(row) for row in self.lag_values]},
            "exog": self.exog,
            "conditions": self.conditions,
            "notes": self.notes,
            "created_at": self.created_at,
            "actor": self.actor.to_dict() if self.actor else None,
            "damaged": self.damaged,
        } | ({"steps": None, "alpha": None, "intervals": None, "created_at": None} if self.damaged else {})  # unknown

    def stored_dict(self) -> dict[str, Any]:
        """The scenario as stored: `damaged` is said of a stored object when read, never written into one."""
        body = self.to_dict()
        del body["damaged"]
        return body

    @classmethod
    def from_dict(cls, raw: dict[str, Any], version: Version) -> Scenario:
        """The scenario of a stored body (KeyError, TypeError or ValueError when it is malformed)."""
        lags = raw.get("lag_inputs")
        return cls(
            name=str(raw["name"]),
            version=version,
            scenario=check_scenario_name(raw["scenario"]),
            steps=int(raw["steps"]),
            alpha=float(raw["alpha"]),
            intervals=str(raw.get("intervals") or "standard"),
            lag_dates=tuple(map(str, lags["dates"])) if lags else (),
            lag_values=tuple(tuple(float(x) for x in row) for row in lags["values"]) if lags else None,
            exog={str(k): [float(x) for x in v] for k, v in (raw.get("exog") or {}).items()},
            conditions={
                str(k): [None if x is None else float(x) for x in v] for k, v in (raw.get("conditions") or {}).items()
            },
            notes=str(raw.get("notes") or ""),
            created_at=str(raw.get("created_at") or ""),
            actor=Actor.from_dict(raw["actor"]) if raw.get("actor") else None,
        )
