"""Failures of a change cut off part way (the store went away between two of its writes), said as such.

A withdrawal or an alias move is stored by one write, then followed by others (`latest`, the audit trail).
A failure after that write must not read as "nothing happened": the change is in effect, and the person
needs to know what is left and which command completes it (`varlib reindex`), as a cut-off publish says
(catalog.publish.stored_but). A store that stops answering during the write itself may have taken it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import CorruptArtifactError, ObjectTooLargeError, StoreUnavailableError, VarlibError


@contextmanager
def done_but(done: str, step: str, then: str, field: str, value: str) -> Iterator[None]:
    """A failure in the block, after `done` (a sentence: what is stored) happened: said as `step` failing, with
    `then` (what completes it). The error keeps its kind (an edge's status or exit code) and store context."""
    try:
        yield
    except VarlibError as exc:
        message = f"{done}, but {step} failed: {exc.message}; once the store answers, {then}"
        raise _like(exc, message, field, value) from None


@contextmanager
def may_be_done(what: str, look: str, field: str, value: str) -> Iterator[None]:
    """A store that stopped answering during the write of `what`: the write may have landed; `look` says how
    to find out, or what to do that is right either way."""
    try:
        yield
    except StoreUnavailableError as exc:
        message = f"{exc.message}; {what} may have been stored before the store stopped answering: {look}"
        raise _like(exc, message, field, value) from None


def _like(exc: VarlibError, message: str, field: str, value: str) -> VarlibError:
    # Same kind, so the same status and exit code; an oversized object's error takes other arguments.
    kind = CorruptArtifactError if isinstance(exc, ObjectTooLargeError) else type(exc)
    context = {k: v for k, v in VarlibError.fields(exc).items() if k not in ("field", "value")}
    return kind(message, field=field, value=value, **context)
