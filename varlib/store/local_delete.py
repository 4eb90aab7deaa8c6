"""Deleting one object of the local-folder backend (catalog.scenarios deletes a saved scenario so), with the
store's own words for each failure: an absent key, a folder the user may not write, a file system that refuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import NotFoundError
from .local_refusals import not_done, permission_refused


def unlink(path: Path, key: str, description: str, fields: dict[str, Any], check_bucket: Callable[[], None]) -> None:
    """Remove the file of `key` in one atomic step: a reader opens the whole object or finds none.
    `check_bucket` raises when the store's own folder is missing (unavailable, not an absent object)."""
    try:
        path.unlink()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        check_bucket()
        raise NotFoundError(f"{key} does not exist in {description}", **fields) from None
    except PermissionError as exc:
        raise permission_refused("delete", key, path, fields) from exc
    except OSError as exc:  # a read-only file system, ...
        raise not_done("delete", key, path, exc, fields) from exc
