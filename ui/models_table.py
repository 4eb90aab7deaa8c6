"""The Models page's version table: columns that fit the page, more on request, and a word on each.

At 1440 px wide the page leaves about 980 px for the table, so the default columns (what tells
versions apart: status, when and by whom, variables, the fitted model, checks, notes) get widths
that add up to less than that (wider pages stretch them alike). The author column is as wide as the
longest name listed, so a name reads whole; the free-text columns after it give up the room. The rest
(kind, lag order, frequency, dataset, holdout RMSE) are one pick away, shown beside the version (the
table then scrolls sideways to the notes); the version's details below the table hold every field whole.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from ui.tables import VERSION_COLUMNS, label_width, versions_table
from varlib import VarlibError, VersionEntry

DEFAULT = ["version", "status", "created", "author", "variables", "model", "checks", "notes"]
OPTIONAL = [column for column in VERSION_COLUMNS if column not in DEFAULT]
PICKED = "models_columns"

# (width in px, help); the default columns' widths add up to 976 px, 4 under the table's 980 (its borders). Status
# is the widest but one: a withdrawal (`withdrawn: <reason>`, 157 px for "withdrawn: bad holdout") or an object's
# trouble reads there. Created fits "2026-12-02 15:09" (115 px), model "VAR(5) in levels, trend c" (152 px); the
# author's width is the narrowest it gets (see widths()).
COLUMNS = {
    "version": (60, "Newest first. Pick one under Details to see all of it."),
    "status": (164, "ok, why an object cannot be used, or why the version was withdrawn."),
    "created": (116, "When it was published (UTC)."),
    "author": (100, "Who published it."),
    "variables": (124, "The series the model forecasts, in the model's order."),
    "model": (160, "The fitted model in one line: kind, lag order, transform, trend."),
    "checks": (
        126,
        "Adequacy at training time: ok, ok (note) when one passed only as a note (whiteness on fewer lagged"
        " residuals: no all-clear), the checks that failed (stability, whiteness, normality), or not checked"
        " (a version older than the checks).",
    ),
    "notes": (126, "The publisher's notes."),
    "kind": (56, "VAR or VECM."),
    "lag order": (72, "The VAR order (in levels for a VECM)."),
    "frequency": (84, "The data's frequency."),
    "dataset": (110, "The training data's name."),
    "holdout RMSE": (200, "Root mean squared error of the holdout forecast per variable, in levels."),
}


# A name is one value, cut it and it reads as another ("Paul Publishe"); notes, checks and variables are phrases,
# whole in the version's details and on a double-click, so they give the author its room, down to GIVING_FLOOR.
AUTHOR_MOST = 180  # about 20 characters; a longer name is cut, and whole on a double-click
GIVERS = ("notes", "checks", "variables")
GIVING_FLOOR = 96
SECONDS_PX = 134  # created with its seconds, "2026-12-02 15:09:07": 132 px in Chromium (the minutes: 115 px)


def widths(table: pd.DataFrame) -> dict[str, int]:
    """Each column's width (px): COLUMNS', but created fits its seconds when they are shown (ui.tables) and the
    author's the longest name listed (up to AUTHOR_MOST), the room taken from GIVERS in turn, so the default
    columns' total stays what fits the page at 1440 px."""
    sized = {name: width for name, (width, _) in COLUMNS.items()}
    stamps = [str(stamp) for stamp in table.get("created", pd.Series(dtype=str)).dropna()]
    if any(len(stamp) > len("2026-12-02 15:09") for stamp in stamps):
        _widen(sized, "created", SECONDS_PX)  # first: a time cut reads as another time
    names = [str(name) for name in table.get("author", pd.Series(dtype=str)).dropna()]
    need = max(sized["author"], label_width(names)) if names else sized["author"]
    _widen(sized, "author", min(need, AUTHOR_MOST))
    return sized


def _widen(sized: dict[str, int], column: str, wanted: int) -> None:
    """`column` up to `wanted` px, with what GIVERS can give above GIVING_FLOOR."""
    extra = wanted - sized[column]
    for name in GIVERS * 4:  # a few px from each in turn, so no one column loses all of it
        if extra <= 0:
            break
        given = min(extra, max(0, sized[name] - GIVING_FLOOR), 8)
        sized[name] -= given
        sized[column] += given
        extra -= given


def column_config(table: pd.DataFrame) -> dict:
    """Width (see widths()) and help of every column of `table`; the lag order as a whole number."""
    sized = widths(table)
    config: dict = {
        name: st.column_config.TextColumn(name, width=sized[name], help=text) for name, (_, text) in COLUMNS.items()
    }
    text = COLUMNS["created"][1]  # the cells end at the minute (the second, where two would read alike), no zone
    config["created"] = st.column_config.TextColumn("created (UTC)", width=sized["created"], help=text)
    text = COLUMNS["lag order"][1]
    config["lag order"] = st.column_config.NumberColumn("lag order", width=sized["lag order"], help=text, format="%d")
    return config


def render(entries, withdrawn) -> None:
    """The table of `entries`, with the default columns and any optional ones the person picked."""
    extra = st.pills(
        "More columns",
        OPTIONAL,
        selection_mode="multi",
        key=PICKED,
        help="Columns beyond what fits the page, shown beside the version; the table scrolls sideways to the rest.",
    )
    table = versions_table(entries, withdrawn)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        # a picked column comes right after the version, in sight: at the end it was past the page's edge at 1440 px
        column_order=[DEFAULT[0], *(column for column in OPTIONAL if column in (extra or [])), *DEFAULT[1:]],
        column_config=column_config(table),
        key="models_table",
        placeholder="–",  # e.g. no holdout RMSE for a version fitted on every row
    )


def as_damaged(entry: VersionEntry, failure: VarlibError) -> VersionEntry:
    """The listed entry of a version whose object failed its check when loaded: the listing does not verify
    checksums, so the table learns of the damage only from the load."""
    return replace(entry, status=f"damaged: {failure}")
