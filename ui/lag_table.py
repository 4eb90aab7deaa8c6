"""The Forecast page's lag inputs: an editable table of the last observations, a CSV upload and a reset."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.errors import show_error
from varlib import DATE, Artifact, VarlibError, count_changed, editor_table, parse_lag_table, read_lag_csv

RESET = "_fc_reset"


def lag_inputs(artifact: Artifact) -> pd.DataFrame | None:
    """The editable lag table; returns the validated inputs, or None after showing what is wrong."""
    st.subheader("Lag inputs")
    needed = artifact.lag_rows
    st.caption(
        f"The last {needed} observations the forecast starts from, oldest first. Edit any cell,"
        " or upload a CSV with the same columns."
    )
    counter = st.session_state.get(RESET, 0)
    scope = f"{artifact.name}|{artifact.version}|{counter}"
    with st.expander("Upload lag inputs (CSV)"):
        upload = st.file_uploader(
            f"CSV with columns {DATE}, {', '.join(artifact.variables)}; {needed} rows",
            type=["csv"],
            key=f"lagcsv|{scope}",
        )
    base = editor_table(artifact.default_lag_inputs())
    source = "default"
    if upload is not None:
        try:
            uploaded = read_lag_csv(upload.getvalue(), artifact.variables, needed, upload.name)
            parsed = parse_lag_table(uploaded, artifact.variables, needed, artifact.spec.transform)
        except VarlibError as exc:
            show_error(exc)
            st.caption("Showing the model's own last observations until the CSV is fixed.")
        else:
            base = editor_table(parsed)
            if not isinstance(parsed.index, pd.DatetimeIndex):
                base[DATE] = uploaded[DATE].astype(str).to_list()
            source = upload.file_id
    columns = {v: st.column_config.NumberColumn(v, format="%.6g", required=True) for v in artifact.variables}
    columns[DATE] = st.column_config.TextColumn(DATE, disabled=True)
    edited = st.data_editor(
        base,
        key=f"lags|{scope}|{source}",
        hide_index=True,
        num_rows="fixed",
        column_config=columns,
        disabled=[DATE],
        width="stretch",
    )
    st.button("Reset to the model's last observations", on_click=_reset, icon=":material/restart_alt:")
    try:
        lags = parse_lag_table(edited, artifact.variables, needed, artifact.spec.transform)
    except VarlibError as exc:
        show_error(exc)
        return None
    if not isinstance(lags.index, pd.DatetimeIndex):  # no dates given: continue from the training data
        lags.index = artifact.default_lag_inputs().index
    changed = count_changed(lags, artifact.default_lag_inputs())
    if changed:
        st.caption(
            f":material/edit: {changed} value(s) differ from the model's own data; the forecast starts from"
            " these inputs."
        )
    return lags


def _reset() -> None:
    st.session_state[RESET] = st.session_state.get(RESET, 0) + 1
