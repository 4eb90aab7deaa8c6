"""Fast reads of small objects: a GET of a presigned URL, sent with the standard library's http.client.

Why: every fresh `latest` forecast is one read of a 13 KB object, and the SDK's `get_object`
(a signature per request, urllib3's pool and response wrapper) costs about 0.5 ms of client CPU
per read against about 0.2 ms for http.client on a kept-alive connection. End to end a fresh
forecast is about a fifth to a third faster this way (docs/BENCHMARKS.md, "The read path").

What stays the SDK's: it signs the URL (its public `presigned_get_object`; an anonymous client
gives an unsigned URL), so credentials, regions and addressing are its own; and an S3 error
answer becomes its own `S3Error` (its public `S3Error.fromxml`), translated by the store like
any other, without a second request. Anything this path does not expect (a redirect, an error
that is not S3's XML) returns None, and the store asks `get_object` instead. An endpoint reached
through a proxy (`HTTP(S)_PROXY`, unless `NO_PROXY` names it) is always read through the SDK,
whose client the store builds with that proxy.
"""

from __future__ import annotations

import http.client
import os
import ssl
import threading
import time
import urllib.request
from datetime import timedelta
from urllib.parse import SplitResult, urlsplit

import minio
import urllib3
from minio import Minio
from minio.error import S3Error

from ..cache import BoundedCache
from ..errors import ObjectTooLargeError
from ..release import __version__

URL_LIFETIME = timedelta(hours=1)  # how long a presigned URL is valid
URL_REUSE_S = 30 * 60  # reused for half its life, so one in use never expires in flight
_URLS = 4096  # presigned URLs kept per store (one per object key read)
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
USER_AGENT = f"varlib/{__version__} (minio-py/{minio.__version__}; http.client)"


class PresignedGet:
    """Reads of one bucket over kept-alive connections, one per thread and host; safe across threads and forks."""

    def __init__(
        self,
        client: Minio,
        bucket: str,
        endpoint: str,
        secure: bool,
        ssl_context: ssl.SSLContext | None,
        timeout_s: float,
    ) -> None:
        self.client, self.bucket = client, bucket
        self.ssl_context, self.timeout_s = ssl_context, timeout_s
        self._urls: BoundedCache[tuple[SplitResult, float]] = BoundedCache(_URLS)
        self._local = threading.local()
        # A proxy configured for the endpoint: every read through the SDK's client, which uses it.
        self.direct = proxy_for("https" if secure else "http", endpoint.rsplit(":", 1)[0]) is None

    def get(self, key: str, max_bytes: int) -> tuple[bytes, str, dict[str, str]] | None:
        """(body, etag, headers) of `key`; None when the SDK should handle this read (see the module docstring).

        Raises S3Error for an S3 error answer, ObjectTooLargeError over `max_bytes`, and OSError or
        http.client.HTTPException when the server cannot be reached or answers with garbage."""
        if not self.direct:
            return None
        url = self._url(key)
        target = f"{url.path}?{url.query}" if url.query else url.path
        try:
            response, connection = self._send(url, target)
            try:
                return self._answer(key, url, response, max_bytes)
            finally:
                if not response.isclosed():  # an unread body: this connection cannot carry another request
                    connection.close()
        except TimeoutError as exc:  # http.client says only "timed out": given urllib3's words, the store names the
            # seconds as it does for the SDK's reads (minio_errors), and a silent store reads the same on every path
            raise TimeoutError(f"timed out (read timeout={self.timeout_s:g})") from exc

    def _answer(
        self, key: str, url: SplitResult, response: http.client.HTTPResponse, max_bytes: int
    ) -> tuple[bytes, str, dict[str, str]] | None:
        headers = {name.lower(): value for name, value in response.getheaders()}
        if response.status == 200:
            length = headers.get("content-length")
            if length is not None and length.isdigit() and int(length) > max_bytes:
                raise ObjectTooLargeError(key, int(length), max_bytes)  # refused before reading the body
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise ObjectTooLargeError(key, None, max_bytes)
            return data, headers.get("etag", "").strip('"'), headers
        body = response.read(64 * 1024)
        if response.status in (301, 302, 307, 308) or not body.lstrip().startswith(b"<"):
            return None  # a redirect, or an error that is not S3's: the SDK knows what to do
        if response.status == 403 and b"SignatureDoesNotMatch" in body:
            self._urls.clear()  # e.g. the credentials were rotated: presign afresh next time
        raise S3Error.fromxml(
            urllib3.HTTPResponse(body=body, headers=headers, status=response.status, request_url=url.geturl())
        )

    def _url(self, key: str) -> SplitResult:
        hit = self._urls.get(key)
        now = time.monotonic()
        if hit is not None and now - hit[1] < URL_REUSE_S:
            return hit[0]
        url = urlsplit(self.client.presigned_get_object(self.bucket, key, expires=URL_LIFETIME))
        self._urls.put(key, (url, now))
        return url

    def _send(self, url: SplitResult, target: str) -> tuple[http.client.HTTPResponse, http.client.HTTPConnection]:
        """The response to GET `target`, on this thread's kept-alive connection to the URL's host. A
        connection the server closed while idle is replaced once (a GET may be repeated)."""
        connection, reused = self._connection(url)
        try:
            return self._exchange(connection, url, target), connection
        except _STALE:
            connection.close()
            if not reused:
                raise
        connection, _ = self._connection(url)
        return self._exchange(connection, url, target), connection

    @staticmethod
    def _exchange(connection: http.client.HTTPConnection, url: SplitResult, target: str) -> http.client.HTTPResponse:
        try:
            connection.request("GET", target, headers={"Host": url.netloc, "User-Agent": USER_AGENT})
            return connection.getresponse()
        except BaseException:
            connection.close()
            raise

    def _connection(self, url: SplitResult) -> tuple[http.client.HTTPConnection, bool]:
        """This thread's connection to the URL's host (a new one after a fork), and whether it served before."""
        pool = getattr(self._local, "pool", None)
        if pool is None or self._local.pid != os.getpid():  # a forked child must not share its parent's sockets
            pool = self._local.pool = {}
            self._local.pid = os.getpid()
        connection = pool.get(url.netloc)
        if connection is not None and connection.sock is not None:
            return connection, True
        port = url.port or (443 if url.scheme == "https" else 80)
        if url.scheme == "https":
            connection = http.client.HTTPSConnection(
                url.hostname or "", port, timeout=self.timeout_s, context=self.ssl_context
            )
        else:
            connection = http.client.HTTPConnection(url.hostname or "", port, timeout=self.timeout_s)
        pool[url.netloc] = connection
        return connection, False


def proxy_for(scheme: str, host: str) -> str | None:
    """The proxy the environment (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`) names for this host, if any."""
    proxy = urllib.request.getproxies().get(scheme)
    return proxy if proxy and not urllib.request.proxy_bypass(host) else None
