"""What keeps an open page current: a timed fragment that notices new publications, moved aliases and withdrawals.

Listings are cached for store.LIST_TTL seconds, so an idle page would otherwise never show a version published
meanwhile. Every LIST_TTL seconds the fragment asks the Registry what `latest` is (one small read), or for a page
on an alias what it points at (the alias and its version's withdrawal: two reads), and whether the version shown
is withdrawn (the withdrawals listing, read again once its cache has expired). A page showing `latest` or an
alias then reruns with the version it now stands for, and one showing a version that was withdrawn meanwhile
reruns to say so; a pinned version no longer in the store (its folder deleted by hand) or that can no longer be
used (its object damaged in place, as the listing says) is said as the page shows what its picker falls back to
instead (`note_gone`); a page showing a pinned version says that a version
newer than the page's `latest` when it opened exists, and offers it (a newer one that was already there when
the page opened is in the version picker, not news). A page with no version in use, or whose alias it refused,
reruns once that changes. A page comparing several picked versions reruns when one of them is withdrawn
(`watch_withdrawals`).

The offer is drawn by the page, not by the timed fragment: a click on a button that a timer redraws
every few seconds can land while the fragment is rerunning and be lost. So the fragment only
records the newer version and reruns the page once; the page draws the notice and the button.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from ui import store
from ui.linked_versions import moves
from ui.literal import library_text, literal
from varlib import LATEST, Artifact, NotFoundError, VarlibError, Version, VersionEntry, WithdrawnError

T = TypeVar("T")
LATEST_SEEN = "_live_latest_seen"
OPENED_WITH = "_live_opened_with"  # (name, pinned version shown, `latest` when the page opened on it)
NEWER_SEEN = "_live_newer_seen"
SHOWN_MANY = "_live_shown_many"  # (page, the versions a page comparing several shows)
MOVED = "_live_moved"  # (name, alias or `latest`, the version it stood for before, the one now, who withdrew it)
GONE = "_live_gone"  # (page, name, the pinned version it showed, why it cannot be shown: None when deleted)


@dataclass(frozen=True)
class Standing:
    """What an open page stands on, as the store says: `latest` (None when no version is in use), what the page's
    alias points at (or why it cannot be used; None without an alias), whether the version shown is withdrawn,
    and whether a pinned one is gone from the store (deleted by hand) or can no longer be used (damaged)."""

    latest: Version | None
    target: Version | str | None
    withdrawn: bool
    gone: bool = False


def watch(
    page: str,
    name: str,
    label: str,
    shown: Version | None,
    newest: Version | None,
    withdrawn: Collection[Version],
    on_newer: Callable[[str], None] | None = None,
    refused: str | None = None,
) -> list[tuple[str, str]]:
    """Keep a page showing `shown` of `name`, picked as `label` (`latest`, `@alias` or a version; `shown` None
    when no version is in use), current: rerun when what it stands for changed, or offer a newer version (pinned)
    when there is one newer than `shown` and than `newest` (`latest` as this run resolved it) was when the page
    opened on `shown`; `refused` says why the page's alias could not be used. Returns the notices it wrote, as
    (kind, text) of ui.presentation.notes_px: a presented chart's window makes room for them."""
    alias = label if label.startswith("@") else None
    follows = moves(label) or shown is None  # what it shows can change under it
    # an alias the page refused (`refused`: why) is followed too: moved to a version in use, the page shows it
    then = Standing(None if alias else newest, (refused or shown) if alias else None, shown in withdrawn)
    # per page: an offer, or the `latest` a pinned page opened with, is news only on the page that saw it
    opened_key, newer_key = f"{OPENED_WITH}|{page}", f"{NEWER_SEEN}|{page}"
    known, gone = shown, _say_gone(page, name, label, shown)
    if follows:
        st.session_state.pop(opened_key, None)  # a later pinned view starts from the `latest` of its own opening
        said = _say_moved(name, label, shown)
    else:
        opened = st.session_state.get(opened_key)
        if opened is None or opened[:2] != (name, shown):
            st.session_state[opened_key] = opened = (name, shown, newest)
        known = shown if opened[2] is None else max(shown, opened[2])  # None: every usable version withdrawn
        said = _offer_newer(newer_key, name, shown, on_newer)
    said = gone + said

    def act(now: Standing) -> None:
        if now.gone:  # the rerun's picker falls back, and the page says why (note_gone)
            store.refresh()
            st.rerun()
        if follows or now.withdrawn != then.withdrawn:
            if now != then:
                store.refresh()  # the pickers and the withdrawal listing must say what changed too
                if alias and isinstance(now.target, Version) and shown is not None and now.target != shown:
                    st.session_state[MOVED] = (name, alias, str(shown), str(now.target), "")
                elif label == LATEST and shown is not None and (now.latest != shown or now.withdrawn):
                    _note_withdrawn(name, shown)  # a newly published version is switched to silently
                st.rerun()
            return
        if now.latest is None or now.latest == known or now.latest < known:
            if _offered(newer_key, name, shown):  # the offered version was withdrawn meanwhile: take it back
                del st.session_state[newer_key]
                st.rerun()
            return
        if st.session_state.get(newer_key) == (name, str(shown), str(now.latest)):
            return  # already offered by the page
        store.refresh()  # the pickers must list the new version too
        st.session_state[newer_key] = (name, str(shown), str(now.latest))
        st.rerun()  # the whole page, with the offer

    on_ticks(LATEST_SEEN, (name, label, str(shown)), lambda: standing(name, alias, shown, not follows), act)
    return said


def watch_withdrawals(page: str, shown: Collection[tuple[str, Version]]) -> None:
    """Keep a page showing several versions side by side (Compare) current about withdrawals: once one of them is
    withdrawn meanwhile, the page reruns and says so next to it. Its versions are picked, not followed, so
    publications and alias moves are left to the picker."""
    then = _withdrawn_among(shown)

    def act(now: set[tuple[str, Version]]) -> None:
        if now != then:
            store.refresh()  # the picker must mark the version as withdrawn too
            st.rerun()

    if shown:
        seen = (page, tuple((name, str(version)) for name, version in shown))
        on_ticks(SHOWN_MANY, seen, lambda: _withdrawn_among(shown), act)


def on_ticks(guard: str, seen: object, read: Callable[[], T], act: Callable[[T], None]) -> None:
    """A timed fragment: every LIST_TTL seconds, `act` on what `read` finds in the store now. Not in the page run
    that draws it (that run has just read the store itself), nor once the session's `guard` no longer holds `seen`
    (the page moved on: a rerun of the whole page redraws this); a store failure skips the tick (the page itself
    reports store failures: a notice is no place for them)."""
    st.session_state[guard] = seen
    in_page_run = [True]

    @st.fragment(run_every=store.LIST_TTL)
    def _check() -> None:
        if in_page_run[0]:
            in_page_run[0] = False
            return
        if st.session_state.get(guard) != seen:
            return
        try:
            now = read()
        except VarlibError:
            return
        act(now)

    _check()


def _withdrawn_among(shown: Collection[tuple[str, Version]]) -> set[tuple[str, Version]]:
    return {(name, version) for name, version in shown if version in store.withdrawals(name)}


def standing(name: str, alias: str | None, shown: Version | None, pinned: bool = False) -> Standing:
    """What `alias` of `name` (without one: `latest`) stands for now, whether `shown` is withdrawn and, `pinned`,
    whether it is gone from the store's listing or listed as unusable (StoreUnavailableError and the like pass
    through: the page reports them)."""
    latest: Version | None = None
    target: Version | str | None = None
    try:
        if alias is None:
            latest = store.latest(name)
        else:
            target = store.resolve(name, alias)
    except (WithdrawnError, NotFoundError) as exc:  # no version in use, or an alias the page refuses once it reruns
        target = None if alias is None else str(exc)
    gone = pinned and shown is not None and _why_lost(store.versions(name), str(shown)) is not None
    return Standing(latest, target, shown is not None and shown in store.withdrawals(name), gone)


def _note_withdrawn(name: str, shown: Version) -> None:
    """Record, for the rerun to say, that `shown`, which the page on `latest` showed, was withdrawn (by whom and why)
    and what `latest` is now. Both are asked again: a listing read for the tick may be older than the other."""
    try:
        gone, now = store.withdrawals(name).get(shown), standing(name, None, shown).latest
    except VarlibError:  # the page reports the store's failure on its rerun
        return
    if gone is not None:
        by = "" if gone.damaged else f" by {literal(gone.actor.known_as())} ({literal(gone.reason)})"
        st.session_state[MOVED] = (name, LATEST, str(shown), str(now), by)


def note_gone(page: str, name: str, entries: Collection[VersionEntry]) -> None:
    """Before the page's picker falls back: when the pinned version the page showed last of `name` is no longer in
    the store (`entries`: absent, or listed as gone: deleted by hand) or is listed as unusable (its object damaged
    in place), record it for `watch` to say on this run; the picker would otherwise switch to `latest` without a
    word."""
    opened = st.session_state.get(f"{OPENED_WITH}|{page}")
    if opened is None or opened[0] != name or opened[1] is None:
        return
    why = _why_lost(entries, str(opened[1]))
    if why is not None:
        st.session_state[GONE] = (page, name, str(opened[1]), why or None)


def new_run() -> None:
    """At the start of every run of the whole page: a notice `note_gone` recorded on a run that failed before
    `watch` said it is dropped, not said on some later run (maybe much later, and of another view)."""
    st.session_state.pop(GONE, None)


def lost(name: str, label: str) -> str | None:
    """Why version `label` of `name`, a model the store holds, can no longer be used, as `say_gone` takes it: ""
    when it is no longer in the store (deleted by hand), the listing's reason when it is listed as unusable (damaged
    in place); None while it is listed as usable, or when the store no longer holds the model."""
    return _why_lost(store.versions(name), label) if name in store.model_names() else None


def _why_lost(entries: Collection[VersionEntry], label: str) -> str | None:
    """Why version `label` is lost from a model's listing `entries`: "" when absent or listed as gone (deleted behind
    the product's back), the listing's reason when listed as unusable; None when listed as usable."""
    entry = next((entry for entry in entries if entry.label == label), None)
    if entry is not None and entry.ok:
        return None
    return "" if entry is None or entry.gone else entry.status


def load(name: str, version: Version, label: str) -> Artifact:
    """The artifact of `version` of `name`, picked as `label`. A pinned version deleted from the store since its
    listing was read reruns the page with the listing read afresh: its picker then falls back and the page says
    why (`note_gone`, `say_gone`), where the load said only "does not exist"."""
    try:
        return store.load(name, version, via=label)
    except NotFoundError:
        store.refresh()
        if moves(label) or _why_lost(store.versions(name), label) is None:
            raise
        st.rerun()


def say_gone(name: str, version: str, instead: str, did: str = "showed", damaged: str | None = None) -> str:
    """Say that `version` of `name`, which the page `did` (showed, compared), is no longer in the store, or, with
    the listing's reason it is `damaged`, that it cannot be used (the Models page's words), and what the page shows
    `instead`; the words of every page."""
    why = f"cannot be used ({library_text(damaged)})" if damaged else "is no longer in the store (deleted from it)"
    text = f"{name} {version}, which this page {did}, {why}: {instead}."
    st.info(text, icon=":material/broken_image:" if damaged else ":material/delete:")
    return text


def _say_gone(page: str, name: str, label: str, shown: Version | None) -> list[tuple[str, str]]:
    gone = st.session_state.get(GONE)
    if gone is None or gone[:2] != (page, name):
        return []
    del st.session_state[GONE]  # said once, on the run that shows what replaced it
    now = f"`{label}` ({shown}) is" if moves(label) else f"{shown} is"
    instead = f"{now} shown instead" if shown is not None else "no version is in use"
    if str(shown) == gone[2] and gone[3] is None:  # the newest deleted: `latest` serves its copy (Registry.load)
        instead = f"`{label}` still stands for it and is shown from the copy it keeps"
    return [("info", say_gone(name, gone[2], instead, damaged=gone[3]))]


def _say_moved(name: str, label: str, shown: Version | None) -> list[tuple[str, str]]:
    moved = st.session_state.get(MOVED)
    if moved is None or moved[:2] != (name, label) or moved[3] != str(shown):  # `None`: no version in use now
        return []
    if label == LATEST:
        now = f"`latest` is now {shown}, shown here" if shown else "no version is in use"
        text = f"{name} {moved[2]}, which this page showed, was withdrawn{moved[4]}: {now}."
        st.info(text, icon=":material/block:")
    else:  # an alias
        text = f"{label} of {name} now points at {shown}; it pointed at {moved[2]} before."
        st.info(text, icon=":material/move_up:")
    del st.session_state[MOVED]  # said once, on the run that shows the move
    return [("info", text)]


def _offer_newer(key: str, name: str, shown: Version, on_newer: Callable[[str], None] | None) -> list[tuple[str, str]]:
    if not _offered(key, name, shown):
        return []
    newest = st.session_state[key][2]
    said = [("info", f"{name} {newest} has been published since this page opened.")]
    st.info(said[0][1], icon=":material/new_releases:")
    if on_newer is not None:
        said.append(("button", f"Show {name} {newest}"))
        st.button(
            said[-1][1], key=f"live_show|{name}|{newest}", on_click=on_newer, args=(newest,), icon=":material/update:"
        )
    return said


def _offered(key: str, name: str, shown: Version) -> bool:
    seen = st.session_state.get(key)
    return seen is not None and seen[:2] == (name, str(shown))


def refresh_every(seconds: int = store.LIST_TTL):
    """A decorator for a page section that re-reads its (cached) listing on a timer."""
    return st.fragment(run_every=seconds)
