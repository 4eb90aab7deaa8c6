"""The two read paths of the MinIO store: presigned GETs over kept-alive http.client connections, and
the SDK's get_object (for what the quick path leaves to it). Both refuse oversized objects before
reading them, release every connection, and report errors the same way."""

from __future__ import annotations

import http.client
import multiprocessing
from dataclasses import replace

import pytest

from tests.support.tcp_proxy import TcpProxy
from varlib.errors import (
    AccessDeniedError,
    CorruptArtifactError,
    NotFoundError,
    ObjectTooLargeError,
    StoreUnavailableError,
)
from varlib.store import open_store
from varlib.store.minio_adapter import sending_pool
from varlib.store.presigned_get import PresignedGet, proxy_for

pytestmark = pytest.mark.minio
KEY = "var/0_0_1/model.json"
BODY = b"x" * 20000


@pytest.fixture
def proxied(minio, minio_settings):
    """The test bucket with one object, reached through a TCP proxy that counts connections and bytes."""
    open_store(minio_settings).create(KEY, BODY, {"varlib-card": "abc"})
    host, port = minio.endpoint.rsplit(":", 1)
    proxy = TcpProxy((host, int(port))).start()
    yield proxy, replace(minio_settings, minio_endpoint=proxy.endpoint)
    proxy.stop()


def _count(monkeypatch, target, name: str) -> list:
    calls: list = []
    original = getattr(target, name)
    monkeypatch.setattr(target, name, lambda *a, **k: calls.append(a) or original(*a, **k))
    return calls


def test_reads_reuse_one_connection_and_never_call_the_sdk(proxied, monkeypatch):
    proxy, settings = proxied
    store = open_store(settings)
    sdk = _count(monkeypatch, store.client, "get_object")
    for _ in range(20):
        got = store.get(KEY, 10**6)
        assert got.data == BODY and got.metadata == {"varlib-card": "abc"} and len(got.etag) == 32
    assert sdk == [] and proxy.connections <= 2  # a region lookup may open one of its own


def test_an_oversized_object_is_refused_before_its_body_is_read(proxied, monkeypatch):
    proxy, settings = proxied
    store = open_store(settings)
    store.get(KEY, 10**6)
    connections = proxy.connections
    reads = _count(monkeypatch, http.client.HTTPResponse, "read")
    with pytest.raises(ObjectTooLargeError, match="20,000 bytes, over the 100-byte limit") as caught:
        store.get(KEY, 100)
    assert caught.value.key == KEY and caught.value.endpoint == settings.minio_endpoint
    assert reads == []  # refused by Content-Length: the body was never read ...
    assert store.get(KEY, 10**6).data == BODY
    assert proxy.connections == connections + 1  # ... and that connection, its body unread, was not reused


def test_a_missing_object_is_one_request_and_the_s3_code(proxied, monkeypatch):
    _, settings = proxied
    store = open_store(settings)
    sdk = _count(monkeypatch, store.client, "get_object")
    sent: list = []
    exchange = PresignedGet._exchange
    monkeypatch.setattr(PresignedGet, "_exchange", staticmethod(lambda *a: sent.append(a) or exchange(*a)))
    with pytest.raises(NotFoundError) as caught:
        store.get("var/9_9_9/model.json", 1024)
    assert caught.value.code == "NoSuchKey" and caught.value.key == "var/9_9_9/model.json"
    assert len(sent) == 1 and sdk == []  # the error answer itself is translated: no second request


def test_a_connection_the_server_closed_while_idle_is_replaced(proxied):
    proxy, settings = proxied
    store = open_store(settings)
    assert store.get(KEY, 10**6).data == BODY
    proxy.drop_connections()
    assert store.get(KEY, 10**6).data == BODY
    assert store.get(KEY, 10**6).data == BODY


def test_refused_credentials_are_reported_from_the_quick_path(minio, minio_settings):
    open_store(minio_settings).create(KEY, BODY)
    wrong = open_store(replace(minio_settings, secret_key="not-the-secret"))
    with pytest.raises(AccessDeniedError, match="refused the credentials"):
        wrong.get(KEY, 10**6)


def test_a_forked_process_opens_its_own_connection(proxied):
    proxy, settings = proxied
    store = open_store(settings)
    store.get(KEY, 10**6)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()

    def read_in_child() -> None:
        queue.put(store.get(KEY, 10**6).data == BODY)

    child = context.Process(target=read_in_child)
    child.start()
    child.join(30)
    assert child.exitcode == 0 and queue.get(timeout=5) is True
    assert store.get(KEY, 10**6).data == BODY  # the parent's connection was not disturbed


def test_the_sdk_path_releases_every_response_and_refuses_by_the_announced_size(minio_settings, monkeypatch):
    store = open_store(minio_settings)
    store._fast_reads = None  # every read through get_object, as for hosts behind a proxy
    store.create(KEY, BODY, {"varlib-card": "abc"})
    responses, amounts = [], []
    original = store.client.get_object

    def spy(*args, **kwargs):
        response = original(*args, **kwargs)
        responses.append(response)
        read = response.read
        monkeypatch.setattr(response, "read", lambda amt=None, **k: amounts.append(amt) or read(amt=amt, **k))
        return response

    monkeypatch.setattr(store.client, "get_object", spy)
    got = store.get(KEY, 10**6)
    assert got.data == BODY and got.metadata == {"varlib-card": "abc"} and len(got.etag) == 32
    assert amounts == [10**6 + 1]  # never asks for more than the limit plus one byte
    with pytest.raises(CorruptArtifactError, match="20,000 bytes, over the 100-byte limit"):
        store.get(KEY, 100)
    assert amounts == [10**6 + 1]  # refused by Content-Length: the body was never read
    with pytest.raises(NotFoundError):
        store.get("var/9_9_9/model.json", 1024)
    assert len(responses) == 2 and all(response.closed for response in responses)


def test_a_host_behind_a_proxy_is_read_through_the_sdk_and_its_proxy(minio_settings, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert proxy_for("http", "127.0.0.1") == "http://127.0.0.1:3128"
    store = open_store(minio_settings)
    assert type(sending_pool(store.client)).__name__ == "ProxyManager"
    assert store._fast_reads.get(KEY, 10**6) is None  # the quick path steps aside before signing anything
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert proxy_for("http", "127.0.0.1") is None


def test_a_silent_store_is_said_to_time_out_in_the_same_words_on_both_paths(proxied):
    """A version's read (the quick path) said "within the timeout" where a listing of the same frozen MinIO said
    "within 0.5 s": a forecast and a listing disagreed on what the operator should look at."""
    proxy, settings = proxied
    store = open_store(replace(settings, timeout_s=0.5))
    assert store.get(KEY, 10**6).data == BODY  # the bucket's region and a kept-alive connection, as in service
    proxy.go_silent()
    said = []
    for read in (lambda: store.get(KEY, 10**6), lambda: list(store.list("var/"))):
        with pytest.raises(StoreUnavailableError) as caught:
            read()
        said.append(str(caught.value))
    assert said[0] == said[1], said
    assert said[0].startswith(f"MinIO at {proxy.endpoint} did not answer within 0.5 s (VARLIB_STORE_TIMEOUT)"), said
