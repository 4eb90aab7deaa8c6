"""The Forecast page's lag inputs: an editable table of the last observations, a CSV upload, a link's
values and a reset.

Cells are text at full precision (Python's shortest round-trip form), so what is shown is exactly
what the forecast uses, a value copied out and pasted back changes nothing, and a cell typed as
`12,5` or `abc` is kept on screen and named in a message instead of being dropped by the grid.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import column_pick, column_widths
from ui.errors import FORECAST_WAITS, show_error
from ui.forecast_link import LAG_KEPT, LAG_RESET, LINK_LAGS, decode_lags, exact_text, reset_lag_table
from ui.literal import library_text
from ui.tables import UPLOAD_TYPES, period_column
from varlib import (
    DATE,
    Artifact,
    VarlibError,
    count_changed,
    counted,
    editor_table,
    parse_lag_table,
    period_labels,
    read_lag_csv,
)


def _as_text(table: pd.DataFrame, variables: list[str]) -> pd.DataFrame:
    text = table.copy()
    for variable in variables:
        text[variable] = [exact_text(x) for x in table[variable]]
    return text


def _from_link(artifact: Artifact, scope: str) -> pd.DataFrame | None:
    """The lag inputs a link carried for this version (kept while it is on screen), or None."""
    link = st.session_state.get(LINK_LAGS)
    if isinstance(link, str):  # fresh from the URL: it belongs to the version now on screen
        link = st.session_state[LINK_LAGS] = (scope, link)
    if link is None or link[0] != scope:
        st.session_state.pop(LINK_LAGS, None)
        return None
    table, refused = link_lags(artifact, link[1])
    if refused is not None:
        st.session_state.pop(LINK_LAGS, None)
        st.warning(
            f"The link's lag inputs were not used: {refused}. Showing the model's own.", icon=":material/link_off:"
        )
    return table


def link_lags(artifact: Artifact, encoded: str) -> tuple[pd.DataFrame | None, str | None]:
    """A link's lag inputs (its `lags` value) for this version: (the table, None) when they are used, or (None, why
    they are refused). The one check for both the table's warning and the presentation's fold, which opens on a
    refusal (ui.forecast_panel): kept in one place so the fold never stays shut over a warning, nor opens on none."""
    labels = list(editor_table(artifact.default_lag_inputs())[DATE])
    try:
        table = decode_lags(encoded, labels, artifact.variables, artifact.data.frequency)
        parse_lag_table(table, artifact.variables, artifact.lag_rows, artifact.spec.transform, artifact.data.frequency)
    except (ValueError, VarlibError) as exc:
        return None, library_text(exc)
    return table, None


def _kept(artifact: Artifact, scope: str) -> pd.DataFrame | None:
    """This version's table as it was last edited, when its editor is drawn anew (the version, or the page, was
    left and shown again: Streamlit forgets a table editor's edits once a run does not draw it). While an editor
    lives, its own edits carry the changes, so the table it started from stays the same."""
    if any(_editor_key(scope, source) in st.session_state for source in ("default", "kept")):
        started = st.session_state.get(f"{LAG_KEPT}|started")
        return started[1] if started is not None and started[0] == scope else None
    kept = st.session_state.get(LAG_KEPT, {}).get(f"{artifact.name}|{artifact.version}")
    st.session_state[f"{LAG_KEPT}|started"] = (scope, kept) if kept is not None else None
    return kept


def _keep(artifact: Artifact, edited: pd.DataFrame, own: pd.DataFrame, uploaded: bool) -> None:
    """Remember the table as edited; an uploaded file's is not kept (removing the file returns to the model's
    own inputs, as the page says), nor a table equal to the model's own."""
    kept = st.session_state.setdefault(LAG_KEPT, {})
    key = f"{artifact.name}|{artifact.version}"
    if uploaded or edited.equals(own):
        kept.pop(key, None)
    else:
        kept[key] = edited.copy()


def _editor_key(scope: str, source: str) -> str:
    return f"lags|{scope}|{source}"


def lag_inputs(artifact: Artifact) -> pd.DataFrame | None:
    """The editable lag table; returns the validated inputs, or None after showing what is wrong."""
    needed = artifact.lag_rows
    st.caption(
        f"The {'last observation' if needed == 1 else f'last {needed} observations'} the forecast starts from"
        f"{'' if needed == 1 else ', oldest first'}, at full precision."
        " Edit any cell, or upload a CSV with the same columns."
    )
    counter = st.session_state.get(LAG_RESET, 0)
    scope = f"{artifact.name}|{artifact.version}|{counter}"
    with st.expander("Upload lag inputs (CSV)"):
        upload = st.file_uploader(
            f"CSV with columns {DATE}, {library_text(', '.join(artifact.variables))}; {counted(needed, 'row')}"
            " (of more, the last)",
            type=UPLOAD_TYPES,
            key=f"lagcsv|{scope}",
        )
    own = _as_text(editor_table(artifact.default_lag_inputs()), artifact.variables)
    base, source = own, "default"
    kept = _kept(artifact, scope)
    if kept is not None:
        base, source = kept, "kept"
    linked = _from_link(artifact, scope)
    if linked is not None:
        base, source = linked, "link"
    if upload is not None:
        try:
            uploaded = read_lag_csv(upload.getvalue(), artifact.variables, needed, upload.name)
            own = period_labels(artifact.default_lag_inputs().index, artifact.data.frequency)  # undated rows' periods
            parsed = parse_lag_table(
                uploaded, artifact.variables, needed, artifact.spec.transform, artifact.data.frequency, periods=own
            )
        except VarlibError as exc:
            # no forecast while the file stays: one from other inputs would look like one from it
            show_error(exc, advice=FORECAST_WAITS)
            st.caption("Fix the CSV, or remove it to forecast from the model's own last observations.")
            return None
        else:
            base = _as_text(editor_table(parsed), artifact.variables)  # undated rows: row 1..n, as parsed
            if len(uploaded) > needed:
                first, last = base[DATE].iloc[0], base[DATE].iloc[-1]
                if isinstance(parsed.index, pd.DatetimeIndex):  # by their periods, as the table names them (2009Q3)
                    first, last = period_labels(parsed.index[[0, -1]], artifact.data.frequency)
                st.caption(
                    f"{upload.name} has {len(uploaded)} rows: the forecast starts from its last {needed}"
                    f" ({first} to {last})."
                )
            source = upload.file_id
    columns = {v: st.column_config.TextColumn(v, required=True) for v in artifact.variables}
    columns[DATE] = period_column(DATE, list(base[DATE]), artifact.data.frequency, "The period of the observation.")
    shown = _shown(artifact, base)
    edited = st.data_editor(
        base,
        key=_editor_key(scope, source),
        hide_index=True,
        num_rows="fixed",
        column_config=columns,
        disabled=[DATE],
        width="stretch",
        # the others are hidden, not left out: their values, edited or not, stay in the table the forecast reads,
        # and the editor stays the same one (its edits kept) whichever are picked
        column_order=None if shown == artifact.variables else [DATE, *shown],
    )
    st.button("Reset to the model's last observations", on_click=reset_lag_table, icon=":material/restart_alt:")
    _keep(artifact, edited, own, uploaded=upload is not None)
    try:
        lags = parse_lag_table(edited, artifact.variables, needed, artifact.spec.transform, artifact.data.frequency)
    except VarlibError as exc:
        show_error(exc, advice=FORECAST_WAITS)
        return None
    if not isinstance(lags.index, pd.DatetimeIndex):  # no dates given: continue from the training data
        lags.index = artifact.default_lag_inputs().index
    note = _change_note(lags, artifact.default_lag_inputs(), artifact.data.frequency)
    if note:
        st.caption(f":material/edit: {note}; the forecast starts from these inputs (the page's link carries them).")
    return lags


def _shown(artifact: Artifact, base: pd.DataFrame) -> list[str]:
    """The variables the table shows (ui.column_pick): nine long names scrolled it sideways at 1440 px."""
    need = column_widths.needs(base)
    room = column_pick.TABLE_PX - need[DATE]
    return column_pick.shown(need, artifact.variables, room, f"lag_shown|{artifact.name}|{artifact.version}")


def _differ(changed: int) -> str:
    return f"{counted(changed, 'value')} {'differs' if changed == 1 else 'differ'}"


def _change_note(lags: pd.DataFrame, own: pd.DataFrame, frequency: str | None) -> str | None:
    """How the inputs differ from the model's own last observations, compared date by date: a CSV of later data
    moves the rows to other periods, which is told apart from values edited on the model's own dates (row by
    row they would all differ). None when they are the model's own."""
    if isinstance(lags.index, pd.DatetimeIndex) and isinstance(own.index, pd.DatetimeIndex):
        shared, other = lags.index.intersection(own.index), lags.index.difference(own.index)
    else:  # undated rows (given the model's own index above): the same rows in the same order
        shared, other = own.index, own.index[:0]
        lags = lags.set_axis(own.index)
    changed = count_changed(lags.loc[shared], own.loc[shared])
    if other.empty:
        return f"{_differ(changed)} from the model's own data" if changed else None
    side = "newer" if other.min() > own.index.max() else "earlier" if other.max() < own.index.min() else "other"
    labels = period_labels(other, frequency)
    span = labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"
    periods = f"{counted(len(other), side + ' period')} ({span})"
    if shared.empty:
        return f"The inputs are from {periods}, none of them among the model's own last observations"
    return (
        f"The inputs use {periods}; {_differ(changed)} from the model's own data on the"
        f" {counted(len(shared), 'date')} they share"
    )
