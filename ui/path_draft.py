"""The Forecast page's drafts of its future paths (ui.paths_editor): what a person entered, per version and kind of
path, kept in session state so that changing the steps, closing the editor or opening another page keeps it."""

from __future__ import annotations

import numpy as np
import streamlit as st

from varlib import CONDITIONS, LOGGED, MAX_STEPS, Artifact

DRAFT = "_fc_path"


def draft_key(artifact: Artifact, what: str) -> str:
    return f"{DRAFT}|{what}|{artifact.name}|{artifact.version}"


def draft_of(artifact: Artifact, what: str, start: dict[str, list[float]]) -> dict:
    """{"values": column -> values by step, "rev": editor revision, "upload": last applied file, ...}; a new draft
    starts from `start` (column -> values of up to MAX_STEPS steps)."""
    return st.session_state.setdefault(
        draft_key(artifact, what),
        {"values": {k: list(v[:MAX_STEPS]) for k, v in start.items()}, "rev": 0, "upload": None},
    )


def padded(values, length: int) -> np.ndarray:
    out = np.full(length, np.nan)
    if values:
        given = np.asarray(values[:length], dtype=float)
        out[: len(given)] = given
    return out


def positive_only(artifact: Artifact, what: str) -> bool:
    return what == CONDITIONS and artifact.spec.transform in LOGGED


def other_columns(artifact: Artifact, what: str) -> list[str]:
    return list(artifact.exog) if what == CONDITIONS else artifact.variables
