"""The Forecast page's inputs: the saved-scenario and fan pickers, and the lag inputs (or a saved scenario's,
read-only, with its forecast). The results (ui.forecast_panel) are drawn from them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import forecast_view, scenario_delete, scenario_panel
from ui.lag_table import lag_inputs
from varlib import Artifact, Scenario, VersionForecast, count_changed


@dataclass(frozen=True)
class Inputs:
    """A saved scenario (None: the editor), the fan's levels, the lag inputs (None: the table has an error,
    shown under it), whether the editor's lag inputs differ from the version's own (read once here, not on
    every steps change) and a saved scenario's (baseline, forecast)."""

    saved: Scenario | None
    fan: list[int]
    lags: pd.DataFrame | None
    edited: bool
    saved_forecasts: tuple[VersionForecast, VersionForecast] | None


def inputs(artifact: Artifact, present: bool, pickers: DeltaGenerator) -> Inputs:
    """The pickers (in `pickers`, above the charts) and the lag inputs or the saved scenario (here)."""
    with pickers:
        saved, fan = scenario_panel.pick(artifact)
        scenario_delete.notice()
        if not present:  # a presentation changes nothing in the store
            scenario_delete.damaged(artifact)
    if saved is None:
        if not present:
            st.subheader("Lag inputs")
        lags = lag_inputs(artifact)
        own = artifact.default_lag_inputs()
        # other values, or the rows of other periods (a CSV of later data): not the version's own inputs
        edited = lags is not None and (count_changed(lags, own) > 0 or not lags.index.equals(own.index))
        return Inputs(None, fan, lags, edited, None)
    scenario_panel.describe(artifact, saved, fan)
    if not present:  # a presentation changes nothing in the store
        scenario_delete.render(artifact, saved)
    lags, baseline, result = forecast_view.saved_forecast(artifact, saved)
    return Inputs(saved, fan, lags, False, (baseline, result))
