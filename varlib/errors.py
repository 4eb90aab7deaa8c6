"""The exception tree: every expected failure is a VarlibError with a message that names the fix.

    VarlibError                      exit code 1
    ├── InvalidInputError            exit code 2 (bad arguments, data or lag inputs)
    ├── NotFoundError                unknown model, version or object
    ├── StoreUnavailableError        the store cannot be reached (names the endpoint)
    ├── AccessDeniedError            credentials refused, permission missing, read-only mode
    ├── CorruptArtifactError         an object that is not a valid artifact (reason in the message)
    └── ObjectExistsError            a conditional create lost: the key is already taken
"""


class VarlibError(Exception):
    """Base class of every failure the product expects and explains."""

    exit_code = 1


class InvalidInputError(VarlibError):
    """The caller gave a value the product cannot use; the message names it."""

    exit_code = 2


class NotFoundError(VarlibError):
    """A model, version or object does not exist in the store."""


class StoreUnavailableError(VarlibError):
    """The store did not answer (down, unreachable, timed out)."""


class AccessDeniedError(VarlibError):
    """The store refused the request: bad credentials, missing permission or read-only mode."""


class CorruptArtifactError(VarlibError):
    """An object in the store is not a usable artifact (truncated, tampered, unknown schema, too big)."""


class ObjectExistsError(VarlibError):
    """A create-if-absent found the key taken. The registry catches it and takes the next version."""
