"""A forecast of one version, labelled with dates: its JSON (the CLI's `forecast --json`, the REST answer),
its long table, and bands at other levels for fan charts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .conditional import chance_as_sd
from .data.frequency import period_labels
from .forecast import Forecast
from .jsonsafe import finite_or_none
from .versions import Version
from .wording import and_list, counted, plural_of

# A condition this many standard deviations from the forecast without conditions has a chance under the model
# of about 6 in 100,000 (two-sided): a stress scenario goes to 2 or 3, a wrong unit or a typo far beyond.
FAR_SD = 4.0


@dataclass(frozen=True)
class VersionForecast:
    """A forecast of one version, labelled with dates and ready for JSON. `exog` holds the exogenous values
    it used (steps x len(exog_names)); `forecast.fixed` the conditions (NaN where the path was free)."""

    name: str
    version: Version | None  # None for an artifact that is not published
    variables: list[str]
    index: list[str]
    forecast: Forecast
    lag_inputs: np.ndarray
    transform: str
    lag_index: tuple[str, ...] = ()  # the lag inputs' period labels, oldest first
    exog_names: tuple[str, ...] = ()
    exog: np.ndarray | None = None
    scenario: str | None = None  # the saved scenario this forecast reopens, if any
    frequency: str | None = None  # the sample's pandas alias, to name periods as people do (2010Q3)
    exog_sd: np.ndarray | None = None  # each exogenous value's distance from its training values, in their sd
    # all conditions' joint distance d2 from the forecast without them (varlib.conditional.condition_distance)
    condition_distance: float | None = None

    @property
    def steps(self) -> int:
        return len(self.index)

    @property
    def conditions(self) -> list[dict]:
        """What was conditioned, step by step: variable, step (1-based), date and value (in levels)."""
        fixed = self.forecast.fixed
        if fixed is None:
            return []
        surprise = self.forecast.surprise
        return [
            {
                "variable": self.variables[j],
                "step": int(h) + 1,
                "date": self.index[h],
                "value": float(fixed[h, j]),
                "sd_from_forecast": None if surprise is None else finite_or_none(surprise[h, j]),
            }
            for h, j in zip(*np.nonzero(np.isfinite(fixed)), strict=True)
        ]

    def far_conditions(self) -> str | None:
        """For people: the conditions that lie so far from the forecast without them that the model gives them
        almost no chance (FAR_SD standard deviations or more), or None."""
        far = [c for c in self.conditions if c["sd_from_forecast"] is not None and abs(c["sd_from_forecast"]) >= FAR_SD]
        far.sort(key=lambda c: -abs(c["sd_from_forecast"]))
        listed = self._far_list([(c["variable"], c["value"], c["date"], c["sd_from_forecast"]) for c in far])
        if listed is None:
            return None
        return (
            f"{counted(len(far), 'condition')} {'lies' if len(far) == 1 else 'lie'} {FAR_SD:g} or more standard"
            f" deviations from the forecast without conditions: {listed}. The model gives such values almost no"
            f" chance, so the path it draws through {plural_of(len(far), 'it', 'them')} is arithmetic far outside"
            " anything in its sample: check the values and their units."
        )

    def far_together(self) -> str | None:
        """For people: two or more conditions, none FAR_SD from the forecast alone, that together are as unlikely
        under the model as a single value FAR_SD or more sd away (the same chance), or None. Conditions at odds
        with each other, such as three variables tied by an identity conditioned off it, draw an absurd path."""
        conditions = [c for c in self.conditions if c["sd_from_forecast"] is not None]
        if self.condition_distance is None or len(conditions) < 2 or self.far_conditions() is not None:
            return None  # one far condition is said by far_conditions, and explains the distance of the set
        sd = chance_as_sd(self.condition_distance, len(conditions))
        if not sd >= FAR_SD:
            return None
        listed = self._far_list([(c["variable"], c["value"], c["date"], c["sd_from_forecast"]) for c in conditions])
        variables = {c["variable"] for c in conditions}
        check = (  # one variable's path: its steps against each other; several: the variables against each other
            f"check that {next(iter(variables))} can move this way from period to period (a zig-zag or a jump the"
            " model gives no chance), and give a smoother path, or fewer periods"
            if len(variables) == 1
            else "check that the conditions agree with each other, e.g. with an accounting identity among the"
            " variables (a real rate is a nominal rate minus inflation), and give values that respect it, or leave"
            " free the variable the others determine"
        )
        return (
            f"{counted(len(conditions), 'condition')} lie far from the forecast without conditions together, though"
            f" each is within {FAR_SD:g} standard deviations of it: {listed}. Under the model the combination is as"
            f" unlikely as a single value {sd:.3g} standard deviations away, so the path drawn through them lies far"
            f" outside anything in its sample: {check}."
        )

    def far_exog(self) -> str | None:
        """For people: exogenous values FAR_SD or more standard deviations from that variable's training values
        (a unit slip, a typo), or None. They are taken as known, so the bands do not widen: only this says so."""
        if self.exog_sd is None or self.exog is None:
            return None
        far = list(zip(*np.nonzero(np.abs(np.nan_to_num(self.exog_sd)) >= FAR_SD), strict=True))
        listed = self._far_list(
            [(self.exog_names[j], self.exog[h, j], self.index[h], self.exog_sd[h, j]) for h, j in far]
        )
        if listed is None:
            return None
        them = plural_of(len(far), "it", "them")
        return (
            f"{counted(len(far), 'exogenous value')} {'lies' if len(far) == 1 else 'lie'} {FAR_SD:g} or more standard"
            f" deviations from that variable's training values: {listed}. The forecast takes {them} as"
            f" known, so its bands do not widen for {them}, while the fit never saw such values: check the"
            " values and their units."
        )

    def _far_list(self, far: list[tuple[str, float, str, float]]) -> str | None:
        """`realgdp 5 at 2009Q4 (-277.7 sd) and 2 more`: the first three of (variable, value, date, sd), or None."""
        if not far:
            return None
        periods = period_labels([date for _, _, date, _ in far[:3]], self.frequency)
        shown = [
            # a value of 1e140 is some 1e137 sd away: in full it printed 140 digits
            f"{name} {value:g} at {period} ({sd:+.1f} sd)"
            if abs(sd) < 1e6
            else f"{name} {value:g} at {period} ({sd:+.3g} sd)"
            for (name, value, _, sd), period in zip(far[:3], periods, strict=True)
        ]
        return ", ".join(shown) + f" and {len(far) - 3} more" if len(far) > 3 else and_list(shown)

    def warnings(self) -> list[str]:
        """What `far_conditions`, `far_together` and `far_exog` say, for the JSON and the REST answer."""
        return [note for note in (self.far_conditions(), self.far_together(), self.far_exog()) if note]

    def band(self, level: float) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper bounds of the `level`% band (e.g. 60), whatever level the forecast was made at."""
        return self.forecast.band(round(1 - float(level) / 100, 6))  # checked there: fans go below 50%

    def fan(self, levels: Iterable[float]) -> dict[float, tuple[np.ndarray, np.ndarray]]:
        """Bands at several levels (e.g. 30, 60, 90), widest last: the layers of a fan chart."""
        return {level: self.band(level) for level in sorted(levels)}

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
            "exog": {name: self.exog[:, j].tolist() for j, name in enumerate(self.exog_names)}
            if self.exog is not None
            else {},
            "conditions": self.conditions,
            "scenario": self.scenario,
            "warnings": self.warnings(),
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
