"""The variables an editable table of one column per variable shows: every one when all fit the page, else as many
as fit, picked under **Variables in the table** (nine long names scrolled a table sideways at 1440 px, each cut).

The Forecast page's lag inputs and the scenario's conditions share it. The server cannot know the page's width (no
browser sends it), so what fits is counted at 1440 px with the sidebar open, the width the pages are laid out for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

TABLE_PX = 978  # a table's width at 1440 px with the sidebar open (in an expander, EXPANDER_PX less)
EXPANDER_PX = 34
EDIT_ICON_PX = 22  # the pencil an editable column's header draws before its name (Chromium)
LABEL = "Variables in the table"
HELP = "As many as fit the page at first. The values of the others stay as they are and still apply."


def fitting(need: Mapping[str, int], columns: Sequence[str], room: int) -> int:
    """How many of `columns`, in order, fit `room` px as wide as they `need` (ui.column_widths), each with its
    header's pencil."""
    total, count = 0, 0
    for column in columns:
        total += need[column] + EDIT_ICON_PX
        if total > room:
            break
        count += 1
    return count


def shown(need: Mapping[str, int], columns: list[str], room: int, key: str, first: Sequence[str] = ()) -> list[str]:
    """The `columns` a table shows in `room` px: all of them when they fit (and nothing more is drawn), else the
    ones picked under LABEL (session key `key`), at first those of `first` and then the rest in order, as many as
    fit and one at least."""
    if fitting(need, columns, room) == len(columns):
        return list(columns)
    if not set(st.session_state.get(key) or ()) <= set(columns):  # another version's variables
        st.session_state.pop(key)
    if key not in st.session_state:
        order = [c for c in columns if c in first] + [c for c in columns if c not in first]
        st.session_state[key] = order[: max(1, fitting(need, order, room))]
    picked = st.multiselect(LABEL, columns, key=key, help=HELP)
    return [c for c in columns if c in picked]
