"""Results a session keeps between reruns (backtests, for the report), bounded per session."""

from __future__ import annotations

from typing import Any

import streamlit as st

KEEP = 8  # per slot and session: each result holds a few arrays of origins x horizon x variables


def results(slot: str) -> dict[tuple, Any]:
    """This session's results in `slot`, oldest first."""
    return st.session_state.setdefault(f"_results|{slot}", {})


def remember(slot: str, key: tuple, value: Any) -> None:
    """Keep `value` under `key`, dropping the oldest results beyond KEEP."""
    kept = results(slot)
    kept.pop(key, None)
    kept[key] = value
    while len(kept) > KEEP:
        kept.pop(next(iter(kept)))
