"""A loopback TCP proxy that counts bytes and can turn into a dead or silent server on demand."""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field

from .minio_server import free_port


@dataclass
class TcpProxy:
    """Forwards 127.0.0.1:port to an upstream host:port.

    mode "pass" forwards; "silent" accepts connections and never answers (a hung server);
    `bytes_down` counts what the upstream sent that reached the client.
    """

    upstream: tuple[str, int]
    port: int = field(default_factory=free_port)
    mode: str = "pass"
    bytes_down: int = 0
    bytes_up: int = 0
    connections: int = 0

    def __post_init__(self) -> None:
        self._listener: socket.socket | None = None
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._stopped = threading.Event()

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> TcpProxy:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", self.port))
        self._listener.listen(64)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        if self._listener is not None:
            _close(self._listener)  # the shutdown wakes the blocked accept(); a close alone left it accepting
        with self._lock:
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def drop_connections(self) -> None:
        """Close every live connection, as a server does with idle keep-alive connections; keep accepting."""
        with self._lock:
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def go_silent(self) -> None:
        """From now on behave like a hung server: drop live connections, accept new ones, never answer."""
        self.mode = "silent"
        with self._lock:
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._stopped.is_set():
                _close(client)
                return
            with self._lock:
                self.connections += 1
                self._open.append(client)
            if self.mode == "silent":
                continue  # hold the connection open and say nothing
            try:
                upstream = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                _close(client)
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open.append(upstream)
            threading.Thread(target=self._pump, args=(client, upstream, "up"), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, "down"), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, direction: str) -> None:
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                target.sendall(chunk)
                with self._lock:
                    if direction == "down":
                        self.bytes_down += len(chunk)
                    else:
                        self.bytes_up += len(chunk)
        except OSError:
            pass
        finally:
            _close(source)
            _close(target)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
