"""How the dashboard shows an expected failure: st.error with the cause and what to do next.

The library's messages serve the CLI and the REST service too, so they start in lower case and name CLI
flags. Shown after the failure's bold title they start with a capital; a page that passes its controls (the
Train page: TRAIN) also has each flag named as its control.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

import streamlit as st

from ui.literal import EMPHASIS, library_text
from varlib import (
    AccessDeniedError,
    ConflictError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    ProviderUnavailableError,
    StoreUnavailableError,
    VarlibError,
    WithdrawnError,
    bounds_named,
    cli_hints_said,
)

_ADVICE = {  # the first class the error is an instance of gives the words: a subclass before its parent
    ProviderUnavailableError: (
        "The sign-in provider cannot be reached",
        "Signing in works again once it answers; pages already open keep working.",
    ),
    StoreUnavailableError: (
        "The model store cannot be reached",
        "The dashboard tries again on every interaction, and by itself as the sidebar checks the store: once the"
        " store answers, the page works again without a restart.",
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
    # the message names the value and what to do (a fill, a column to drop): a generic "correct it" would
    # contradict it; what a person needs besides is that nothing happened
    InvalidInputError: ("Invalid input", "Nothing was stored or changed."),
    ConflictError: ("Not published", "Nothing was written. Follow one of the ways forward named above."),
    ObjectExistsError: ("Not saved", "Nothing was overwritten."),  # the message says why and what to do
    WithdrawnError: ("Withdrawn", "Pick another version above; the Models page says who withdrew it and why."),
}
# A forecast input refused: nothing is stored by forecasting, so "nothing was stored" says nothing; what a person
# needs is why the charts and tables went, and that they come back with the value
FORECAST_WAITS = "The forecast, its charts and tables come back once this is corrected."
# CLI commands the library's messages name (varlib.CLI_HINTS), said as the dashboard's own controls
_DASHBOARD_WORDS = {
    "alias set": f"the Models page's {EMPHASIS}Move an alias{EMPHASIS} form (admins only)",
    "alias list": "the Models page lists them",
    "exog csv": f" (the {EMPHASIS}Exogenous values{EMPHASIS} table)",
    "train publish": f" on the {EMPHASIS}Train & publish{EMPHASIS} page",
    # a version that does not exist (a link's, or one deleted since the listing was read): the page that lists them
    "list versions": f"the {EMPHASIS}Models{EMPHASIS} page lists the versions",
    # a publish whose write went unanswered: whether it landed is seen in the dashboard's own listing
    "look with list": f"look on the {EMPHASIS}Models{EMPHASIS} page",
    # a version deleted by hand: what the pages still show of it; recording its removal is the store's upkeep, which
    # only the CLI does, so the command stays, for those who run it (no emphasis: a table cell shows this too)
    "reindex removal": r"the Models page lists it as it was published, and an administrator of the store can record"
    r" its removal with `varlib reindex --name \g<name>`",
}
# On the page a word above (or a failure's next step) sends a person to, what that page has in sight instead (by the
# page's address): the Models page said "the Models page lists them"
_ON_PAGE = {
    "models": {
        "alias list": "the Aliases section lists them",
        "reindex removal": _DASHBOARD_WORDS["reindex removal"].replace("the Models page", "the versions table", 1),
    }
}
OWN_WORDS = tuple(_ON_PAGE)  # the pages whose words differ (ui.store words a listing for each of them)
_ADVICE_ON_PAGE = {
    "models": {
        NotFoundError: "The versions table and the Aliases section show what there is now.",
        WithdrawnError: "Pick another version; the versions table says why it was withdrawn, the History by whom.",
    }
}

# The Train page's control for each CLI flag its refusals name (a value after the flag follows the label).
TRAIN = {
    "--coint-rank": "the Cointegration rank select",
    "--deterministic": "the Deterministic terms select",
    "--lags": "Lag order fixed, Lags",
    "--ic": "Criterion",
    "--max-lags": "Max lags",
    "--holdout": "Holdout fraction",
    "--fill": "Missing periods or values",
    "--start": "From",  # Limit the date range
    "--end": "To",
}
# `(coint_rank, CLI --coint-rank)`, `CLI --lags 3`, `CLI --fill, dashboard: Missing data`, `--holdout 0; dashboard:
# Holdout fraction`, `CLI --start, the Train page's From`: the field name, the flag, its value and the library's own
# dashboard wording, if any (kept, it said the control twice: `From, the Train page's From`)
_FLAG = re.compile(
    r"(?:(?<=\()[a-z_]+, )?(?:CLI )?(--[a-z][a-z-]*)(?: ([\w.]+))?(?:[;,] (?:dashboard: |the Train page's )[^;)]*)?"
)


def in_controls(message: str, controls: Mapping[str, str]) -> str:
    """`message` with each CLI flag that has a control in `controls` named as that control (others kept); a date
    range's bounds (`the start date`) as the controls of `--start` and `--end`, where `controls` has them."""
    if "--start" in controls and "--end" in controls:
        message = bounds_named(message, controls["--start"], controls["--end"])

    def control(match: re.Match) -> str:
        label = controls.get(match[1])
        if label is None:
            return match[0]
        return f"{label} {match[2]}" if match[2] else label

    return _FLAG.sub(control, message)


_NAME_AND_VERSION = re.compile(r"\S+ \d+\.\d+\.\d+\b")


def explain(
    exc: VarlibError, controls: Mapping[str, str] | None = None, advice: str | None = None, here: str | None = None
) -> str:
    """The markdown shown for a failure: what happened, the library's message (starting with a capital; with
    `controls`, its CLI flags named as those controls; on the page `here`, see dashboard_words), and the next step
    (`advice`, or the failure kind's, as said on the page `here`)."""
    message = dashboard_words(str(exc), here)
    if controls is not None:  # other pages' refusals keep the flags until they map their controls
        message = in_controls(message, controls)
    # a message that starts with a column's name keeps its case (`const` is not `Const`); a field that is a label
    # of several words (`lag input realgdp on 2009-04-01`) is a sentence's start like any other
    named = str(getattr(exc, "field", None) or "")
    # a file's name (`allempty.csv`) keeps its case, as a column's does
    first = message.split(" ", 1)[0].rstrip(":,;").replace("-", "")
    # so does a model's name before its version (`var 0.0.3 was withdrawn`): `Var` would be another model
    versioned = _NAME_AND_VERSION.match(message) is not None
    if not (named and " " not in named and message.startswith(named + " ")) and first.isalpha() and not versioned:
        message = message[:1].upper() + message[1:]  # a sentence of its own after the title
    message = library_text(message)  # a reason or a name in it is shown as typed: no link, image or colour
    for kind, (title, usual) in _ADVICE.items():
        if isinstance(exc, kind):
            usual = _ADVICE_ON_PAGE.get(here or "", {}).get(kind, usual)
            return f"**{title}.** {message}\n\n{advice or usual}"
    return f"**Something went wrong.** {message}"


def dashboard_words(message: str, here: str | None = None) -> str:
    """A library message with the CLI commands it names said as the dashboard's controls; shown on the page `here`
    (its address, e.g. `models`), those that would send a person to that very page say where on it to look."""
    return cli_hints_said(message, _DASHBOARD_WORDS | _ON_PAGE.get(here or "", {}))


STORE_AWAY = "_errors_store_away"  # a run said the store cannot be reached: ui.store_status reruns it once it can


def show_error(
    exc: VarlibError, controls: Mapping[str, str] | None = None, advice: str | None = None, here: str | None = None
) -> None:
    """Render a VarlibError as st.error (CLI flags as `controls`; `advice` instead of the failure kind's next step,
    e.g. FORECAST_WAITS; `here`: the page's address, see dashboard_words)."""
    if isinstance(exc, StoreUnavailableError):
        st.session_state[STORE_AWAY] = True
    st.error(explain(exc, controls, advice, here), icon=":material/error:")


def shielded(render: Callable[..., None]) -> Callable[..., None]:
    """A fragment's body, guarded as a page's is: a fragment reruns on its own (a steps change), outside the
    page's `guarded`, so a failure there drew Streamlit's crash box instead of the failure's words."""

    @functools.wraps(render)
    def run(*args, **kwargs) -> None:
        try:
            render(*args, **kwargs)
        except VarlibError as exc:
            show_error(exc)

    return run


def guarded(render: Callable[[], None], controls: Mapping[str, str] | None = None) -> None:
    """Run a page body; an expected failure becomes st.error and the rest of the app keeps working."""
    try:
        render()
    except VarlibError as exc:
        show_error(exc, controls=controls)
