"""`<name>/latest.json`: a copy of the newest version's model.json, so `latest` is one read.

Publishing moves the copy forward (compare-and-swap on its ETag); a withdrawal moves it back
(catalog.withdrawals), and so does a reindex off a version whose own object is damaged (catalog.reindex).
It is a hint, never trusted over the versions: it is verified like any artifact, and a missing, damaged,
foreign or dangling copy sends the caller to the listing.
Pointers written before the copy existed (`{"version": "0.0.3"}`) are still followed and are
upgraded by the next publish.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..artifact import FORMAT as ARTIFACT_FORMAT
from ..artifact import Artifact, decode_parsed, parse
from ..errors import CorruptArtifactError, NotFoundError, ObjectExistsError, ObjectTooLargeError, VarlibError
from ..store import Store
from ..versions import Version, parse_version
from .cards import keep_stored_schema
from .layout import listed_etag, pointer_key

CAS_ATTEMPTS = 200


@dataclass(frozen=True)
class Pointer:
    """What `latest.json` says: the version, the ETag for compare-and-swap, and the artifact copy."""

    version: Version | None
    etag: str | None
    data: bytes = b""
    body: dict[str, Any] | None = None  # the parsed JSON of `data`

    @property
    def holds_artifact(self) -> bool:
        """A copy of the model (the current form), not the earlier `{"version": ...}`."""
        return self.body is not None and self.body.get("format") == ARTIFACT_FORMAT

    def stands_for(self, name: str) -> bool:
        """Whether the pointer may be followed for `name`: a version number in the earlier form, or a copy that
        says it is `name`'s. Another model's copy (put there by hand) names a version of that model, not this."""
        return self.version is not None and (not self.holds_artifact or (self.body or {}).get("name") == name)

    def artifact(self, name: str) -> Artifact | None:
        """The verified copy of `name`'s newest version, or None when the copy is unusable."""
        if not self.holds_artifact or self.version is None:
            return None
        try:
            artifact = decode_parsed(self.data, dict(self.body or {}), pointer_key(name))
        except CorruptArtifactError:
            return None
        keep_stored_schema(artifact, (self.body or {}).get("schema_version"))  # `show latest` names the schema stored
        return artifact if artifact.name == name and artifact.version == self.version else None


def read_pointer(store: Store, name: str, max_bytes: int) -> Pointer:
    """The pointer as stored; a missing or unreadable one has no version (then: the listing)."""
    try:
        stored = store.get(pointer_key(name), max_bytes)
    except ObjectTooLargeError:  # unread, and replaced by the next move: a publish or reindex had none to replace
        return Pointer(None, listed_etag(store, pointer_key(name)))
    except (NotFoundError, CorruptArtifactError):
        return Pointer(None, None)
    try:
        body = parse(stored.data)  # parsed once: a copy is then verified from this
        return Pointer(parse_version(body["version"]), stored.etag, stored.data, body)
    except (KeyError, TypeError, AttributeError, VarlibError):
        return Pointer(None, stored.etag)  # unreadable: overwritten by the next publish


def advance_pointer(store: Store, name: str, version: Version, body: bytes, max_bytes: int) -> Pointer | None:
    """Move `latest` forward to `version` (whose model.json is `body`), never back; returns the pointer it
    replaced (for the audit record), or None when it left it there (on this version or a newer one)."""
    for _ in range(CAS_ATTEMPTS):
        current = read_pointer(store, name, max_bytes)
        if current.version is not None and (
            current.version > version or (current.version == version and current.holds_artifact)
        ):
            return None
        try:
            store.replace(pointer_key(name), body, current.etag)
            return current
        except ObjectExistsError:
            continue  # a concurrent publisher moved it; re-read and compare
    return None  # lost every race: other publishers moved it on
