"""A future path's CSV upload on the Forecast page (ui.paths_editor): read once and applied to the editor's draft,
reaching the steps a longer horizon adds while the file stays in force, and taken back when the file is removed
(as a removed lag-inputs file gives back the version's own inputs).

A file stays in force while its uploader is not drawn (the scenario editor closed, another page shown) and after:
the uploader drawn again is empty, as a browser cannot fill a file input, so only a person's removing the file (its
uploader's remove button, or the page's Remove button that names it) takes it back."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st

from ui.literal import literal
from varlib import VarlibError, read_path_csv

Check = Callable[[pd.DataFrame, int], pd.DataFrame]  # the file's table against the first `n` forecast periods


def removed(draft_key: str, uploader_key: str | None = None) -> None:
    """A callback: the person removed the file (from its uploader, `uploader_key`, or with the Remove button). An
    uploader drawn anew empty calls no callback, so its file stays in force."""
    if uploader_key is None or st.session_state.get(uploader_key) is None:
        st.session_state[draft_key]["removed"] = True


def file_in_force(draft: dict) -> str | None:
    """The name of the uploaded file in force, shown in its uploader or not (None: none)."""
    return draft.get("name") if draft.get("upload") is not None else None


def say_kept(draft: dict, upload, what: str, draft_key: str) -> None:
    """Under an uploader drawn anew empty: which file is still in force, and a button that removes it."""
    name = file_in_force(draft) if upload is None else None
    if name is None:
        return
    shown = literal(name)
    st.caption(
        f":material/attach_file: {shown} is in force: its {what} stay in the table until it is removed (a browser"
        " cannot show it in the uploader again). Upload another file to replace it."
    )
    st.button(
        f"Remove {shown}", icon=":material/delete:", key=f"{draft_key}|remove", on_click=removed, args=(draft_key,)
    )


def forget(draft: dict) -> None:
    """No file in force any more: its values stay as they are in the table."""
    draft.pop("before_upload", None)
    draft["upload"], draft["refused"], draft["file"], draft["name"] = None, None, None, None


def apply_upload(draft: dict, upload, horizon: int, what: str, check: Check, first: str = "") -> None:
    """Bring `draft` (ui.path_draft's: values by step, editor revision, ...) in line with the uploader's file.
    A refusal is kept in draft["refused"] while the file stays: a forecast without it would look like one with it.
    `first`: the forecast's first period; when it moves (lag inputs dated later), a dated file is placed again."""
    if upload is None and (draft.pop("removed", False) or draft.get("upload") is None):
        before = draft.pop("before_upload", None)
        if draft.get("upload") is not None and before is not None:
            draft["values"], draft["rev"] = before, draft["rev"] + 1
            st.caption(f":material/undo: The {what} of the removed file are taken back: the table is as before it.")
        forget(draft)
        return
    if upload is not None and upload.file_id != draft.get("upload"):
        draft["upload"], draft["refused"], draft["file"] = upload.file_id, None, None
        draft["name"] = upload.name
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
