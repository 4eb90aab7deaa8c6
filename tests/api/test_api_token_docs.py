"""The OpenAPI document says which routes need a bearer token, as the service is configured, so the docs page's
Authorize button and generated clients send one where it is needed: the writes and the audit trail with a
provider, every route but the open ones while reads are closed, none without a provider."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import AuthSettings
from varlib.api.security import BEARER, OPEN_PATHS

PROVIDER = {"issuer": "http://127.0.0.1:8797", "audience": "varlib"}  # never asked: the document needs no token
WRITES_AND_TRAIL = {
    ("put", "/models/{name}/aliases/{alias}"),
    ("delete", "/models/{name}/aliases/{alias}"),
    ("post", "/models/{name}/versions/{version}/withdraw"),
    ("put", "/models/{name}/versions/{version}/scenarios/{scenario}"),
    ("get", "/models/{name}/history"),
}


@pytest.fixture(scope="module")
def settings(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("token-docs"), macro_result, versions=1)[0]


def _document(settings, auth: AuthSettings) -> tuple[dict, set[tuple[str, str]], set[tuple[str, str]]]:
    for client in local_client(settings, auth):
        spec = client.get("/openapi.json").json()
    routes = {(method, path) for path, operations in spec["paths"].items() for method in operations}
    needing = {
        (method, path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if operation.get("security") == [{"HTTPBearer": []}]
    }
    return spec, routes, needing


def test_with_a_provider_the_writes_and_the_trail_need_a_token(settings):
    spec, routes, needing = _document(settings, AuthSettings(**PROVIDER))
    assert spec["components"]["securitySchemes"] == {
        "HTTPBearer": {"type": "http", "scheme": "bearer", "description": BEARER.model.description}
    }
    assert needing >= WRITES_AND_TRAIL and ("post", "/models/{name}/versions/{version}/forecast") not in needing
    assert all(path not in OPEN_PATHS for _, path in needing)


def test_with_closed_reads_every_route_but_the_open_ones_needs_a_token(settings):
    _, routes, needing = _document(settings, AuthSettings(**PROVIDER, open_reads=False))
    assert needing == {(method, path) for method, path in routes if path not in OPEN_PATHS}


def test_without_a_provider_no_route_asks_for_a_token(settings):
    spec, _, needing = _document(settings, AuthSettings())
    assert not needing and "securitySchemes" not in spec.get("components", {})
