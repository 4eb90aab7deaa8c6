"""One small storage interface with two backends: a local folder and MinIO (any S3 server).

Keys are bucket-relative paths such as `var/0_0_1/model.json`. The interface is all the
registry needs: read with a size cap, create-if-absent (the publish commit point),
compare-and-swap replace (the `latest` pointer), list, a reachability check, and delete (used for one
thing only: an admin deleting a saved scenario; versions and the audit trail are never deleted).
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..config import Settings
from ..errors import InvalidInputError, VarlibError
from ..plain_text import escape_controls

_KEY_PATTERN = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """A listed object. `metadata` is the user metadata when the backend lists it, else None."""

    key: str
    size: int
    etag: str
    metadata: Mapping[str, str] | None = None


@dataclass(frozen=True)
class StoredObject:
    """The bytes of one object plus the etag used for compare-and-swap."""

    key: str
    data: bytes
    etag: str
    metadata: Mapping[str, str] = field(default_factory=dict)


class Store(Protocol):
    """What the registry needs from a storage backend."""

    description: str

    def get(self, key: str, max_bytes: int) -> StoredObject:
        """Read a whole object; NotFoundError if absent, ObjectTooLargeError if over max_bytes."""

    def create(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> str:
        """Write only if the key is free (ObjectExistsError otherwise); returns the etag."""

    def replace(self, key: str, data: bytes, expected_etag: str | None) -> str:
        """Overwrite if the current etag equals expected_etag (None: only if absent).

        Raises ObjectExistsError when the precondition fails."""

    def delete(self, key: str) -> None:
        """Remove an object; NotFoundError if absent (so of two deletions at once, one is told it was gone)."""

    def list(self, prefix: str, metadata: bool = False, start_after: str | None = None) -> Iterator[ObjectInfo]:
        """Every object under prefix, recursively, in no promised order; with `metadata`, each
        object's user metadata too where the backend can list it (else ObjectInfo.metadata is None).
        With `start_after` (S3's), only the keys that sort after it, in ascending order, as S3 lists them: a
        reader can stop early, and one after the newest keys lists only those (the audit trail's pages)."""

    def children(self, prefix: str) -> tuple[builtins.list[str], builtins.list[ObjectInfo]]:
        """One level under prefix (which ends in '/' or is ''): the folder names, sorted, and the objects."""

    def list_folders(self, prefix: str) -> builtins.list[str]:
        """Names of the folders directly under prefix (prefix '' lists the top level)."""

    def check(self) -> None:
        """Raise StoreUnavailableError or AccessDeniedError unless the store answers."""

    def missing_note(self) -> str | None:
        """None when the bucket (a local store: its folder) exists; else one line saying it does not, the
        buckets beside it, and the settings that chose it. A mistyped bucket must not read as an empty store."""


def check_key(key: str) -> str:
    """Refuse keys that could escape the bucket or folder (`..`, absolute, empty parts)."""
    if not _KEY_PATTERN.fullmatch(key) or any(part in (".", "..") for part in key.split("/")):
        raise InvalidInputError(f"object key {key!r} is not allowed")
    return key


def describe(settings: Settings) -> str:
    """One line for people naming the store the settings select (never credentials); the backends
    describe themselves with the same words."""
    if settings.uses_minio:
        return minio_description(settings.minio_endpoint or "", settings.minio_secure, settings.bucket)
    return local_description(settings.store_dir / settings.bucket)


def local_description(bucket_dir) -> str:
    return f"local folder {escape_controls(str(bucket_dir))}"  # one line, whatever the folder's name holds


def minio_description(endpoint: str, secure: bool, bucket: str) -> str:
    return f"{minio_server(endpoint, secure)}, bucket '{bucket}'"


def minio_server(endpoint: str, secure: bool) -> str:
    return f"MinIO {'https' if secure else 'http'}://{endpoint}"


def missing_bucket_note(missing: str, others_are: str, others: builtins.list[str], settings: str) -> str:
    """The words of `Store.missing_note`: what does not exist, what exists beside it, what to check."""
    shown = ", ".join(sorted(others)[:10]) + (f" and {len(others) - 10} more" if len(others) > 10 else "")
    beside = f" ({others_are}: {shown})" if others else ""
    # the REST service does not publish: the note names where a publish comes from
    created = "the first publish (CLI or dashboard) creates it"
    return f"{missing}{beside}: {created}; if you expected models here, check {settings}"


def open_store(settings: Settings) -> Store:
    """The backend the settings select: MinIO when MINIO_ENDPOINT is set, else the local folder."""
    if settings.uses_minio:
        from .minio_store import MinioStore  # only this backend and its SDK adapter import the minio package

        return MinioStore.from_settings(settings)
    from .local import LocalStore

    return LocalStore(settings.store_dir, settings.bucket)


def minio_admin_clients(settings: Settings) -> tuple[Any, Any]:  # (minio.Minio, minio.minioadmin.MinioAdmin)
    """The S3 client and MinIO's admin client for the settings, read and checked as the store reads them (endpoint
    forms, MINIO_SECURE, MINIO_CA_BUNDLE, keys): what the deployment scripts set up buckets and users with."""
    from .minio_store import admin_clients

    return admin_clients(settings)


def minio_failure(exc: BaseException, settings: Settings) -> VarlibError:
    """The product's words for a transport failure of the settings' MinIO (unreachable, TLS, timeout, proxy)."""
    from .minio_errors import translate

    return translate(exc, settings.minio_endpoint or "", settings.bucket, None, settings.anonymous)
