"""Compare versions: specs, data and metrics side by side, and forecasts overlaid from the same lag inputs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import comparison_figures, store, url_state
from ui.chart_look import plot
from ui.errors import guarded, show_error
from ui.figures import recent
from ui.forecast_link import parse_level
from ui.tables import comparison_cells, label_width
from ui.url_state import Field
from ui.version_pick import pick_versions
from varlib import (
    DATE,
    MAX_STEPS,
    VarlibError,
    all_variables,
    and_list,
    compare_table,
    editor_table,
    level_to_alpha,
    overlay_forecasts,
    parse_lag_table,
    period_labels,
    shared_lag_table,
)

LEVELS = (80, 90, 95, 99)
PAGE = "cmp"


def _versions(raw: str) -> list[str] | None:
    """`var:0.0.1,growth:0.0.2` as the picker's labels, in that order (None when empty)."""
    labels = [item.strip().replace(":", " ", 1) for item in str(raw).split(",") if item.strip()]
    return labels or None


FIELDS = [
    Field("versions", f"_{PAGE}_link_versions", _versions, "model:version pairs separated by commas"),
    # a link from another page names one model (and version): the picker starts from it when no versions are named
    Field(url_state.MODEL, f"_{PAGE}_link_model", url_state.given, "a model's name"),
    Field(url_state.VERSION, f"_{PAGE}_link_version", url_state.given, "a version such as 0.0.3"),
    Field("steps", "cmp_steps", url_state.whole_number(1, MAX_STEPS), f"1 to {MAX_STEPS}"),
    Field("level", "cmp_level", parse_level, "one of " + ", ".join(map(str, LEVELS))),
    Field("only", "cmp_only", url_state.flag, "1 or 0"),
]


def render() -> None:
    st.title("Compare versions")
    params = url_state.incoming(PAGE, FIELDS)
    problems = url_state.apply(PAGE, FIELDS, params) if params else []
    top = st.columns([3.6, 1, 2], vertical_alignment="top")  # labels in line (a field is taller than buttons)
    artifacts = pick_versions(PAGE, top[0], problems)
    if not store.model_names():  # the picker has said so and linked the pages that fill a store
        return
    st.session_state.setdefault("cmp_steps", 8)
    st.session_state.setdefault("cmp_level", 95)
    # kept while another page runs, as the versions picker is
    steps = int(top[1].number_input("Steps", 1, MAX_STEPS, key="cmp_steps", persist_state="session"))
    level = top[2].segmented_control(
        "Interval", LEVELS, key="cmp_level", format_func=lambda x: f"{x}%", persist_state="session"
    )
    level = level or 95
    only = bool(st.session_state.get("cmp_only", False))
    url_state.write(
        PAGE,
        {
            "versions": ",".join(f"{a.name}:{a.version}" for a in artifacts) or None,
            "steps": str(steps),
            "level": str(level),
            "only": "1" if only else None,
        },
    )
    url_state.warn(problems)
    if len(artifacts) < 2:
        st.info("Pick at least two versions.", icon=":material/compare_arrows:")
        if not artifacts:
            return
    st.subheader("Side by side")
    table = compare_table(artifacts)
    differs = table.pop("differs")
    only = st.toggle("Only rows that differ", key="cmp_only", persist_state="session")
    shown = comparison_cells(table[differs] if only else table)
    styled = shown.style.apply(
        lambda row: ["background-color: rgba(255,193,7,0.25)" if differs[row.name] else ""] * len(row), axis=1
    )
    st.caption("Columns in the order the versions were picked; highlighted rows differ between the versions.")
    st.dataframe(
        styled,
        width="stretch",
        height="content",  # every row: the holdout scores at the bottom are what a comparison is read for
        key="cmp_table",
        placeholder="–",
        # the row names are the only key to the numbers: never cut them
        column_config={"_index": st.column_config.TextColumn(width=label_width(table.index), pinned=True)},
    )

    st.subheader("Forecasts overlaid")
    shared = _shared_inputs(artifacts)
    if shared is None:
        return
    overlaid = overlay_forecasts(artifacts, steps, level_to_alpha(level), shared)
    first = artifacts[0]
    st.caption(
        f"Versions with the variables of {first.label} (the first picked) start from the same {len(shared)} last"
        f" observations (its training data, ending {period_labels(shared.index[-1:], first.data.frequency)[0]});"
        " a dashed line marks a version that used its own lag inputs."
    )
    for item in overlaid:
        if not item.shared or item.forecast is None:
            st.warning(f"**{item.label}**: {item.note}", icon=":material/info:")
        if item.assumed and item.forecast is not None:
            st.caption(f"**{item.label}**: {item.assumed}.")
    for variable in all_variables(artifacts):
        # the first picked version that has the variable draws its history
        source = next(a for a in artifacts if variable in a.variables)
        tail = recent(source.history[variable], steps)
        figure = comparison_figures.overlay_figure(variable, tail, overlaid, level, source.data.frequency)
        shown = and_list([a.label for a in artifacts if variable in a.variables])
        plot(st, figure, key=f"cmp_chart|{variable}", name=f"{variable}: forecasts of {shown} overlaid")


def _shared_inputs(artifacts):
    """The shared lag table (the first version's last observations), editable; None after showing an error."""
    base = shared_lag_table(artifacts)
    with st.expander(f"Shared lag inputs ({len(base)} rows of {and_list(base.columns)}, from {artifacts[0].label})"):
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
