"""The Train page's data as loaded: exactly, for Train, and at a glance, for the words before it (the unit-root advice
and the lag-search hint), which change with every pick of a variable.

Loading reads every cell of the file. On a wide upload (a thousand series, 2 MB) each pick in the Variables or the
Exogenous picker read the whole file again, seconds per click. At a glance, the file's cells are read once
(varlib.read_csv) and each pick loads only its own columns of them; Train still loads the upload itself, so what is
fitted and published (its digest, how it was read) is the file's.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from varlib import Dataset, VarlibError, load_dataset, read_csv


@st.cache_data(show_spinner=False, max_entries=8)
def _load(csv, date_col, variables, start, end, csv_name, fill) -> tuple[Dataset | None, VarlibError | None]:
    try:
        return load_dataset(csv, date_col, list(variables), start, end, csv_name, fill), None
    except VarlibError as exc:
        return None, exc


@st.cache_data(show_spinner=False, max_entries=2)
def _cells(csv: bytes, csv_name: str | None) -> pd.DataFrame | None:
    """Every cell of the upload as text, read once per file; None when it does not read (loading says why)."""
    try:
        return read_csv(csv, csv_name)[0]
    except VarlibError:
        return None


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
    """The chosen columns as load_source loads them, from the upload's cells read once (the bundled data, a file
    that does not read, or a column not found there: load_source itself). Raises as load_source does."""
    cells = _cells(source["csv"], source["csv_name"]) if source["csv"] is not None else None
    csv, date_col, chosen, *_ = arguments = _arguments(source, source["csv"])
    columns = [date_col, *chosen]
    if cells is None or not date_col or not set(columns) <= set(cells.columns) or len(set(columns)) < len(columns):
        return _loaded(arguments)
    narrow = cells[columns].to_csv(index=False).encode()  # numbers already in one form: read back as they were
    return _loaded((narrow, *arguments[1:]))
