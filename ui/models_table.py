"""The Models page's version table: columns that fit the page, more on request, and a word on each.

At 1440 px wide the page leaves 978 px for the table. The default columns (what tells versions apart:
status, when and by whom, variables, the fitted model, checks) are each as wide as their text needs
(ui.column_widths); when they do not fit, the widest of them are cut first. A status is a word (why a version
was withdrawn is in its details below) and the checks name the failed ones: cut to one common width with a
withdrawal's reason and the notes, neither read at 1440 px. The rest (notes, kind, lag order, frequency,
dataset, holdout RMSE) are one pick away, shown beside the version (the table then scrolls sideways).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from ui import column_widths
from ui.tables import VERSION_COLUMNS, versions_table
from varlib import VarlibError, VersionEntry

DEFAULT = ["version", "status", "created", "author", "variables", "model", "checks"]
OPTIONAL = [column for column in VERSION_COLUMNS if column not in DEFAULT]
PICKED = "models_columns"
CREATED = "created (UTC)"  # the cells end at the minute (the second, where two would read alike), no zone

HELP = {
    "version": "Newest first. Pick one under Details to see all of it.",
    "status": "ok, why an object cannot be used, or withdrawn (who withdrew it and why: the version's details).",
    "created": "When it was published (UTC).",
    "author": "Who published it.",
    "variables": "The series the model forecasts, in the model's order.",
    "model": "The fitted model in one line: kind, lag order, transform, trend.",
    "checks": "Adequacy at training time: ok, ok (note) when one passed only as a note (whiteness on fewer lagged"
    " residuals: no all-clear), the checks that failed (stability, whiteness, normality; each one's verdict in the"
    " version's details), or not checked (a version older than the checks).",
    "notes": "The publisher's notes (whole in the version's details).",
    "kind": "VAR or VECM.",
    "lag order": "The VAR order (in levels for a VECM).",
    "frequency": "The data's frequency.",
    "dataset": "The training data's name.",
    "holdout RMSE": "Root mean squared error of the holdout forecast per variable, in levels.",
}
PICKED_PX = {"notes": 320, "kind": 56, "lag order": 72, "frequency": 84, "dataset": 110, "holdout RMSE": 200}

ROOM = 976  # the default columns' total at 1440 px: the table's 978 px less its borders (wider pages stretch them)
AUTHOR_MOST = 180  # about 20 characters; a longer name is cut, and whole on a double-click


def widths(table: pd.DataFrame) -> dict[str, int]:
    """Each column's width (px): a default column's as its text needs (ui.column_widths; the author's up to
    AUTHOR_MOST), the version and the time never cut (cut, they read as another); an optional column's PICKED_PX."""
    shown = table[DEFAULT]
    most = {"author": AUTHOR_MOST}
    sized = column_widths.laid_out(shown, ROOM, {"created": CREATED}, ("version", "created"), None, most)
    return sized | PICKED_PX


def column_config(table: pd.DataFrame) -> dict:
    """Width (see widths()) and help of every column of `table`; the lag order as a whole number."""
    sized = widths(table)
    text_column = st.column_config.TextColumn
    config: dict = {name: text_column(name, width=sized[name], help=text) for name, text in HELP.items()}
    config["created"] = text_column(CREATED, width=sized["created"], help=HELP["created"])
    text = HELP["lag order"]
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
