"""Files the CLI writes where the user said (`report --out`): whole or not at all.

A report written over an earlier one is first written beside it and then put in its place, so that a write
that fails (a full disk) leaves the earlier file as it was instead of a truncated one. A path that is no
regular file (`/dev/stdout`, a pipe) is written in place: replacing it would replace the device or the pipe.
A full disk or a failing device exits 1, as for stdout; a path that cannot take a file is bad input (2).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from varlib import InvalidInputError, VarlibError

DEVICE_FAILURES = (errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EDQUOT)  # a full disk or a failing device: exit 1


def write_text(path: str, text: str, what: str) -> None:
    """Write `text` to the file the user named; VarlibError naming it and what it was for when it cannot be."""
    target = Path(path)
    try:
        if target.is_symlink() or (target.exists() and not target.is_file()):
            target.write_text(text, encoding="utf-8")
        else:
            _replace_whole(target, text)
    except OSError as exc:
        message = f"cannot write {what} to {path!r}: {exc.strerror or exc}"
        if exc.errno in DEVICE_FAILURES:
            raise VarlibError(message + "; the file there before, if any, is unchanged") from None
        raise InvalidInputError(message, field="out", value=path) from None


def _replace_whole(target: Path, text: str) -> None:
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, before the rename)
        "w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
    )
    try:
        with handle:
            handle.write(text)
        os.chmod(handle.name, _mode_of(target))  # a temporary file is private (0600); the report is not
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _mode_of(target: Path) -> int:
    """The permissions the file keeps (an earlier one's), or those a new file gets under the user's umask."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    mask = os.umask(0)  # read by setting it: the CLI runs one thread
    os.umask(mask)
    return 0o666 & ~mask
