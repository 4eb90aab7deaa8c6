"""The exception tree: every expected failure is a VarlibError whose message names the fix.

    VarlibError
    ├── InvalidInputError            bad arguments, data or lag inputs (the message names the value)
    ├── NotFoundError                unknown model, version or object
    ├── StoreUnavailableError        the store cannot be reached (names the endpoint)
    ├── AccessDeniedError            credentials refused, permission missing, read-only mode
    ├── AuthenticationError          no bearer token, or one that does not verify (REST: 401)
    ├── CorruptArtifactError         an object that is not a valid artifact (reason in the message)
    │   └── ObjectTooLargeError      an object over the size limit, refused before its body is read
    ├── ObjectExistsError            a conditional write lost: the key is taken or changed
    ├── ConflictError                a valid request the store refuses as it stands (a name's shape)
    └── WithdrawnError               `latest` or an alias would stand for a withdrawn version
        └── AllWithdrawnError        `latest` of a model whose every usable version is withdrawn (a NotFoundError too)

Like minio-py's S3Error, an error carries its context as fields (`key`, `endpoint`, `bucket`,
`code`, `field`, `value`, plus `size` and `limit` for an oversized object), so callers can act
on them without parsing the message. What an error means at an edge (a CLI exit code, an HTTP
status) is decided by a table at that edge, never by the exception.
"""

from __future__ import annotations

from typing import Any

STORED = "stored version"  # the `field` of a failure after a publish stored its version; `value` is that version


class VarlibError(Exception):
    """Base class of every failure the product expects and explains."""

    def __init__(
        self,
        message: str,
        *,
        key: str | None = None,
        endpoint: str | None = None,
        bucket: str | None = None,
        code: str | None = None,
        field: str | None = None,
        value: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key  # the object key involved, e.g. "var/0_0_3/model.json"
        self.endpoint = endpoint  # the store endpoint, e.g. "127.0.0.1:9100"
        self.bucket = bucket
        self.code = code  # the store's own error code, e.g. "AccessDenied"
        self.field = field  # which input was bad, as the caller names it: e.g. "steps", "lag_inputs", "lags"
        self.value = value  # the bad value itself

    @property
    def stored(self) -> str | None:
        """The version a publish stored before this failure (its `latest` or audit record then lag), else None:
        a caller offering to publish again must not, or the same model becomes a second version."""
        return str(self.value) if self.field == STORED else None

    def fields(self) -> dict[str, Any]:
        """The context fields that are set (for logs and JSON error bodies)."""
        names = ("key", "endpoint", "bucket", "code", "field", "value")
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}


class InvalidInputError(VarlibError):
    """The caller gave a value the product cannot use; the message names it."""


class OutOfRangeError(InvalidInputError):
    """A forecast beyond what floats hold; `how` says which way, to be followed by "within N steps" ("overflows to
    infinity"), for a caller whose inputs no one typed (a backtest's origins), who words the advice itself."""

    def __init__(self, message: str, how: str) -> None:
        super().__init__(message)
        self.how = how


class NotFoundError(VarlibError):
    """A model, version or object does not exist in the store."""


class StoreUnavailableError(VarlibError):
    """The store did not answer (down, unreachable, timed out, TLS failure)."""


class NothingWrittenError(StoreUnavailableError):
    """A write the store refused before it took effect (a local write that failed before its temporary file was
    renamed into place): unlike a store that stopped answering mid-write, it certainly stored nothing."""


class ProviderUnavailableError(StoreUnavailableError):
    """The identity provider did not answer or is misconfigured, so no sign-in can be checked now. A subclass of
    StoreUnavailableError (a service the request needs is down: 503), named apart so the store is not blamed."""


class AccessDeniedError(VarlibError):
    """The store refused the request: bad credentials, missing permission or read-only mode."""


class CorruptArtifactError(VarlibError):
    """An object in the store is not a usable artifact (truncated, tampered, unknown schema, too big)."""


class ObjectTooLargeError(CorruptArtifactError):
    """An object is larger than the caller's limit; the store refused it before reading the body."""

    def __init__(self, key: str, size: int | None, limit: int) -> None:
        shown = f"{size:,} bytes" if size is not None else "larger than allowed"
        super().__init__(f"{key} is {shown}, over the {limit:,}-byte limit; not read", key=key)
        self.size = size
        self.limit = limit

    def fields(self) -> dict[str, Any]:
        return {**super().fields(), "size": self.size, "limit": self.limit}


class ObjectExistsError(VarlibError):
    """A conditional write found the key taken (create) or changed (compare-and-swap)."""


class ConflictError(VarlibError):
    """A valid request the store's current state refuses, e.g. a version whose shape (variables, transform,
    frequency, kind) differs from its name's newest version within one major version."""


class WithdrawnError(VarlibError):
    """A version was withdrawn: an alias that points at it (or a request for it by a moving name) is refused.

    The version itself still loads when named explicitly, so old results stay reproducible."""


class AllWithdrawnError(NotFoundError, WithdrawnError):
    """`latest` of a model that has versions, every usable one of them withdrawn: it stands for none. A
    NotFoundError to whoever looks for a version to use (there is none), a WithdrawnError by its cause."""


class AuthenticationError(VarlibError):
    """A request carried no credentials, or ones that do not verify (bad signature, wrong issuer or
    audience, expired): the caller must sign in again. Refused permissions are AccessDeniedError."""
