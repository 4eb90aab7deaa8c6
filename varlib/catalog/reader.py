"""Reading versions, with the two read caches of the catalog (both bounded; docs/CACHES.md).

A published version never changes, so a decoded artifact can be kept under its (name, version), and a
verified card under its object's (key, ETag). A version can still be deleted from the store by hand: a kept
artifact is served only while the store, asked at most once a second per version, still holds its model.json.
"""

from __future__ import annotations

import threading
import time

from ..artifact import Artifact, decode_parsed, parse
from ..cache import BoundedCache
from ..errors import CorruptArtifactError, NotFoundError, VarlibError
from ..store import ObjectInfo, Store
from ..versions import Version
from .cards import Card, keep_stored_schema
from .layout import LEGACY_FILE, model_key

ARTIFACT_CACHE_SIZE = 256  # about 13 KB each for a two-variable model on 200 rows
CARD_CACHE_SIZE = 16384  # one per version read for its card (buckets without an index)
PRESENT_FRESH_S = 1.0  # how old the knowledge that a kept version is still in the store may be
UNASKED_RETRY_S = 10.0  # after the store could not be asked whether it still is
OK = "ok"


class Reader:
    """Reads and verifies artifacts for one store; safe to share between threads."""

    def __init__(self, store: Store, max_bytes: int) -> None:
        self.store = store
        self.max_bytes = max_bytes
        self.artifacts: BoundedCache[Artifact] = BoundedCache(ARTIFACT_CACHE_SIZE)
        self.cards: BoundedCache[tuple[str, Card | None]] = BoundedCache(CARD_CACHE_SIZE)
        self.present: BoundedCache[float] = BoundedCache(ARTIFACT_CACHE_SIZE)  # (name, version) -> when last seen
        self._asking: BoundedCache[threading.Lock] = BoundedCache(ARTIFACT_CACHE_SIZE)  # one check at a time
        self._locks = threading.Lock()
        self._unasked: BoundedCache[bool] = BoundedCache(ARTIFACT_CACHE_SIZE)  # the store failed their last listing

    def read(self, name: str, version: Version) -> Artifact:
        """The verified artifact of a version, read from the store (no cache)."""
        key = model_key(name, version)
        try:
            stored = self.store.get(key, self.max_bytes)
        except NotFoundError:
            folder = f"{name}/{version.key}/"
            if any(info.key.endswith(LEGACY_FILE) for info in self.store.list(folder)):
                raise NotFoundError(
                    f"{name} {version} is a legacy pickle ({folder}{LEGACY_FILE}); it is never unpickled here."
                    f" Convert it with: varlib import-legacy {version} --name {name} --trust",
                    key=key,
                ) from None
            raise NotFoundError(
                f"{name} {version} does not exist; `varlib list --name {name}` shows the versions", key=key
            ) from None
        body = parse(stored.data, key)
        schema = body.get("schema_version") if isinstance(body, dict) else None  # before decoding consumes it
        artifact = decode_parsed(stored.data, body, key)
        keep_stored_schema(artifact, schema)  # `show` names the schema stored, not the one of today
        if artifact.name != name or artifact.version != version:
            raise CorruptArtifactError(
                f"{key} says it is {artifact.name} {artifact.version}: an object copied to the wrong key", key=key
            )
        return artifact

    def cached(self, name: str, version: Version) -> Artifact | None:
        return self.artifacts.get((name, version))

    def remember(self, artifact: Artifact) -> None:
        self.artifacts.put((artifact.name, artifact.version), artifact)

    def seen_lately(self, name: str, version: Version) -> bool:
        """Whether the store held the version's model.json less than PRESENT_FRESH_S ago (asks nothing)."""
        seen = self.present.get((name, version))
        return seen is not None and time.monotonic() - seen < PRESENT_FRESH_S

    def still_stored(self, name: str, version: Version) -> bool:
        """Whether the store still holds the version's model.json, as it said at most PRESENT_FRESH_S ago: one
        small listing of its folder. Threads that ask while it runs take the last answer instead of waiting, and a
        store that cannot be asked is asked again only UNASKED_RETRY_S later, in the background: a kept version is
        served meanwhile, as before, rather than a request waiting for the store's timeout at each retry. One
        deleted by hand is forgotten (its artifact too), so the next load reads the store and says it does not
        exist."""
        if self.seen_lately(name, version):
            return True
        with self._locks:
            lock = self._asking.get((name, version))
            if lock is None:
                lock = threading.Lock()
                self._asking.put((name, version), lock)
        if not lock.acquire(blocking=False):
            return True  # being asked now: it was there when last asked
        if self._unasked.get((name, version)):
            # the last listing failed: a store that hangs would hold this request for its timeout again
            try:
                threading.Thread(target=self._ask, args=(name, version, lock), daemon=True).start()
            except RuntimeError:  # no thread to be had (at interpreter exit): a lock left held would stop every check
                lock.release()
            return True
        return self._ask(name, version, lock)

    def _ask(self, name: str, version: Version, lock: threading.Lock) -> bool:
        """still_stored's listing, with `lock` held (released here, also when run in a thread of its own)."""
        try:
            key = model_key(name, version)
            try:
                found = any(info.key == key for info in self.store.children(f"{name}/{version.key}/")[1])
            except VarlibError:  # unreachable or refusing: what it held is served, and asked for again later
                self._unasked.put((name, version), True)
                self.present.put((name, version), time.monotonic() + UNASKED_RETRY_S - PRESENT_FRESH_S)
                return True
            self._unasked.pop((name, version))
            if found:
                self.present.put((name, version), time.monotonic())
            else:
                self.artifacts.pop((name, version))
                self.present.pop((name, version))
            return found
        finally:
            lock.release()

    def load(self, name: str, version: Version, cached: bool = True) -> Artifact:
        """A version's artifact; with `cached`, from (and into) the artifact cache while the store still holds it."""
        hit = self.cached(name, version) if cached else None
        if hit is not None and self.still_stored(name, version):
            return hit
        artifact = self.read(name, version)
        if cached:
            self.remember(artifact)
            self.present.put((name, version), time.monotonic())  # read from its own key just now
        return artifact

    def verified_card(self, name: str, version: Version, info: ObjectInfo) -> tuple[str, Card | None]:
        """(status, card) of a listed object read and verified in full; cached by its ETag."""
        hit = self.cards.get((info.key, info.etag))
        if hit is not None:
            return hit
        try:
            result: tuple[str, Card | None] = (OK, Card.from_artifact(self.read(name, version)))
        except CorruptArtifactError as exc:
            result = (str(exc), None)
        except NotFoundError:  # deleted between listing and reading: not cached
            return "deleted while listing", None
        self.cards.put((info.key, info.etag), result)
        return result
