"""Each page's state in the URL, so a copied address reopens exactly the view.

A page declares its fields: the URL name, the widget's session-state key and a parser that
returns None for a value it refuses. A URL the page did not write itself (a shared link, a link
from another page), or an older one of its own that the browser's Back or Forward brought back, is
applied once, before the widgets render; each bad value is reported by
name and the default is used instead. After the widgets render, the page writes its state back,
so the address bar always reproduces the view. Model and version are common to every page:
their fields are here, and ui.selection carries them from page to page.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from ui.literal import library_text

MODEL = "model"
VERSION = "version"
RECENT_WRITES = 8
HISTORY_AFTER_SECONDS = 1.0  # an older address of the page's own this soon after its last write came with a rerun


@dataclass(frozen=True)
class Field:
    """One URL parameter of a page and the widget it sets."""

    name: str
    key: str
    parse: Callable[[str], Any]  # the widget value, or None when the text is refused
    # `key`: a widget's key, or (starting with `_`) where a value waits until the page can check it
    rule: str  # what a valid value looks like, for the message
    # how an address of the page's own that leaves the field out (its default) returns it to the default, when
    # the browser goes back to one from a view that had it (a field the page always writes needs none)
    clear: Callable[[], None] | None = None

    def refusal(self, raw: str) -> str:
        return f"{self.name} {raw!r}, which is not valid ({self.rule})"


@dataclasses.dataclass
class _Address:
    """What a page did with its address in this session."""

    written: list[dict[str, str]] = dataclasses.field(default_factory=list)  # its last few writes, newest last
    written_at: float = 0.0  # when it wrote the newest (time.monotonic)
    applied: dict[str, str] | None = None  # an address a run applied before the page wrote its own
    left: dict[str, str] = dataclasses.field(default_factory=dict)  # the view the browser went back from
    version: str | None = None  # the version a link asked for, until the picker takes it


def _address(page: str) -> _Address:
    return st.session_state.setdefault(f"_url|{page}", _Address())


def incoming(page: str, fields: Sequence[Field], model_key: str | None = None) -> dict[str, str] | None:
    """The page's query parameters (model, version and `fields`) when they came from outside (a link, the
    browser's Back or Forward), else None (its own last write, or an older one come back with a rerun; see
    `_navigated`). `model_key`: the model picker's key, when the page has one."""
    names = {MODEL, VERSION} | {field.name for field in fields}
    params = {k: v for k, v in st.query_params.to_dict().items() if k in names}
    address = _address(page)
    newest = address.written[-1] if address.written else None
    # a page may rerun before it writes (to show a saved scenario's settings): the address it applied is still
    # in the address bar then, and applying it again would undo what that run set up
    if not params or params in (newest, address.applied):
        return None
    if params in address.written:
        if not _navigated(address, fields, model_key):
            return None
        address.left = address.written[-1]  # the view gone back from: what `apply` may have to clear
    address.applied = params
    return params


def _navigated(address: _Address, fields: Sequence[Field], model_key: str | None) -> bool:
    """Whether an older address of the page's own came back through the browser's history. Otherwise it came
    with a rerun that began before the browser showed the page's last write (a quick second click): then a
    widget has already moved on from that write, or the write is too recent for a person to have gone Back."""
    last = address.written[-1]
    if time.monotonic() - address.written_at < HISTORY_AFTER_SECONDS:
        return False
    if model_key is not None and MODEL in last and st.session_state.get(model_key) != last[MODEL]:
        return False
    widgets = [field for field in fields if field.name in last and not field.key.startswith("_")]
    return all(field.parse(last[field.name]) == st.session_state.get(field.key) for field in widgets)


def apply(page: str, fields: list[Field], params: dict[str, str]) -> list[str]:
    """Copy valid values into widget state; one message per refused value. Gone back to an address of the page's
    own, a field it leaves out is returned to its default where the view gone back from had it."""
    problems = []
    address = _address(page)
    left, address.left = address.left, {}
    for field in fields:
        if field.name not in params:
            if field.name in left and field.clear is not None:
                field.clear()
            continue
        value = field.parse(params[field.name])
        if value is None:
            problems.append(field.refusal(params[field.name]))
        else:
            st.session_state[field.key] = value
    return problems


def apply_selection(page: str, params: dict[str, str], model_key: str, names: list[str]) -> list[str]:
    """The model (checked against the store's names) and the version (checked later by the picker)."""
    problems = []
    model = params.get(MODEL)
    if model is not None:
        if model in names:
            st.session_state[model_key] = model
        else:
            problems.append(unknown_model(model, names))
    if VERSION in params:
        _address(page).version = params[VERSION]
    return problems


def unknown_model(model: str, names: list[str]) -> str:
    """The words (for "The link asked for ...") of a link's model the store does not have; every page says it so."""
    return f"model {model!r}, which is not in the store (models: {', '.join(names) or 'none'})"


def take_pending_version(page: str) -> str | None:
    """The version a link asked for, normalised (`0_0_3` is 0.0.3), if the picker has not used it yet."""
    address = _address(page)
    wanted, address.version = address.version, None
    if wanted is None:
        return None
    wanted = wanted.strip()
    return wanted if wanted.startswith("@") else wanted.replace("_", ".")


def write(page: str, values: dict[str, str | None]) -> None:
    """Put the page's state in the address bar (only when it changed); None values are left out."""
    wanted = {k: v for k, v in values.items() if v is not None}
    address = _address(page)
    # A run's query string is the address the browser sent with its request, which can predate the last write: a
    # file replaced in an uploader asks for two runs at once (its removal, which writes the address without the
    # file's lags, then the new file), and a quick second click back to the first value does the same. The browser
    # ends at the last write it is sent, so wanting other than that is a write, even when the query string agrees.
    # (The browser ignores an address it already shows; an ordinary run's query string is the last write.)
    newest = address.written[-1] if address.written else wanted
    if st.query_params.to_dict() != wanted or newest != wanted:
        st.query_params.from_dict(wanted)
    # A rerun can start before the browser has shown the previous write (a quick second click): its
    # address is then one of ours, not a link, so the last few writes are all recognised.
    address.written = [*[w for w in address.written if w != wanted][-(RECENT_WRITES - 1) :], wanted]
    address.written_at, address.applied = time.monotonic(), None


def write_unopened(page: str, model: str, version: str | None = None) -> None:
    """The address of a page that opens no version of `model` (none in use, or an alias it refuses): the model and
    the version label shown, and nothing of the view it showed before, so the address bar says what is shown and a
    link's version or model is not taken as asked of a model picked since (its words are said once, as a link's)."""
    write(page, {MODEL: model, VERSION: version})


def applied(page: str) -> dict[str, str]:
    """The address a link (or the browser's Back or Forward) brought to this run, until the page writes its own:
    for a value that can be checked only against the version the pickers then load."""
    return dict(_address(page).applied or {})


def last_written(page: str) -> dict[str, str]:
    """The address the page last wrote in this session (empty before its first): the view it showed when
    last drawn, for a widget whose state Streamlit drops while another page runs and cannot persist (st.tabs)."""
    written = _address(page).written
    return dict(written[-1]) if written else {}


def warn(problems: list[str]) -> list[str]:
    """A warning per refused value; returns their texts, for a page that makes room for them (ui.presentation)."""
    said = [f"The link asked for {problem}; showing the default instead." for problem in problems]
    for text in said:
        st.warning(library_text(text), icon=":material/link_off:")
    return said


def whole_number(low: int, high: int) -> Callable[[str], int | None]:
    """A parser of whole numbers from `low` to `high`."""

    def parse(raw: str) -> int | None:
        try:
            value = int(str(raw).strip())
        except ValueError:
            return None
        return value if low <= value <= high else None

    return parse


def any_whole_number(raw: str) -> int | None:
    """A link's number for a field of ui.whole_number: one outside the field's range is set to the nearest allowed
    value by the field, which says so beside it, as for a number typed there (and as Forecast's steps)."""
    return whole_number(-(10**9), 10**9)(raw)


def given(raw: str) -> str | None:
    """Any text but blanks (checked against the store by the page)."""
    return str(raw).strip() or None


def one_of(options: tuple[str, ...] | list[str]) -> Callable[[str], str | None]:
    return lambda raw: raw if raw in options else None


def flag(raw: str) -> bool | None:
    text = str(raw).strip().lower()
    return True if text in ("1", "true", "on", "yes") else False if text in ("0", "false", "off", "no") else None
