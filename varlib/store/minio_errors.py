"""What MinIO and the network said, as VarlibErrors that name the endpoint, the bucket and the fix.

Callers of the store never see S3Error, urllib3 or http.client exceptions: `translate` maps each to
the product's error tree and fills its fields (endpoint, bucket, key, the S3 error code).
"""

from __future__ import annotations

import http.client
import re
import ssl
from xml.etree.ElementTree import ParseError

import urllib3
from minio.error import InvalidResponseError, MinioException, S3Error

from ..errors import AccessDeniedError, NotFoundError, ObjectExistsError, StoreUnavailableError, VarlibError

KEYS = "MINIO_ACCESS_KEY and MINIO_SECRET_KEY"
TRANSPORT_ERRORS = (MinioException, ParseError, urllib3.exceptions.HTTPError, http.client.HTTPException, OSError)
_DENIED = {"AccessDenied", "AllAccessDisabled", "AccountProblem"}
_BAD_CREDENTIALS = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken"}
_TAKEN = {"PreconditionFailed", "ConditionalRequestConflict"}
TIMEOUT_SETTING = "VARLIB_STORE_TIMEOUT"  # varlib.config: the seconds a request may wait for an answer
# The address `make minio` serves (scripts/run-minio.sh): only there does naming it help. Elsewhere the message
# reaches REST clients and dashboards whose operators cannot run the repository's Makefile.
MAKE_MINIO_ENDPOINTS = frozenset({"127.0.0.1:9100", "localhost:9100"})
_SECONDS = re.compile(r"\((read|connect) timeout=([0-9.]+)\)")  # urllib3's words: `(read timeout=5.0)`


def translate(exc: BaseException, endpoint: str, bucket: str, key: str | None, anonymous: bool) -> VarlibError:
    """The VarlibError for an SDK or transport failure on `key` (an object, a listing's prefix, or None
    for the bucket itself)."""
    where = f"MinIO at {endpoint}"
    target = f"'{key}' in bucket '{bucket}'" if key else f"bucket '{bucket}'"
    fields: dict = {"endpoint": endpoint, "bucket": bucket, "key": key}
    if isinstance(exc, S3Error):
        return _s3_error(exc, where, target, key, anonymous, {**fields, "code": exc.code})
    if isinstance(exc, (InvalidResponseError, ParseError)):  # a web page, not an S3 answer
        return StoreUnavailableError(
            f"{where} answered on {target}, but not as an S3 server does ({_one_line(exc)[:80]}); check that"
            " MINIO_ENDPOINT names the MinIO API's host and port (not its console or another web server)",
            **fields,
        )
    if isinstance(exc, MinioException):  # a 5xx after retries
        return StoreUnavailableError(f"{where} answered with an error on {target}: {_one_line(exc)}", **fields)
    if _tls_failure(exc):  # not "down": the fix is the CA bundle or the scheme, not starting a server
        return StoreUnavailableError(
            f"{where}: the TLS connection failed ({_tls_reason(exc)}); if the server's certificate comes"
            " from a private authority set MINIO_CA_BUNDLE to that CA's file, and check MINIO_SECURE",
            **fields,
        )
    proxy_failure = getattr(exc, "reason", None)  # urllib3's MaxRetryError wraps it
    if isinstance(proxy_failure, urllib3.exceptions.ProxyError):  # MinIO was never asked: not "start the server"
        return StoreUnavailableError(
            f"{where} could not be reached: the proxy that HTTP_PROXY or HTTPS_PROXY names for it failed"
            f" ({_short_reason(proxy_failure)}); start that proxy or fix the setting, or add the endpoint's host"
            " to NO_PROXY to reach MinIO directly",
            **fields,
        )
    if _timed_out(exc):  # a server that hangs or a host that drops packets: it may be running, so check, not start
        return StoreUnavailableError(_no_answer(where, exc), **fields)
    local = " (`make minio` starts the development one at this address)" if endpoint in MAKE_MINIO_ENDPOINTS else ""
    return StoreUnavailableError(
        f"{where} is unreachable ({_short_reason(exc)}); start the server or fix MINIO_ENDPOINT{local}", **fields
    )


def _s3_error(exc: S3Error, where: str, target: str, key: str | None, anonymous: bool, fields: dict) -> VarlibError:
    bucket = fields["bucket"]
    if exc.code in _TAKEN:
        return ObjectExistsError(f"{key} already exists", **fields)
    if exc.code in ("NoSuchKey", "NoSuchObject"):
        return NotFoundError(f"{key} does not exist in bucket '{bucket}' on {where}", **fields)
    if exc.code == "NoSuchBucket":
        return NotFoundError(f"bucket '{bucket}' does not exist on {where}; publish a model to create it", **fields)
    if exc.code in _BAD_CREDENTIALS:
        return AccessDeniedError(f"{where} refused the credentials ({exc.code}); check {KEYS}", **fields)
    if exc.code in _DENIED and anonymous:
        return AccessDeniedError(
            f"not allowed: {where} denied anonymous access to {target} (no access keys are set); set"
            f" {KEYS} to a user with the needed permission, or for reading ask for a public-read"
            " policy on the bucket",
            **fields,
        )
    if exc.code in _DENIED:
        return AccessDeniedError(
            f"not allowed: {where} denied access to {target}; ask for a user with the needed permission", **fields
        )
    return StoreUnavailableError(f"{where} failed on {target}: {exc.code}: {exc.message}", **fields)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def _tls_failure(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)
    return any(isinstance(e, (ssl.SSLError, urllib3.exceptions.SSLError)) for e in (exc, reason))


def _tls_reason(exc: BaseException) -> str:
    text = str(getattr(exc, "reason", None) or exc)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return "certificate verify failed: " + text.split("certificate verify failed:", 1)[-1].split("(_ssl")[0].strip()
    return text[:160]


def _timed_out(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)  # urllib3's MaxRetryError wraps the timeout
    for error in (exc, reason):
        if isinstance(error, urllib3.exceptions.NewConnectionError):  # urllib3 makes it a timeout's subclass
            return "timed out" in str(error).lower()
        if isinstance(error, (TimeoutError, urllib3.exceptions.TimeoutError)):
            return True
    return "timed out" in str(reason or exc).lower()


def _no_answer(where: str, exc: BaseException) -> str:
    """A timeout said as one, with its seconds when urllib3 gives them. The connect timeout is at most 2 s
    whatever VARLIB_STORE_TIMEOUT says (minio_store._http_client), so that setting is named for answers only."""
    seconds = _SECONDS.search(str(getattr(exc, "reason", None) or exc))
    if seconds and _in_handshake(exc):  # urllib3 calls it a read timeout, but it is the connect timeout's
        return (
            f"{where} took the connection but did not complete the TLS handshake within {float(seconds[2]):g} s;"
            " check that the server is running and not overloaded"
        )
    if seconds and seconds[1] == "connect":  # nothing took the call: a host that is down, or a wrong one
        return (
            f"{where} did not accept a connection within {float(seconds[2]):g} s; check that the server is running"
            " and reachable from here, and that MINIO_ENDPOINT names it"
        )
    within = f"{float(seconds[2]):g} s ({TIMEOUT_SETTING})" if seconds else f"the timeout ({TIMEOUT_SETTING})"
    return (
        f"{where} did not answer within {within}; check that the server is running and reachable, or raise"
        f" {TIMEOUT_SETTING} if it is only slow"
    )


def _in_handshake(exc: BaseException) -> bool:
    """A timeout in the TLS handshake of an HTTPS store (Python's ssl module words it so)."""
    reason = getattr(exc, "reason", None)
    chain = [exc, reason, *(getattr(e, "__cause__", None) for e in (exc, reason))]
    return any("handshake operation timed out" in str(error) for error in chain if error is not None)


def _short_reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    text = str(reason)
    if "Connection refused" in text:
        return "connection refused"
    if "RemoteDisconnected" in text or "Connection aborted" in text:  # not Python's tuple of the two
        return "the connection was closed without an answer"
    return text.split(": ", 1)[-1][:160]
