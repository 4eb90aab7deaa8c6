"""A whole-number field that never shows a number the page is not using.

Streamlit's own bounds (`min_value`, `max_value`) leave a number typed outside them in the field, red, while the
page goes on with the last valid one; the reason shows only on hover. Here the field has no bounds of its own: a
number typed outside them is set to the nearest allowed one when it is entered, and a note beside the field says
so (`500 is outside 5–60: using 60.`), as the Forecast page's steps do. An emptied field goes back to its default
(or stays empty, for a field where empty has a meaning, such as "auto").
"""

from __future__ import annotations

import streamlit as st


def _note_key(key: str) -> str:
    return f"_whole_number_note|{key}"


def _clamp(key: str, label: str, low: int, high: int, default: int | None) -> None:
    typed = st.session_state.get(key)
    if typed is None:
        st.session_state[_note_key(key)] = None if default is None else f"{label} emptied: back to {default}."
        st.session_state[key] = default
        return
    used = min(max(int(typed), low), high)
    st.session_state[_note_key(key)] = None if used == typed else f"{typed:g} is outside {low}–{high}: using {used}."
    st.session_state[key] = used


def whole_number(where, label: str, low: int, high: int, key: str, default: int | None, **options) -> int | None:
    """The field in `where` (a column or the page), starting at `default`; its value, within low..high (None only
    when `default` is None and the field is empty). `options` go to `st.number_input` (help, placeholder, ...)."""
    if key not in st.session_state:
        st.session_state[key] = default
    elif st.session_state[key] is not None and not low <= st.session_state[key] <= high:
        _clamp(key, label, low, high, default)  # bounds that moved (another version), or a value set elsewhere
    value = where.number_input(
        label,
        value=None,  # the value is the session state's; None lets an emptied field reach _clamp as empty
        step=1,
        key=key,
        on_change=_clamp,
        args=(key, label, low, high, default),
        **options,
    )
    note = st.session_state.get(_note_key(key))
    if note:
        where.caption(f":orange[:material/warning: {note}]")
    return None if value is None else int(value)
