"""While the provider's key set cannot be fetched, every token is answered with a 503 (ProviderUnavailableError),
whatever it is: a malformed or wrongly signed one must not get a 401 that sends its holder to sign in again."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from varlib import AuthSettings, ProviderUnavailableError, TokenVerifier


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        return listener.getsockname()[1]


@pytest.fixture
def issuer():
    """A provider that publishes its discovery document, whose key set lives on a port nothing listens on."""
    keys = f"http://127.0.0.1:{_closed_port()}/keys"

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps({"issuer": self.server.issuer, "jwks_uri": keys}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.issuer = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.issuer
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("token", ["abc", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"])
def test_a_bad_token_is_a_503_while_the_keys_cannot_be_fetched(issuer, token):
    with pytest.raises(ProviderUnavailableError):
        TokenVerifier(AuthSettings(issuer=issuer, audience="varlib")).verify(token)
