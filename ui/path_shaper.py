"""The scenario editor's path shaper (ui.paths_editor): sliders dragged to hold a level over a range of steps, or to
draw a straight line between two values, applied to the conditions table."""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui.hover import periods
from ui.path_draft import draft_key, draft_of, padded, positive_only
from varlib import CONDITIONS, Artifact, VersionForecast

SHOWN = "%.6g"  # the sliders' format: the table takes a dragged path as they show it, not a float's 17 digits


def shaper(artifact: Artifact, labels: list[str], baseline: VersionForecast | None) -> None:
    """Drag a path: a level held over a range of steps, or a straight line from a start to an end value. Its
    sliders start from the forecast without conditions (`baseline`); without one (an exogenous value to fix) it
    waits, while the table still takes typed and uploaded conditions."""
    at = draft_key(artifact, CONDITIONS)
    waits = "It starts from the forecast: fix what is named above first." if baseline is None else None
    on = st.toggle(
        "Drag a path", key=f"{at}|shaper", help=waits or "Hold a level or draw a line.", disabled=bool(waits)
    )
    if not on or baseline is None:
        return
    variable = st.selectbox("Variable", artifact.variables, key=f"{at}|shape_var")
    j = artifact.variables.index(variable)
    named = dict(zip(labels, periods(labels, artifact.data.frequency), strict=True))  # as the table names them
    first, last = st.select_slider(
        "Steps to set (drag either end)",
        options=labels,
        format_func=named.get,
        value=(labels[0], labels[-1]),
        key=f"{at}|shape_steps|{len(labels)}",
    )
    low, high = baseline.band(99)
    start_at = labels.index(first)
    bottom, top = float(np.min(low[:, j])), float(np.max(high[:, j]))
    margin = 0.25 * (top - bottom) or abs(top) * 0.1 or 1.0
    floor = bottom - margin
    if positive_only(artifact, CONDITIONS) and floor <= 0:
        floor = bottom / 2  # a logged model's conditions must stay above 0
    bounds = {"min_value": floor, "max_value": top + margin, "format": SHOWN}
    centre = float(baseline.forecast.mean[start_at, j])
    shape = st.radio("Shape", ["hold a level", "straight line"], horizontal=True, key=f"{at}|shape")
    start = st.slider(
        "Start value" if shape == "straight line" else "Level", value=centre, key=f"{at}|shape_a|{variable}", **bounds
    )
    end = start
    if shape == "straight line":
        end = st.slider("End value", value=centre, key=f"{at}|shape_b|{variable}", **bounds)
    if st.button("Apply to the table", icon=":material/done:", key=f"{at}|shape_apply"):
        path = draft_of(artifact, CONDITIONS, {})
        stop = labels.index(last)
        values = padded(path["values"].get(variable), max(len(labels), len(path["values"].get(variable) or ())))
        values[start_at : stop + 1] = [float(SHOWN % v) for v in np.linspace(start, end, stop - start_at + 1)]
        path["values"][variable], path["rev"] = values.tolist(), path["rev"] + 1
        st.rerun()
