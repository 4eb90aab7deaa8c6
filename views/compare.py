"""Compare versions: specs, data and metrics side by side, and forecasts overlaid from the same lag inputs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import column_widths, comparison_figures, linked_versions, live, presentation, store, url_state
from ui.chart_files import images_named
from ui.chart_look import plot
from ui.compare_pick import ask_for_a_second, pick_versions
from ui.errors import guarded, shielded, show_error
from ui.figures import recent
from ui.forecast_link import LEVELS, parse_level
from ui.forecast_table import EDITED
from ui.literal import library_text, literal
from ui.tables import comparison_cells, comparison_widths, period_column
from ui.url_state import Field
from ui.whole_number import from_link, whole_number
from varlib import (
    DATE,
    MAX_STEPS,
    METRIC_LABELS,
    Artifact,
    VarlibError,
    all_variables,
    and_list,
    compare_table,
    count_changed,
    counted,
    editor_table,
    holdout_notes,
    label_of,
    level_to_alpha,
    other_holdout_order,
    overlay_forecasts,
    parse_lag_table,
    period_labels,
    shared_lag_table,
)

ROW_NAMES = ""  # the Compare table's column of row names (no header, as the index had)
PAGE = "cmp"


def _versions(raw: str) -> list[str] | None:
    """`var:0.0.1,growth:0.0_2,var:@champion` as the picker's labels (`var 0.0.1`, `growth 0.0.2`, `var @champion`;
    the picker resolves aliases), in that order (None when empty)."""
    labels = []
    for item in str(raw).split(","):
        name, _, version = item.strip().partition(":")
        version = version.strip()
        version = version if version.startswith("@") else version.replace("_", ".")  # 0_0_2 as in a store's keys
        labels += [f"{name.strip()} {version}".strip()] if item.strip() else []
    return labels or None


FIELDS = [
    # bare versions (`0.0.1,0.0.2`) are of the link's `model`, or of the store's only one (ui.compare_pick)
    Field("versions", f"_{PAGE}_link_versions", _versions, "model:version pairs separated by commas"),
    # a link from another page names one model (and version): the picker starts from it when no versions are named
    Field(url_state.MODEL, f"_{PAGE}_link_model", url_state.given, "a model's name"),
    Field(url_state.VERSION, f"_{PAGE}_link_version", url_state.given, "a version such as 0.0.3"),
    Field("steps", "cmp_steps", from_link("cmp_steps", "{} steps are"), "a whole number"),
    Field("level", "cmp_level", parse_level, "one of " + ", ".join(map(str, LEVELS))),
    Field("only", "cmp_only", url_state.flag, "1 or 0"),
]


def render() -> None:
    st.title("Compare versions")
    params = url_state.incoming(PAGE, FIELDS)
    problems = url_state.apply(PAGE, FIELDS, params) if params else []
    if params and "only" not in params:  # the page writes `only` only when on: an address without it means off
        st.session_state["cmp_only"] = False
    top = st.columns([3.6, 1, 2], vertical_alignment="top")  # labels in line (a field is taller than buttons)
    artifacts = pick_versions(PAGE, top[0], problems)
    if not store.model_names():  # the picker has said so and linked the pages that fill a store
        return
    live.watch_withdrawals(PAGE, [(a.name, a.version) for a in artifacts])  # said while the page is open
    # kept while another page runs, as the versions picker is
    steps = whole_number(top[1], "Steps", 1, MAX_STEPS, "cmp_steps", 8, persist_state="session")
    # required: clicking the selected level keeps it, so the control always shows the level drawn. Its first value
    # is set here, not as the widget's default: a link sets it too, and both at once is a warning in the log
    st.session_state.setdefault("cmp_level", 95)
    level = top[2].segmented_control(
        "Interval",
        LEVELS,
        required=True,
        key="cmp_level",
        format_func=lambda x: f"{x}%",
        persist_state="session",
    )
    address = {
        "versions": linked_versions.link_value(PAGE, artifacts),  # an alias named by the link stays so
        "steps": str(steps),
        "level": str(level),
    }
    url_state.write(PAGE, {**address, "only": "1" if st.session_state.get("cmp_only") else None})
    url_state.warn(problems)
    if len(artifacts) < 2:  # one version's column alone compares nothing: its table would claim rows differ
        ask_for_a_second()
        return
    _side_by_side(artifacts, address)
    _overlaid(artifacts, steps, level)


@st.fragment
@shielded
def _side_by_side(artifacts: list[Artifact], address: dict[str, str]) -> None:
    """The versions' settings and scores in one table. Its toggle reruns this part alone: the forecasts below stay
    as drawn, and are not computed and sent again (nine charts of eight versions took over a second)."""
    st.subheader("Side by side")
    table = compare_table(artifacts)
    differs = table.pop("differs")
    only = st.toggle("Only rows that differ", key="cmp_only", persist_state="session")
    url_state.write(PAGE, {**address, "only": "1" if only else None})  # the same as the page's, but on the toggle
    shown = _holdout_orders(comparison_cells(table[differs] if only else table), artifacts)
    names, widths, cut = comparison_widths(shown)
    shown.insert(0, ROW_NAMES, shown.index)  # a cell, not the index: Streamlit draws "…" in cells only
    styled = shown.style.apply(
        lambda row: ["background-color: rgba(255,193,7,0.25)" if differs[row.name] else ""] * len(row), axis=1
    )
    wide = " The table scrolls sideways when the versions do not all fit." if len(artifacts) > 3 else ""
    if cut:  # drawn with "…" where the column cuts it; the cell itself keeps it whole, for its overlay
        styled = styled.format(column_widths.cutters({ROW_NAMES: names, **widths}))
    cut_words = " A text cut short (…) reads whole when its cell is double-clicked." if cut else ""
    st.caption(f"Columns in the order the versions were picked; highlighted rows differ.{wide}{cut_words}")
    st.dataframe(
        styled,
        width="stretch",
        height="content",  # every row: the holdout scores at the bottom are what a comparison is read for
        key="cmp_table",
        placeholder="–",
        # the row names are the only key to the numbers, a version's cells its settings (`constant outside the
        # relation (co)`): whole as far as the versions stay in sight side by side (long variable names made the
        # first version's column fill the page); with many versions the table scrolls sideways, the row names pinned
        hide_index=True,
        column_config={
            ROW_NAMES: st.column_config.TextColumn(width=names, pinned=True),
            **{column: st.column_config.TextColumn(width=width) for column, width in widths.items()},
        },
    )
    for note in holdout_notes(artifacts):  # under the scores, as under every other table of them
        st.caption(library_text(note))  # it names exogenous variables: as typed


def _overlaid(artifacts: list[Artifact], steps: int, level: int) -> None:
    """Every version's forecast from the shared lag inputs, a chart per variable (per frequency)."""
    st.subheader("Forecasts overlaid")
    inputs = _shared_inputs(artifacts)
    if inputs is None:
        return
    shared, changed = inputs
    overlaid = overlay_forecasts(artifacts, steps, level_to_alpha(level), shared)
    first = artifacts[0]
    st.caption(
        f"Versions with the variables of {first.label} (the first picked) and its frequency start from the same"
        f" last {counted(len(shared), 'observation')} (its training data, ending"
        f" {period_labels(shared.index[-1:], first.data.frequency)[0]}); a dashed line marks a version that used its"
        " own lag inputs."
    )
    if changed:
        st.caption(
            f":material/link_off: This page's address (its link) does not carry the edited shared lag inputs ("
            f"{counted(changed, 'value')} changed): a copied link opens the comparison from {first.label}'s own"
            " last observations."
        )
    for item in overlaid:
        if not item.shared or item.forecast is None:
            st.warning(f"**{item.label}**: {library_text(item.note)}", icon=":material/info:")
        if item.assumed and item.forecast is not None:
            st.caption(f"**{item.label}**: {library_text(item.assumed)}.")
    # One set of charts per frequency: a monthly forecast on a quarterly chart squeezed both onto one time axis.
    groups = comparison_figures.by_frequency(artifacts, overlaid)
    for frequency, (members, items) in groups.items():
        named = (label_of(frequency) if frequency else "irregularly dated") if len(groups) > 1 else None
        for variable in all_variables(members):
            # the first picked version that has the variable draws its history
            source = next(a for a in members if variable in a.variables)
            tail = recent(source.history[variable], steps)
            figure = comparison_figures.overlay_figure(
                variable, tail, items, level, frequency, named, presentation.theme()
            )
            shown = and_list([a.label for a in members if variable in a.variables])
            # each version in the order picked, then what changes the numbers: steps, level and edited lag inputs
            with images_named("compare", *[a.label for a in members], *_settings(steps, level, changed)):
                plot(
                    st,
                    figure,
                    key=f"cmp_chart|{frequency}|{variable}",
                    image=variable,
                    name=f"{variable}: forecasts of {shown} overlaid",
                )


def _settings(steps: int, level: int, changed: int) -> tuple[str, ...]:
    """What the overlaid charts' file names say of the page's settings: `8-steps`, `95pct`, and `edited-lags` when
    the shared lag inputs are not the first version's own, so two images of one name never show different numbers."""
    return f"{steps}-steps", f"{level}pct", *((EDITED.lstrip("-"),) if changed else ())


def _holdout_orders(shown: pd.DataFrame, artifacts: list[Artifact]) -> pd.DataFrame:
    """A version's holdout scores name the lag order they were scored with when it is not the version's, as on the
    Models page: `0.0123 (of a VAR(3))`."""
    heads = tuple(f"holdout {label} " for label in METRIC_LABELS.values())
    scores = [row for row in shown.index if str(row).startswith(heads)]
    marked = []
    for artifact in artifacts:
        other = other_holdout_order(artifact.spec.kind, artifact.k_ar, (artifact.evaluation or {}).get("k_ar"))
        if other:
            cells = shown.loc[scores, artifact.label]
            shown.loc[scores, artifact.label] = [f"{cell} (of a {other})" if cell else cell for cell in cells]
            marked.append(f"{artifact.label}: a {other}")
    if marked:
        st.caption(
            f"Holdout scores marked *(of a …)* were scored with another lag order than the version's own"
            f" ({and_list(marked)}), the order its criterion chose on the rows before the holdout."
        )
    return shown


def _shared_inputs(artifacts) -> tuple[pd.DataFrame, int] | None:
    """The shared lag table (the first version's last observations), editable, and how many of its values were
    edited; None after showing an error."""
    base = shared_lag_table(artifacts)
    rows = counted(len(base), "row")
    variables = literal(and_list(base.columns))  # an expander's label is markdown: the names as typed
    with st.expander(f"Shared lag inputs ({rows} of {variables}, from {artifacts[0].label})"):
        st.caption("Edit a cell to forecast every matching version from the same changed inputs.")
        scope = "|".join(a.label for a in artifacts)
        shown = editor_table(base)
        periods = period_column(DATE, list(shown[DATE]), artifacts[0].data.frequency, "The period of the observation.")
        edited = st.data_editor(
            shown,
            key=f"cmp_lags|{scope}",
            hide_index=True,
            num_rows="fixed",
            disabled=[DATE],
            width="stretch",
            column_config={DATE: periods},  # 2009Q3, as the Forecast page's lag table and the caption name them
        )
    try:
        table = parse_lag_table(edited, list(base.columns), len(base), "none", artifacts[0].data.frequency)
    except VarlibError as exc:
        show_error(exc)
        return None
    if not isinstance(table.index, pd.DatetimeIndex):
        table.index = base.index
    return table, count_changed(table, base)


guarded(render)
