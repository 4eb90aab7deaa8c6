"""The keep-alive GET against a scripted loopback server: reuse, stale connections, and what it declines."""

import socket
import threading
import time

import pytest

from varlib.store.keepalive_get import Declined, KeepAliveGetter


class ScriptedServer:
    """Accepts connections on loopback and answers each request with the next scripted reply.

    A reply is raw bytes, or "close" to close the connection instead, or "silent" to never answer."""

    def __init__(self, replies) -> None:
        self.replies = list(replies)
        self.connections = 0
        self.requests: list[bytes] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        buffer = b""
        with conn:
            while self.replies:
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                request, _, buffer = buffer.partition(b"\r\n\r\n")
                self.requests.append(request)
                reply = self.replies.pop(0)
                if reply == "close":
                    return
                if reply == "silent":
                    time.sleep(5)
                    return
                conn.sendall(reply)

    def close(self) -> None:
        self.listener.close()


def ok(body: bytes, extra: str = "") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nETag: \"e1\"\r\nX-Amz-Meta-Card: c\r\n{extra}\r\n"
            .encode() + body)


def getter(server: ScriptedServer, read_timeout: float = 2.0) -> KeepAliveGetter:
    return KeepAliveGetter("127.0.0.1", server.port, None, 1.0, read_timeout)


def test_answers_come_back_whole_and_one_connection_serves_many():
    body = bytes(range(256)) * 300  # several recv() calls
    server = ScriptedServer([ok(body), ok(b"second")])
    client = getter(server)
    first = client.get("/models/var/a.json?x=1", {"Host": "h", "Authorization": "sig"}, 10**6)
    second = client.get("/models/var/b.json", {"Host": "h"}, 10**6)
    assert first.body == body and second.body == b"second"
    assert first.headers["etag"] == '"e1"' and first.headers["x-amz-meta-card"] == "c"
    assert server.connections == 1
    assert server.requests[0].startswith(b"GET /models/var/a.json?x=1 HTTP/1.1\r\nHost: h\r\nAuthorization: sig")
    server.close()


def test_a_connection_the_server_closed_is_replaced_once():
    server = ScriptedServer([ok(b"one"), "close", ok(b"two")])
    client = getter(server)
    assert client.get("/a", {}, 100).body == b"one"
    assert client.get("/b", {}, 100).body == b"two"  # the idle connection was dead: a new one
    assert server.connections == 2
    server.close()


@pytest.mark.parametrize("reply", [
    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody until close",
    b"SSH-2.0-not-http\r\n\r\n",
])
def test_anything_but_a_plain_200_is_declined(reply):
    server = ScriptedServer([reply])
    with pytest.raises(Declined):
        getter(server).get("/a", {}, 100)
    server.close()


def test_an_oversized_body_is_not_read_and_its_connection_not_kept():
    server = ScriptedServer([ok(b"x" * 5000), ok(b"small")])
    client = getter(server)
    response = client.get("/big", {}, 100)
    assert response.body is None and response.headers["content-length"] == "5000"
    assert client.get("/small", {}, 100).body == b"small"
    assert server.connections == 2
    server.close()


def test_no_server_is_declined_and_a_silent_one_times_out():
    port = socket.create_server(("127.0.0.1", 0))
    free = port.getsockname()[1]
    port.close()
    with pytest.raises(Declined):
        KeepAliveGetter("127.0.0.1", free, None, 1.0, 1.0).get("/a", {}, 100)
    server = ScriptedServer(["silent"])
    started = time.monotonic()
    with pytest.raises(socket.timeout):
        getter(server, read_timeout=0.5).get("/a", {}, 100)
    assert time.monotonic() - started < 3
    server.close()


def test_a_forked_child_does_not_reuse_its_parents_connections():
    server = ScriptedServer([ok(b"parent"), ok(b"child")])
    client = getter(server)
    assert client.get("/a", {}, 100).body == b"parent"
    client._pid = -1  # what os.getpid() looks like to the pool after a fork
    assert client.get("/b", {}, 100).body == b"child"
    assert server.connections == 2
    server.close()
