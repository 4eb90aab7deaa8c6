"""The Forecast page's future paths: a VARX's exogenous values and the scenario editor's conditions.

Each is an editable table (one row per forecast step, one column per variable) with a CSV upload; the
conditions also have a path shaper (ui.path_shaper). What a person entered lives in a draft per version
(ui.path_draft), so changing the steps keeps it; the library's one checker (varlib.check_path) reads the table
back and names the bad cell, and nothing is forecast from a table it refuses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui import column_pick, column_widths
from ui.errors import FORECAST_WAITS, show_error
from ui.forecast_link import LINK_LAGS, encode_lags, exact_text, reset_lag_table
from ui.literal import library_text, literal
from ui.path_draft import draft_key, draft_of, other_columns, padded, positive_only
from ui.path_shaper import shaper
from ui.path_upload import apply_upload, file_in_force, forget, removed, say_kept
from ui.tables import UPLOAD_TYPES, period_column
from varlib import (
    CONDITIONS,
    EXOG,
    MAX_STEPS,
    Artifact,
    Scenario,
    VarlibError,
    VersionForecast,
    check_path,
    counted,
    held_exog,
    held_words,
    path_editor_table,
    plural_of,
)

EDITOR_OPEN = "fc_scenario_open"
SAVE_NEEDS = "Saving a scenario needs Presentation mode off: its form is then under the charts."


def exog_inputs(artifact: Artifact, labels: list[str]) -> dict[str, list[float]] | None:
    """The exogenous values of a VARX, checked (None after showing what is wrong)."""
    st.subheader("Exogenous values")
    start = held_exog(artifact.exog, artifact.data.exog, MAX_STEPS)
    prefilled = _prefilled(artifact, draft_of(artifact, EXOG, start), len(labels))
    st.caption(
        f"{', '.join(artifact.exog)} {'is' if len(artifact.exog) == 1 else 'are'} given, not forecast: a value for"
        f" every step. {prefilled}; edit the cells or upload a CSV."
    )
    path = _editor(artifact, EXOG, list(artifact.exog), labels, start)
    return None if path is None else {c: path[c].tolist() for c in path.columns}


def _prefilled(artifact: Artifact, draft: dict, steps: int) -> str:
    """What the exogenous table started from: a copied scenario's values, or the observed ones held (a seasonal
    dummy continuing its pattern, held_words)."""
    copied = draft.get("copied")
    if copied is None:
        held = held_words(artifact.exog, artifact.data.exog, artifact.data.frequency)
        return f"Prefilled: {library_text(held)}"
    name, given = copied
    held = f"; steps {given + 1} to {steps} hold its step-{given} values flat" if steps > given else ""
    return f"Prefilled with saved scenario {literal(name)}'s values for its {counted(given, 'step')}{held}"


def exog_edited(artifact: Artifact, exog: dict[str, list[float]] | None) -> bool:
    """Whether the exogenous values differ from the editor's start (the observed ones held, held_exog)."""
    if not exog:
        return False
    steps = max(len(values) for values in exog.values())
    start = held_exog(artifact.exog, artifact.data.exog, steps)
    return any(exog[name] != start[name][: len(exog[name])] for name in artifact.exog)


def condition_inputs(
    artifact: Artifact, labels: list[str], baseline: VersionForecast | None, present: bool = False
) -> dict[str, list[float | None]] | None:
    """The scenario editor: conditions on the path in levels, checked; empty when nothing is conditioned, None
    when a cell or an uploaded file is wrong (then it says which, and no forecast is drawn).

    The editor is drawn only while its expander is open (its table, upload and sliders are the costliest
    part of a Forecast run in the browser); the conditions typed before it was closed still apply. `baseline`:
    the forecast without conditions, None while an exogenous value is to be fixed (the editor is still drawn);
    `present`: a presentation, which draws no save form under the charts, so the editor says where saving is."""
    box = st.expander("Scenario: conditions", key=EDITOR_OPEN, on_change="rerun", icon=":material/alt_route:")
    if not box.open:
        return _drafted_conditions(artifact, labels)
    with box:
        st.caption(
            "Fix the future path of some variables (in levels); everything else is forecast given them, with"
            " bands. Leave a cell empty for a free value. Type values, drag a path, or upload a CSV (a date or"
            " step column, one column per variable)."
        )
        shaper(artifact, labels, baseline)
        conditions = _conditions(_editor(artifact, CONDITIONS, artifact.variables, labels, {}))
        if present:
            st.caption(SAVE_NEEDS)
        return conditions


def editor_open() -> bool:
    return bool(st.session_state.get(EDITOR_OPEN))


def _drafted_conditions(artifact: Artifact, labels: list[str]) -> dict[str, list[float | None]] | None:
    """The conditions of the draft, checked without drawing the editor (said under its closed expander)."""
    draft = st.session_state.get(draft_key(artifact, CONDITIONS))
    refused = draft and (draft.get("refused") or draft.get("typed"))
    if refused:  # the file in the closed editor's uploader, or a cell typed in it, was refused
        show_error(refused, advice=FORECAST_WAITS)
        return None
    if not draft or not draft["values"]:
        return {}
    _say_beyond(draft, len(labels))
    columns = artifact.variables
    current = pd.DataFrame({c: padded(draft["values"].get(c), len(labels)) for c in columns})
    table = path_editor_table(current, columns, labels)  # the editor's own table: dated as the forecast is
    try:
        path = check_path(table, columns, labels, CONDITIONS, positive_only(artifact, CONDITIONS))
    except VarlibError as exc:
        show_error(exc, advice=FORECAST_WAITS)
        return None
    conditions = _conditions(path)
    if conditions:
        held = ", ".join(_steps_of(sum(x is not None for x in v), k) for k, v in conditions.items())
        name = file_in_force(draft)
        source = f", from {literal(name)}" if name else ""
        st.caption(
            f":material/alt_route: Conditions in force on {held}{source}: open the scenario editor to change them."
        )
    return conditions


def beyond_horizon(artifact: Artifact, steps: int) -> list[tuple[str, int]]:
    """The conditions typed for steps after the horizon, (variable, step) each: kept, not used (ui.scenario_panel
    refuses to save a scenario without them)."""
    draft = st.session_state.get(draft_key(artifact, CONDITIONS))
    return _beyond(draft, steps) if draft else []


def _beyond(draft: dict, steps: int) -> list[tuple[str, int]]:
    return [
        (variable, step)
        for variable, values in draft["values"].items()
        for step, value in enumerate(values[steps:], start=steps + 1)
        if value is not None and not np.isnan(value)
    ]


def beyond_words(beyond: list[tuple[str, int]]) -> str:
    """`realgdp at step 8, realcons at step 9`, the first three of them."""
    return ", ".join(f"{variable} at step {step}" for variable, step in beyond[:3]) + (
        " ..." if len(beyond) > 3 else ""
    )


def _say_beyond(draft: dict, steps: int) -> None:
    """Conditions typed for steps after the horizon are kept (a longer horizon applies them again) but not
    used now: said, so a shorter forecast is never taken for one that holds them."""
    beyond = _beyond(draft, steps)
    if beyond:
        them = plural_of(len(beyond), "it", "them")
        st.caption(
            f":orange[:material/warning: {counted(len(beyond), 'condition')} after the {steps}-step horizon"
            f" ({literal(beyond_words(beyond))}) {'is' if len(beyond) == 1 else 'are'} not"
            f" used: forecast more steps to apply {them}, or clear {them}.]"
        )


def _steps_of(count: int, variable: str) -> str:
    return f"{counted(count, 'step')} of {variable}"


def _conditions(path: pd.DataFrame | None) -> dict[str, list[float | None]] | None:
    if path is None:
        return None
    if not np.isfinite(path.to_numpy(dtype=float)).any():
        return {}
    return {c: [None if np.isnan(x) else float(x) for x in path[c]] for c in path.columns if path[c].notna().any()}


def copy_scenario(artifact: Artifact, scenario: Scenario) -> None:
    """Put a saved scenario's exogenous values, conditions and own lag inputs into the page's inputs, to edit as
    a new scenario."""
    for what, values in ((EXOG, scenario.exog), (CONDITIONS, scenario.conditions)):
        draft = draft_of(artifact, what, {})
        draft["values"] = {k: [np.nan if x is None else float(x) for x in v] for k, v in values.items()}
        draft["rev"] += 1
        forget(draft)  # a file that was in force: the copy replaces its values
    exog = draft_of(artifact, EXOG, {})
    if scenario.exog:  # every step needs a value: steps added to the copy hold its last ones, as the start does
        exog["values"] = {k: v + [v[-1]] * (MAX_STEPS - len(v)) for k, v in exog["values"].items()}
        exog["copied"] = (scenario.scenario, scenario.steps)
    st.session_state[EDITOR_OPEN] = True
    lags = scenario.lag_inputs(artifact.variables)
    if lags is not None:  # into a fresh lag table, the way a link's lag inputs are
        own = artifact.default_lag_inputs().index
        frame = lags if isinstance(lags, pd.DataFrame) else pd.DataFrame(lags, index=own, columns=artifact.variables)
        reset_lag_table()
        st.session_state[LINK_LAGS] = encode_lags(frame, own)


def _shown(table: pd.DataFrame, columns: list[str], at: str, current: pd.DataFrame) -> list[str]:
    """The variables the table shows (ui.column_pick): at first the conditioned ones, then the rest in order."""
    need = column_widths.needs(table)
    room = column_pick.TABLE_PX - column_pick.EXPANDER_PX - need["step"] - need["date"]
    conditioned = [c for c in columns if np.isfinite(current[c].to_numpy()).any()]
    return column_pick.shown(need, columns, room, f"{at}|shown", conditioned)


def _picked_key(columns: list[str], shown: list[str]) -> str:
    """A table of other variables is another editor: its edits name columns by position."""
    return "" if shown == columns else "|" + "|".join(shown)


def _editor(
    artifact: Artifact, what: str, columns: list[str], labels: list[str], start: dict[str, list[float]]
) -> pd.DataFrame | None:
    draft = draft_of(artifact, what, start)
    at = draft_key(artifact, what)
    upload = st.file_uploader(
        f"Upload {what} (CSV)", type=UPLOAD_TYPES, key=f"{at}|upload", on_change=removed, args=(at, f"{at}|upload")
    )
    positive, others = positive_only(artifact, what), other_columns(artifact, what)
    frequency = artifact.data.frequency  # a file may date periods by their end: read as the periods they fall in
    apply_upload(
        draft,
        upload,
        len(labels),
        what,
        lambda file, n: check_path(file, columns, labels[:n], what, positive, others, frequency=frequency),
        labels[0] if labels else "",
    )
    say_kept(draft, upload, what, at)
    if draft.get("refused") is not None:
        show_error(draft["refused"], advice=FORECAST_WAITS)
        return None
    current = pd.DataFrame({c: padded(draft["values"].get(c), len(labels)) for c in columns})
    table = path_editor_table(current, columns, labels)
    for column in columns:  # text at full precision, as the lag table: a number grid would drop `,` in `12,5`
        table[column] = ["" if np.isnan(x) else exact_text(x) for x in table[column]]
    shown = _shown(table, columns, at, current)
    config = {c: st.column_config.TextColumn(c, required=what == EXOG, help=literal(c)) for c in shown}
    config.update(
        {
            "step": st.column_config.NumberColumn("step", disabled=True),
            "date": period_column("date", labels, artifact.data.frequency, "The forecast period of the step."),
        }
    )
    edited = st.data_editor(
        table[[*table.columns[:2], *shown]],  # step, date and the variables shown
        key=f"{draft_key(artifact, what)}|{draft['rev']}|{len(labels)}{_picked_key(columns, shown)}",
        hide_index=True,
        num_rows="fixed",
        column_config=config,
        disabled=["step", "date"],
        width="stretch",
        placeholder="",  # an empty cell is free, as the caption says (Streamlit would write "None")
    )
    for column in shown:  # keep what was typed beyond these steps too: a longer horizon shows it again
        kept = padded(draft["values"].get(column), max(len(labels), len(draft["values"].get(column) or ())))
        kept[: len(labels)] = pd.to_numeric(edited[column], errors="coerce").to_numpy(dtype=float)
        draft["values"][column] = kept.tolist()
    if what == CONDITIONS:
        _say_beyond(draft, len(labels))
    if what == CONDITIONS and st.button(
        "Clear all conditions", icon=":material/backspace:", key=f"{draft_key(artifact, what)}|clear"
    ):
        draft["values"], draft["rev"] = {}, draft["rev"] + 1
        if upload is None:  # a file in force that the uploader no longer shows: cleared with its values
            forget(draft)
        st.rerun()
    whole = table.assign(**{column: edited[column] for column in shown})  # the variables not shown as drafted
    try:
        path = check_path(whole, columns, labels, what, positive, others, frequency=frequency)  # periods as shown
    except VarlibError as exc:
        draft["typed"] = exc  # the draft cannot hold the text typed: said again while the editor is closed
        show_error(exc, advice=FORECAST_WAITS)
        return None
    draft["typed"] = None
    return path
