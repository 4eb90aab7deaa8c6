"""An endpoint that answers but is no S3 server (a web page, a console port), or that closes the connection
without a word: named as such, with the setting to check, instead of a cut HTML body or Python's tuple of the
connection error."""

from __future__ import annotations

import http.server
import socket
import threading

import pytest

from varlib import Registry, StoreUnavailableError
from varlib.config import Settings


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<!DOCTYPE HTML><html><body>Directory listing</body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def web_page():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def hang_up():
    """Accepts, reads the request, closes without answering."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)

    def serve():
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            client.recv(65536)
            client.close()

    threading.Thread(target=serve, daemon=True).start()
    yield f"127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def _listing_error(endpoint: str) -> str:
    settings = Settings(minio_endpoint=endpoint, access_key="a", secret_key="b", bucket="models", timeout_s=2)
    with pytest.raises(StoreUnavailableError) as caught:
        Registry.from_settings(settings).list_names()
    return str(caught.value)


def test_a_web_page_is_named_as_no_s3_server(web_page):
    said = _listing_error(web_page)
    assert f"MinIO at {web_page} answered on bucket 'models', but not as an S3 server does (" in said
    assert said.endswith("check that MINIO_ENDPOINT names the MinIO API's host and port (not its console or another"
                         " web server)")  # fmt: skip
    assert "<bod" not in said


def test_a_connection_closed_without_an_answer_says_so(hang_up):
    said = _listing_error(hang_up)
    assert f"MinIO at {hang_up} is unreachable (the connection was closed without an answer)" in said
    assert "RemoteDisconnected" not in said and "('" not in said
