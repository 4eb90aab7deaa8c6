"""A minimal keep-alive HTTP/1.1 GET for small objects: the hot path of every fresh forecast.

Why: reading a 12.8 KB model through the minio SDK, urllib3 and http.client (which parses
response headers with the email package) cost about 0.6 ms of client CPU per request, more than
decoding and forecasting together; this client costs about 0.15 ms. It only handles the common
case, a signed GET answered by a 200 with a Content-Length, and declines everything else
(`Declined`) so that the caller repeats the request through the SDK: errors, redirects, retries
and their messages stay the SDK's. A timeout is not declined (repeating it would double the wait).
"""

from __future__ import annotations

import os
import socket
import ssl
import threading

_HEAD_LIMIT = 64 * 1024
_IDLE_LIMIT = 8


class Declined(Exception):
    """Not handled here (no connection, a status other than 200, no Content-Length): use the SDK."""


class Response:
    """A 200 answer: lower-case headers and the body (None when it was over the caller's limit)."""

    def __init__(self, headers: dict[str, str], body: bytes | None) -> None:
        self.headers, self.body = headers, body


class KeepAliveGetter:
    """GETs to one host over a few reused connections; safe to share between threads."""

    def __init__(self, host: str, port: int, ssl_context: ssl.SSLContext | None, connect_timeout: float,
                 read_timeout: float) -> None:
        self.host, self.port, self.ssl_context = host, port, ssl_context
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
        self._idle: list[_Connection] = []
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def get(self, target: str, headers: dict[str, str], max_bytes: int) -> Response:
        """GET `target` (path and query) with `headers`; the body is left unread over `max_bytes`."""
        request = "".join([f"GET {target} HTTP/1.1\r\n", *(f"{k}: {v}\r\n" for k, v in headers.items()),
                           "\r\n"]).encode("latin-1")
        connection = self._take()
        if connection is not None:
            try:
                return self._exchange(connection, request, max_bytes)
            except socket.timeout:
                raise
            except OSError:
                pass  # an idle connection the server closed meanwhile: once more on a new one
        try:
            connection = _Connection.open(self.host, self.port, self.ssl_context, self.connect_timeout,
                                          self.read_timeout)
        except socket.timeout:
            raise
        except OSError as exc:
            raise Declined(str(exc)) from None  # the SDK retries and reports it as it always has
        return self._exchange(connection, request, max_bytes)

    def _exchange(self, connection: "_Connection", request: bytes, max_bytes: int) -> Response:
        try:
            connection.sock.sendall(request)
            status, headers = connection.read_head()
            length = headers.get("content-length", "")
            if status != 200 or not length.isdigit() or "transfer-encoding" in headers:
                raise Declined(f"HTTP {status}")
            body = connection.read_exactly(int(length)) if int(length) <= max_bytes else None
        except BaseException:
            connection.close()
            raise
        if body is None or headers.get("connection", "").lower() == "close":
            connection.close()  # an unread body, or the server's wish
        else:
            self._give_back(connection)
        return Response(headers, body)

    def _take(self) -> "_Connection | None":
        with self._lock:
            if self._pid != os.getpid():  # a forked child must not share its parent's sockets
                self._idle, self._pid = [], os.getpid()
            return self._idle.pop() if self._idle else None

    def _give_back(self, connection: "_Connection") -> None:
        with self._lock:
            if len(self._idle) < _IDLE_LIMIT:
                self._idle.append(connection)
                return
        connection.close()


class _Connection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock, self.buffer = sock, b""

    @classmethod
    def open(cls, host: str, port: int, ssl_context: ssl.SSLContext | None, connect_timeout: float,
             read_timeout: float) -> "_Connection":
        sock = socket.create_connection((host, port), timeout=connect_timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if ssl_context is not None:
                sock = ssl_context.wrap_socket(sock, server_hostname=host)
            sock.settimeout(read_timeout)
        except BaseException:
            sock.close()
            raise
        return cls(sock)

    def read_head(self) -> tuple[int, dict[str, str]]:
        while b"\r\n\r\n" not in self.buffer:
            if len(self.buffer) > _HEAD_LIMIT:
                raise Declined("response head too large")
            self._fill()
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise Declined(f"not an HTTP/1.x status line: {status_line[:80]!r}")
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return int(parts[1]), headers

    def read_exactly(self, size: int) -> bytes:
        chunks, have = [self.buffer], len(self.buffer)
        while have < size:
            chunk = self._recv()
            chunks.append(chunk)
            have += len(chunk)
        data = b"".join(chunks)
        body, self.buffer = data[:size], data[size:]
        return body

    def _fill(self) -> None:
        self.buffer += self._recv()

    def _recv(self) -> bytes:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionResetError("the server closed the connection")
        return chunk

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass
