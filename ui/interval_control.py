"""The Forecast page's Intervals control: the kind of band the chart draws, and only that.

A version offering one kind (a VECM, a VARX) shows it in a disabled control of its own, and so does a
conditional forecast, which uses standard intervals whatever was chosen: the person's choice stays kept for
when it applies again, and the control never shows a kind the chart is not drawing. Whether the forecast
is conditioned is known only once the scenario editor's conditions are read, so the settings row holds a
place for the control and the results fill it after computing the forecast.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui.forecast_link import KEYS
from varlib import Artifact, kind_title

HELP = (
    "How the band is computed. 'standard': from the residual covariance alone (as statsmodels);"
    " 'corrected': also counts the uncertainty of the estimated coefficients, so it is wider."
)
CONDITIONED = (
    "Conditional forecasts use standard intervals (the conditional distribution treats the coefficients as known)."
)
ONLY = f"{KEYS['intervals']}|only"


def chosen(artifact: Artifact) -> str:
    """The kind the person chose, if this version offers it; else the version's first."""
    offered = artifact.interval_kinds
    picked = st.session_state.get(KEYS["intervals"])
    return picked if picked in offered else offered[0]


def draw(place: DeltaGenerator, artifact: Artifact, kept: str | None, conditioned: bool) -> None:
    """The control, in the place the settings row held for it. `kept`: why a saved scenario's own kind cannot
    change; `conditioned`: the forecast drawn is a conditional one."""
    offered = artifact.interval_kinds
    if len(offered) > 1 and not conditioned:
        place.segmented_control(
            "Intervals",
            offered,
            key=KEYS["intervals"],
            required=True,
            persist_state="session",
            help=kept or HELP,
            disabled=bool(kept),
        )
        return
    st.session_state[ONLY] = "standard" if conditioned else offered[0]
    why = CONDITIONED if conditioned else only(artifact)
    place.segmented_control("Intervals", [st.session_state[ONLY]], key=ONLY, disabled=True, help=why)


def only(artifact: Artifact) -> str:
    """Why a version offers one interval kind (the README's sections on VECMs and VARX)."""
    which = f"{kind_title(artifact.spec.kind)} versions{' with exogenous variables' if artifact.exog else ''}"
    return f"{which} offer {artifact.interval_kinds[0]} intervals only"


def note(artifact: Artifact, drawn: str, conditioned: bool) -> str | None:
    """What the page says under the settings when the band is not of the kind the person chose."""
    picked = st.session_state.get(KEYS["intervals"])
    if picked is None or picked == drawn:
        return None
    why = "Conditional forecasts use standard intervals" if conditioned else only(artifact)
    return f":material/info: {why}: showing {drawn} ones, not {picked}."
