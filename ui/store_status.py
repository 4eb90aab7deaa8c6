"""The sidebar's word on the store: reachable or not, and how long ago that was checked.

A success used to be remembered for 15 s, so the sidebar said "reachable" for that long after MinIO
died. Now a rerun asks the store again once the last answer is older than FRESH seconds (one HEAD of
the bucket on MinIO, a folder check locally: about a millisecond on loopback, measured in
docs/CACHES.md; answers are shared by every session of the process), says how old the answer is,
and an idle page asks again on the refresh timer. The question runs in a thread and a rerun waits
at most WAIT seconds for it: a silent endpoint (which takes the store timeout to fail) shows the
last answer with "checking…" instead of holding up every page. A page that said the store cannot be reached is
run again once the probe finds it reachable: nothing on such a page would try again by itself, and the sidebar
said "reachable" beside it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import streamlit as st

from ui import store
from ui.errors import STORE_AWAY
from ui.layout import quiet
from varlib import Settings, StoreUnavailableError, VarlibError

FRESH = 1.0  # seconds an answer serves other reruns: bursts of reruns (and sessions) ask once
WAIT = 0.5  # seconds a rerun waits for an answer; a refused connection answers well within it


@dataclass(frozen=True)
class Status:
    """The last answer: ok (None before the first one), the failure, when, and whether a newer one is pending."""

    ok: bool | None
    error: VarlibError | None
    at: float  # time.time() of the answer
    pending: bool = False


class Probe:
    """One store's reachability, asked in a thread at most once per `fresh` seconds."""

    def __init__(self, check: Callable[[], None], clock: Callable[[], float] = time.time) -> None:
        self._check, self._clock = check, clock
        self._lock = threading.Lock()
        self._last: Status | None = None
        self._done: threading.Event | None = None  # set when the running question is answered

    def status(self, fresh: float = FRESH, wait: float = WAIT) -> Status:
        """The newest answer, asking again first when it is older than `fresh` (waiting up to `wait`)."""
        with self._lock:
            stale = self._last is None or self._clock() - self._last.at > fresh
            if stale and self._done is None:
                self._done = threading.Event()
                threading.Thread(target=self._ask, args=(self._done,), daemon=True, name="store-probe").start()
            done = self._done
        if done is not None:
            done.wait(wait)
        with self._lock:
            last = self._last or Status(None, None, self._clock())
            return replace(last, pending=self._done is not None)

    def _ask(self, done: threading.Event) -> None:
        try:
            self._check()
            answer = Status(True, None, self._clock())
        except VarlibError as exc:
            answer = Status(False, exc, self._clock())
        except Exception as exc:  # noqa: BLE001 - whatever the SDK raised, the sidebar must say "unreachable"
            answer = Status(False, StoreUnavailableError(f"the store check failed: {exc}"), self._clock())
        with self._lock:
            self._last, self._done = answer, None
        done.set()


@st.cache_resource(max_entries=store.MAX_STORES, show_spinner=False)
def _probe(fingerprint: str, _check: Callable[[], None]) -> Probe:
    return Probe(_check)


def probe(settings: Settings) -> Probe:
    """The process's probe of the store `settings` select (shared by every session)."""
    return _probe(repr(settings.cache_key()), store.registry(settings).check)


def badges(status: Status, read_only: bool, now: float | None = None) -> tuple[str, str]:
    """The badge markdown and the caption under it, e.g. ("reachable", "checked 3 s ago")."""
    age = max(0, round((now if now is not None else time.time()) - status.at))
    if status.ok is None:
        return ":gray-badge[:material/hourglass_top: checking…]", f"no answer within {WAIT:g} s yet"
    if status.ok:
        badge = ":green-badge[:material/check_circle: reachable]"
        badge += " :orange-badge[:material/lock: read-only]" if read_only else ""
    else:
        badge = ":red-badge[:material/cloud_off: unreachable]"
    return badge, f"checked {age} s ago" + (", checking again…" if status.pending else "")


def render(settings: Settings) -> None:
    """The status in the current container (the sidebar), redrawn on the refresh timer while idle."""

    @st.fragment(run_every=store.LIST_TTL)
    def _status() -> None:
        status = probe(settings).status()
        if status.ok and st.session_state.pop(STORE_AWAY, False):
            st.rerun(scope="app")  # the page said the store cannot be reached, and nothing on it would try again
        badge, caption = badges(status, settings.read_only)
        st.markdown(f"{badge}  \n{quiet(caption)}")
        if status.ok is False and status.error is not None:
            st.error(str(status.error))

    st.session_state.pop(STORE_AWAY, None)  # a run of the whole page: its own errors say whether it failed
    _status()
