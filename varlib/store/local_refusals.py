"""How the local-folder backend words a change the file system refused (writing, locking or deleting an object):
the folder shown on one line, permission refused, or another failure (a full disk, a read-only file system) with
what to do about it. Nothing was changed in each case, and each message says so."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from ..errors import AccessDeniedError, NothingWrittenError
from ..plain_text import escape_controls

_WRITABLE = "make the folder writable for this user, or use a store it may write to"
_ADVICE = {
    errno.EROFS: "the file system is read-only: remount it writable, or point VARLIB_STORE_DIR at a writable one",
    errno.ENOSPC: "free space on that disk and try again",
    errno.EDQUOT: "free space within your disk quota and try again",
    errno.EFBIG: "a file size limit was reached (`ulimit -f`, or the disk's): free space or raise it and try again",
    errno.EACCES: _WRITABLE,
    errno.EPERM: _WRITABLE,
}


def shown(path: Path) -> str:
    """A path in a message: one line, whatever the folder names hold (VARLIB_STORE_DIR is the user's)."""
    return escape_controls(str(path))


def permission_refused(verb: str, key: str, path: Path, fields: dict[str, Any]) -> AccessDeniedError:
    """`verb` ("write", "delete") of `key` at `path` refused for permissions."""
    return AccessDeniedError(
        f"cannot {verb} {key} under {shown(path.parent)}: permission denied; nothing was changed ({_WRITABLE})",
        **fields,
    )


def not_done(verb: str, key: str, path: Path, exc: OSError, fields: dict[str, Any]) -> NothingWrittenError:
    """`verb` of `key` at `path` failed otherwise: the system's reason, and what to do where one is known."""
    advice = _ADVICE.get(exc.errno or 0)
    return NothingWrittenError(
        f"cannot {verb} {key} under {shown(path.parent)}: {exc.strerror or exc}; nothing was changed"
        + (f" ({advice})" if advice else ""),
        **fields,
    )
