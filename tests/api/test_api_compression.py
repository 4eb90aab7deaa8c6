"""Answers are compressed for clients that ask (Accept-Encoding: gzip) once they are large enough to gain from
it, from the app and from the pinned responses alike; a client that does not ask gets them as they are."""

from __future__ import annotations

import gzip
import json

import pytest
from fastapi.testclient import TestClient

from varlib import Registry, Settings
from varlib.api import GZIP_FROM_BYTES, create_app
from varlib.service import publish_result

FORECAST = "/models/var/versions/0.0.1/forecast"
GZIP = {"Accept-Encoding": "gzip"}
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture(scope="module")
def http(macro_result, tmp_path_factory):
    settings = Settings(store_dir=tmp_path_factory.mktemp("api") / "store", author="tester")
    publish_result(Registry.from_settings(settings), macro_result, "var")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def _raw(http, path: str, headers: dict, body: dict | None = None):
    """The answer's bytes as sent (the client would otherwise undo the compression)."""
    method = "POST" if body is not None else "GET"
    with http.stream(method, path, headers=headers, json=body) as answer:
        return answer, b"".join(answer.iter_raw())


@pytest.mark.parametrize("repeat", [1, 2])  # the second is answered by the pinned responses
def test_a_large_forecast_is_sent_compressed_to_a_client_that_asks(http, repeat):
    body = {"steps": 200}
    for _ in range(repeat):
        packed, packed_bytes = _raw(http, FORECAST, GZIP, body)
    plain, plain_bytes = _raw(http, FORECAST, PLAIN, body)
    assert packed.status_code == plain.status_code == 200
    assert packed.headers["content-encoding"] == "gzip" and "accept-encoding" in packed.headers["vary"].lower()
    assert "content-encoding" not in plain.headers
    assert json.loads(gzip.decompress(packed_bytes)) == json.loads(plain_bytes)
    assert len(packed_bytes) < len(plain_bytes) / 2


def test_a_small_answer_goes_as_it_is(http):
    answer, sent = _raw(http, "/health", GZIP)
    assert answer.status_code == 200 and len(sent) < GZIP_FROM_BYTES
    assert "content-encoding" not in answer.headers
