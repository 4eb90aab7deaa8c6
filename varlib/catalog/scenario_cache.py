"""The saved scenarios one process keeps, served only while the store still holds them as they were read.

A saved scenario never changes, but an admin may delete one, in any process, and its name may then be saved again
with other numbers. So a kept scenario is served while the store lists its object with the etag it was read with,
as the store said at most SCENARIO_FRESH_S ago: one small listing of the version's scenario folder, and none when a
listing of the version's scenarios (which reads every etag anyway) confirmed it. While the store does not answer,
the kept one is served, as a kept version is.
"""

from __future__ import annotations

import time

from ..cache import BoundedCache
from ..errors import StoreUnavailableError
from ..scenario import Scenario
from ..store import Store

SCENARIO_FRESH_S = 1.0  # how old this process's knowledge that a kept scenario is still saved may be


class SavedScenarios:
    """Scenarios by key, each with the etag it was read with and when the store last confirmed it."""

    def __init__(self, size: int) -> None:
        self._kept: BoundedCache[tuple[str, Scenario]] = BoundedCache(size)  # key -> (etag, scenario)
        self._confirmed: BoundedCache[float] = BoundedCache(size)  # key -> time.monotonic() of the confirmation

    def get(self, store: Store, key: str, etag: str | None = None) -> Scenario | None:
        """The kept scenario at `key` while it is still saved as read (`etag`: as a listing just gave it; None: the
        store is asked, at most once a SCENARIO_FRESH_S); None when none is kept, or it is gone or changed."""
        kept = self._kept.get(key)
        if kept is None:
            return None
        if etag is None and self.seen_lately(key):  # the store's last word stands: its time is not moved on, or
            return kept[1]  # asking again within every second would never list it again and serve it for good
        fresh = etag == kept[0] if etag is not None else _listed(store, key, kept[0])
        if not fresh:  # deleted (or deleted and saved again) since it was read: the caller reads the store
            self.forget(key)
            return None
        self._confirmed.put(key, time.monotonic())
        return kept[1]

    def seen_lately(self, key: str) -> bool:
        """Whether the store confirmed the kept scenario at `key` in the last SCENARIO_FRESH_S (no store call)."""
        seen = self._confirmed.get(key)
        return seen is not None and time.monotonic() - seen < SCENARIO_FRESH_S

    def put(self, key: str, etag: str, scenario: Scenario) -> None:
        self._kept.put(key, (etag, scenario))
        self._confirmed.put(key, time.monotonic())

    def forget(self, key: str) -> None:
        self._kept.pop(key)
        self._confirmed.pop(key)


def _listed(store: Store, key: str, etag: str) -> bool:
    folder = key.rpartition("/")[0] + "/"
    try:
        return any(info.key == key and info.etag == etag for info in store.children(folder)[1])
    except StoreUnavailableError:
        return True  # the kept one is served while the store is away
