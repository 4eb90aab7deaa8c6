"""The Train page's data section: the bundled data or an uploaded CSV, previewed before anything is fitted.

An upload is profiled first (varlib.profile_csv): a table and small plots of the series, the detected
frequency, the text columns (never offered as variables), the problems a training run would stop at,
and a choice for missing periods or values. Exogenous columns (a VARX) are chosen beside the variables.
The unit-root tests of the chosen variables suggest a
transform before Train is pressed, and when they find cointegration the section proposes a VECM of that rank.
Every input persists while another page runs; the uploaded file is kept in the session (the file uploader
forgets it) and offered again until it is dropped.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui.errors import TRAIN, show_error
from ui.literal import library_text, literal
from ui.tables import UPLOAD_TYPES
from ui.train_columns import first_choice, too_few, too_many
from ui.train_load import glance, profiled
from ui.train_preview import FILL_TO_DO, preview
from ui.train_range import date_range, intraday
from ui.train_vecm import propose_vecm
from ui.vecm_words import page_words
from varlib import (
    DEFAULT_VARIABLES,
    FILL_METHODS,
    Integration,
    VarlibError,
    analyse_integration,
    kind_names,
    kind_title,
    macro_columns,
    name_from,
)

MACRO = "Bundled macro data"
UPLOAD = "Upload a CSV"
UPLOADER = "train_csv"
KEPT = "train_kept_upload"  # the last upload's name, bytes and id: the uploader forgets its file on a page switch
KEEP = {"persist_state": "session"}  # a widget's value outlives a run that does not draw it (another page)
EXOG_HELP = (
    "Given, not forecast: they enter every equation at the same period, and a forecast needs their"
    " future values (the Forecast page asks for them). For example an interest rate set by policy."
)
EVERY_TAKEN = "Every numeric column is a variable: take one out of Variables to use it here."
UNFILLED = f"The unit-root tests and the lag search wait for the missing periods or values: {FILL_TO_DO}."
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


@st.cache_data(show_spinner="Testing the series for unit roots…", max_entries=16)
def _integration(values: tuple[tuple[float, ...], ...], names: tuple[str, ...], dates: np.ndarray) -> Integration:
    # the rows' dates (an array, which the cache hashes): a VECM advised on a long sample's last rows alone starts
    # at the first one's (From)
    return analyse_integration(np.asarray(values, dtype=float), list(names), dates=dates)


def data_inputs(model_kind: str = "var") -> dict | None:
    """The chosen data as load_dataset's arguments; None until it is usable (the model name: suggested_name).
    `model_kind` decides whether exogenous variables are offered (to the kinds that take them: a VAR)."""
    kind = st.radio("Dataset", [MACRO, UPLOAD], horizontal=True, key="train_source", **KEEP)
    if kind == MACRO:
        variables = st.multiselect(
            "Variables (at least two)",
            _macro_columns(),
            default=list(DEFAULT_VARIABLES),
            key="train_macro_vars",
            wrap=True,  # in a column the chips would keep to one row, most chosen names out of sight
            **KEEP,
        )
        st.caption("US macro data bundled with statsmodels, quarterly 1959Q1–2009Q3.")
        source = {
            "csv": None,
            "csv_name": None,
            "date_col": None,
            "variables": variables,
            "exog": _exog_input(_macro_columns(), variables, "train_macro_exog", model_kind),
            "fill": "none",
        }
    else:
        source = _upload_inputs(model_kind)
        if source is None:
            return None
    if len(source["variables"]) < 2:
        st.warning("Pick at least two variables: a VAR models how series move together.", icon=":material/warning:")
        return None
    source.update(date_range(bool(source.get("intraday"))))  # a date and a time of day on intraday rows
    _transform_advice(source)
    return source


def _exog_input(columns: list[str], variables: list[str], key: str, model_kind: str, label=str) -> list[str]:
    """Columns that enter every equation as given (a VARX): never one of the variables, and none for a kind that
    takes none (the choice is kept, greyed out, for when the kind is one that does). With every column a variable
    the picker has nothing to offer and is greyed out: said, with what to do."""
    takers = " or ".join(kind_title(k) for k in kind_names("exog"))  # VAR
    takes = model_kind in kind_names("exog")
    options = [c for c in columns if c not in variables]
    taken = takes and not options and bool(columns)
    title = kind_title(model_kind)
    no_exog = (
        f"A {title} takes no exogenous variables: choose {takers} as the Model kind to use them, or make them"
        f" variables of the {title}."
    )
    chosen = st.multiselect(
        f"Exogenous variables (optional, {takers} only)",
        options,
        format_func=label,
        key=key,
        disabled=not takes,
        help=EVERY_TAKEN if taken else EXOG_HELP if takes else no_exog,
        wrap=True,
        **KEEP,
    )
    if taken:
        st.caption(f":material/info: {EVERY_TAKEN}")
    return chosen if takes else []


def _forget_dropped() -> None:
    # the uploader's own ✕ (or a new file) changed it: a removed file is not offered again
    if st.session_state.get(UPLOADER) is None:
        st.session_state.pop(KEPT, None)


def _drop_kept() -> None:
    st.session_state.pop(KEPT, None)


def _uploaded() -> dict | None:
    """The file in the uploader, else the one kept from an earlier visit (named, with a button to drop it)."""
    upload = st.file_uploader(
        "CSV file: one date column and numeric columns", type=UPLOAD_TYPES, key=UPLOADER, on_change=_forget_dropped
    )
    kept = st.session_state.get(KEPT)
    if upload is not None:
        if kept is None or kept["id"] != upload.file_id:
            kept = st.session_state[KEPT] = {"name": upload.name, "data": upload.getvalue(), "id": upload.file_id}
        return kept
    if kept is not None:
        named = literal(kept["name"])  # the file's name as typed: a button's label is markdown too
        st.info(
            f"Using **{named}**, uploaded earlier in this session. Upload another file to replace it.",
            icon=":material/description:",
        )
        st.button(f"Drop {named}", key="train_drop_upload", icon=":material/close:", on_click=_drop_kept)
    return kept


def _upload_inputs(model_kind: str) -> dict | None:
    upload = _uploaded()
    if upload is None:
        st.info(
            "Upload a CSV with a header row, a date column and at least two numeric columns.",
            icon=":material/upload_file:",
        )
        return None
    data, file_name, file_id = upload["data"], upload["name"], upload["id"]
    try:
        profile, frame = profiled(data, file_name)
    except VarlibError as exc:
        show_error(exc, controls=TRAIN)
        return None
    columns = [c for c in (profile.date_column, *profile.numeric, *profile.text) if c]
    date_col = st.selectbox(
        "Date column", columns, index=0, format_func=profile.label, key=f"train_date|{file_id}", **KEEP
    )
    profile, frame = profiled(data, file_name, date_col)
    shown = st.container()  # the preview, drawn here once the columns are chosen: a wide file's table shows those
    if too_few(profile, file_name):  # nothing to pick two from: said with what to do, and no picker
        with shown:
            preview(profile, frame)
        return None
    variables = st.multiselect(
        "Variables (at least two)",
        list(profile.usable),  # as the CLI: every usable column; the preview's notes say why the others are not
        default=first_choice(profile),  # all of them, unless more than a VAR(1) fits on the rows
        format_func=profile.label,
        key=f"train_vars|{file_id}|{date_col}",
        help="Numeric columns that change over time; text, constant, counting and calendar columns cannot be"
        " variables (the preview says which).",
        wrap=True,
        **KEEP,
    )
    too_many(profile)
    fill = "none"
    if profile.needs_fill:
        fill = st.radio(
            "Missing periods or values",
            FILL_METHODS,
            format_func=lambda m: f"{m} ({FILL_HELP[m]})",
            horizontal=True,
            key=f"train_fill|{file_id}",
            help="Nothing is filled silently; the choice is recorded with the version and shown on its card.",
            **KEEP,
        )
    exog = _exog_input(
        list(profile.exogenous_usable), variables, f"train_exog|{file_id}|{date_col}", model_kind, profile.label
    )
    with shown:
        preview(profile, frame, (*variables, *exog))
    return {
        "csv": data,
        "upload": file_id,  # which upload: a new one, even of the same file, is other data
        "csv_name": file_name,
        "date_col": date_col,
        "variables": variables,
        "exog": exog,
        "fill": fill,
        "unfilled": profile.needs_fill and fill == "none",  # refused unless its columns chosen have no hole
        "intraday": intraday(frame.index),  # From and To take a time of day too
    }


def suggested_name() -> str:
    """The model name the data suggest: the upload's file name, once a file is in, whether or not its variables are
    chosen yet (a wide file starts with none, and a name typed then was kept under the bundled data's), else theirs."""
    kept = st.session_state.get(KEPT)
    return name_from(kept["name"]) if st.session_state.get("train_source") == UPLOAD and kept else "macrodata"


def _transform_advice(source: dict) -> None:
    """Unit-root tests of the chosen variables and the transform they suggest (before any fit)."""
    try:
        dataset = glance(source)
    except VarlibError as exc:  # Train reports it in full; the advice needs loadable data
        if getattr(exc, "field", None) in ("start", "end"):  # a range chosen just above that leaves no rows: said now
            show_error(exc, controls=TRAIN)
        elif source.get("unfilled"):  # else the advice and the lag search went missing without a word
            st.caption(f":material/info: {UNFILLED}")
        return
    if len(dataset.frame) < 20:
        return
    frame = dataset.frame[list(source["variables"])]  # the exogenous columns are given, not modelled
    try:
        result = _integration(
            tuple(map(tuple, frame.to_numpy(dtype=float))), tuple(frame.columns), frame.index.to_numpy()
        )
    except VarlibError as exc:  # variables that move together exactly: said now, as Train would say it
        st.warning(f"**Unit-root tests** not run: {library_text(exc)}", icon=":material/warning:")
        return
    # names as typed; a verdict with a trend says whether the trend is significant (trend p)
    verdicts = ", ".join(f"{literal(u.variable)}: {u.verdict_text}" for u in result.unit_roots)
    st.info(
        f"**Unit-root tests** ({result.tested_on}; {verdicts}). {library_text(result.advice_in(page_words))}"
        f" {library_text(result.sample_note)}",
        icon=":material/insights:",
    )
    propose_vecm(result, len(frame.columns))
    source["recommended_transform"] = result.recommended_transform
