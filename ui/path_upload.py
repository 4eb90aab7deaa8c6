"""A future path's CSV upload on the Forecast page (ui.paths_editor): read once and applied to the editor's draft,
reaching the steps a longer horizon adds while the file stays attached, and taken back when the file is removed
(as a removed lag-inputs file gives back the version's own inputs)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st

from varlib import VarlibError, read_path_csv

Check = Callable[[pd.DataFrame, int], pd.DataFrame]  # the file's table against the first `n` forecast periods


def apply_upload(draft: dict, upload, horizon: int, what: str, check: Check, first: str = "") -> None:
    """Bring `draft` (ui.paths_editor's: values by step, editor revision, ...) in line with the uploader's file.
    A refusal is kept in draft["refused"] while the file stays: a forecast without it would look like one with it.
    `first`: the forecast's first period; when it moves (lag inputs dated later), a dated file is placed again."""
    if upload is None:
        before = draft.pop("before_upload", None)
        if draft.get("upload") is not None and before is not None:
            draft["values"], draft["rev"] = before, draft["rev"] + 1
            st.caption(f":material/undo: The {what} of the removed file are taken back: the table is as before it.")
        draft["upload"], draft["refused"] = None, None
        return
    if upload.file_id != draft.get("upload"):
        draft["upload"], draft["refused"], draft["file"] = upload.file_id, None, None
        try:
            draft["file"] = read_path_csv(upload.getvalue(), what, upload.name)
        except VarlibError as exc:
            draft["refused"], draft["refused_at"] = exc, None  # the file itself: no horizon mends it
            return
        _apply_file(draft, horizon, check, first)
    elif draft.get("first", first) != first and draft.get("file") is not None:
        # the forecast's periods moved: the values a dated file gives its steps move with them, where the draft
        # would keep them by step under new dates; a file placed by steps or rows gives the same and is left be
        _moved(draft, horizon, check, first, what)
    elif draft.get("refused") is not None:
        # refused for the horizon it was checked at (too few rows): another horizon checks the file again, so the
        # steps field and the message never disagree, and a horizon the file covers takes it
        if draft.get("refused_at") not in (None, horizon):
            _apply_file(draft, horizon, check, first)
    elif horizon > draft.get("applied", horizon):
        try:  # a longer horizon: the file's rows for the steps it adds (edits of earlier steps stay)
            read = check(draft["file"], horizon)
        except VarlibError:
            return  # the file ends before the new horizon: the table's own check names the first missing step
        start = draft["applied"]
        for column in read.columns:
            values = np.full(max(horizon, len(draft["values"].get(column) or ())), np.nan)
            values[: len(draft["values"].get(column) or ())] = draft["values"].get(column) or []
            values[start:horizon] = read[column].to_numpy(dtype=float)[start:horizon]
            draft["values"][column] = values.tolist()
        draft["applied"], draft["rev"] = horizon, draft["rev"] + 1


def _apply_file(draft: dict, horizon: int, check: Check, first: str) -> None:
    """The attached file's values for the first `horizon` steps into the draft, or its refusal at that horizon."""
    draft["first"] = first
    try:
        read = check(draft["file"], horizon)
    except VarlibError as exc:
        draft["refused"], draft["refused_at"] = exc, horizon
        return
    _place(draft, {c: read[c].tolist() for c in read.columns}, horizon)


def _place(draft: dict, values: dict[str, list], horizon: int) -> None:
    """The file's values (read for `horizon` steps) as the draft's, kept apart to tell when its dates move them."""
    draft["refused"] = None
    draft.setdefault("before_upload", {c: list(v) for c, v in draft["values"].items()})
    draft["values"] = {c: list(v) for c, v in values.items()}
    draft["from_file"] = values
    draft["applied"], draft["rev"] = horizon, draft["rev"] + 1


def _moved(draft: dict, horizon: int, check: Check, first: str, what: str) -> None:
    try:
        read = check(draft["file"], horizon)
    except VarlibError:  # the file's dates no longer cover the forecast: placed again, it is refused by name
        _apply_file(draft, horizon, check, first)
        return
    draft["first"] = first
    values = {c: read[c].tolist() for c in read.columns}
    if values == draft.get("from_file"):
        return
    _place(draft, values, horizon)
    st.caption(
        f":material/event_repeat: The forecast now starts at {first}: the uploaded file's {what} are placed at"
        " their dates again (edits made to them since are replaced)."
    )
