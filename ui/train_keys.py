"""The keys of the Train page's fields that a button's callback sets (the VECM the advice names: ui.train_vecm), renewed
at each such press, so that a rerun request sent before the press's run was drawn cannot undo what it set.

Such a request (Train pressed within a blink of the button, during a run) carries the fields' values as the browser
still shows them, and Streamlit lets a request's values outrank what a callback wrote under the same keys: the page
went back to the old fields and trained them. A field whose key is renewed is a new widget, which the late request
does not name, so the callback's value stands. Until a press renews it, a field keeps its bare key: a value kept
under it from before (persist_state) and the tests' `key="train_how"` stay as they were.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

GENERATIONS = "train_key_generations"  # not a widget's: each renewed field's press count, kept across pages


def _generations(state: Mapping[str, Any] | None) -> dict[str, int]:
    held: Mapping[Any, Any] = st.session_state if state is None else state
    return dict(held[GENERATIONS]) if GENERATIONS in held else {}


def field_key(name: str, state: Mapping[str, Any] | None = None) -> str:
    """The key the field called `name` is drawn under now (in `state`, default this session's: a test passes its
    AppTest's): `name` itself until a callback renews it, then `name#<n>` after its n-th renewal."""
    generation = _generations(state).get(name, 0)
    return f"{name}#{generation}" if generation else name


def renewed(name: str) -> str:
    """In a callback that sets the field called `name`: the field's new key, to set its value under; the value under
    its old key is dropped (the field no longer reads it). Only the fields set are renewed: the others keep theirs."""
    st.session_state.pop(field_key(name), None)
    generations = _generations(None)
    generations[name] = generations.get(name, 0) + 1
    st.session_state[GENERATIONS] = generations  # assigned, not changed in place: a write Streamlit sees
    return field_key(name)
