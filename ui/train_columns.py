"""The Train page's first choice of an upload's variables, and its word on a file with too few or too many of them.

Every usable column is chosen at first, as the CLI takes them, while a VAR(1) of them all fits on the file's rows.
A wider file (a statistics office's export of a thousand series) starts with none chosen: all of them drew a chart
each and ran their unit-root tests before anyone chose, minutes for a 2 MB file, to end in a refusal.
"""

from __future__ import annotations

import streamlit as st

from ui.literal import literal
from varlib import DataProfile, and_list, largest_fitting_order

TREND = "c"  # the page's default trend: the count that fits is said for it


def _fits(rows: int, k: int) -> bool:
    return largest_fitting_order(rows, k, TREND) >= 1


def first_choice(profile: DataProfile) -> list[str]:
    """The variables chosen before the person picks: every usable column, or none when they are more than a VAR(1)
    fits on the rows (said under the picker, see too_many). A file too short for a VAR(1) of two keeps them all: the
    lag hint then says how many rows a VAR(1) of them needs."""
    usable = list(profile.usable)
    return [] if _fits(profile.rows, 2) and not _fits(profile.rows, len(usable)) else usable


def too_many(profile: DataProfile) -> None:
    """Under the Variables picker of a file whose columns start unchosen (first_choice): why, and what to do."""
    usable = len(profile.usable)
    if first_choice(profile) or usable < 2:
        return
    most = next(k for k in range(usable, 1, -1) if _fits(profile.rows, k))
    st.caption(
        f":material/info: {usable} columns can be variables, more than a VAR(1) takes on these {profile.rows} rows"
        f" (at most {most}): choose the variables to model, usually a few."
    )


def too_few(profile: DataProfile, file_name: str) -> bool:
    """Says so when the file has fewer than two columns that can be variables (nothing to pick from), and what to
    do, pointing at the preview's warnings or notes when they say why a column is left out; False for two or more."""
    usable = [literal(profile.label(c)) for c in profile.usable]
    if len(usable) >= 2:
        return False
    has = f"one column that can be a variable, {usable[0]}" if usable else "no column that can be a variable"
    add = f"add {'another numeric column' if usable else 'at least two numeric columns'} to the file"
    if profile.problems:  # a typo in one cell keeps a column of numbers out: fixing it is the shorter way
        todo = f"Fix a column the warnings above name, or {add}"
    elif profile.notes:
        todo = f"{add.capitalize()} (the notes above say why the others cannot be variables)"
    else:
        todo = f"{add.capitalize()}, one per series with a value on every date"
    st.warning(
        f"**{literal(file_name)}** has {has}: a VAR models how two or more series move together. {todo}, and upload"
        " it again.",
        icon=":material/warning:",
    )
    return True


def names(labels: list[str], shown: int) -> str:
    """At most `shown` column names, then how many more: a caption of a thousand names was a wall of text."""
    more = len(labels) - shown
    return and_list(labels) if more <= 0 else f"{', '.join(labels[:shown])} and {more} more"
