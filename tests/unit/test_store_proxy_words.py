"""A proxy that fails is named as the proxy, not as a MinIO to start: MinIO was never asked."""

from __future__ import annotations

import socket

import pytest

from varlib import Registry
from varlib.config import Settings
from varlib.errors import StoreUnavailableError


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        return listener.getsockname()[1]  # nothing listens there once closed


def test_a_dead_proxy_is_named_with_its_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{_closed_port()}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    endpoint = f"127.0.0.1:{_closed_port()}"
    settings = Settings(store_dir=tmp_path, minio_endpoint=endpoint, access_key="reader", secret_key="secret-key")
    with pytest.raises(StoreUnavailableError) as raised:
        Registry.from_settings(settings).list_names()
    said = str(raised.value)
    assert said.startswith(f"MinIO at {endpoint} could not be reached: the proxy that HTTP_PROXY or HTTPS_PROXY")
    assert "(connection refused)" in said and "NO_PROXY" in said and "start the server" not in said
