"""Deleting one object of the local-folder backend (catalog.scenarios deletes a saved scenario so), with the
store's own words for each failure: an absent key, a folder the user may not write, a file system that refuses;
and how the backend shows a path in a message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import AccessDeniedError, NotFoundError, NothingWrittenError
from ..plain_text import escape_controls


def shown(path: Path) -> str:
    """A path in a message: one line, whatever the folder names hold (VARLIB_STORE_DIR is the user's)."""
    return escape_controls(str(path))


def unlink(path: Path, key: str, description: str, fields: dict[str, Any], check_bucket: Callable[[], None]) -> None:
    """Remove the file of `key` in one atomic step: a reader opens the whole object or finds none.
    `check_bucket` raises when the store's own folder is missing (unavailable, not an absent object)."""
    try:
        path.unlink()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        check_bucket()
        raise NotFoundError(f"{key} does not exist in {description}", **fields) from None
    except PermissionError as exc:
        raise AccessDeniedError(
            f"cannot delete {key} under {shown(path.parent)}: permission denied; nothing was changed"
            " (make the folder writable for this user, or use a store it may write to)",
            **fields,
        ) from exc
    except OSError as exc:  # a read-only file system, ...
        raise NothingWrittenError(
            f"cannot delete {key} under {shown(path.parent)}: {exc.strerror or exc}; nothing was changed",
            **fields,
        ) from exc
