"""A whole-number field that never shows a number the page is not using.

Streamlit's own bounds (`min_value`, `max_value`) leave a number typed outside them in the field, red, while the
page goes on with the last valid one; the reason shows only on hover. Here the field has no bounds of its own: a
number typed outside them is set to the nearest allowed one when it is entered, and a note beside the field says
so (`500 is outside 5–60: using 60.`), as the Forecast page's steps do. An emptied field goes back to its default
(or stays empty, for a field where empty has a meaning, such as "auto"). A link's number read with `from_link` is
named as the link's (`The link's 0 steps are outside 1–400: using 1.`), as Forecast's steps are.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import url_state

LINKED = "The link's"  # as ui.forecast_link's note of a link's steps starts


def _note_key(key: str) -> str:
    return f"_whole_number_note|{key}"


def _linked_key(key: str) -> str:
    return f"_whole_number_linked|{key}"


def from_link(key: str, words: str) -> Callable[[str], int | None]:
    """The url_state.Field parser of a link's number for the field `key`: any whole number (the field sets it in
    range); `words` name it when it is moved (`{} steps are`: "The link's 0 steps are outside ...")."""

    def parse(raw: str) -> int | None:
        value = url_state.any_whole_number(raw)
        if value is not None:
            mark_linked(key, value, words)
        return value

    return parse


def mark_linked(key: str, value: int, words: str) -> None:
    """Name `value`, which a link put in the field `key`, as the link's should the field move it (`words`: as
    from_link's); for a field whose key is known only once the version is (Diagnostics' portmanteau lags)."""
    st.session_state[_linked_key(key)] = f"{LINKED} {words.format(value)}"


def _clamp(key: str, label: str, low: int, high: int, default: int | None, named: str | None = None) -> None:
    typed = st.session_state.get(key)
    if typed is None:
        st.session_state[_note_key(key)] = None if default is None else f"{label} emptied: back to {default}."
        st.session_state[key] = default
        return
    used = min(max(int(typed), low), high)
    said = named or f"{typed:g} is"  # a link's number, or one typed
    st.session_state[_note_key(key)] = None if used == typed else f"{said} outside {low}–{high}: using {used}."
    st.session_state[key] = used


def whole_number(where, label: str, low: int, high: int, key: str, default: int | None, **options) -> int | None:
    """The field in `where` (a column or the page), starting at `default`; its value, within low..high (None only
    when `default` is None and the field is empty). `options` go to `st.number_input` (help, placeholder, ...)."""
    linked = st.session_state.pop(_linked_key(key), None)  # set by this run's link alone (from_link)
    if key not in st.session_state:
        st.session_state[key] = default
    elif st.session_state[key] is not None and not low <= st.session_state[key] <= high:
        # bounds that moved (another version), or a value set elsewhere: a link's is named as the link's
        _clamp(key, label, low, high, default, linked)
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
