"""MinIO (S3) backend through the minio SDK's public API; its one conditional PUT goes through minio_adapter.

Every SDK and transport failure is translated here into a VarlibError that names the
endpoint and carries it, the bucket, the key and the S3 error code as fields, so callers
never see S3Error or urllib3 exceptions. Without access keys the client is anonymous: its
requests go unsigned, which a bucket with a public-read policy answers.
"""

from __future__ import annotations

import builtins
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import urllib3
from minio import Minio
from minio.credentials import StaticProvider
from minio.error import S3Error
from minio.minioadmin import MinioAdmin

from ..config import ENDPOINT_FORMS, Settings
from ..errors import (
    InvalidInputError,
    ObjectTooLargeError,
)
from . import ObjectInfo, StoredObject, check_key, minio_description, minio_server, missing_bucket_note
from .minio_adapter import check_sdk_version, put_with_headers
from .minio_errors import KEYS, TRANSPORT_ERRORS, translate
from .presigned_get import PresignedGet, proxy_for

META_PREFIX = "x-amz-meta-"


class MinioStore:
    """A bucket on a MinIO or other S3 server."""

    def __init__(
        self,
        client: Minio,
        bucket: str,
        endpoint: str,
        secure: bool,
        anonymous: bool = False,
        fast_reads: PresignedGet | None = None,
    ) -> None:
        check_sdk_version()  # the adapter's private SDK members were checked against one minor version
        self.client = client
        self.bucket = check_key(bucket)
        self.endpoint = endpoint
        self.anonymous = anonymous  # no keys: requests go unsigned, denials say which keys to set
        self.description = minio_description(endpoint, secure, bucket)
        self.server = minio_server(endpoint, secure)
        self._bucket_known = False
        self._fast_reads = fast_reads  # the quick read path (presigned_get); None: every read through the SDK

    @classmethod
    def from_settings(cls, settings: Settings) -> MinioStore:
        """A store for the settings' endpoint and bucket; anonymous (unsigned requests) without keys."""
        client, context = connect(settings)
        endpoint = settings.minio_endpoint or ""
        fast = PresignedGet(client, settings.bucket, endpoint, settings.minio_secure, context, settings.timeout_s)
        return cls(client, settings.bucket, endpoint, settings.minio_secure, settings.anonymous, fast)

    # -- reads -------------------------------------------------------------------------
    def get(self, key: str, max_bytes: int) -> StoredObject:
        check_key(key)
        with self._translate(key):
            quick = self._fast_reads.get(key, max_bytes) if self._fast_reads is not None else None
            if quick is not None:
                data, etag, headers = quick
                return StoredObject(key, data, etag, _user_metadata(headers))
            response = self.client.get_object(self.bucket, key)
            try:
                # Refuse by the announced size before reading the body.
                size = int(response.headers.get("content-length", "0"))
                if size > max_bytes:
                    raise self._oversized(key, size, max_bytes)
                data = response.read(amt=max_bytes + 1)  # never more than the limit, whatever was announced
                if len(data) > max_bytes:
                    raise self._oversized(key, None, max_bytes)
                etag = response.headers.get("etag", "").strip('"')
                metadata = _user_metadata(response.headers)
            finally:
                # A body read to its end is already back in the pool; close() drops an unread one.
                response.close()
                response.release_conn()
        return StoredObject(key, data, etag, metadata)

    def list(self, prefix: str, metadata: bool = False, start_after: str | None = None) -> Iterator[ObjectInfo]:
        with self._translate(prefix or None):
            if not self._bucket_exists():
                return
            # include_user_meta is MinIO's `metadata=true` extension (other S3 servers ignore it);
            # MinIO authorises each object of such a listing again, about 3x a plain one.
            listed = self.client.list_objects(
                self.bucket, prefix=prefix, recursive=True, start_after=start_after or None, include_user_meta=metadata
            )
            for obj in listed:  # S3 lists in ascending key order, as `start_after` promises
                if not obj.is_dir:  # a key ending in '/' is a folder marker, not an object
                    yield _info(obj)

    def children(self, prefix: str) -> tuple[builtins.list[str], builtins.list[ObjectInfo]]:
        with self._translate(prefix or None):
            if not self._bucket_exists():
                return [], []
            folders, objects = [], []
            for obj in self.client.list_objects(self.bucket, prefix=prefix, recursive=False):
                if obj.is_dir:  # a common prefix such as "var/0_0_1/", or a marker for prefix itself
                    name = obj.object_name[len(prefix) :].rstrip("/")
                    if name:
                        folders.append(name)
                else:
                    objects.append(_info(obj))
            return sorted(folders), objects

    def list_folders(self, prefix: str) -> builtins.list[str]:
        return self.children(prefix)[0]

    def check(self) -> None:
        with self._translate(None):
            # remembered afresh: a bucket removed since it was first seen must not keep reading as there
            # (missing_note, asked after this by /ready and the dashboard's probe, and the next publish's create)
            self._bucket_known = self.client.bucket_exists(self.bucket)

    def missing_note(self) -> str | None:
        with self._translate(None):
            if self._bucket_exists():
                return None
        try:  # needs s3:ListAllMyBuckets, which a reader may lack: then the note names no others
            others = [bucket.name for bucket in self.client.list_buckets()]
        except TRANSPORT_ERRORS:
            others = []
        return missing_bucket_note(
            f"bucket '{self.bucket}' does not exist on {self.server}", "its buckets", others, "MINIO_BUCKET"
        )

    # -- writes ------------------------------------------------------------------------
    def create(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> str:
        return self._put(key, data, {"If-None-Match": "*"}, metadata)

    def replace(self, key: str, data: bytes, expected_etag: str | None) -> str:
        condition = {"If-None-Match": "*"} if expected_etag is None else {"If-Match": f'"{expected_etag}"'}
        return self._put(key, data, condition, None)

    def delete(self, key: str) -> None:
        check_key(key)
        with self._translate(key):
            # S3 answers a DELETE of an absent key with success: read its metadata first, so absence is said
            self.client.stat_object(self.bucket, key)
            self.client.remove_object(self.bucket, key)

    def _put(self, key: str, data: bytes, condition: dict[str, str], metadata: Mapping[str, str] | None) -> str:
        check_key(key)
        headers = conditional_put_headers(condition, metadata)
        with self._translate(key):
            self._ensure_bucket()
            # The public put_object would store the precondition as user metadata (see minio_adapter).
            return put_with_headers(self.client, self.bucket, key, data, headers)

    def _bucket_exists(self) -> bool:
        if not self._bucket_known:
            self._bucket_known = self.client.bucket_exists(self.bucket)
        return self._bucket_known

    def _ensure_bucket(self) -> None:
        if self._bucket_exists():
            return
        try:
            self.client.make_bucket(self.bucket)
        except S3Error as exc:
            if exc.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                raise
        self._bucket_known = True

    def _oversized(self, key: str, size: int | None, limit: int) -> ObjectTooLargeError:
        error = ObjectTooLargeError(key, size, limit)
        error.endpoint, error.bucket = self.endpoint, self.bucket
        return error

    @contextmanager
    def _translate(self, key: str | None) -> Iterator[None]:
        """SDK and transport errors as VarlibErrors (minio_errors.translate) naming this endpoint and bucket."""
        try:
            yield
        except ObjectTooLargeError as exc:  # from the quick read path: add where it happened
            raise self._oversized(exc.key or "", exc.size, exc.limit) from None
        except TRANSPORT_ERRORS as exc:
            if isinstance(exc, S3Error) and exc.code == "NoSuchBucket":
                self._bucket_known = False  # created again by the next publish
            raise translate(exc, self.endpoint, self.bucket, key, self.anonymous) from exc


def connect(settings: Settings) -> tuple[Minio, ssl.SSLContext | None]:
    """The SDK client for the settings (both keys or neither, the CA bundle, the endpoint's form checked, each refused
    by name) and its TLS context (None without TLS)."""
    endpoint = settings.minio_endpoint or ""
    if bool(settings.access_key) != bool(settings.secret_key):
        # One key alone would quietly mean anonymous, and every denial would look like a policy problem.
        missing = "MINIO_SECRET_KEY" if settings.access_key else "MINIO_ACCESS_KEY"
        raise InvalidInputError(
            f"{missing} is not set: set both {KEYS}, or neither for anonymous access",
            endpoint=endpoint,
            bucket=settings.bucket,
            field=missing,
        )
    try:
        context = ssl.create_default_context(cafile=settings.ca_bundle) if settings.minio_secure else None
    except OSError as exc:  # a missing or unreadable CA file
        raise InvalidInputError(
            f"MINIO_CA_BUNDLE {settings.ca_bundle!r} cannot be used: {exc}",
            endpoint=endpoint,
            field="MINIO_CA_BUNDLE",
            value=settings.ca_bundle,
        ) from exc
    access, secret = (None, None) if settings.anonymous else (settings.access_key, settings.secret_key)
    try:
        client = Minio(
            endpoint,
            access_key=access,
            secret_key=secret,
            secure=settings.minio_secure,
            http_client=_http_client(settings, context),
        )
    except ValueError as exc:  # the SDK checks the endpoint's form (host, port)
        raise InvalidInputError(
            f"MINIO_ENDPOINT {endpoint!r} is not valid ({exc}): {ENDPOINT_FORMS}",
            endpoint=endpoint,
            field="MINIO_ENDPOINT",
            value=endpoint,
        ) from exc
    return client, context


def admin_clients(settings: Settings) -> tuple[Minio, MinioAdmin]:
    """The S3 client and MinIO's admin client (users, policies) for the settings' endpoint, TLS and keys, built as
    the store builds its own: the deployment scripts set up a bucket and its users with them."""
    if not settings.uses_minio:
        raise InvalidInputError(f"MINIO_ENDPOINT is not set: {ENDPOINT_FORMS}", field="MINIO_ENDPOINT")
    client, context = connect(settings)
    if settings.anonymous:  # the admin API has no anonymous calls
        raise InvalidInputError(f"set {KEYS} (the server's root user)", endpoint=settings.minio_endpoint)
    admin = MinioAdmin(
        endpoint=settings.minio_endpoint or "",
        credentials=StaticProvider(settings.access_key or "", settings.secret_key or ""),
        secure=settings.minio_secure,
        http_client=_http_client(settings, context),
    )
    return client, admin


def conditional_put_headers(condition: Mapping[str, str], metadata: Mapping[str, str] | None) -> dict[str, str]:
    """Headers for a raw PUT: the precondition as-is, user metadata under x-amz-meta-."""
    headers = {"Content-Type": "application/json", **condition}
    for name, value in (metadata or {}).items():
        headers[META_PREFIX + name.lower()] = value
    return headers


def _info(obj) -> ObjectInfo:
    """An ObjectInfo from the SDK's listed Object; user metadata keys lower-case, without x-amz-meta-."""
    metadata = {name.lower().removeprefix(META_PREFIX): value for name, value in (obj.metadata or {}).items()}
    return ObjectInfo(obj.object_name, obj.size or 0, (obj.etag or "").strip('"'), metadata or None)


def _user_metadata(headers: Mapping[str, str]) -> dict[str, str]:
    return {k.lower()[len(META_PREFIX) :]: v for k, v in headers.items() if k.lower().startswith(META_PREFIX)}


def _http_client(settings: Settings, ssl_context: ssl.SSLContext | None) -> urllib3.PoolManager:
    # Few, fast retries: a dead server must fail a request in seconds, not minutes.
    timeout = urllib3.Timeout(connect=min(2.0, settings.timeout_s), read=settings.timeout_s)
    retries = urllib3.Retry(total=1, connect=1, read=0, backoff_factor=0.1, status_forcelist=[502, 503, 504])
    options: dict = {"timeout": timeout, "retries": retries, "maxsize": 16}
    if ssl_context is not None:
        options["ssl_context"] = ssl_context
    scheme = "https" if settings.minio_secure else "http"
    proxy = proxy_for(scheme, (settings.minio_endpoint or "").rsplit(":", 1)[0])
    return urllib3.ProxyManager(proxy, **options) if proxy else urllib3.PoolManager(**options)
