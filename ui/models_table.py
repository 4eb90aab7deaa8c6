"""The Models page's version table: columns that fit the page, more on request, and a word on each.

At 1440 px wide the page leaves about 980 px for the table, so the default columns (what tells
versions apart: status, when and by whom, variables, the fitted model, checks, notes) get fixed
widths that add up to less than that; the rest (kind, lag order, frequency, dataset, holdout RMSE)
are one pick away, shown beside the version (the table then scrolls sideways to the notes); the version's
details below the table hold every field whole.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from ui.tables import VERSION_COLUMNS, versions_table
from varlib import VarlibError, VersionEntry

DEFAULT = ["version", "status", "created", "author", "variables", "model", "checks", "notes"]
OPTIONAL = [column for column in VERSION_COLUMNS if column not in DEFAULT]
PICKED = "models_columns"

# (width in px, help); the default columns' widths add up to 974 px. Status is the widest but one: a withdrawal
# (`withdrawn: <reason>`) or an object's trouble reads there, while notes and checks are whole in the details.
COLUMNS = {
    "version": (60, "Newest first. Pick one under Details to see all of it."),
    "status": (168, "ok, why an object cannot be used, or why the version was withdrawn."),
    "created": (120, "When it was published (UTC)."),
    "author": (84, "Who published it."),
    "variables": (124, "The series the model forecasts, in the model's order."),
    "model": (172, "The fitted model in one line: kind, lag order, transform, trend."),
    "checks": (126, "Adequacy at training time: ok, or the checks that failed (stability, whiteness, normality)."),
    "notes": (120, "The publisher's notes."),
    "kind": (56, "VAR or VECM."),
    "lag order": (72, "The VAR order (in levels for a VECM)."),
    "frequency": (84, "The data's frequency."),
    "dataset": (110, "The training data's name."),
    "holdout RMSE": (200, "Root mean squared error of the holdout forecast per variable, in levels."),
}


def column_config() -> dict:
    """Width and help of every column; the lag order as a whole number."""
    config: dict = {
        name: st.column_config.TextColumn(name, width=width, help=text) for name, (width, text) in COLUMNS.items()
    }
    width, text = COLUMNS["created"]
    config["created"] = st.column_config.TextColumn("created (UTC)", width=width, help=text)  # cells end at the minute
    width, text = COLUMNS["lag order"]
    config["lag order"] = st.column_config.NumberColumn("lag order", width=width, help=text, format="%d")
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
    st.dataframe(
        versions_table(entries, withdrawn),
        hide_index=True,
        width="stretch",
        # a picked column comes right after the version, in sight: at the end it was past the page's edge at 1440 px
        column_order=[DEFAULT[0], *(column for column in OPTIONAL if column in (extra or [])), *DEFAULT[1:]],
        column_config=column_config(),
        key="models_table",
        placeholder="–",  # e.g. no holdout RMSE for a version fitted on every row
    )


def as_damaged(entry: VersionEntry, failure: VarlibError) -> VersionEntry:
    """The listed entry of a version whose object failed its check when loaded: the listing does not verify
    checksums, so the table learns of the damage only from the load."""
    return replace(entry, status=f"damaged: {failure}")
