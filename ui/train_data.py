"""The Train page's data section: the bundled data or an uploaded CSV, previewed before anything is fitted.

An upload is profiled first (varlib.profile_csv): a table and small plots of the series, the detected
frequency, the text columns (never offered as variables), the problems a training run would stop at,
and a choice for missing periods or values. Exogenous columns (a VARX) are chosen beside the variables.
The unit-root tests of the chosen variables suggest a
transform before Train is pressed, and when they find cointegration the section proposes a VECM of that rank.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from ui.chart_look import plot
from ui.errors import show_error
from ui.figures import series_preview_figure
from ui.tables import number_formats
from ui.train_vecm import propose_vecm
from varlib import (
    DEFAULT_VARIABLES,
    FILL_METHODS,
    DataProfile,
    Dataset,
    Integration,
    VarlibError,
    analyse_integration,
    load_dataset,
    macro_columns,
    name_from,
    period_labels,
    profile_csv,
)

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

MACRO = "Bundled macro data"
UPLOAD = "Upload a CSV"
FILL_HELP = {
    "none": "refuse: fix the file first",
    "drop": "drop incomplete last rows; before them, keep the rows after the last gap",
    "interpolate": "fill each gap linearly",
    "ffill": "carry the last value forward",
}


@st.cache_data(show_spinner=False)
def _macro_columns() -> list[str]:
    """The variables of the bundled macro data (read once per process)."""
    return macro_columns()


@st.cache_data(show_spinner=False, max_entries=8)
def _profile(data: bytes, name: str, date_col: str | None) -> tuple[DataProfile, pd.DataFrame]:
    return profile_csv(data, name, date_col)


@st.cache_data(show_spinner="Testing the series for unit roots…", max_entries=16)
def _integration(values: tuple[tuple[float, ...], ...], names: tuple[str, ...]) -> Integration:
    import numpy as np

    return analyse_integration(np.asarray(values, dtype=float), list(names))


@st.cache_data(show_spinner=False, max_entries=8)
def _load(csv, date_col, variables, start, end, csv_name, fill) -> tuple[Dataset | None, VarlibError | None]:
    try:
        return load_dataset(csv, date_col, list(variables), start, end, csv_name, fill), None
    except VarlibError as exc:
        return None, exc


def load_source(source: dict) -> Dataset:
    """The dataset the inputs describe, read once per distinct input (the hint, the advice and Train share it);
    raises the library's error for people when the data do not load."""
    dataset, error = _load(
        source["csv"],
        source["date_col"],
        tuple(source["variables"]) + tuple(source.get("exog") or ()),
        source["start"],
        source["end"],
        source["csv_name"],
        source["fill"],
    )
    if dataset is None:
        raise error or VarlibError("the data did not load")
    return dataset


def data_inputs() -> dict | None:
    """The chosen data as load_dataset's arguments plus a default model name; None until it is usable."""
    kind = st.radio("Dataset", [MACRO, UPLOAD], horizontal=True, key="train_source")
    if kind == MACRO:
        variables = st.multiselect(
            "Variables (at least two)", _macro_columns(), default=list(DEFAULT_VARIABLES), key="train_macro_vars"
        )
        st.caption("US macro data bundled with statsmodels, quarterly 1959Q1–2009Q3.")
        source = {
            "csv": None,
            "csv_name": None,
            "date_col": None,
            "variables": variables,
            "exog": _exog_input(_macro_columns(), variables, "train_macro_exog"),
            "fill": "none",
            "default_name": "macrodata",
        }
    else:
        source = _upload_inputs()
        if source is None:
            return None
    if len(source["variables"]) < 2:
        st.warning("Pick at least two variables: a VAR models how series move together.", icon=":material/warning:")
        return None
    source.update(_date_range())
    _transform_advice(source)
    return source


def _exog_input(columns: list[str], variables: list[str], key: str) -> list[str]:
    """Columns that enter every equation as given (a VARX): never one of the variables."""
    return st.multiselect(
        "Exogenous variables (optional, VAR only)",
        [c for c in columns if c not in variables],
        key=key,
        help="Given, not forecast: they enter every equation at the same period, and a forecast needs their"
        " future values (the Forecast page asks for them). For example an interest rate set by policy.",
    )


def _upload_inputs() -> dict | None:
    upload = st.file_uploader("CSV file: one date column and numeric columns", type=["csv"], key="train_csv")
    if upload is None:
        st.info(
            "Upload a CSV with a header row, a date column and at least two numeric columns.",
            icon=":material/upload_file:",
        )
        return None
    data = upload.getvalue()
    try:
        profile, _ = _profile(data, upload.name, None)
    except VarlibError as exc:
        show_error(exc)
        return None
    columns = [c for c in (profile.date_column, *profile.numeric, *profile.text) if c]
    date_col = st.selectbox("Date column", columns, index=0, key=f"train_date|{upload.file_id}")
    if date_col != profile.date_column:
        profile, _ = _profile(data, upload.name, date_col)
    frame = _profile(data, upload.name, date_col)[1]
    _preview(profile, frame)
    variables = st.multiselect(
        "Variables (at least two)",
        list(profile.numeric),
        default=[c for c in profile.numeric if c not in profile.constant][:2],
        key=f"train_vars|{upload.file_id}|{date_col}",
        help="Numeric columns only; text columns cannot be variables.",
    )
    fill = "none"
    if profile.needs_fill:
        fill = st.radio(
            "Missing periods or values",
            FILL_METHODS,
            format_func=lambda m: f"{m} ({FILL_HELP[m]})",
            horizontal=True,
            key=f"train_fill|{upload.file_id}",
            help="Nothing is filled silently; the choice is recorded with the version and shown on its card.",
        )
    return {
        "csv": data,
        "upload": upload.file_id,  # which upload: a new one, even of the same file, is other data
        "csv_name": upload.name,
        "date_col": date_col,
        "variables": variables,
        "exog": _exog_input(list(profile.numeric), variables, f"train_exog|{upload.file_id}|{date_col}"),
        "fill": fill,
        "default_name": name_from(upload.name),
    }


def _preview(profile: DataProfile, frame: pd.DataFrame) -> None:
    frequency = f"{profile.frequency.label} ({profile.frequency.alias})" if profile.frequency else "not detected"
    span = f", {profile.first} to {profile.last}" if profile.first else ""
    st.caption(
        f"**{profile.rows} rows**{span} · frequency **{frequency}** · numeric: {', '.join(profile.numeric)}"
        + (f" · text (not usable): {', '.join(profile.text)}" if profile.text else "")
        + (f" · read as {', '.join(profile.read_as)}" if profile.read_as else "")
    )
    for problem in profile.problems:
        st.warning(problem, icon=":material/report:")
    with st.expander("Preview: first and last rows, and every numeric series", expanded=not profile.problems):
        table, left_out = _preview_table(frame)
        if left_out:
            st.caption(left_out)
        st.dataframe(table, width="stretch")
        if len(frame.columns) and isinstance(frame.index, pd.DatetimeIndex):
            name = f"The upload's numeric columns over time: {', '.join(map(str, frame.columns))}"
            plot(st, series_preview_figure(frame), key="train_preview_chart", name=name)


def _preview_table(frame: pd.DataFrame, ends: int = 5) -> tuple[Styler, str | None]:
    """The first and last `ends` rows, each numeric column in one format (ui.tables.number_formats) chosen
    from all its rows, not the few shown, at the Forecast tables' precision so the values read as uploaded;
    and a note naming the rows left out between them. The table cannot mark the gap itself: Streamlit draws
    an empty cell as `None` whatever a Styler says, so a row of `…` would read as missing data."""
    hidden = len(frame) - 2 * ends
    shown = pd.concat([frame.head(ends), frame.tail(ends)]) if hidden > 0 else frame
    if isinstance(shown.index, pd.DatetimeIndex):  # the dates as read, day first or month first: ISO, no clock
        shown = shown.set_axis(pd.Index(period_labels(shown.index, None), name="date"))
    styled = shown.style.format(number_formats(frame, digits=6))
    if hidden <= 0:
        return styled, None
    head, tail = shown.index[:ends], shown.index[ends:]
    return styled, (
        f"The first {ends} and the last {ends} of {len(frame)} rows ({head[0]} to {head[-1]}, then {tail[0]} to"
        f" {tail[-1]}): the {hidden} rows between them are left out here."
    )


def _date_range() -> dict:
    limit = st.checkbox("Limit the date range", key="train_limit")
    if not limit:
        return {"start": None, "end": None}
    first, second = st.columns(2)
    bounds = {"min_value": dt.date(1700, 1, 1), "max_value": dt.date(2300, 1, 1)}
    start = first.date_input("From", value=None, key="train_start", **bounds)
    end = second.date_input("To", value=None, key="train_end", **bounds)
    return {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None}


def _transform_advice(source: dict) -> None:
    """Unit-root tests of the chosen variables and the transform they suggest (before any fit)."""
    try:
        dataset = load_source(source)
    except VarlibError:
        return  # Train reports it in full; the advice needs loadable data
    if len(dataset.frame) < 20:
        return
    frame = dataset.frame[list(source["variables"])]  # the exogenous columns are given, not modelled
    result = _integration(tuple(map(tuple, frame.to_numpy(dtype=float))), tuple(frame.columns))
    verdicts = ", ".join(f"{u.variable}: {u.verdict}" for u in result.unit_roots)
    st.info(
        f"**Unit-root tests** ({result.tested_on}; {verdicts}). {result.advice} {result.sample_note}",
        icon=":material/insights:",
    )
    propose_vecm(result, len(frame.columns))
    source["recommended_transform"] = result.recommended_transform
