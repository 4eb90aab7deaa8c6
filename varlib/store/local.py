"""Local-folder backend: `<root>/<bucket>/<key>` mirrors the bucket, so folders copy to S3 and back.

Create-if-absent writes a temp file and hard-links it into place: the link either makes a
complete file appear or fails because the name exists, so a crash never leaves half a model.
"""

from __future__ import annotations

import builtins
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import (
    AccessDeniedError,
    ConflictError,
    NotFoundError,
    ObjectExistsError,
    ObjectTooLargeError,
    StoreUnavailableError,
)
from . import ObjectInfo, StoredObject, check_key, local_description, missing_bucket_note
from .local_delete import unlink
from .local_refusals import not_done, permission_refused
from .local_refusals import shown as _shown

_TEMP_PREFIX = ".tmp-"
_LOCK_SUFFIX = ".lock"  # `<key>.lock` beside the object; listings skip it
_LOCK_TIMEOUT_S = 30.0  # a holder writes one small file: waiting longer means it is stuck
_LOCK_POLL_S = 0.005  # filelock polls a non-blocking lock; its 50 ms default would slow racing publishers


def _walked_keys(base: Path, start: Path) -> Iterator[str]:
    """The keys of the objects under `start`, folder by folder, each folder's in name order."""
    for folder, dirs, files in os.walk(start):
        dirs.sort()  # the order os.walk enters them next
        yield from ((Path(folder) / name).relative_to(base).as_posix() for name in sorted(files) if _is_object(name))


class LocalStore:
    """A bucket kept as a directory tree."""

    def __init__(self, root: Path, bucket: str) -> None:
        self.root = Path(root)
        self.bucket = check_key(bucket)
        self.bucket_dir = self.root / self.bucket
        self.description = local_description(self.bucket_dir)

    def _path(self, key: str) -> Path:
        return self.bucket_dir / check_key(key)

    def get(self, key: str, max_bytes: int) -> StoredObject:
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                if stat.st_size > max_bytes:
                    raise self._oversized(key, stat.st_size, max_bytes)
                data = handle.read()
        except FileNotFoundError:
            raise NotFoundError(f"{key} does not exist in {self.description}", **self._fields(key)) from None
        except IsADirectoryError:
            raise NotFoundError(
                f"{key} is a folder, not an object, in {self.description}", **self._fields(key)
            ) from None
        except NotADirectoryError:
            self.check()  # the store's own folder is a file: unavailable; else a file inside it blocks the key
            raise NotFoundError(
                f"{key} does not exist in {self.description}: {_shown(self._blocking(path))} is a file, not a folder",
                **self._fields(key),
            ) from None
        except PermissionError as exc:
            raise AccessDeniedError(f"cannot read {_shown(path)}: permission denied", **self._fields(key)) from exc
        return StoredObject(key, data, _etag(stat))

    def create(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> str:
        path = self._path(key)
        tmp = self._write_temp(key, path, data)
        try:
            os.link(tmp, path)  # atomic create-if-absent of a complete file
        except FileExistsError:
            raise ObjectExistsError(f"{key} already exists", **self._fields(key)) from None
        finally:
            os.unlink(tmp)
        return _etag(path.stat())

    def replace(self, key: str, data: bytes, expected_etag: str | None) -> str:
        path = self._path(key)
        with self._lock(key, path):
            try:
                current = _etag(path.stat())
            except FileNotFoundError:
                current = None
            if current != expected_etag:
                raise ObjectExistsError(f"{key} changed since it was read", **self._fields(key))
            tmp = self._write_temp(key, path, data)
            os.replace(tmp, path)
            return _etag(path.stat())

    def delete(self, key: str) -> None:
        unlink(path := self._path(key), key, self.description, self._fields(key), self._check_bucket)
        self._remove_empty_folders(path.parent)  # as in a bucket, a prefix goes with its last object

    def list(self, prefix: str, metadata: bool = False, start_after: str | None = None) -> Iterator[ObjectInfo]:
        # A folder has no user metadata: `metadata` is accepted for the interface and ignored.
        start = self.bucket_dir / prefix if prefix else self.bucket_dir
        if not start.is_dir():
            self._check_bucket()  # nothing listed, unless the store's own folder is a file
            return
        walked = _walked_keys(self.bucket_dir, start)
        for key in walked if start_after is None else sorted(key for key in walked if key > start_after):
            try:
                stat = (self.bucket_dir / key).stat()
            except FileNotFoundError:  # removed while listing
                continue
            yield ObjectInfo(key, stat.st_size, _etag(stat))

    def children(self, prefix: str) -> tuple[builtins.list[str], builtins.list[ObjectInfo]]:
        start = self.bucket_dir / prefix if prefix else self.bucket_dir
        if not start.is_dir():
            self._check_bucket()  # nothing listed, unless the store's own folder is a file
            return [], []
        folders, objects = [], []
        for entry in sorted(os.scandir(start), key=lambda entry: entry.name):
            if entry.is_dir():
                if _holds_object(entry.path):  # as in a bucket, where a prefix exists only through its objects
                    folders.append(entry.name)
            elif _is_object(entry.name):
                try:
                    stat = entry.stat()
                except FileNotFoundError:  # removed while listing
                    continue
                objects.append(ObjectInfo(f"{prefix}{entry.name}", stat.st_size, _etag(stat)))
        return folders, objects

    def list_folders(self, prefix: str) -> builtins.list[str]:
        return self.children(prefix)[0]

    def check(self) -> None:
        existing = next(path for path in (self.bucket_dir, *self.bucket_dir.parents) if path.exists())
        if not existing.is_dir():  # VARLIB_STORE_DIR (or a folder above it), or the folder of models inside it
            inside = existing == self.bucket_dir and existing != self.root
            what = (
                "is a file where the store keeps its folder of models (named by MINIO_BUCKET): move it away, or set"
                " VARLIB_STORE_DIR to another folder"
                if inside
                else "is not a folder; set VARLIB_STORE_DIR to a folder"
            )
            raise StoreUnavailableError(
                f"{_shown(existing)} {what}",
                **self._fields(None),
            )
        parent = self.bucket_dir if self.bucket_dir.exists() else self.root
        if parent.exists() and not os.access(parent, os.R_OK):
            raise AccessDeniedError(f"cannot read {_shown(parent)}: permission denied", **self._fields(None))

    def missing_note(self) -> str | None:
        if self.bucket_dir.is_dir():
            return None
        self.check()
        others = [entry.name for entry in os.scandir(self.root) if entry.is_dir()] if self.root.is_dir() else []
        return missing_bucket_note(
            f"the folder {_shown(self.bucket_dir)} does not exist",
            "beside it",
            others,
            "VARLIB_STORE_DIR and MINIO_BUCKET",
        )

    def _check_bucket(self) -> None:
        """`check` when the store's own folder is not one (a missing prefix inside it is just empty): one stat
        on a listing's common path, the walk up the parents only when it matters."""
        if not self.bucket_dir.is_dir():
            self.check()

    def _file_in_the_way(self, key: str, path: Path) -> Exception:
        """Writing `key` found a file where a folder of `path` should be: the store's own folder (unavailable,
        as `check` says) or one inside it, which no write of that key can get past."""
        self.check()
        return ConflictError(
            f"{key} cannot be written in {self.description}: {_shown(self._blocking(path))} is a file where a folder is"
            " needed; move it away",
            **self._fields(key),
        )

    @staticmethod
    def _blocking(path: Path) -> Path:
        return next((parent for parent in path.parents if parent.is_file()), path)

    def _fields(self, key: str | None) -> dict:
        """The context every error of this store carries (no endpoint: the folder is the bucket)."""
        return {"key": key, "bucket": self.bucket}

    def _oversized(self, key: str, size: int, limit: int) -> ObjectTooLargeError:
        error = ObjectTooLargeError(key, size, limit)
        error.bucket = self.bucket
        return error

    def _write_temp(self, key: str, path: Path, data: bytes) -> str:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=path.parent)
        except (FileExistsError, NotADirectoryError):
            raise self._file_in_the_way(key, path) from None
        except PermissionError as exc:
            self._remove_empty_folders(path.parent)
            raise permission_refused("write", key, path, self._fields(key)) from exc
        except OSError as exc:  # a full disk, a read-only file system, ...
            self._remove_empty_folders(path.parent)
            raise self._write_failed(key, path, exc) from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)  # nothing half-written stays behind
            self._remove_empty_folders(path.parent)
            raise self._write_failed(key, path, exc) from exc
        return tmp

    def _remove_empty_folders(self, folder: Path) -> None:
        """The folders a failed first write made, so they hold nothing: removed, as S3 has no prefix without an
        object (an empty version folder would make the next publish skip its number). One in use is kept."""
        while folder != self.bucket_dir and self.bucket_dir in folder.parents:
            try:
                folder.rmdir()
            except OSError:  # not empty (another write is under way there), or gone
                return
            folder = folder.parent

    def _write_failed(self, key: str, path: Path, exc: OSError) -> StoreUnavailableError:
        return not_done("write", key, path, exc, self._fields(key))

    @contextmanager
    def _lock(self, key: str, path: Path) -> Iterator[None]:
        """Hold `<key>.lock` exclusively (flock on POSIX, LockFileEx on Windows, through filelock)."""
        lock = FileLock(path.with_name(path.name + _LOCK_SUFFIX), timeout=_LOCK_TIMEOUT_S, poll_interval=_LOCK_POLL_S)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except (FileExistsError, NotADirectoryError):
            raise self._file_in_the_way(key, path) from None
        except Timeout as exc:
            raise StoreUnavailableError(
                f"{key}{_LOCK_SUFFIX} in {self.description} stayed locked for"
                f" {_LOCK_TIMEOUT_S:.0f} s; another process is stuck writing {key}",
                **self._fields(key),
            ) from exc
        except PermissionError as exc:
            raise AccessDeniedError(
                f"cannot lock {key} under {_shown(path.parent)}: permission denied", **self._fields(key)
            ) from exc
        except OSError as exc:
            raise self._write_failed(key, path, exc) from exc
        try:
            yield
        finally:
            lock.release()


def _etag(stat: os.stat_result) -> str:
    # Size, mtime and inode change on every write (temp file + rename or link).
    return f"{stat.st_ino:x}-{stat.st_mtime_ns:x}-{stat.st_size:x}"


def _holds_object(folder: str) -> bool:
    """Whether any stored object lies under `folder`; stops at the first (a version folder's first entry)."""
    return any(_is_object(name) for _, _, files in os.walk(folder) for name in files)


def _is_object(file_name: str) -> bool:
    """A stored object, not a write in progress or a lock beside one."""
    return not file_name.startswith(_TEMP_PREFIX) and not file_name.endswith(_LOCK_SUFFIX)
