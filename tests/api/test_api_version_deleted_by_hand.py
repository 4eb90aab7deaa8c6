"""A version deleted from the store by hand while the service runs: the service kept answering it from memory
(the pinned answers, the forecast answers, the artifact) for as long as it ran, while a fresh process said it does
not exist. A kept version is served only while the store, asked at most once a second, still holds it; `latest`
still serves its pointer's copy (README: a `latest` read stays one read)."""

from __future__ import annotations

import pytest

import varlib.catalog.reader
from tests.api.local_store import local_client
from varlib import Registry, publish_result

ASKED = (
    ("GET", "/var_predict/0.0.1?future_periods=2", None),
    ("POST", "/models/var/versions/0.0.1/forecast", {"steps": 2}),
    ("POST", "/models/var/versions/@champion/forecast", {"steps": 2}),
    ("GET", "/models/var/versions/0.0.1/diagnostics", None),
    ("GET", "/models/var/versions/0.0.1", None),
)


def _published(settings, result, versions: int) -> Registry:
    registry = Registry.from_settings(settings)
    for _ in range(versions):
        publish_result(registry, result, "var")
    return registry


def _delete(registry: Registry, key: str) -> None:
    """What the product never does: remove a version's object (its folder goes with it)."""
    store = registry.store
    if hasattr(store, "client"):
        store.client.remove_object(store.bucket, key)
    else:
        store._path(key).unlink()
        store._path(key).parent.rmdir()


@pytest.fixture
def no_delay(monkeypatch):
    """Every request asks the store (else the version is known present for a second)."""
    monkeypatch.setattr(varlib.catalog.reader, "PRESENT_FRESH_S", 0.0, raising=False)


def test_a_version_deleted_by_hand_is_answered_as_absent(store_settings, macro_result, no_delay):
    registry = _published(store_settings, macro_result, 3)
    registry.set_alias("var", "champion", "0.0.1")
    for client in local_client(store_settings):
        for method, path, body in ASKED * 2:  # twice: the second answer of each comes from the caches
            assert client.request(method, path, json=body).status_code == 200, path
        _delete(registry, "var/0_0_1/model.json")
        for method, path, body in ASKED:
            answer = client.request(method, path, json=body)
            assert answer.status_code == 404, (path, answer.text)
            assert "0.0.1" in answer.json()["error"]
        assert client.get("/var_predict/0.0.2?future_periods=2").status_code == 200  # the others are untouched
        assert client.get("/var_predict/latest?future_periods=2").json()["version"] == "0.0.3"


def test_the_newest_deleted_by_hand_is_still_latest_as_documented(store_settings, macro_result, no_delay):
    registry = _published(store_settings, macro_result, 2)
    for client in local_client(store_settings):
        assert client.get("/var_predict/0.0.2?future_periods=2").status_code == 200
        _delete(registry, "var/0_0_2/model.json")
        assert client.get("/var_predict/0.0.2?future_periods=2").status_code == 404
        assert client.get("/var_predict/latest?future_periods=2").json()["version"] == "0.0.2"  # from its copy


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("GET", "/var_predict/latest?future_periods=3", None), ("POST", "/models/var/versions/latest/forecast", {})],
)
def test_a_service_that_never_served_the_newest_serves_latest_from_its_copy(
    store_settings, macro_result, method, path, body
):
    """Above, `latest` was served from an answer kept for 0.0.2 before its deletion: a service started after it (or
    asked for other steps) answered 404, "var 0.0.2 does not exist", for `latest`, which still names it."""
    registry = _published(store_settings, macro_result, 2)
    _delete(registry, "var/0_0_2/model.json")
    for client in local_client(store_settings):
        answer = client.request(method, path, json=body)
        assert answer.status_code == 200, answer.text
        assert answer.json()["version"] == "0.0.2"
        assert client.get("/var_predict/0.0.2?future_periods=3").status_code == 404  # pinned: absent, as before
