"""A start of the service by uvicorn or gunicorn itself (`uvicorn varlib.api:create_app --factory`), not by
`varlib serve`: a bad setting ends it in the one `error:` line `varlib serve` prints, not a traceback in the log."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from varlib import VarlibError

# uvicorn's STARTUP_FAILURE and gunicorn's WORKER_BOOT_ERROR: with several workers, either supervisor stops at a
# worker that exits with it; a worker that exits with any other code is started again, failing the same way forever
STARTUP_FAILURE = 3


@contextlib.contextmanager
def refused_start(from_environment: bool) -> Iterator[None]:
    """A VarlibError in the block, when the app is built from the environment alone (the server's factory call),
    said as `error: ...` on stderr and exit STARTUP_FAILURE; else raised as it is, for a caller to catch."""
    try:
        yield
    except VarlibError as exc:
        if not from_environment:
            raise
        print(f"error: {exc}", file=sys.stderr, flush=True)
        raise SystemExit(STARTUP_FAILURE) from None
