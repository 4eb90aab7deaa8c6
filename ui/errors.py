"""How the dashboard shows an expected failure: st.error with the cause and what to do next."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from varlib import (
    AccessDeniedError,
    ConflictError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    StoreUnavailableError,
    VarlibError,
)

_ADVICE = {
    StoreUnavailableError: (
        "The model store cannot be reached",
        "The dashboard tries again on every interaction: once the store answers, the page"
        " works again without a restart.",
    ),
    AccessDeniedError: (
        "Access denied",
        "Check MINIO_ACCESS_KEY / MINIO_SECRET_KEY or ask for a user with the needed permission.",
    ),
    CorruptArtifactError: (
        "This version cannot be used",
        "Pick another version; the Models page lists every version with its status.",
    ),
    NotFoundError: ("Not found", "Pick another model or version; the Models page lists what exists."),
    InvalidInputError: ("Invalid input", "Correct the value named above and try again."),
    ConflictError: ("Not published", "Nothing was written. Follow one of the ways forward named above."),
    ObjectExistsError: ("Not saved", "Nothing was overwritten: saved scenarios never change. Choose another name."),
}


def explain(exc: VarlibError) -> str:
    """The markdown shown for a failure: what happened, the library's message, and the next step."""
    for kind, (title, advice) in _ADVICE.items():
        if isinstance(exc, kind):
            return f"**{title}.** {exc}\n\n{advice}"
    return f"**Something went wrong.** {exc}"


def show_error(exc: VarlibError, where=None) -> None:
    """Render a VarlibError as st.error (in `where`, a container, when given)."""
    (where or st).error(explain(exc), icon=":material/error:")


def guarded(render: Callable[[], None]) -> None:
    """Run a page body; an expected failure becomes st.error and the rest of the app keeps working."""
    try:
        render()
    except VarlibError as exc:
        show_error(exc)
