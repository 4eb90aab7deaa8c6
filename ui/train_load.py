"""The Train page's data as loaded: the upload's profile, exactly, for Train, and at a glance, for the words before
it (the unit-root advice and the lag-search hint), which change with every pick of a variable.

Reading an upload's cells is the slow part (a wide file of a thousand series takes seconds), so it is done once per
file and date column, by its profile, which the preview shows. At a glance, each pick loads only its own columns of
the profile's numbers; Train still loads the upload itself, so what is fitted and published (its digest, how it was
read) is the file's.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from varlib import DataProfile, Dataset, VarlibError, load_dataset, profile_csv

# the date range's inputs (ui.train_range draws them; the VECM the advice names sets From, ui.train_vecm)
LIMIT_KEY, FROM_KEY, TO_KEY = "train_limit", "train_start", "train_end"


@st.cache_data(show_spinner=False, max_entries=8)
def _load(csv, date_col, variables, start, end, csv_name, fill) -> tuple[Dataset | None, VarlibError | None]:
    try:
        return load_dataset(csv, date_col, list(variables), start, end, csv_name, fill), None
    except VarlibError as exc:
        return None, exc


@st.cache_data(show_spinner=False, max_entries=8)
def _profile(data: bytes, name: str, date_col: str | None) -> tuple[DataProfile, pd.DataFrame]:
    return profile_csv(data, name, date_col)


def profiled(data: bytes, name: str, date_col: str | None = None) -> tuple[DataProfile, pd.DataFrame]:
    """The upload's profile and numeric columns by date (varlib.profile_csv), read once per file and date column:
    the detected date column's is the one read without a date column named. Raises the library's error."""
    profile, frame = _profile(data, name, None)
    if date_col is not None and date_col != profile.date_column:
        profile, frame = _profile(data, name, date_col)
    return profile, frame


def _arguments(source: dict, csv) -> tuple:
    chosen = tuple(source["variables"]) + tuple(source.get("exog") or ())
    return csv, source["date_col"], chosen, source["start"], source["end"], source["csv_name"], source["fill"]


def _loaded(arguments: tuple) -> Dataset:
    dataset, error = _load(*arguments)
    if dataset is None:
        raise error or VarlibError("the data did not load")
    return dataset


def load_source(source: dict) -> Dataset:
    """The dataset the inputs describe, read once per distinct input; raises the library's error for people when the
    data do not load."""
    return _loaded(_arguments(source, source["csv"]))


def glance(source: dict) -> Dataset:
    """The chosen columns as load_source loads them, from the numbers the upload's profile read (the bundled data, a
    file whose dates do not read, or a column not among its numbers: load_source itself). Raises as load_source does."""
    csv, date_col, chosen, *_ = arguments = _arguments(source, source["csv"])
    try:
        frame = profiled(csv, source["csv_name"], date_col)[1] if csv is not None and date_col else None
    except VarlibError:
        frame = None
    usable = frame is not None and isinstance(frame.index, pd.DatetimeIndex) and not frame.index.has_duplicates
    if not usable or not set(chosen) <= set(frame.columns) or len(set(chosen)) < len(chosen):
        return _loaded(arguments)
    # the dates in ISO form and the numbers as Python writes them back: read again as they were, exactly
    narrow = frame[list(chosen)].rename_axis(date_col).to_csv().encode()
    return _loaded((narrow, *arguments[1:]))
