"""Compare versions: specs, data and metrics side by side, and forecasts overlaid from the same lag inputs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import comparison_figures
from ui.errors import guarded, show_error
from ui.figures import recent
from ui.version_pick import pick_versions
from varlib import (
    DATE,
    MAX_STEPS,
    VarlibError,
    all_variables,
    compare_table,
    editor_table,
    level_to_alpha,
    overlay_forecasts,
    parse_lag_table,
    shared_lag_table,
)

LEVELS = (80, 90, 95, 99)


def render() -> None:
    st.title("Compare versions")
    top = st.columns([4, 1, 1.6], vertical_alignment="bottom")
    artifacts = pick_versions("cmp", top[0])
    steps = int(top[1].number_input("Steps", 1, MAX_STEPS, 8, key="cmp_steps"))
    level = top[2].segmented_control("Interval", LEVELS, default=95, key="cmp_level", format_func=lambda x: f"{x}%")
    level = level or 95
    if len(artifacts) < 2:
        st.info("Pick at least two versions.", icon=":material/compare_arrows:")
        if not artifacts:
            return
    st.subheader("Side by side")
    table = compare_table(artifacts)
    differs = table.pop("differs")
    only = st.toggle("Only rows that differ", key="cmp_only")
    shown = table[differs] if only else table
    shown = shown.map(lambda v: "" if v is None else (f"{v:.6g}" if isinstance(v, float) else str(v)))
    styled = shown.style.apply(
        lambda row: ["background-color: rgba(255,193,7,0.25)" if differs[row.name] else ""] * len(row), axis=1
    )
    st.caption("Highlighted rows differ between the versions.")
    st.dataframe(styled, width="stretch", height=min(36 * (len(shown) + 1) + 4, 900), key="cmp_table")

    st.subheader("Forecasts overlaid")
    shared = _shared_inputs(artifacts)
    if shared is None:
        return
    overlaid = overlay_forecasts(artifacts, steps, level_to_alpha(level), shared)
    st.caption(
        f"Versions with the variables of {overlaid[0].label} start from the same {len(shared)} last"
        f" observations (its training data, ending {shared.index[-1].date()}); a dashed line marks a version"
        " that used its own lag inputs."
    )
    for item in overlaid:
        if not item.shared or item.forecast is None:
            st.warning(f"**{item.label}**: {item.note}", icon=":material/info:")
    history = artifacts[0].history
    for variable in all_variables(artifacts):
        source = next(a.history for a in artifacts if variable in a.variables)
        tail = recent((history if variable in history.columns else source)[variable], steps)
        st.plotly_chart(
            comparison_figures.overlay_figure(variable, tail, overlaid, level),
            key=f"cmp_chart|{variable}",
            config={"displaylogo": False},
        )


def _shared_inputs(artifacts):
    """The shared lag table (the first version's last observations), editable; None after showing an error."""
    base = shared_lag_table(artifacts)
    with st.expander(f"Shared lag inputs ({len(base)} rows of {', '.join(base.columns)})"):
        st.caption("Edit a cell to forecast every matching version from the same changed inputs.")
        scope = "|".join(a.label for a in artifacts)
        edited = st.data_editor(
            editor_table(base),
            key=f"cmp_lags|{scope}",
            hide_index=True,
            num_rows="fixed",
            disabled=[DATE],
            width="stretch",
        )
    try:
        table = parse_lag_table(edited, list(base.columns), len(base), "none")
    except VarlibError as exc:
        show_error(exc)
        return None
    if not isinstance(table.index, pd.DatetimeIndex):
        table.index = base.index
    return table


guarded(render)
