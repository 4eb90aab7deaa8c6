"""The Train page's preview of an upload: what was read (rows, frequency, columns, problems and notes), the
first and last rows as uploaded, and every numeric series over time.

A wide file's table and charts hold the chosen columns only, or its first few before any is chosen: Streamlit sends
each cell of a styled table on every rerun, and a thousand columns cost seconds per click in a picker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

from ui import hover
from ui.chart_files import images_named
from ui.chart_look import plot
from ui.figures import series_preview_figure
from ui.layout import sentence
from ui.literal import library_text, literal
from ui.train_columns import names
from varlib import DataProfile, counted, format_number, period_labels

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

MAX_DECIMALS = 10  # beyond this a value is a computed one, not typed: shown at this many
FILL_TO_DO = "choose how to fill them under **Missing periods or values**, or add them to the file and upload it again"
SHOWN = 12  # the columns a caption names and the charts draw at most; a file may hold a thousand
TABLE_MOST = 50  # the columns the table holds at most: beyond, the chosen ones (about 2 ms a column per rerun)


def preview(profile: DataProfile, frame: pd.DataFrame, chosen: Sequence[str] = ()) -> None:
    """What the upload holds; the table of a file of more than TABLE_MOST numeric columns, and the charts of one of
    more than SHOWN, hold the `chosen` ones (variables, then exogenous columns)."""
    known = profile.frequency and profile.frequency.alias  # one or two rows: too few to tell
    frequency = f"{profile.frequency.label} ({profile.frequency.alias})" if known else "not detected"
    span = f", {profile.first} to {profile.last}" if profile.first else ""
    if known and profile.first and profile.last:  # named as the CLI and the tables name the periods (2000H1)
        first, last = period_labels(pd.DatetimeIndex([profile.first, profile.last]), profile.frequency.alias)
        span = f", {first} to {last}"
    # the rows training reads, counted once the dates are read: a file it refuses (lines describing the series
    # above the header, a date column of words, no column of numbers) has none to count, and `0 rows` beside the
    # message naming the lines to delete read as an empty file
    rows = f"**{counted(profile.rows, 'row')}**{span} · " if profile.first else ""
    # the file's own words (column names, cells quoted in a note) are shown as typed: a name such as
    # `![x](http://...)` would otherwise fetch an image from another host
    st.caption(
        f"{rows}frequency **{frequency}**"
        + (
            f" · numeric: {literal(names(list(map(profile.label, profile.numeric)), SHOWN))}"
            if profile.numeric
            else " · no numeric column"
        )
        + (f" · text (not usable): {literal(names(list(profile.text), SHOWN))}" if profile.text else "")
        + (f" · read as {library_text(', '.join(profile.read_as))}" if profile.read_as else "")
    )
    for problem in profile.problems:
        st.warning(library_text(problem), icon=":material/report:")
    if profile.needs_fill:  # the warnings name the gaps: what to do is a choice further down, or the file
        st.caption(f":material/arrow_downward: Missing periods or empty cells: {FILL_TO_DO}.")
    for note in profile.notes:  # no variable, nothing to fix: said in passing, the preview stays open
        st.caption(f":material/info: {library_text(sentence(note))}")
    frame = frame.rename(columns=profile.label)  # a column without a header by its position, not pandas' name
    with st.expander("Preview: first and last rows, and every numeric series", expanded=not profile.problems):
        picked = [profile.label(c) for c in chosen]  # as the frame's columns are named
        columns, cut = table_columns(list(frame.columns), picked)
        table, left_out = preview_table(frame[columns])
        for said in (cut, left_out):
            if said:
                st.caption(said)
        st.dataframe(table, width="stretch")
        if len(frame.columns) and isinstance(frame.index, pd.DatetimeIndex):
            # a chart 130 px high per column: a thousand made the page wait minutes
            columns, cut = shown_columns(list(frame.columns), picked, SHOWN, "The charts show")
            if cut:
                st.caption(cut)
            frame = frame[columns]
            name = f"The upload's numeric columns over time: {', '.join(map(str, frame.columns))}"
            figure = series_preview_figure(frame)
            # each point names its period, as the holdout charts' hovers do: `realinv 2000Q1: 1,803.67`
            periods = hover.periods(frame.index, profile.frequency.alias if profile.frequency else None)
            figure.for_each_trace(lambda trace: trace.update(**hover.named(periods, trace.name)))  # named once
            with images_named(profile.name):  # saved as what it shows (`q.csv-preview.png`), not `newplot.png`
                plot(st, figure, key="train_preview_chart", name=name, image="preview")


def decimals_needed(values: pd.Series) -> int:
    """The fewest decimals (0 to MAX_DECIMALS) at which every finite value rounds to itself: a column typed
    with three decimals shows three, neither rounded (7944.697 as 7944.7) nor padded (3.14 as 3.14000)."""
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    numbers = numbers[np.isfinite(numbers)]
    for decimals in range(MAX_DECIMALS + 1):
        if all(float(f"{n:.{decimals}f}") == n for n in numbers):  # decimal text, as the file had it
            return decimals
    return MAX_DECIMALS


def table_columns(columns: list[str], chosen: list[str]) -> tuple[list[str], str | None]:
    """The columns the table shows and a note saying which (shown_columns, at most TABLE_MOST)."""
    return shown_columns(columns, chosen, TABLE_MOST, "The table shows")


def shown_columns(columns: list[str], chosen: list[str], most: int, shows: str) -> tuple[list[str], str | None]:
    """The columns a part of the preview shows: every one, up to `most`; of more, the chosen ones in their order (at
    most `most`), or the first SHOWN before any is chosen; and a note saying which, and how to see others, that
    starts with `shows` (`The table shows`): the table and the charts say it in the same words."""
    if len(columns) <= most:
        return columns, None
    chosen = list(dict.fromkeys(c for c in chosen if c in columns))  # a column both variable and exogenous: once
    if not chosen:
        return columns[:SHOWN], (
            f"{shows} the first {SHOWN} of the {len(columns):,} numeric columns: choose columns under Variables or"
            " Exogenous variables below to see those instead."
        )
    shown = chosen[:most]
    if len(chosen) > len(shown):  # choosing more would show nothing new; taking out variables to see them, no
        of = " (all of them)" if len(chosen) == len(columns) else f", of the {len(columns):,} numeric columns"
        return shown, f"{shows} the first {len(shown)} of the {len(chosen):,} columns chosen below{of}."
    return shown, (
        f"{shows} the {len(shown)} {'column' if len(shown) == 1 else 'columns'} chosen below, of the"
        f" {len(columns):,} numeric columns: choose others under Variables or Exogenous variables to see them here."
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _decimals(frame: pd.DataFrame) -> dict[str, int]:
    """decimals_needed of each numeric column of the table, once per file and choice of columns: a thousand columns
    took a second on every click."""
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and frame[c].dtype != bool]
    return {column: decimals_needed(frame[column]) for column in numeric}


def preview_table(frame: pd.DataFrame, ends: int = 5) -> tuple[Styler, str | None]:
    """The first and last `ends` rows, each numeric column with the decimals its values were uploaded with
    (decimals_needed, over all its rows, not the few shown), so the preview confirms the values as read; and a
    note naming the rows left out between them. The table cannot mark the gap itself: Streamlit draws
    an empty cell as `None` whatever a Styler says, so a row of `…` would read as missing data."""
    hidden = len(frame) - 2 * ends
    shown = pd.concat([frame.head(ends), frame.tail(ends)]) if hidden > 0 else frame
    if isinstance(shown.index, pd.DatetimeIndex):  # the dates as read, day first or month first: ISO, no clock
        shown = shown.set_axis(pd.Index(period_labels(shown.index, None), name="date"))
    formats = {
        column: lambda value, fmt=f"%.{decimals}f": format_number(value, fmt)
        for column, decimals in _decimals(frame).items()
    }
    styled = shown.style.format(formats)
    if hidden <= 0:
        return styled, None
    head, tail = shown.index[:ends], shown.index[ends:]
    return styled, (
        f"The first {ends} and the last {ends} of {len(frame)} rows ({head[0]} to {head[-1]}, then {tail[0]} to"
        f" {tail[-1]}): the {hidden} rows between them are left out here."
    )
