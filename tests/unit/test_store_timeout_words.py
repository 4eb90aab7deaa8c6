"""A MinIO that does not answer in time is said to have timed out, with the seconds and VARLIB_STORE_TIMEOUT, and
told to be checked (it may well be running), not started; the `make minio` hint only for the address it serves."""

from __future__ import annotations

import socket
import threading

import pytest
import urllib3
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, ReadTimeoutError

from varlib import Registry
from varlib.config import Settings
from varlib.errors import StoreUnavailableError
from varlib.store.minio_errors import translate

POOL = urllib3.HTTPConnectionPool("minio.example.org", 9000)


def said(exc: BaseException, endpoint: str = "minio.example.org:9000") -> str:
    error = translate(exc, endpoint, "models", None, anonymous=False)
    assert isinstance(error, StoreUnavailableError) and error.endpoint == endpoint
    return str(error)


def test_a_read_timeout_names_its_seconds_and_the_setting():
    reason = ReadTimeoutError(POOL, "/models", "Read timed out. (read timeout=5.0)")
    assert said(MaxRetryError(POOL, "/models", reason)) == (
        "MinIO at minio.example.org:9000 did not answer within 5 s (VARLIB_STORE_TIMEOUT); check that the server is"
        " running and reachable, or raise VARLIB_STORE_TIMEOUT if it is only slow"
    )


def test_a_connect_timeout_says_no_connection_was_accepted():
    reason = ConnectTimeoutError(None, "Connection to minio.example.org timed out. (connect timeout=2.0)")
    assert said(MaxRetryError(POOL, "/models", reason)) == (
        "MinIO at minio.example.org:9000 did not accept a connection within 2 s; check that the server is running"
        " and reachable from here, and that MINIO_ENDPOINT names it"
    )


def test_a_timeout_without_its_seconds_names_the_setting():
    message = said(TimeoutError("timed out"))  # a bare socket timeout: no seconds in the error
    assert "did not answer within the timeout (VARLIB_STORE_TIMEOUT)" in message
    assert "start the server" not in message and "make minio" not in message


def refused(endpoint: str) -> MaxRetryError:
    reason = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")
    return MaxRetryError(POOL, "/models", reason)


def test_a_refused_connection_elsewhere_says_start_or_fix_without_the_developer_hint():
    assert said(refused("minio.example.org:9000")) == (
        "MinIO at minio.example.org:9000 is unreachable (connection refused); start the server or fix MINIO_ENDPOINT"
    )


@pytest.mark.parametrize("endpoint", ["127.0.0.1:9100", "localhost:9100"])
def test_a_refused_connection_at_the_make_minio_address_names_make_minio(endpoint):
    assert said(refused(endpoint), endpoint) == (
        f"MinIO at {endpoint} is unreachable (connection refused); start the server or fix MINIO_ENDPOINT"
        " (`make minio` starts the development one at this address)"
    )


@pytest.fixture
def silent_server():
    """A server that accepts connections and never answers, as a hung MinIO does."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:  # closed by the test
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"127.0.0.1:{listener.getsockname()[1]}"
    listener.close()
    for connection in held:
        connection.close()


def test_a_hung_server_is_said_to_time_out_through_the_registry(silent_server):
    settings = Settings(minio_endpoint=silent_server, access_key="a", secret_key="b", bucket="models", timeout_s=0.5)
    with pytest.raises(StoreUnavailableError) as caught:
        Registry.from_settings(settings).list_names()
    assert str(caught.value).startswith(
        f"MinIO at {silent_server} did not answer within 0.5 s (VARLIB_STORE_TIMEOUT); check that the server is running"
    )


def test_a_hung_https_server_is_said_to_stop_in_the_handshake(silent_server):
    # urllib3 words it `read timeout=2.0`, but the 2 s are the connect timeout's: VARLIB_STORE_TIMEOUT is 5
    settings = Settings(
        minio_endpoint=silent_server, minio_secure=True, access_key="a", secret_key="b", bucket="models", timeout_s=5
    )
    with pytest.raises(StoreUnavailableError) as caught:
        Registry.from_settings(settings).list_names()
    assert str(caught.value) == (
        f"MinIO at {silent_server} took the connection but did not complete the TLS handshake within 2 s;"
        " check that the server is running and not overloaded"
    )
